from odoo.tests import HttpCase, tagged

from .common_visits import VipVisitsCommon


@tagged("post_install", "-at_install")
class TestVisitTour(VipVisitsCommon, HttpCase):
    """The manager logs a visit done with no order and a reason, on a desktop and on a phone."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.reason = cls.env["vip.no.order.reason"].create({"name": "Client overstocked"})
        cls.client3 = cls.env["res.partner"].create(
            {
                "name": "Uyutny Dom LLC",
                "is_company": True,
                "vip_tier_id": cls.tier_gold.id,
                "vip_manager_id": cls.manager1.id,
            }
        )
        cls.visit = cls._visit(cls.client1, date="2025-03-10 09:00:00")
        cls._visit(cls.client3, date="2025-03-11 09:00:00")

    def _assert_done_with_reason(self):
        self.assertRecordValues(
            self.visit,
            [
                {
                    "state": "done",
                    "result": "no_order",
                    "no_order_reason_id": self.reason.id,
                    "needs": "Back in two weeks for the spring collection",
                }
            ],
        )

    def test_desktop(self):
        self.start_tour("/odoo", "vip_visit_done_no_order", login=self.manager1.login)
        self._assert_done_with_reason()

    def test_mobile(self):
        self.browser_size = "375x667"
        self.touch_enabled = True
        self.start_tour("/odoo", "vip_visit_done_no_order", login=self.manager1.login)
        self._assert_done_with_reason()
