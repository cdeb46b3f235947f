from lxml import etree

from odoo.modules.module import get_manifest
from odoo.tests import TransactionCase, tagged
from odoo.tools.convert import convert_file
from odoo.tools.misc import file_path

from .common import RUSSIAN, load_russian


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
        # The demo is Russian: every user of it works in Russian, and starts on his own day.
        users = (
            head | self.env.ref("vip_sales.user_vip_manager1") | self.env.ref("vip_sales.user_vip_manager2")
        )
        self.assertEqual(set(users.mapped("lang")), {"ru_RU"})
        self.assertEqual(head.action_id.id, self.env.ref("vip_sales.vip_approval_request_action").id)
        self.assertEqual(
            (users - head).action_id.ids, self.env.ref("vip_sales.mail_activity_action_vip_today").ids
        )
        logins = self.env["res.users"].search([("login", "like", "vip_%")]).mapped("login")
        self.assertEqual(sorted(logins), ["vip_head", "vip_manager1", "vip_manager2"])

    def _demo_records(self):
        """(file, record element) of every demo file of vip_sales."""
        for filename in get_manifest("vip_sales")["demo"]:
            tree = etree.parse(file_path(f"vip_sales/{filename}"))
            for record in tree.iter("record"):
                yield filename, record

    def test_translatable_demo_values_have_russian(self):
        """A Russian-speaking manager sees the demo tiers, reasons, packages... in Russian."""
        for filename, record in self._demo_records():
            model = self.env[record.get("model")]
            given = {field.get("name") for field in record.iter("field")}
            for field in record.iter("field"):
                name = field.get("name")
                model_field = model._fields.get(name)
                if not (model_field and model_field.translate and model_field.store and field.text):
                    continue
                with self.subTest(file=filename, record=record.get("id"), field=name):
                    self.assertIn(f"{name}@{RUSSIAN}", given, "a translatable demo value needs its Russian")

    def test_demo_comes_out_in_the_users_language(self):
        load_russian(self.env)
        checked = 0
        for _filename, record in self._demo_records():
            for field in record.iter("field"):
                name, _sep, lang = field.get("name").partition("@")
                if lang != RUSSIAN:
                    continue
                demo = self.env.ref(f"vip_sales.{record.get('id')}")
                source = record.find(f"field[@name='{name}']").text
                self.assertEqual(demo.with_context(lang=RUSSIAN)[name], field.text)
                self.assertEqual(demo.with_context(lang="en_US")[name], source)
                checked += 1
        self.assertGreater(checked, 50)
        gold = self.env.ref("vip_sales.vip_tier_gold_demo")
        self.assertEqual(gold.with_context(lang=RUSSIAN).name, "Золотой")
        self.assertEqual(gold.with_context(lang="en_US").name, "Gold")
