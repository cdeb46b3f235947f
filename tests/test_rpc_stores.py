"""Stores, brand sections and surveys over XML-RPC: the record rules hold for a client program.

A VIP manager reaches only the stores of their own clients, whatever they call; the head of
sales reaches all of them. Run by pytest-odoo like ``test_rpc_e2e.py``.
"""

import re
import xmlrpc.client

from odoo.tests import HttpCase, new_test_user


class TestRpcStores(HttpCase):
    test_module = "vip_sales_e2e"
    test_tags = frozenset({"standard", "post_install"})

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.owner = new_test_user(cls.env, login="rpc_store_owner", groups="vip_sales.group_vip_manager")
        cls.intruder = new_test_user(
            cls.env, login="rpc_store_intruder", groups="vip_sales.group_vip_manager"
        )
        cls.head = new_test_user(cls.env, login="rpc_store_head", groups="vip_sales.group_vip_head")
        tier = cls.env["vip.tier"].create({"name": "RPC Gold", "target_floor_share": 20})
        cls.client = cls.env["res.partner"].create(
            {"name": "RPC Chain", "is_company": True, "vip_tier_id": tier.id, "vip_manager_id": cls.owner.id}
        )
        cls.store = cls.env["vip.store"].create(
            {"partner_id": cls.client.id, "name": "Main", "total_area": 400}
        )
        cls.section = cls.env["vip.brand.section"].create(
            {
                "store_id": cls.store.id,
                "name": "Sofas",
                "area": 40,
                "state": "installed",
                "date_installed": "2025-01-10",
            }
        )
        cls.survey = cls.env["vip.share.survey"].create(
            {"store_id": cls.store.id, "date": "2025-02-01", "our_sku_count": 9, "total_sku_count": 90}
        )

    def _call(self, login, model, method, *args, **kwargs):
        uid = self.xmlrpc_common.authenticate(self.env.cr.dbname, login, login, {})
        return self.xmlrpc_object.execute_kw(
            self.env.cr.dbname, uid, login, model, method, list(args), kwargs
        )

    def assertRefused(self, login, model, method, *args):
        """The call fails on the access rights or record rules of ``model``."""
        with self.assertRaises(xmlrpc.client.Fault) as refusal:
            self._call(login, model, method, *args)
        expected = rf"doesn't have '\w+' access to:\n- .* \({re.escape(model)}\)"
        self.assertRegex(refusal.exception.faultString, expected)

    def test_wrong_manager_is_refused(self):
        intruder = self.intruder.login
        self.assertEqual(
            self._call(intruder, "vip.store", "search", [("partner_id", "=", self.client.id)]), []
        )
        self.assertEqual(self._call(intruder, "vip.share.survey", "search_count", []), 0)
        self.assertRefused(intruder, "vip.store", "read", [self.store.id], ["name", "floor_share"])
        self.assertRefused(intruder, "vip.store", "write", [self.store.id], {"total_area": 1000})
        self.assertRefused(intruder, "vip.store", "unlink", [self.store.id])
        self.assertRefused(intruder, "vip.brand.section", "write", [self.section.id], {"state": "removed"})
        self.assertRefused(intruder, "vip.brand.section", "action_remove", [self.section.id])
        self.assertRefused(intruder, "vip.share.survey", "write", [self.survey.id], {"our_sku_count": 90})
        self.assertRefused(
            intruder,
            "vip.share.survey",
            "create",
            {"store_id": self.store.id, "our_sku_count": 1, "total_sku_count": 2},
        )
        self.assertRefused(
            intruder,
            "vip.store",
            "create",
            {"partner_id": self.client.id, "name": "Mine now", "total_area": 10},
        )
        # The client's KPIs reveal nothing of the stores to another manager.
        [kpis] = self._call(
            intruder, "res.partner", "read", [self.client.id], ["vip_store_count", "vip_floor_share"]
        )
        self.assertEqual((kpis["vip_store_count"], kpis["vip_floor_share"]), (0, 0.0))
        # Nothing changed.
        self.assertRecordValues(self.store, [{"total_area": 400.0, "active": True, "survey_count": 1}])
        self.assertEqual((self.section.state, self.survey.our_sku_count), ("installed", 9))

    def test_owner_and_head_work_on_the_store(self):
        owner = self.owner.login
        survey_id = self._call(
            owner,
            "vip.share.survey",
            "create",
            {"store_id": self.store.id, "date": "2025-05-01", "our_sku_count": 18, "total_sku_count": 90},
        )
        [kpis] = self._call(
            owner,
            "res.partner",
            "read",
            [self.client.id],
            ["vip_floor_share", "vip_floor_share_gap", "vip_assortment_share", "vip_surveyed_store_count"],
        )
        self.assertEqual(
            (kpis["vip_floor_share"], kpis["vip_floor_share_gap"], kpis["vip_assortment_share"]),
            (10.0, 10.0, 20.0),
        )
        head = self.head.login
        self._call(head, "vip.store", "write", [self.store.id], {"total_area": 200})
        [store] = self._call(head, "vip.store", "read", [self.store.id], ["floor_share", "last_survey_id"])
        self.assertEqual((store["floor_share"], store["last_survey_id"][0]), (20.0, survey_id))

    def test_bad_input_gets_a_clear_error(self):
        owner = self.owner.login
        with self.assertRaises(xmlrpc.client.Fault) as refusal:
            self._call(owner, "vip.store", "write", [self.store.id], {"total_area": 0})
        self.assertIn("The total area of a store must be greater than zero.", refusal.exception.faultString)
        with self.assertRaises(xmlrpc.client.Fault) as refusal:
            self._call(owner, "vip.share.survey", "write", [self.survey.id], {"our_sku_count": 91})
        self.assertIn(
            "Our models cannot outnumber all the models the store carries.", refusal.exception.faultString
        )
        with self.assertRaises(xmlrpc.client.Fault) as refusal:
            self._call(owner, "vip.store", "write", [self.store.id], {"total_area": 39})
        self.assertIn("more than its total area of 39.0 m²", refusal.exception.faultString)
        self.assertEqual((self.store.total_area, self.survey.our_sku_count), (400.0, 9))
