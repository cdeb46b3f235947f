import subprocess
from datetime import datetime, timedelta

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import HttpCase, tagged

from .client_card_common import ACCOUNT_SBERBANK, BIK_SBERBANK, CORR_SBERBANK, INN_LEGAL, KPP, OGRN
from .contract_common import ContractCommon

CONTRACT_REPORT = "vip_sales.action_report_vip_contract"
SPECIFICATION_REPORT = "vip_sales.action_report_vip_specification"
BASIS = "доверенности № 7 от 01.02.2026"


@tagged("post_install", "-at_install")
class TestContractPrint(ContractCommon, HttpCase):
    """The printed supply contract (from the company's editable template) and the
    specification of an order under it, rendered as the manager prints them."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # wkhtmltopdf fetches the report's styles from this test server.
        cls.env["ir.config_parameter"].set_param("report.url", cls.base_url())
        ru = cls.env.ref("base.ru")
        bank = cls.env["res.bank"].create(
            {"name": "Sberbank", "vip_bik": BIK_SBERBANK, "vip_corr_account": CORR_SBERBANK, "country": ru.id}
        )
        cls.client1.write(
            {
                "country_id": ru.id,
                "city": "Moscow",
                "vip_legal_name": "ООО «Мебельград»",
                "vat": INN_LEGAL,
                "vip_kpp": KPP,
                "vip_ogrn": OGRN,
                "bank_ids": [Command.create({"acc_number": ACCOUNT_SBERBANK, "bank_id": bank.id})],
                "vip_signatory_name": "Петров Пётр Петрович",
                "vip_signatory_title": "Коммерческий директор",
                "vip_signatory_basis": BASIS,
            }
        )
        cls.company.partner_id.write(
            {
                "vip_legal_name": "АО «Фабрика мебели»",
                "vip_signatory_name": "Иванов Иван Иванович",
                "vip_signatory_title": "Генеральный директор",
                "vip_signatory_basis": "Устава",
            }
        )

    def _html(self, report, records, user=None):
        reports = self.env["ir.actions.report"].with_user(user or self.manager1)
        return reports._render_qweb_html(report, records.ids)[0].decode()

    def _pdf_text(self, report, records, user=None):
        """The text of the real PDF (wkhtmltopdf), as pdftotext reads it back."""
        reports = self.env["ir.actions.report"].with_user(user or self.manager1)
        content, file_type = reports.with_context(force_report_rendering=True)._render_qweb_pdf(
            report, records.ids
        )
        self.assertEqual(file_type, "pdf")
        self.assertTrue(content.startswith(b"%PDF-"), "a PDF file, not the HTML of the tests")
        text = subprocess.run(
            ["pdftotext", "-enc", "UTF-8", "-", "-"], input=content, capture_output=True, check=True
        ).stdout.decode()
        return " ".join(text.split())

    def _set_template(self, body, user=None):
        """The head of sales edits the contract template in the approval policy."""
        policy = self.env["vip.policy"].with_user(user or self.head).create({})
        policy.vip_contract_template = body
        policy.action_save()

    def test_main_company_has_the_default_template(self):
        template = self.env.ref("base.main_company").vip_contract_template
        self.assertIn("Предмет договора", template)
        self.assertIn("{{discount}}", template)

    def test_contract_pdf_has_the_terms_and_both_parties(self):
        contract = self._contract(code="ДП-2026/014", vip_delivery_terms="Самовывоз со склада Поставщика")
        action = contract.action_vip_print_contract()
        self.assertEqual(action["report_name"], "vip_sales.report_vip_contract")
        text = self._pdf_text(CONTRACT_REPORT, contract)
        for expected in (
            "ДП-2026/014",  # the contract number
            INN_LEGAL,  # the client's ИНН (its requisites)
            KPP,
            "ООО «Мебельград»",
            "АО «Фабрика мебели»",
            "15.00 %",  # the discount
            BASIS,  # the buyer's signatory and his basis of authority
            "Петров Пётр Петрович",
            "Генеральный директор Иванов Иван Иванович, acting on the basis of Устава",
            "Самовывоз со склада Поставщика",
            "Предмет договора",  # the default body
        ):
            with self.subTest(expected=expected):
                self.assertIn(expected, text)
        self.assertNotIn("{{", text, "every placeholder of the default body is known")

    def test_edited_template_is_printed_with_values_escaped(self):
        self._set_template(
            "<p>Особые условия для {{client}}: {{delivery_terms}}; скидка {{discount}} %, "
            "{{unknown_placeholder}}.</p>"
        )
        self.assertIn("Особые условия", self.company.vip_contract_template)
        contract = self._contract(vip_delivery_terms="<b>до склада</b> & <script>alert(1)</script>")
        html = self._html(CONTRACT_REPORT, contract)
        self.assertIn("Особые условия для ООО «Мебельград»", html)
        self.assertIn("&lt;b&gt;до склада&lt;/b&gt; &amp; &lt;script&gt;alert(1)&lt;/script&gt;", html)
        self.assertNotIn("<script>alert(1)", html)
        self.assertIn("{{unknown_placeholder}}", html, "a typo shows on the printout")
        self.assertNotIn("Предмет договора", html, "the edited template replaces the default one")
        text = self._pdf_text(CONTRACT_REPORT, contract)
        self.assertIn("Особые условия для ООО «Мебельград»: <b>до склада</b> &", text)
        # Emptied, the template falls back to the default text.
        self._set_template("<p><br></p>")
        self.assertIn("Предмет договора", self._html(CONTRACT_REPORT, contract))

    def test_only_the_head_edits_the_template(self):
        with self.assertRaises(AccessError):
            self._set_template("<p>Мой договор</p>", user=self.manager1)
        self.assertNotIn("Мой договор", self.company.vip_contract_template or "")

    def test_contract_is_printed_by_its_manager_and_the_head_only(self):
        contract = self._contract()
        self.assertIn("ДП-1", self._html(CONTRACT_REPORT, contract, self.head))
        self.assertFalse(self.env["agreement"].with_user(self.manager2).search([("id", "=", contract.id)]))
        for user in (self.manager2, self.salesman):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self._html(CONTRACT_REPORT, contract, user)

    def test_specification_of_an_order_under_the_contract(self):
        contract = self._signed(code="ДП-2026/015")
        shipping = datetime.now().replace(microsecond=0) + timedelta(days=14)
        warehouse = self.env["res.partner"].create(
            {
                "name": "Склад Химки",
                "type": "delivery",
                "parent_id": self.client1.id,
                "street": "Ленинградское ш., 1",
            }
        )
        order = self._create_proposal(
            partner_shipping_id=warehouse.id,
            discount=15.0,
            payment_term_id=self.term_30.id,
            pricelist_id=self.pricelist_contract.id,
            commitment_date=shipping,
        )
        order.order_line = [Command.create({"product_id": self.product_chair.id, "product_uom_qty": 5})]
        order.order_line.discount = 15.0
        self.assertEqual(order.agreement_id, contract)
        self.assertEqual(order.vip_approval_state, "not_required")
        html = self._html(SPECIFICATION_REPORT, order)
        for expected in (
            f"Specification No. </span><span>{order.name}</span>",
            "ДП-2026/015",
            "Sofa Verona",
            "Chair Oslo",
            "Deferred Payment",
            "30.0",
            "Ленинградское ш., 1",  # the delivery address
            "Agreed shipping date",
            "Петров Пётр Петрович",  # both parties' signatures
            "Иванов Иван Иванович",
        ):
            with self.subTest(expected=expected):
                self.assertIn(expected, html)
        self.assertEqual(html.count('name="vip_specification_line"'), 2)

    def test_specification_of_an_order_awaiting_approval_is_refused(self):
        self._signed()
        order = self._create_proposal(discount=25.0)
        self.assertTrue(order.agreement_id)
        order.action_vip_request_approval()
        self.assertEqual(order.vip_approval_state, "to_approve")
        with self.assertRaisesText(UserError, "has not approved the special terms"):
            self._html(SPECIFICATION_REPORT, order)
        with self.assertRaisesText(UserError, "has not approved the special terms"):
            self.env["ir.actions.report"].with_user(self.manager1).with_context(
                force_report_rendering=True
            )._render_qweb_pdf(SPECIFICATION_REPORT, order.ids)
        order.with_user(self.head).action_vip_approve()
        self.assertIn(order.name, self._html(SPECIFICATION_REPORT, order))

    def test_specification_needs_a_contract(self):
        order = self._create_proposal()
        self.assertFalse(order.agreement_id)
        with self.assertRaisesText(UserError, "has none"):
            self._html(SPECIFICATION_REPORT, order)
