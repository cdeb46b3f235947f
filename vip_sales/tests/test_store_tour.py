from odoo.tests import HttpCase, tagged

from .common_stores import VipStoresCommon


class StoreSurveyTourCommon(VipStoresCommon, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        store = cls._store(cls.client1, 200, name="Tour Store")
        cls._section(store, 25, "installed")

    def _survey_a_store(self):
        self.start_tour(
            f"/odoo/action-vip_sales.res_partner_action_vip/{self.client1.id}",
            "vip_sales_store_survey",
            login=self.manager1.login,
        )
        survey = self.Survey.search([("partner_id", "=", self.client1.id)])
        self.assertRecordValues(
            survey,
            [
                {
                    "our_sku_count": 50,
                    "total_sku_count": 200,
                    "assortment_share": 25.0,
                    "user_id": self.manager1.id,
                }
            ],
        )


@tagged("post_install", "-at_install")
class TestStoreSurveyTour(StoreSurveyTourCommon):
    def test_survey_a_store_at_the_desk(self):
        self._survey_a_store()


@tagged("post_install", "-at_install")
class TestStoreSurveyTourMobile(StoreSurveyTourCommon):
    browser_size = "375x667"
    touch_enabled = True

    def test_survey_a_store_on_the_phone(self):
        self._survey_a_store()
