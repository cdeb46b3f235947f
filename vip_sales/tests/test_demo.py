from odoo.modules.module import get_manifest
from odoo.tests import TransactionCase, tagged
from odoo.tools.convert import convert_file


@tagged("post_install", "-at_install")
class TestDemoData(TransactionCase):
    """The demo world loads (the test database has no demo data, so load it here)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        for filename in get_manifest("vip_sales")["demo"]:
            convert_file(cls.env, "vip_sales", filename, {}, mode="init", noupdate=True)

    def test_demo_company_sells_in_roubles_with_vat(self):
        company = self.env.ref("vip_sales.company_vip_demo")
        self.assertEqual(company.currency_id, self.env.ref("base.RUB"))
        self.assertEqual(company.account_sale_tax_id.amount, 20.0)
        self.assertEqual(company.account_sale_tax_id.company_id, company)

    def test_demo_users_have_their_roles(self):
        head = self.env.ref("vip_sales.user_vip_head")
        self.assertTrue(head.has_group("vip_sales.group_vip_head"))
        for xmlid in ("vip_sales.user_vip_manager1", "vip_sales.user_vip_manager2"):
            manager = self.env.ref(xmlid)
            self.assertTrue(manager.has_group("vip_sales.group_vip_manager"))
            self.assertFalse(manager.has_group("vip_sales.group_vip_head"))
            self.assertEqual(manager.company_id, self.env.ref("vip_sales.company_vip_demo"))
        # The first manager works in Russian, the head in English.
        self.assertEqual(self.env.ref("vip_sales.user_vip_manager1").lang, "ru_RU")
        self.assertEqual(head.lang, "en_US")
        logins = self.env["res.users"].search([("login", "like", "vip_%")]).mapped("login")
        self.assertEqual(sorted(logins), ["vip_head", "vip_manager1", "vip_manager2"])
