from datetime import datetime, time, timedelta

from dateutil.relativedelta import relativedelta

from odoo.tests import freeze_time, tagged

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

    def _decide(self, head, hours, requested):
        """A proposal of client1 requested at ``requested`` and approved by ``head`` after ``hours``."""
        order = self._create_order(self.client1, [(self.chair, 10, 3500.0)], vip_proposal_type="individual")
        with freeze_time(requested):
            order.with_user(self.manager1).action_vip_request_approval()
        with freeze_time(requested + timedelta(hours=hours)):
            order.with_user(head).action_vip_approve()
        return order

    def test_time_to_decision_median_and_p90_per_head_and_month(self):
        head2 = self._create_vip_user("vip_head2_decision_time", "vip_sales.group_vip_head")
        this_month = datetime.combine(self.month_start.replace(day=3), time(9, 0))
        last_month = this_month - relativedelta(months=1)
        # This month the head decided after 5 and 5 hours (the common proposals), 1, 2, 4 and 10.
        for hours in (1, 2, 4, 10):
            self._decide(self.head, hours, this_month)
        self._decide(head2, 8, this_month)
        self._decide(head2, 3, last_month)
        self._decide(head2, 6, last_month)
        groups = {
            (decider, month.month): values
            for decider, month, *values in self.env["vip.proposal.analysis"]._read_group(
                [("decider_id", "in", (self.head | head2).ids)],
                ["decider_id", "decision_date:month"],
                ["approval_hours_median:sum", "approval_hours_p90:sum", "__count"],
            )
        }
        # 1, 2, 4, 5, 5, 10: the median between 4 and 5, the 90th percentile half-way from 5 to 10.
        self.assertEqual(
            set(groups), {(self.head, this_month.month), (head2, this_month.month), (head2, last_month.month)}
        )
        median, p90, count = groups[self.head, this_month.month]
        self.assertEqual(count, 6)
        self.assertAlmostEqual(median, 4.5)
        self.assertAlmostEqual(p90, 7.5)
        median, p90, count = groups[head2, this_month.month]
        self.assertEqual((count, median, p90), (1, 8.0, 8.0))
        median, p90, count = groups[head2, last_month.month]
        self.assertAlmostEqual(median, 4.5)
        self.assertAlmostEqual(p90, 5.7)
        # One row is one decision: its median and percentile are its own hours.
        row = self._row(self.proposal_approved)
        self.assertEqual(
            (row.decider_id, row.approval_hours_median, row.approval_hours_p90), (self.head, 5.0, 5.0)
        )
        self.assertFalse(self._row(self.quotation).decider_id, "never decided")

    def test_manager_sees_own_clients_only(self):
        analysis = self.env["vip.proposal.analysis"]
        self.assertEqual(set(analysis.with_user(self.manager1).search([]).partner_id), {self.client1})
        self.assertEqual(set(analysis.with_user(self.manager2).search([]).partner_id), {self.client2})
