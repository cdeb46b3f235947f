from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import VipReportCommon


@tagged("post_install", "-at_install")
class TestClientPassport(VipReportCommon):
    def _render(self, user, partners):
        html, __ = (
            self.env["ir.actions.report"]
            .with_user(user)
            ._render_qweb_html("vip_sales_report.action_report_vip_client_passport", partners.ids)
        )
        return html.decode()

    def test_passport_shows_card_orders_and_proposals(self):
        html = self._render(self.manager1, self.client1)
        self.assertIn("VIP Client Passport", html)
        self.assertIn("Mebelgrad LLC", html)
        self.assertIn("Olga Petrova", html, "the client's contacts")
        self.assertIn(self.order1.name, html, "the last confirmed orders")
        self.assertIn(self.quotation.name, html, "the open proposals")
        self.assertNotIn(self.order2.name, html, "another client's order")
        self.assertIn("148,000.00", html, "sales of the last 12 months")

    def test_manager_prints_own_clients_only(self):
        with self.assertRaises(AccessError):
            self._render(self.manager2, self.client1)
        self.assertIn("Mebelgrad LLC", self._render(self.head, self.client1 | self.client2))

    def test_only_vip_clients_have_a_passport(self):
        with self.assertRaises(UserError):
            self._render(self.head, self.non_vip)
