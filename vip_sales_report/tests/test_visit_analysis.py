from odoo.tests import tagged

from .common import VipReportCommon


@tagged("post_install", "-at_install")
class TestVisitAnalysis(VipReportCommon):
    def test_aggregates_equal_orm_counts(self):
        analysis = self.env["vip.visit.analysis"]
        visits = self.env["vip.visit"]
        for user in (self.manager1, self.manager2):
            for state in ("done", "planned"):
                self.assertEqual(
                    analysis.search_count([("user_id", "=", user.id), ("state", "=", state)]),
                    visits.search_count([("user_id", "=", user.id), ("state", "=", state)]),
                )
        [(orders, amount, done, rate)] = analysis._read_group(
            [("user_id", "=", self.manager1.id)],
            aggregates=["order_count:sum", "order_amount:sum", "done_count:sum", "order_rate:avg"],
        )
        self.assertEqual((orders, amount, done), (1, 148000.0, 2))
        self.assertAlmostEqual(rate, 50.0, msg="one of the two done contacts brought an order")

    def test_reasons_and_kinds(self):
        row = self.env["vip.visit.analysis"].search([("visit_id", "=", self.visit1.id)])
        self.assertEqual(
            (row.kind, row.result, row.no_order_reason_id, row.partner_id, row.manager_id),
            ("onsite", "no_order", self.reason_season, self.client1, self.manager1),
        )
        planned = self.env["vip.visit.analysis"].search([("visit_id", "=", self.visit1_planned.id)])
        self.assertEqual((planned.trip_id, planned.done_count, planned.order_rate), (self.trip, 0, 0.0))

    def test_manager_sees_own_visits_only(self):
        analysis = self.env["vip.visit.analysis"]
        manager1_visits = self.call1 | self.visit1 | self.visit1_planned
        self.assertEqual(analysis.with_user(self.manager1).search([]).visit_id, manager1_visits)
        self.assertEqual(analysis.with_user(self.manager2).search([]).visit_id, self.visit2)
        self.assertEqual(analysis.with_user(self.head).search([]).visit_id, manager1_visits | self.visit2)
