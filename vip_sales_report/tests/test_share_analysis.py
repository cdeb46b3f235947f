from odoo.tests import tagged

from .common import VipReportCommon


@tagged("post_install", "-at_install")
class TestShareAnalysis(VipReportCommon):
    def _latest_by_client(self, user=None):
        analysis = self.env["vip.share.analysis"].with_user(user or self.env.user)
        return {
            partner: values
            for partner, *values in analysis._read_group(
                [("is_latest", "=", True)],
                ["partner_id"],
                [
                    "our_area:sum",
                    "total_area:sum",
                    "floor_share:avg",
                    "target_floor_share:avg",
                    "floor_share_gap:avg",
                    "assortment_share:avg",
                    "assortment_share_gap:avg",
                ],
            )
        }

    def test_rows_are_surveys_with_change_since_the_previous_one(self):
        row = self.env["vip.share.analysis"].search([("survey_id", "=", self.survey_center.id)])
        self.assertEqual(
            (row.partner_id, row.manager_id, row.tier_id), (self.client1, self.manager1, self.tier_gold)
        )
        self.assertEqual((row.our_area, row.total_area, row.competitor_area), (100.0, 1000.0, 200.0))
        self.assertEqual((row.floor_share, row.assortment_share), (10.0, 15.0))
        self.assertEqual((row.floor_share_change, row.assortment_share_change), (10.0, 5.0))
        self.assertEqual(row.previous_survey_date, self.survey_center_old.date)
        self.assertTrue(row.is_latest)
        old = self.env["vip.share.analysis"].search([("survey_id", "=", self.survey_center_old.id)])
        self.assertFalse(old.is_latest)
        self.assertEqual(old.next_survey_date, self.survey_center.date)
        self.assertFalse(old.previous_survey_date)

    def test_aggregates_equal_orm_sums_and_the_client_kpis(self):
        by_client = self._latest_by_client()
        self.assertEqual(set(by_client), {self.client1, self.client2})
        our, total, floor, target, floor_gap, assortment, assortment_gap = by_client[self.client1]
        surveys = self.survey_center | self.survey_south
        self.assertEqual((our, total), (sum(surveys.mapped("our_area")), sum(surveys.mapped("total_area"))))
        self.assertAlmostEqual(floor, 100.0 * 150.0 / 1500.0, msg="ratio of the sums, not an average")
        self.assertAlmostEqual(target, 20.0)
        self.assertAlmostEqual(floor_gap, 10.0)
        # The client's assortment share (its stores' latest surveys) is the analysis' figure.
        self.assertAlmostEqual(assortment, self.client1.vip_assortment_share, places=2)
        self.assertAlmostEqual(assortment_gap, self.client1.vip_assortment_share_gap, places=2)

    def test_manager_sees_own_clients_only(self):
        self.assertEqual(set(self._latest_by_client(self.manager1)), {self.client1})
        self.assertEqual(set(self._latest_by_client(self.manager2)), {self.client2})
