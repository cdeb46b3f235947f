from odoo.tests import HttpCase, tagged

from .common import VipSalesCommon


@tagged("post_install", "-at_install")
class TestVipSalesTour(VipSalesCommon, HttpCase):
    def test_manager_opens_app(self):
        self.client1.vip_tier_id.name = "Gold Tier"
        self.start_tour("/odoo", "vip_sales_open_app", login=self.manager1.login)
