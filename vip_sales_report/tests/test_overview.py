import statistics
from datetime import datetime, time, timedelta

from dateutil.relativedelta import relativedelta

from odoo import fields
from odoo.tests import HttpCase, freeze_time, tagged

from .common import VipReportCommon


@tagged("post_install", "-at_install")
class TestOverview(VipReportCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.waiting = cls._create_order(cls.client2, [(cls.chair, 5, 3000.0)], vip_proposal_type="individual")
        cls.waiting.with_user(cls.manager2).action_vip_request_approval()

    def _card(self, manager, user=None):
        return (
            self.env["vip.overview"]
            .with_user(user or self.env.user)
            .search([("manager_id", "=", manager.id)])
        )

    def test_cards_equal_the_plans_kpis_and_counts(self):
        partners = self.env["res.partner"]
        for manager, client, plan in (
            (self.manager1, self.client1, self.plan_m1),
            (self.manager2, self.client2, self.plan_m2),
        ):
            with self.subTest(manager=manager.name):
                card = self._card(manager)
                self.assertEqual(card.client_count, 1)
                # The plan over all the manager's clients wins over the client plans.
                self.assertEqual(
                    (card.plan_target, card.plan_actual), (plan.target_amount, plan.actual_amount)
                )
                self.assertAlmostEqual(card.plan_fulfillment, plan.fulfillment, places=1)
                self.assertAlmostEqual(card.floor_share, client.vip_floor_share, places=2)
                self.assertAlmostEqual(card.target_floor_share, client.vip_floor_share_target, places=2)
                self.assertAlmostEqual(card.assortment_share, client.vip_assortment_share, places=2)
                clients = [("vip_manager_id", "=", manager.id), ("is_company", "=", True)]
                self.assertEqual(
                    card.visit_overdue_count,
                    partners.search_count([*clients, ("vip_visit_overdue", "=", True)]),
                )
                self.assertEqual(
                    card.call_overdue_count,
                    partners.search_count([*clients, ("vip_call_overdue", "=", True)]),
                )
        self.assertEqual(
            (self._card(self.manager1).to_approve_count, self._card(self.manager2).to_approve_count), (0, 1)
        )
        # client1: (100 + 50 + 0) m² of (1,000 + 500 + 300) m².
        self.assertAlmostEqual(self._card(self.manager1).floor_share, 100.0 * 150 / 1800, places=2)

    def test_team_fulfilment_is_the_ratio_of_the_sums(self):
        [(target, actual, fulfillment)] = self.env["vip.overview"]._read_group(
            [("manager_id", "in", (self.manager1 | self.manager2).ids)],
            aggregates=["plan_target:sum", "plan_actual:sum", "plan_fulfillment:avg"],
        )
        self.assertEqual((target, actual), (300000.0, 200000.0))
        self.assertAlmostEqual(fulfillment, 100.0 * 200000 / 300000)

    def test_manager_sees_own_card_only(self):
        overview = self.env["vip.overview"]
        self.assertEqual(overview.with_user(self.manager1).search([]).manager_id, self.manager1)
        self.assertEqual(overview.with_user(self.manager2).search([]).manager_id, self.manager2)
        self.assertLessEqual(
            self.manager1 | self.manager2, overview.with_user(self.head).search([]).manager_id
        )

    def test_heads_card_shows_this_months_time_to_decision(self):
        last_month = datetime.combine(self.month_start.replace(day=3), time(9, 0)) - relativedelta(months=1)
        old = self._create_order(self.client1, [(self.chair, 10, 3500.0)], vip_proposal_type="individual")
        with freeze_time(last_month):
            old.with_user(self.manager1).action_vip_request_approval()
        with freeze_time(last_month + timedelta(hours=30)):
            old.with_user(self.head).action_vip_approve()
        decisions = self.env["vip.approval"].search(
            [
                ("user_id", "=", self.head.id),
                ("requested_date", "!=", False),
                ("date", ">=", fields.Datetime.to_datetime(self.month_start)),
            ]
        )
        self.assertGreaterEqual(len(decisions), 2, "the common proposals were decided this month")
        hours = [(decision.date - decision.requested_date).total_seconds() / 3600 for decision in decisions]
        card = self._card(self.head)
        self.assertEqual(card.decision_count, len(decisions), "last month's decision is not counted")
        self.assertAlmostEqual(card.decision_hours_median, statistics.median(hours))
        self.assertAlmostEqual(
            card.decision_hours_p90, statistics.quantiles(hours, n=10, method="inclusive")[-1]
        )
        self.assertFalse(self._card(self.manager1).decision_count, "a manager who decided nothing")

    def test_cards_open_what_is_due(self):
        action = self._card(self.manager2).action_open_proposals_to_approve()
        self.assertEqual(self.env["sale.order"].search(action["domain"]), self.waiting)
        action = self._card(self.manager1).action_open_visits_overdue()
        self.assertEqual(
            self.env["res.partner"].search(action["domain"]),
            self.client1.filtered("vip_visit_overdue"),
        )


@tagged("post_install", "-at_install")
class TestOverviewTour(VipReportCommon, HttpCase):
    def test_manager_overview(self):
        self.visit1.date = fields.Datetime.subtract(fields.Datetime.now(), days=60)  # visit overdue
        self.start_tour("/odoo", "vip_sales_report_overview", login=self.manager1.login)


@tagged("post_install", "-at_install")
class TestOverviewTourMobile(TestOverviewTour):
    """The same at a phone's size, with touch, as the Odoo mobile app shows it."""

    browser_size = "375x667"
    touch_enabled = True
    allow_inherited_tests_method = True
