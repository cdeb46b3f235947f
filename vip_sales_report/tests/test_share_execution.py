from dateutil.relativedelta import relativedelta

from odoo.tests import tagged

from .common import VipReportCommon


@tagged("post_install", "-at_install")
class TestShareExecution(VipReportCommon):
    """The store execution score of the audits beside the shares of the surveys.

    Center: audited 5 days before its old survey (2 checks of 4 passed) and 2 days before
    this month's (all 4); South: audited the day before its survey (3 of 4); a cancelled
    visit's audit and an audit after the survey do not count.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        first = cls.month_start
        section_south = cls.store_south.section_ids
        cls._audit(cls.store_center, first - relativedelta(months=3, days=5), cls.section_center, 2)
        cls.audit_center = cls._audit(cls.store_center, first - relativedelta(days=2), cls.section_center, 4)
        cls._audit(cls.store_south, first - relativedelta(days=1), section_south, 3)
        cancelled = cls._audit(cls.store_south, first, section_south, 0)
        cancelled.action_cancel()
        cls._audit(cls.store_south, first + relativedelta(days=1), section_south, 1)

    @classmethod
    def _audit(cls, store, day, section, passed):
        visit = cls.env["vip.visit"].create(
            {
                "partner_id": store.partner_id.id,
                "store_id": store.id,
                "date": f"{day} 10:00:00",
                "user_id": store.partner_id.vip_manager_id.id,
            }
        )
        checks = ["check_branding", "check_price_tags", "check_samples", "check_furniture"]
        cls.env["vip.section.audit"].create(
            {"visit_id": visit.id, "section_id": section.id, **dict.fromkeys(checks[:passed], True)}
        )
        return visit

    def test_rows_carry_the_latest_audit_and_its_change(self):
        Analysis = self.env["vip.share.analysis"]
        old = Analysis.search([("survey_id", "=", self.survey_center_old.id)])
        row = Analysis.search([("survey_id", "=", self.survey_center.id)])
        south = Analysis.search([("survey_id", "=", self.survey_south.id)])
        mall = Analysis.search([("survey_id", "=", self.survey_mall.id)])
        self.assertEqual((old.execution_score, old.execution_score_change), (50.0, 0.0))
        self.assertEqual((row.execution_score, row.execution_score_change), (100.0, 50.0))
        self.assertEqual(row.audit_visit_id, self.audit_center)
        self.assertEqual(
            (south.execution_points, south.execution_max_points, south.execution_score), (3, 4, 75.0)
        )
        self.assertFalse(mall.audit_visit_id, "the mall was never audited")

    def test_group_score_is_the_ratio_of_the_checks(self):
        [(client, score)] = (
            self.env["vip.share.analysis"]
            .with_user(self.manager1)
            ._read_group([("is_latest", "=", True)], ["partner_id"], ["execution_score:avg"])
        )
        self.assertEqual(client, self.client1)
        self.assertAlmostEqual(score, 100.0 * (4 + 3) / (4 + 4))

    def test_store_card_reads_scores_and_photos_in_constant_queries(self):
        stores = self.store_center | self.store_south | self.store_outlet | self.store_mall

        def queries(records):
            records.env.invalidate_all()
            start = records.env.cr.sql_log_count
            records.mapped("execution_score")
            records.mapped("latest_photo_ids")
            records.mapped("sample_count")
            return records.env.cr.sql_log_count - start

        self.assertEqual(queries(stores[:1]), queries(stores), "the cost does not grow with the stores")
        self.assertEqual(self.store_center.execution_score, 100.0)
