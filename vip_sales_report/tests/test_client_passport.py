import re
from datetime import date, timedelta

from odoo import fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import VipReportCommon


@tagged("post_install", "-at_install")
class TestPrintedReports(VipReportCommon):
    """The QWeb reports render for the right users only (their content, read on the HTML; the
    PDF files themselves: test_pdf_output.py)."""

    def _render(self, user, report, records):
        html, __ = self.env["ir.actions.report"].with_user(user)._render_qweb_html(report, records.ids)
        return html.decode()

    def assertInHtml(self, text, html, msg=None):
        """``assertIn`` without printing the whole page when it fails."""
        self.assertTrue(text in html, msg or f"{text!r} is not in the report")

    def assertNotInHtml(self, text, html, msg=None):
        self.assertFalse(text in html, msg or f"{text!r} is in the report")

    def _passport(self, user, partners):
        return self._render(user, "vip_sales_report.action_report_vip_client_passport", partners)

    def test_passport_shows_card_kpis_orders_proposals_visits(self):
        self.client1.write(
            {"vip_kpp": "770101001", "vip_1c_code": "MB-0001", "vip_contract_ref": "D-17/2025"}
        )
        html = self._passport(self.manager1, self.client1)
        self.assertInHtml("VIP Client Passport", html)
        self.assertInHtml("Mebelgrad LLC", html)
        self.assertInHtml("770101001", html, "the card's KPP")
        self.assertInHtml("MB-0001", html, "the 1C code")
        self.assertInHtml("D-17/2025", html, "the contract")
        self.assertInHtml("Card Completeness", html)
        self.assertInHtml("Olga Petrova", html, "the client's contacts")
        self.assertInHtml(self.order1.name, html, "the last confirmed orders")
        self.assertInHtml(self.quotation.name, html, "the open proposals")
        self.assertInHtml(self.proposal_approved.name, html, "an approved individual proposal is open")
        self.assertInHtml("Individual", html, "with its type")
        self.assertNotInHtml(self.proposal_refused.name, html, "a refused proposal is not open")
        self.assertNotInHtml(self.order2.name, html, "another client's order")
        self.assertInHtml("148,000.00", html, "sales of the last 12 months")
        self.assertTrue(
            re.search(r"fulfilment <span[^>]*>148\.0</span> %", html), "the client's plan of the month"
        )
        self.assertInHtml("A kids&#39; room collection in white", html, "the needs noted in a recent visit")
        self.assertInHtml("Mebelgrad Center", html, "the client's stores")
        self.assertInHtml("Bedrooms", html, "with their brand sections")
        self.assertInHtml("No survey yet", html, "the Outlet store was never surveyed")

    def test_passport_shows_the_signed_contract(self):
        def contract_part(html):
            start = html.index("<h4>Supply contract</h4>")
            return html[start : html.index("<h4>Key figures</h4>", start)]

        # The draft contract of the fixtures is not signed.
        self.assertInHtml(
            "No signed supply contract", contract_part(self._passport(self.manager1, self.client1))
        )
        today = fields.Date.context_today(self.env.user)
        self._sign_contract(
            self._create_contract(
                self.client1,
                code="D-77/2026",
                start_date=date(2026, 1, 1),
                end_date=today + timedelta(days=90),
                vip_discount=7.5,
                vip_payment_form="deferred",
                vip_prepayment_share=30.0,
                vip_credit_limit=200000.0,
            )
        )
        part = contract_part(self._passport(self.manager1, self.client1))
        self.assertNotInHtml("No signed supply contract", part)
        for text, what in (
            ("D-77/2026", "the number"),
            ("01/01/2026", "the start"),
            ("7.50", "the discount"),
            ("Deferred Payment", "the payment form"),
            ("30.0", "the prepayment"),
            ("200,000.00", "the credit limit"),
            ("148,000.00", "the credit used: order1, confirmed, not invoiced"),
        ):
            with self.subTest(what=what):
                self.assertInHtml(text, part)

    def test_passport_proposes_the_tiers_best_sellers_not_bought_yet(self):
        def best_sellers(html):
            start = html.index('id="vip_passport_best_sellers"')
            return html[start : html.index("</table>", start)]

        # Gold's best sellers: the chair (12 sold, to client1), then the bed (client1 and client2).
        self.assertInHtml("Chair Nordic", best_sellers(self._passport(self.manager2, self.client2)))
        self.assertNotInHtml("Bed Classic Oak", best_sellers(self._passport(self.manager2, self.client2)))
        self.assertInHtml(
            "The client already buys every best seller of its tier.",
            best_sellers(self._passport(self.manager1, self.client1)),
        )

    def test_manager_prints_own_clients_passport_only(self):
        with self.assertRaises(AccessError):
            self._passport(self.manager2, self.client1)
        self.assertInHtml("Dom Divanov JSC", self._passport(self.head, self.client1 | self.client2))

    def test_only_vip_clients_have_a_passport(self):
        with self.assertRaises(UserError):
            self._passport(self.head, self.non_vip)

    def test_visit_report(self):
        html = self._render(
            self.manager1, "vip_sales_report.action_report_vip_visit", self.visit1 | self.call1
        )
        self.assertInHtml("Visit Report", html)
        self.assertInHtml("Shatura opened a 40 m² section", html)
        self.assertInHtml("Off-season (test)", html)
        self.assertInHtml(self.order1.name, html, "the order taken in the call")
        with self.assertRaises(AccessError):
            self._render(self.manager2, "vip_sales_report.action_report_vip_visit", self.visit1)

    def test_trip_report(self):
        self.env["vip.brand.section"].create(
            {
                "store_id": self.store_south.id,
                "name": "Kids rooms",
                "area": 30.0,
                "state": "installed",
                "date_installed": self.trip.date_to,
            }
        )
        self.visit1_planned.write({"result": "order", "needs": "Two bedroom sets for the new mall"})
        self.visit1_planned.action_done()
        self.order1.vip_visit_id = self.visit1_planned
        html = self._render(self.manager1, "vip_sales_report.action_report_vip_trip", self.trip)
        self.assertInHtml("Trip Report", html)
        self.assertInHtml("Yekaterinburg", html)
        self.assertInHtml("Two bedroom sets for the new mall", html)
        self.assertInHtml(self.order1.name, html, "the order taken on the trip")
        self.assertInHtml("Kids rooms", html, "the section installed during the trip")
        self.assertNotInHtml("Bedrooms", html, "a section installed before the trip")
        with self.assertRaises(AccessError):
            self._render(self.manager2, "vip_sales_report.action_report_vip_trip", self.trip)
