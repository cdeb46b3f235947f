from odoo import Command
from odoo.tests import HttpCase, tagged

from .logistics_common import VipLogisticsCommon
from .proposal_common import ProposalCommon


@tagged("post_install", "-at_install")
class TestProposalTour(ProposalCommon, VipLogisticsCommon, HttpCase):
    """A proposal with a package offer and a special discount, from the manager's draft to the
    client's inbox. Both fixtures extend VipSalesCommon and chain ``super().setUpClass()``, so
    the MRO runs VipSalesCommon once, then the logistics fixtures, then the proposal policy."""

    def test_individual_proposal_with_package_approved_then_sent(self):
        self.manager1.group_ids = [Command.link(self.env.ref("sale.group_discount_per_so_line").id)]
        self.client1.email = "zakupki@mebelgrad.example"
        proposals = "/odoo/action-vip_sales.sale_order_action_vip_proposals"
        self.start_tour(proposals, "vip_sales_proposal_manager_builds", login=self.manager1.login)
        order = self.env["sale.order"].search([("partner_id", "=", self.client1.id)])
        self.assertEqual(len(order), 1)
        self.assertRecordValues(
            order,
            [{"vip_proposal_type": "individual", "vip_approval_state": "to_approve", "state": "draft"}],
        )
        section, *package_lines, sofa_line = order.order_line.sorted("sequence")
        self.assertRecordValues(section, [{"display_type": "line_section", "name": "Bedroom Classic × 2"}])
        self.assertRecordValues(
            self.env["sale.order.line"].concat(*package_lines),
            [
                {
                    "product_id": product.id,
                    "product_uom_qty": qty,
                    "vip_package_discount": 7.0,
                    "discount": 7.0,
                }
                for product, qty in ((self.bed_white, 2), (self.chair_white, 4), (self.table, 2))
            ],
        )
        self.assertRecordValues(
            sofa_line, [{"product_id": self.product.id, "vip_package_discount": 0.0, "discount": 15.0}]
        )
        # The package ships in 8 cartons (as its preview said) and the sofa, without cartons, in one.
        self.assertEqual(order.vip_total_cartons, 9)
        self.assertAlmostEqual(order.vip_total_weight, 178.0)
        # Only the sofa's discount is special: the package's 7 % is pre-approved.
        self.assertEqual(
            order.vip_approval_reasons.splitlines(),
            [
                "Individual proposal",
                "Discount of 15.00 % on “Sofa Verona” exceeds the 10.00 % allowed",
            ],
        )

        self.start_tour(
            "/odoo/action-vip_sales.sale_order_action_vip_to_approve",
            "vip_sales_proposal_head_approves",
            login=self.head.login,
        )
        self.assertEqual(order.vip_approval_state, "approved")
        self.assertRecordValues(
            order.vip_approval_ids, [{"user_id": self.head.id, "decision": "approved", "max_discount": 15.0}]
        )

        self.start_tour(proposals, "vip_sales_proposal_manager_sends", login=self.manager1.login)
        self.assertEqual(order.state, "sent")
        self.assertTrue(order.vip_sent_date)
        self.assertIn(self.client1, order.message_ids.partner_ids, "the e-mail went to the client")


@tagged("post_install", "-at_install")
class TestProposalTourMobile(TestProposalTour):
    """The same approval flow at a phone's size, with touch, as the Odoo mobile app shows it."""

    browser_size = "375x667"
    touch_enabled = True
    allow_inherited_tests_method = True
