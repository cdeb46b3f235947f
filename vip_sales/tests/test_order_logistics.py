from odoo import Command
from odoo.tests import Form, tagged

from .common import load_russian
from .logistics_common import VipLogisticsCommon


@tagged("post_install", "-at_install")
class TestOrderLogistics(VipLogisticsCommon):
    def test_totals_by_hand(self):
        # 2 oak beds: 141 kg, 0.724 m³, 6 cartons; a dozen white chairs: 96 kg, 2.7 m³,
        # 12 cartons; 3 tables: 120 kg, 0.9 m³, 3 cartons. Services and sections do not ship.
        order = self._create_order(
            [(self.bed_oak, 2), (self.chair_white, 1, self.uom_dozen), (self.table, 3), (self.service, 4)]
        )
        order.order_line = [Command.create({"display_type": "line_section", "name": "Bedroom"})]
        self.assertAlmostEqual(order.vip_total_weight, 357.0)
        self.assertAlmostEqual(order.vip_tonnage, 0.357)
        self.assertAlmostEqual(order.vip_total_volume, 4.324)
        self.assertEqual(order.vip_total_cartons, 21)
        self.assertFalse(order.vip_logistics_warning)

    def test_totals_follow_the_lines(self):
        order = self._create_order([(self.bed_oak, 1)])
        line = order.order_line
        line.product_uom_qty = 3
        self.assertAlmostEqual(order.vip_total_weight, 211.5)
        line.product_id = self.bed_white
        self.assertAlmostEqual(order.vip_total_weight, 99.0)
        self.assertEqual(order.vip_total_cartons, 3)
        line.product_uom_id = self.uom_dozen
        self.assertAlmostEqual(order.vip_total_volume, 0.126 * 36)
        line.unlink()
        self.assertEqual((order.vip_total_weight, order.vip_total_volume, order.vip_total_cartons), (0, 0, 0))

    def test_shipping_weight_is_carton_aware(self):
        order = self._create_order([(self.bed_oak, 2), (self.table, 1)])
        self.assertAlmostEqual(order.shipping_weight, 181.0)
        self.assertAlmostEqual(order._get_estimated_weight(), 181.0)
        order.order_line[0].product_id = self.bed_white
        self.assertAlmostEqual(order.shipping_weight, 106.0)

    def test_warning_names_products_without_weight_or_volume(self):
        flat = self.env["product.product"].create({"name": "Mirror", "type": "consu", "weight": 5.0})
        order = self._create_order([(self.bed_oak, 1), (flat, 2), (self.service, 1)])
        self.assertIn("Mirror", order.vip_logistics_warning)
        self.assertNotIn("Bed", order.vip_logistics_warning)
        self.assertNotIn("Assembly", order.vip_logistics_warning)

    def test_truck_plan_and_delivery_cost(self):
        # 15 chairs and 2 oak beds: 261 kg, 4.099 m³: one Gazelle over 100 km = 8,000.
        order = self._create_order([(self.chair_oak, 15), (self.bed_oak, 2)], vip_delivery_distance_km=100)
        self.assertEqual(order.vip_truck_plan, "1 × Gazelle")
        self.assertAlmostEqual(order.vip_delivery_cost, 8000)
        self.assertAlmostEqual(order.vip_truck_volume_fill, 45.5)  # 4.099 / 9
        self.assertAlmostEqual(order.vip_truck_weight_fill, 17.4)  # 261 / 1500
        # 40 beds and 15 chairs: 2.94 t, 17.855 m³: a 5-tonne truck (14,500) beats two Gazelles
        # (16,000).
        order.order_line[1].product_uom_qty = 40
        self.assertEqual(order.vip_truck_plan, "1 × 5-tonne truck")
        self.assertAlmostEqual(order.vip_delivery_cost, 14500)

    def test_truck_plan_uses_the_company_fleet(self):
        other_company = self.env["res.company"].create({"name": "Other Factory"})
        self._create_vehicle("Tiny van", 10, 100, 1, 0, company=other_company)
        order = self._create_order([(self.bed_oak, 1)])
        self.assertEqual(order.vip_truck_plan, "1 × Gazelle")
        self.gazelle.active = self.truck.active = self.eurotruck.active = False
        order.invalidate_recordset(["vip_truck_plan"])
        self.assertEqual(order.vip_truck_plan, "No vehicle type is configured.")

    def test_totals_of_a_large_order_in_constant_queries(self):
        products = (
            self.bed_oak | self.bed_walnut | self.bed_white | self.chair_oak | self.chair_white | self.table
        )
        orders = {}
        for size in (10, 500):
            orders[size] = self._create_order(
                [
                    (products[i % len(products)], 1 + i % 3, self.uom_dozen if i % 7 == 0 else self.uom_unit)
                    for i in range(size)
                ]
            )
        counts = {}
        for size, created in orders.items():
            self.env.invalidate_all()
            order = created.browse(created.id)
            self.env.user.fetch(["login"])  # read by assertQueryCount before it counts
            self.env.flush_all()
            self.env.cr.flush()
            start = self.env.cr.sql_log_count
            # Lines (2), their products, templates and units, and the update: whatever their number.
            with self.assertQueryCount(6):
                order._compute_vip_logistics()
                order._compute_vip_logistics_warning()
            counts[size] = self.env.cr.sql_log_count - start
        self.assertEqual(counts[10], counts[500])

    def test_distance_is_edited_on_the_quotation(self):
        order = self._create_order([(self.bed_oak, 1)])
        with Form(order.with_user(self.manager1)) as form:
            form.vip_delivery_distance_km = 200
            self.assertAlmostEqual(form.vip_delivery_cost, 4500 + 35 * 200)
        self.assertEqual(order.vip_delivery_distance_km, 200)

    def test_quotation_pdf_shows_the_shipment(self):
        order = self._create_order([(self.bed_oak, 2)], vip_delivery_distance_km=10)
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html("sale.action_report_saleorder", order.ids)[0]
            .decode()
        )
        self.assertIn('name="vip_logistics"', html)
        self.assertIn("0.141", html)  # tonnage
        self.assertIn("0.724", html)  # volume
        self.assertIn("1 × Gazelle", html)
        self.assertIn("Tonnage (t)", html)
        # A Russian client reads the units in Russian too.
        load_russian(self.env)
        order.partner_id.lang = "ru_RU"
        html = self.env["ir.actions.report"]._render_qweb_html("sale.action_report_saleorder", order.ids)[0]
        self.assertIn("Тоннаж (т)", html.decode())
        self.assertIn("Объём (м³)", html.decode())
