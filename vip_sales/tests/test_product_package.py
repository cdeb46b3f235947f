from odoo.exceptions import AccessError
from odoo.tests import tagged

from .logistics_common import VipLogisticsCommon


@tagged("post_install", "-at_install")
class TestProductPackage(VipLogisticsCommon):
    def test_per_set_totals(self):
        # A bed (measured on its first variant, oak), two chairs and a table.
        package = self.bedroom
        self.assertAlmostEqual(package.weight, 70.5 + 16 + 40)
        self.assertAlmostEqual(package.volume, 0.362 + 0.45 + 0.3)
        self.assertEqual(package.carton_count, 6)
        self.assertAlmostEqual(package.list_price, 1000 + 200 + 500)
        self.assertAlmostEqual(package.price, 1700 * 0.93)
        self.assertEqual(package.display_name, "[BR] Bedroom Classic")

    def test_a_fixed_variant_is_measured_as_itself(self):
        line = self.bedroom.line_ids[0]
        line.product_id = self.bed_white
        self.assertAlmostEqual(line.weight, 33.0)
        self.assertEqual(line.carton_count, 1)

    def test_head_edits_managers_read(self):
        package = self.bedroom.with_user(self.manager1)
        self.assertEqual(package.name, "Bedroom Classic")
        self.assertEqual(len(package.line_ids), 3)
        with self.assertRaises(AccessError):
            package.discount = 20
        with self.assertRaises(AccessError):
            package.line_ids[0].quantity = 5
        with self.assertRaises(AccessError):
            self.env["vip.product.package"].with_user(self.manager1).create({"name": "Own offer"})
        self.bedroom.with_user(self.head).discount = 10
        self.assertEqual(self.bedroom.discount, 10)

    def test_vehicle_types_are_set_by_the_head(self):
        with self.assertRaises(AccessError):
            self.gazelle.with_user(self.manager1).cost_per_trip = 1
        self.gazelle.with_user(self.head).cost_per_trip = 5000
        self.assertEqual(self.gazelle.with_user(self.salesman).cost_per_trip, 5000)
