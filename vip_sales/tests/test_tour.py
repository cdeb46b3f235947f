from odoo.tests import HttpCase, tagged

from .common import VipSalesCommon


@tagged("post_install", "-at_install")
class TestVipSalesTour(VipSalesCommon, HttpCase):
    def test_manager_opens_app(self):
        self.client1.vip_tier_id.name = "Gold Tier"
        self.start_tour("/odoo", "vip_sales_open_app", login=self.manager1.login)


@tagged("post_install", "-at_install")
class TestVipSalesTourMobile(TestVipSalesTour):
    """The same flows at a phone's size, with touch, as the Odoo mobile app shows them."""

    browser_size = "375x667"
    touch_enabled = True
    allow_inherited_tests_method = True
