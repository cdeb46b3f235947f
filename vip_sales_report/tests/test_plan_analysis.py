from odoo.tests import tagged

from .common import VipReportCommon


@tagged("post_install", "-at_install")
class TestPlanAnalysis(VipReportCommon):
    def test_rows_equal_the_plans_own_figures(self):
        plans = self.plan_m1 | self.plan_m1_client1 | self.plan_m2 | self.plan_m2_quarter
        rows = self.env["vip.plan.analysis"].search([("plan_id", "in", plans.ids)])
        self.assertEqual(rows.plan_id, plans)
        for row in rows:
            plan = row.plan_id
            self.assertAlmostEqual(row.target_amount, plan.target_amount)
            self.assertAlmostEqual(row.actual_amount, plan.actual_amount)
            self.assertAlmostEqual(row.fulfillment, plan.fulfillment, places=1)
        by_plan = {row.plan_id: row for row in rows}
        self.assertEqual(by_plan[self.plan_m1].actual_amount, 148000.0, "manager1 sold order1")
        self.assertEqual(by_plan[self.plan_m1].level, "manager")
        self.assertEqual(by_plan[self.plan_m1_client1].level, "client")
        self.assertEqual(by_plan[self.plan_m1_client1].tier_id, self.tier_gold)
        self.assertAlmostEqual(by_plan[self.plan_m1_client1].fulfillment, 148.0)
        self.assertEqual(by_plan[self.plan_m2].actual_amount, 52000.0)

    def test_group_fulfilment_is_the_ratio_of_the_sums(self):
        [(target, actual, fulfillment)] = self.env["vip.plan.analysis"]._read_group(
            [("level", "=", "manager"), ("plan_id", "in", (self.plan_m1 | self.plan_m2).ids)],
            aggregates=["target_amount:sum", "actual_amount:sum", "fulfillment:avg"],
        )
        self.assertEqual((target, actual), (300000.0, 200000.0))
        self.assertAlmostEqual(fulfillment, 200000.0 / 300000.0 * 100)  # not (74 + 52) / 2

    def test_orders_outside_the_period_do_not_count(self):
        self.order2.date_order = self.sale_time.replace(year=self.sale_time.year - 1)
        row = self.env["vip.plan.analysis"].search([("plan_id", "=", self.plan_m2.id)])
        self.assertEqual(row.actual_amount, 0.0)
        self.assertEqual(row.actual_amount, self.plan_m2.actual_amount)

    def test_manager_sees_own_plans_only(self):
        analysis = self.env["vip.plan.analysis"]
        self.assertEqual(
            analysis.with_user(self.manager1).search([]).plan_id, self.plan_m1 | self.plan_m1_client1
        )
        self.assertEqual(
            analysis.with_user(self.manager2).search([]).plan_id, self.plan_m2 | self.plan_m2_quarter
        )
        self.assertGreaterEqual(len(analysis.with_user(self.head).search([])), 4)

    def test_pivot_queries_do_not_grow_with_plans(self):
        analysis = self.env["vip.plan.analysis"].with_user(self.head)
        every_plan = self.plan_m1 | self.plan_m1_client1 | self.plan_m2 | self.plan_m2_quarter

        def pivot(plans):
            return analysis.formatted_read_grouping_sets(
                [("plan_id", "in", plans.ids)],
                [[], ["user_id", "date_from:month"]],
                ["actual_amount:sum", "fulfillment:avg"],
            )

        pivot(self.plan_m1)  # the record rules and access rights, cached from then on
        for plans in (self.plan_m1, every_plan):
            self.env.invalidate_all()
            # the pivot's one query, the managers and their partners' names...
            with self.assertQueryCount(6):
                groups = pivot(plans)
            self.assertEqual(groups[0][0]["actual_amount:sum"], sum(plans.mapped("actual_amount")))
