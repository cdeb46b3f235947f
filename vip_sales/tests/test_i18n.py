import re

import polib

from odoo.tests import TransactionCase, tagged
from odoo.tools.misc import file_path
from odoo.tools.translate import TranslationModuleReader

from .common import load_russian

MODULES = ("vip_sales", "vip_sales_report", "vip_sales_1c")


@tagged("post_install", "-at_install")
class TestRussianTranslation(TransactionCase):
    """The users read Russian: every user-facing string of both modules is translated."""

    def _translated(self, module):
        po = polib.pofile(file_path(f"{module}/i18n/ru.po"))
        return {entry.msgid for entry in po if entry.msgstr and "fuzzy" not in entry.flags}

    def _terms(self, module):
        return {row[4] for row in TranslationModuleReader(self.env.cr, [module])}

    def test_every_term_is_translated(self):
        for module in MODULES:
            with self.subTest(module=module):
                terms = self._terms(module)
                self.assertTrue(terms, "the module has user-facing terms")
                missing = sorted(terms - self._translated(module))
                self.assertFalse(
                    missing,
                    f"{len(missing)} terms of {module} have no Russian translation in i18n/ru.po "
                    f"(python3 scripts/i18n.py export/merge): {missing[:20]}",
                )

    def test_one_label_one_meaning(self):
        """A label translates once per module: fields of different kinds (a date and a revision,
        say) under one label would share one Russian word that fits only one of them."""
        kinds = {
            "date": "date",
            "datetime": "date",
            "many2one": "record",
            "one2many": "records",
            "many2many": "records",
        }
        fields_of_modules = self.env["ir.model.fields"].browse(
            self.env["ir.model.data"]
            .search([("module", "in", MODULES), ("model", "=", "ir.model.fields")])
            .mapped("res_id")
        )
        by_label = {}
        for field in fields_of_modules:
            kind = kinds.get(field.ttype, field.ttype)
            if field.ttype in ("many2one", "one2many", "many2many"):
                kind = f"{kind} of {field.relation}"
            by_label.setdefault(field.field_description, {}).setdefault(kind, []).append(
                f"{field.model}.{field.name}"
            )
        shared = {label: uses for label, uses in by_label.items() if len(uses) > 1}
        self.assertFalse(
            {label: uses for label, uses in shared.items() if "date" in uses},
            "labels shared by dates and fields of another kind (give each its own string)",
        )

    def test_no_count_is_followed_by_a_noun(self):
        """Russian declines a noun by the number before it (1 звонок, 3 звонка, 5 звонков), which
        one translated term cannot do: a count comes after its label ("Overdue calls: 3")."""
        views = self.env["ir.ui.view"].browse(
            self.env["ir.model.data"]
            .search([("module", "in", MODULES), ("model", "=", "ir.ui.view")])
            .mapped("res_id")
        )
        # A word, not a unit: "12 m²" reads the same for any number.
        number_then_word = re.compile(r'<field name="(\w+)"[^>]*/>\s*\(?[A-Za-z]{2}')
        offenders = {
            view.xml_id or view.name
            for view in views
            for name in number_then_word.findall(view.arch_db or "")
            if name.endswith("count")
            or getattr(self.env[view.model]._fields.get(name), "type", None) in ("integer", "float")
        }
        self.assertFalse(offenders, "views where a count is followed by a noun")

    def test_interface_comes_out_in_russian(self):
        load_russian(self.env, MODULES)
        env_ru = self.env(context={"lang": "ru_RU"})
        self.assertEqual(env_ru.ref("vip_sales.vip_sales_menu_root").name, "VIP-продажи")
        self.assertEqual(env_ru.ref("vip_sales.group_vip_head").name, "Руководитель отдела продаж")
        # Dates read "С … По …", the revisions compared have labels of their own.
        trip = env_ru["vip.trip"].fields_get(["date_from", "date_to"], ["string"])
        self.assertEqual((trip["date_from"]["string"], trip["date_to"]["string"]), ("С", "По"))
        compare = env_ru["vip.proposal.revision.compare"].fields_get(["from_revision_id"], ["string"])
        self.assertEqual(compare["from_revision_id"]["string"], "Исходная редакция")
        labels = env_ru["res.partner"].fields_get(["vip_tier_id", "vip_manager_id"], ["string"])
        self.assertEqual(labels["vip_tier_id"]["string"], "Категория VIP")
        self.assertEqual(labels["vip_manager_id"]["string"], "VIP-менеджер")
        arch = env_ru["vip.tier"].get_view(env_ru.ref("vip_sales.vip_tier_view_form").id)["arch"]
        self.assertIn("Периодичность контактов", arch)
        # The quotation's own buttons, left in English by Odoo's Russian.
        order_arch = env_ru["sale.order"].get_view(env_ru.ref("sale.view_order_form").id)["arch"]
        for english in ('string="Send"', 'string="Print"'):
            self.assertNotIn(english, order_arch)
        self.assertIn('string="Отправить"', order_arch)
        self.assertIn('string="Печать"', order_arch)
        # Printed addresses of Russian partners name their tax number as in Russia.
        self.assertEqual(env_ru.ref("base.ru").vat_label, "ИНН")

    def test_months_of_a_pivot_are_named_not_declined(self):
        self.env["res.lang"]._activate_lang("ru_RU")
        plans = self.env["vip.sales.plan"].create(
            [
                {"user_id": self.env.uid, "date_from": "2026-04-01", "date_to": "2026-04-30"},
                {"user_id": self.env.uid, "date_from": "2026-05-01", "date_to": "2026-05-31"},
            ]
        )
        Plan = self.env["vip.sales.plan"].with_context(lang="ru_RU")
        groups = Plan.formatted_read_group([("id", "in", plans.ids)], ["date_from:month"], ["__count"])
        self.assertEqual(
            [group["date_from:month"][1] for group in groups],
            ["Апрель 2026", "Май 2026"],
            "not «апреля 2026»",
        )
        groups = Plan.with_context(lang="en_US").formatted_read_group(
            [("id", "in", plans.ids)], ["date_from:month"], ["__count"]
        )
        self.assertEqual([group["date_from:month"][1] for group in groups], ["April 2026", "May 2026"])
