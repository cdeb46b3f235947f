from odoo.tests import HttpCase, tagged

from .logistics_common import VipLogisticsCommon


@tagged("post_install", "-at_install")
class TestPackageOfferTour(VipLogisticsCommon, HttpCase):
    def test_manager_adds_a_package_offer_to_a_quotation(self):
        order = self._create_order([(self.table, 1)], vip_delivery_distance_km=100)
        self.start_tour(f"/odoo/sales/{order.id}", "vip_sales_add_package_offer", login=self.manager1.login)
        section = order.order_line.filtered(lambda line: line.display_type == "line_section")
        self.assertEqual(section.name, "Bedroom Classic × 2")
        self.assertEqual(
            order.order_line.filtered("vip_package_discount").product_id,
            self.bed_white | self.chair_white | self.table,
        )
        self.assertAlmostEqual(order.vip_total_weight, 218.0)
        self.assertEqual(order.vip_total_cartons, 9)
