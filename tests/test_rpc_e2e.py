"""End-to-end checks over Odoo's external API (XML-RPC), as a client program would call it.

Run by pytest-odoo against the database the module tests built (``scripts/vip test``), with
Odoo's HTTP server started in-process (``--odoo-http``).
"""

import xmlrpc.client

from odoo.tests import HttpCase, new_test_user


class TestRpcAccess(HttpCase):
    # Outside an addon, Odoo's test metaclass cannot derive these from the module path.
    test_module = "vip_sales_e2e"
    test_tags = frozenset({"standard", "post_install"})

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

    def _uid(self, login):
        return self.xmlrpc_common.authenticate(self.env.cr.dbname, login, login, {})

    def _call(self, login, model, method, *args):
        return self.xmlrpc_object.execute_kw(
            self.env.cr.dbname, self._uid(login), login, model, method, list(args)
        )

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
