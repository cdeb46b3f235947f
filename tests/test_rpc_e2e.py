"""The VIP client card and tiers over XML-RPC: the same walls as in the interface."""

import xmlrpc.client

from rpc_common import RpcCase

from odoo.tests import new_test_user


class VipRpcCase(RpcCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.manager = new_test_user(cls.env, login="rpc_vip_manager", groups="vip_sales.group_vip_manager")
        cls.head = new_test_user(cls.env, login="rpc_vip_head", groups="vip_sales.group_vip_head")
        cls.tier = cls.env["vip.tier"].create({"name": "Platinum"})
        cls.other_manager = new_test_user(
            cls.env, login="rpc_vip_manager2", groups="vip_sales.group_vip_manager"
        )
        cls.client = cls.env["res.partner"].create(
            {
                "name": "RPC Client",
                "is_company": True,
                "vip_tier_id": cls.tier.id,
                "vip_manager_id": cls.manager.id,
            }
        )


class TestRpcAccess(VipRpcCase):
    def test_manager_reads_but_cannot_change_tiers(self):
        rows = self._call(self.manager.login, "vip.tier", "read", [self.tier.id], ["name"])
        self.assertEqual(rows[0]["name"], "Platinum")
        with self.assertRaises(xmlrpc.client.Fault) as refusal:
            self._call(self.manager.login, "vip.tier", "write", [self.tier.id], {"name": "Diamond"})
        self.assertIn("You are not allowed to modify", refusal.exception.faultString)
        self.assertEqual(self.tier.name, "Platinum")

    def test_head_edits_tiers(self):
        self._call(self.head.login, "vip.tier", "write", [self.tier.id], {"call_interval_days": 3})
        self.assertEqual(self.tier.call_interval_days, 3)

    def test_client_card_rules_hold_over_rpc(self):
        # The owner edits the card of his client...
        self._call(self.manager.login, "res.partner", "write", [self.client.id], {"vip_kpp": "773601001"})
        self.assertEqual(self.client.vip_kpp, "773601001")
        # ...another manager does not, and nobody but the head changes tier or owner.
        with self.assertRaises(xmlrpc.client.Fault) as refusal:
            self._call(
                self.other_manager.login, "res.partner", "write", [self.client.id], {"vip_1c_code": "X"}
            )
        self.assertIn("belongs to its VIP manager", refusal.exception.faultString)
        for login, vals in (
            (self.manager.login, {"vip_tier_id": False}),
            (self.other_manager.login, {"vip_manager_id": self.other_manager.id}),
        ):
            with self.assertRaises(xmlrpc.client.Fault) as refusal:
                self._call(login, "res.partner", "write", [self.client.id], vals)
            self.assertIn("Only the head of sales", refusal.exception.faultString)
        self._call(
            self.head.login,
            "res.partner",
            "write",
            [self.client.id],
            {"vip_manager_id": self.other_manager.id},
        )
        self.assertEqual(self.client.vip_manager_id, self.other_manager)
        self.assertEqual(self.client.user_id, self.other_manager)

    def test_invalid_requisites_are_refused_over_rpc(self):
        with self.assertRaises(xmlrpc.client.Fault) as refusal:
            self._call(
                self.manager.login, "res.partner", "write", [self.client.id], {"vip_ogrn": "1027700132196"}
            )
        self.assertIn("OGRN", refusal.exception.faultString)
        self.assertFalse(self.client.vip_ogrn)


class TestRpcPlansAndTrips(VipRpcCase):
    """Plans and trips refuse the wrong user over RPC exactly as in the interface."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.plan = cls.env["vip.sales.plan"].create(
            {
                "user_id": cls.manager.id,
                "date_from": "2025-01-01",
                "date_to": "2025-01-31",
                "target_amount": 100.0,
            }
        )

    def _refused(self, login, model, method, *args):
        with self.assertRaises(xmlrpc.client.Fault) as refusal:
            self._call(login, model, method, *args)
        return refusal.exception.faultString

    def test_plans(self):
        manager = self.manager.login
        rows = self._call(
            manager, "vip.sales.plan", "read", [self.plan.id], ["target_amount", "actual_amount"]
        )
        self.assertEqual(rows[0]["target_amount"], 100.0)
        self.assertIn(
            "not allowed to modify",
            self._refused(manager, "vip.sales.plan", "write", [self.plan.id], {"target_amount": 1.0}),
        )
        self._refused(manager, "vip.sales.plan", "action_approve", [self.plan.id])
        self.assertEqual((self.plan.state, self.plan.target_amount), ("draft", 100.0))
        self._call(self.head.login, "vip.sales.plan", "action_approve", [self.plan.id])
        self.assertEqual(self.plan.state, "approved")

    def test_trip_workflow(self):
        manager, head = self.manager.login, self.head.login
        trip_id = self._call(
            manager,
            "vip.trip",
            "create",
            {
                "name": "Urals",
                "destination": "Yekaterinburg",
                "date_from": "2025-05-12",
                "date_to": "2025-05-13",
                "partner_ids": [(6, 0, [self.client.id])],
            },
        )
        self._call(manager, "vip.trip", "action_submit", [trip_id])
        self.assertIn(
            "Only the head of sales", self._refused(manager, "vip.trip", "action_approve", [trip_id])
        )
        self._refused(manager, "vip.trip", "write", [trip_id], {"state": "approved"})
        self._refused(manager, "vip.trip", "write", [trip_id], {"budget": 99999.0})
        self.assertIn("refusal comment", self._refused(head, "vip.trip", "action_refuse", [trip_id]))
        trip = self.env["vip.trip"].browse(trip_id)
        self.assertEqual((trip.state, trip.budget), ("submitted", 0.0))

        self._call(head, "vip.trip", "action_approve", [trip_id])
        self.assertRecordValues(trip, [{"state": "approved", "approved_by_id": self.head.id}])
        self.assertEqual(trip.visit_ids.partner_id, self.client)

    def test_head_cannot_approve_own_trip(self):
        head = self.head.login
        trip_id = self._call(
            head,
            "vip.trip",
            "create",
            {
                "name": "Own",
                "destination": "Perm",
                "date_from": "2025-05-12",
                "date_to": "2025-05-12",
                "partner_ids": [(6, 0, [self.client.id])],
            },
        )
        self._call(head, "vip.trip", "action_submit", [trip_id])
        self.assertIn("your own business trip", self._refused(head, "vip.trip", "action_approve", [trip_id]))
        self.assertEqual(self.env["vip.trip"].browse(trip_id).state, "submitted")
