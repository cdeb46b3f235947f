from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .logistics_common import VipLogisticsCommon


@tagged("post_install", "-at_install")
class TestProductCarton(VipLogisticsCommon):
    def test_unit_data_sums_the_cartons(self):
        for variant in self.bed_oak | self.bed_walnut:
            self.assertAlmostEqual(variant.vip_shipping_weight, 70.5)
            self.assertAlmostEqual(variant.vip_shipping_volume, 0.362)
            self.assertEqual(variant.vip_carton_count, 3)
        # The template shows the cartons shared by its variants.
        self.assertAlmostEqual(self.bed_tmpl.vip_shipping_weight, 70.5)
        self.assertEqual(self.bed_tmpl.vip_carton_count, 3)

    def test_variant_cartons_replace_the_shared_ones(self):
        self.assertAlmostEqual(self.bed_white.vip_shipping_weight, 33.0)
        self.assertAlmostEqual(self.bed_white.vip_shipping_volume, 0.126)
        self.assertEqual(self.bed_white.vip_carton_count, 1)

    def test_without_cartons_weight_and_volume_count_as_one_carton(self):
        self.assertAlmostEqual(self.table.vip_shipping_weight, 40.0)
        self.assertAlmostEqual(self.table.vip_shipping_volume, 0.3)
        self.assertEqual(self.table.vip_carton_count, 1)

    def test_carton_changes_recompute_the_variants(self):
        headboard = self.bed_tmpl.vip_carton_ids.filtered(lambda c: c.name == "Headboard")
        headboard.write({"gross_weight": 40.0, "height": 60})
        self.assertAlmostEqual(self.bed_oak.vip_shipping_weight, 80.5)
        self.assertAlmostEqual(self.bed_oak.vip_shipping_volume, 0.482)
        headboard.unlink()
        self.assertEqual(self.bed_walnut.vip_carton_count, 2)
        self.assertEqual(self.bed_white.vip_carton_count, 1, "The white bed keeps its own carton.")

    def test_cartons_for_a_quantity(self):
        self.assertEqual(self.bed_oak._vip_cartons_for(4), 12)
        self.assertEqual(self.bed_oak._vip_cartons_for(0.5), 2, "A started unit ships all its cartons.")

    def test_dimensions_and_weight_must_be_positive(self):
        for field in ("length", "width", "height", "gross_weight"):
            values = {
                "product_tmpl_id": self.chair_tmpl.id,
                "name": "Box",
                "length": 10,
                "width": 10,
                "height": 10,
                "gross_weight": 1.0,
                field: 0,
            }
            with (
                self.subTest(field=field),
                self.assertRaises(IntegrityError),
                mute_logger("odoo.sql_db"),
                self.env.cr.savepoint(),
            ):
                self.env["vip.product.carton"].create(values)

    def test_variant_of_another_product_is_refused(self):
        with self.assertRaises(ValidationError):
            self.env["vip.product.carton"].create(
                {
                    "product_tmpl_id": self.chair_tmpl.id,
                    "product_id": self.bed_oak.id,
                    "name": "Box",
                    "length": 10,
                    "width": 10,
                    "height": 10,
                    "gross_weight": 1.0,
                }
            )

    def test_managers_read_cartons_but_do_not_edit_them(self):
        carton = self.chair_tmpl.vip_carton_ids.with_user(self.manager1)
        self.assertEqual(carton.gross_weight, 8.0)
        with self.assertRaises(AccessError):
            carton.gross_weight = 9.0
