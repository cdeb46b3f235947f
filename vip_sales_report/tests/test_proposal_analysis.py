from odoo.tests import tagged

from .common import VipReportCommon


@tagged("post_install", "-at_install")
class TestProposalAnalysis(VipReportCommon):
    def _row(self, order):
        return self.env["vip.proposal.analysis"].search([("order_id", "=", order.id)])

    def test_rows_are_the_vip_proposals_with_their_outcome(self):
        rows = self.env["vip.proposal.analysis"].search([])
        vip_orders = self.env["sale.order"].search([("partner_id.commercial_partner_id.is_vip", "=", True)])
        self.assertEqual(rows.order_id, vip_orders, "every quotation and order of VIP clients")
        self.assertNotIn(self.non_vip_order, rows.order_id)
        self.assertEqual(
            {row.order_id: row.outcome for row in rows},
            {
                self.order1: "confirmed",
                self.order2: "confirmed",
                self.quotation: "open",
                self.proposal_approved: "open",
                self.proposal_rejected: "open",
                self.proposal_refused: "refused",
            },
        )
        refused = self._row(self.proposal_refused)
        self.assertEqual((refused.refusal_reason_id, refused.manager_id), (self.reason_price, self.manager1))

    def test_hours_to_decide_and_days_to_open(self):
        approved = self._row(self.proposal_approved)
        self.assertEqual((approved.proposal_type, approved.approval_state), ("individual", "approved"))
        self.assertAlmostEqual(approved.approval_hours, 5.0)
        self.assertEqual((approved.sent_count, approved.viewed_count), (1, 1))
        self.assertAlmostEqual(approved.days_to_view, 2.0)
        rejected = self._row(self.proposal_rejected)
        self.assertEqual(rejected.approval_state, "rejected")
        self.assertAlmostEqual(rejected.approval_hours, 5.0)
        self.assertFalse(self._row(self.quotation).approval_hours, "never submitted")

    def test_aggregates_equal_orm_sums_and_conversion(self):
        by_manager = {
            manager: values
            for manager, *values in self.env["vip.proposal.analysis"]._read_group(
                [],
                ["manager_id"],
                ["proposal_count:sum", "amount_untaxed:sum", "confirmed_count:sum", "conversion:avg"],
            )
        }
        for manager, client in ((self.manager1, self.client1), (self.manager2, self.client2)):
            orders = self.env["sale.order"].search([("partner_id", "child_of", client.id)])
            count, amount, confirmed, __ = by_manager[manager]
            self.assertEqual(count, len(orders))
            self.assertAlmostEqual(amount, sum(orders.mapped("amount_untaxed")))
            self.assertEqual(confirmed, len(orders.filtered(lambda order: order.state == "sale")))
        # manager1: order1 confirmed, proposal_refused refused, two open → 1 of 2 decided.
        self.assertAlmostEqual(by_manager[self.manager1][3], 50.0)
        self.assertAlmostEqual(by_manager[self.manager2][3], 100.0)

    def test_manager_sees_own_clients_only(self):
        analysis = self.env["vip.proposal.analysis"]
        self.assertEqual(set(analysis.with_user(self.manager1).search([]).partner_id), {self.client1})
        self.assertEqual(set(analysis.with_user(self.manager2).search([]).partner_id), {self.client2})
