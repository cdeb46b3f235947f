from dateutil.relativedelta import relativedelta

from odoo import Command, fields
from odoo.tests import HttpCase, tagged

from .common import VipReportCommon


@tagged("post_install", "-at_install")
class TestHeadTour(VipReportCommon, HttpCase):
    """The head of sales approves a business trip, reads the overview and exports the plan."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.client3 = cls.env["res.partner"].create(
            {
                "name": "Divan Market LLC",
                "is_company": True,
                "vip_tier_id": cls.tier_gold.id,
                "vip_manager_id": cls.manager1.id,
            }
        )
        next_week = fields.Date.context_today(cls.env.user) + relativedelta(days=7)
        cls.trip_volga = (
            cls.env["vip.trip"]
            .with_user(cls.manager1)
            .create(
                {
                    "name": "Volga region chains",
                    "destination": "Nizhny Novgorod",
                    "date_from": next_week,
                    "date_to": next_week + relativedelta(days=1),
                    "partner_ids": [Command.set((cls.client1 | cls.client3).ids)],
                    "budget": 40000.0,
                }
            )
        )
        cls.trip_volga.action_submit()

    def test_head_approves_trip_reads_overview_exports_plan(self):
        self.start_tour("/odoo", "vip_sales_report_head_approves_and_reports", login=self.head.login)

        trip = self.trip_volga
        self.assertRecordValues(trip, [{"state": "approved", "approved_by_id": self.head.id}])
        self.assertEqual(trip.visit_ids.partner_id, self.client1 | self.client3)
        self.assertRecordValues(
            trip.visit_ids,
            [{"user_id": self.manager1.id, "kind": "onsite", "state": "planned"}] * 2,
        )

        # The export the head downloaded: the quarter starting this month, every manager.
        export = self.env["vip.report.export"].search([("create_uid", "=", self.head.id)])
        quarter_end = self.month_start + relativedelta(months=3, days=-1)
        self.assertRecordValues(
            export,
            [{"report": "plan", "date_from": self.month_start, "date_to": quarter_end, "user_ids": []}],
        )
        sheet = self._render_xlsx(export.with_user(self.head))["Plan Fulfilment"]
        # Manager, client, then target, actual and fulfilment of three months and the total.
        totals = {row[:2]: tuple(round(value, 2) for value in row[11:13]) for row in self._rows(sheet, 6)}
        self.assertEqual(
            totals,
            {
                (self.manager1.name, "All clients"): (200000.0, 148000.0),
                (self.manager1.name, self.client1.name): (100000.0, 148000.0),
                (self.manager2.name, "All clients"): (100000.0, 52000.0),
                (self.manager2.name, self.client2.name): (92000.0, 52000.0),
                ("Total", None): (300000.0, 200000.0),
            },
        )


@tagged("post_install", "-at_install")
class TestHeadTourMobile(TestHeadTour):
    """The same at a phone's size, with touch, as the Odoo mobile app shows it."""

    browser_size = "375x667"
    touch_enabled = True
    allow_inherited_tests_method = True


@tagged("post_install", "-at_install")
class TestReportsOnPhone(VipReportCommon, HttpCase):
    browser_size = "390x844"
    touch_enabled = True

    def test_an_analysis_opens_as_a_graph_on_the_phone(self):
        self.start_tour(
            "/odoo/action-vip_sales_report.vip_sales_analysis_action",
            "vip_report_on_phone",
            login=self.head.login,
        )
