from datetime import timedelta

from odoo import fields
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


@tagged("post_install", "-at_install")
class TestPackageOfferTourMobile(TestPackageOfferTour):
    """The same wizard at a phone's size, with touch, as the Odoo mobile app shows it."""

    browser_size = "375x667"
    touch_enabled = True
    allow_inherited_tests_method = True


@tagged("post_install", "-at_install")
class TestShortColourTourMobile(VipLogisticsCommon, HttpCase):
    """On the phone: a short colour, the one in stock picked, the date and the lines agreed,
    the proposal sent."""

    browser_size = "375x667"
    touch_enabled = True

    def test_manager_picks_the_colour_in_stock_agrees_and_sends(self):
        self.bed_tmpl.write({"is_storable": True, "vip_production_days": 14})
        order = self._create_order([(self.table, 1)], vip_delivery_distance_km=100)
        self.env["stock.quant"]._update_available_quantity(self.bed_oak, order.warehouse_id.lot_stock_id, 5.0)
        order.partner_id.email = "zakupki@mebelgrad.example"
        self.start_tour(f"/odoo/sales/{order.id}", "vip_sales_short_colour", login=self.manager1.login)
        self.assertIn(self.bed_oak, order.order_line.product_id)
        self.assertNotIn(self.bed_white, order.order_line.product_id)
        today = fields.Date.context_today(order.with_user(self.manager1))
        self.assertEqual(order.with_user(self.manager1)._vip_commitment_day(), today + timedelta(days=10))
        self.assertRecordValues(
            order,
            [
                {
                    "vip_shortage_count": 0,
                    "vip_nomenclature_agreed": True,
                    "vip_nomenclature_channel": "phone",
                    "state": "sent",
                }
            ],
        )
