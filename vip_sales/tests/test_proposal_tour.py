from odoo import Command
from odoo.tests import HttpCase, tagged

from .proposal_common import ProposalCommon


@tagged("post_install", "-at_install")
class TestProposalTour(ProposalCommon, HttpCase):
    def test_individual_proposal_approved_then_sent(self):
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
        self.assertEqual(order.order_line.discount, 15.0)

        self.start_tour(
            "/odoo/action-vip_sales.sale_order_action_vip_to_approve",
            "vip_sales_proposal_head_approves",
            login=self.head.login,
        )
        self.assertEqual(order.vip_approval_state, "approved")
        self.assertEqual(order.vip_approval_ids.user_id, self.head)

        self.start_tour(proposals, "vip_sales_proposal_manager_sends", login=self.manager1.login)
        self.assertEqual(order.state, "sent")
        self.assertTrue(order.vip_sent_date)
        self.assertIn(self.client1, order.message_ids.partner_ids, "the e-mail went to the client")
