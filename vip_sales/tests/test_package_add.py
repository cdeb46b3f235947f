from datetime import timedelta

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged
from odoo.tools import format_date

from .logistics_common import VipLogisticsCommon


@tagged("post_install", "-at_install")
class TestPackageAdd(VipLogisticsCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.order = cls._create_order([(cls.table, 1)], vip_delivery_distance_km=100)

    def _wizard(self, packages, color=None, order=None, user=None):
        """The wizard as ``user`` (manager1), with ``packages``: (package, sets[, colour])."""
        return (
            self.env["vip.package.add"]
            .with_user(user or self.manager1)
            .create(
                {
                    "order_id": (order or self.order).id,
                    "color_value_id": color and color.id,
                    "line_ids": [
                        Command.create(
                            {
                                "package_id": p[0].id,
                                "quantity": p[1],
                                "color_value_id": len(p) > 2 and p[2].id,
                            }
                        )
                        for p in packages
                    ],
                }
            )
        )

    def _product_lines(self):
        return self.order.order_line.filtered(lambda line: not line.display_type) - self.order.order_line[0]

    def test_preview_before_anything_is_written(self):
        with Form(
            self.env["vip.package.add"].with_user(self.manager1).with_context(default_order_id=self.order.id)
        ) as form:
            form.color_value_id = self.white
            with form.line_ids.new() as line:
                line.package_id = self.bedroom
                line.quantity = 2
            # 2 white beds (66 kg, 0.252 m³, 2 cartons), 4 white chairs (32 kg, 0.9 m³, 4),
            # 2 tables (80 kg, 0.6 m³, 2), on top of the order's table (40 kg, 0.3 m³, 1).
            self.assertAlmostEqual(form.total_weight, 218.0)
            self.assertAlmostEqual(form.tonnage, 0.218)
            self.assertAlmostEqual(form.total_volume, 2.052)
            self.assertEqual(form.total_cartons, 9)
            self.assertEqual(form.truck_plan, "1 × Gazelle")
            self.assertAlmostEqual(form.delivery_cost, 8000)
            self.assertFalse(form.problems)
            html = str(form.preview_html)
            self.assertIn("Bedroom Classic × 2", html)
            self.assertIn("Bed Classic (White)", html)
            self.assertIn("Chair (White)", html)
            self.assertIn("178.0", html)  # kg added
            self.assertIn("2 pcs", html, "pieces, not «2 Единицы»")
            self.assertIn('<td class="text-end d-none d-md-table-cell">8</td>', html, "cartons are whole")
        self.assertEqual(len(self.order.order_line), 1, "The preview writes nothing on the order.")

    def _own_trucks(self, **values):
        return self.env["delivery.carrier"].create(
            {
                "name": "Own trucks",
                "delivery_type": "vip_own_trucks",
                "product_id": self.env["product.product"].create({"name": "Delivery", "type": "service"}).id,
                **values,
            }
        )

    def test_preview_shows_the_money_and_adds_the_delivery(self):
        carrier = self._own_trucks()
        before = self.order.amount_untaxed
        wizard = self._wizard([(self.bedroom, 2)], color=self.white)
        self.assertEqual(wizard.carrier_id, carrier, "the company's own trucks by default")
        self.assertGreater(wizard.amount_added, 0.0)
        self.assertAlmostEqual(wizard.order_amount_untaxed, before + wizard.amount_added)
        amount_text = wizard.preview_html.split("Added")[1]
        self.assertIn(f"{wizard.amount_added:,.2f}", amount_text, "the amount added, in the preview's total")
        wizard.add_delivery = True
        preview = (wizard.amount_added, wizard.order_amount_untaxed, wizard.delivery_cost)
        wizard.action_add()
        added = self._product_lines().filtered(lambda line: not line.is_delivery)
        self.assertAlmostEqual(
            sum(added.mapped("price_subtotal")), preview[0], msg="the preview's money is the order's"
        )
        delivery = self.order.order_line.filtered("is_delivery")
        self.assertEqual(delivery.price_unit, preview[2], "the delivery cost the preview showed")
        self.assertAlmostEqual(self.order.amount_untaxed, preview[1] + preview[2])
        self.assertTrue(self.order.order_line.sorted("sequence")[-1].is_delivery)

    def test_a_delivery_the_carrier_refuses_adds_nothing(self):
        carrier = self._own_trucks(country_ids=[Command.set(self.env.ref("base.fr").ids)])
        wizard = self._wizard([(self.bedroom, 1)], color=self.oak)
        wizard.write({"add_delivery": True, "carrier_id": carrier.id})
        with self.assertRaisesText(UserError, "cannot deliver this quotation"):
            wizard.action_add()
        self.assertEqual(len(self.order.order_line), 1, "neither the packages nor a delivery")

    def test_preview_shows_the_shortage_and_the_colours_in_stock(self):
        self.bed_tmpl.write({"is_storable": True, "vip_production_days": 14})
        stock = self.order.warehouse_id.lot_stock_id
        self.env["stock.quant"]._update_available_quantity(self.bed_oak, stock, 5.0)
        self.env["stock.quant"]._update_available_quantity(self.bed_white, stock, 1.0)
        wizard = self._wizard([(self.bedroom, 2)], color=self.white)
        html = str(wizard.preview_html)
        # 2 white beds wanted, 1 free: the other comes after the 14 days of production; oak
        # beds are free in the quantity wanted, walnut ones are not.
        arrival = format_date(self.env, fields.Date.context_today(wizard) + timedelta(days=14))
        self.assertIn(f"1 short, on {arrival}", html)
        self.assertIn("In stock in the quantity wanted: Bed Classic (Oak)", html)
        self.assertNotIn("Walnut", html)
        self.assertFalse(wizard.problems, "a shortage warns, it does not refuse")

    def test_add_writes_a_section_and_discounted_lines_per_package(self):
        self._wizard([(self.bedroom, 2), (self.bedroom, 1, self.oak)], color=self.white).action_add()
        sections = self.order.order_line.filtered(lambda line: line.display_type == "line_section")
        self.assertEqual(sections.mapped("name"), ["Bedroom Classic × 2", "Bedroom Classic × 1"])
        lines = self._product_lines()
        self.assertEqual(
            [(line.product_id, line.product_uom_qty) for line in lines],
            [
                (self.bed_white, 2),
                (self.chair_white, 4),
                (self.table, 2),
                (self.bed_oak, 1),
                (self.chair_oak, 2),
                (self.table, 1),
            ],
        )
        self.assertEqual(set(lines.mapped("discount")), {7.0})
        self.assertEqual(set(lines.mapped("vip_package_discount")), {7.0})
        self.assertEqual(
            self.order.order_line[0].vip_package_discount, 0, "The order's own line is untouched."
        )
        self.assertEqual(self.order.order_line.sorted("sequence"), self.order.order_line)
        # 40 + 178 + (70.5 + 16 + 40) kg
        self.assertAlmostEqual(self.order.vip_total_weight, 344.5)

    def test_a_variant_in_the_package_stays_that_variant(self):
        self.bedroom.line_ids[0].product_id = self.bed_walnut
        self._wizard([(self.bedroom, 1)], color=self.white).action_add()
        self.assertEqual(self._product_lines().product_id, self.bed_walnut | self.chair_white | self.table)

    def test_package_discount_survives_a_quantity_change(self):
        self.env.ref("base.group_user").implied_ids += self.env.ref("sale.group_discount_per_so_line")
        self.order.pricelist_id = self.env["product.pricelist"].create({"name": "Roubles"})
        self._wizard([(self.bedroom, 1)], color=self.oak).action_add()
        bed_line = self._product_lines()[0]
        bed_line.product_uom_qty = 3
        self.assertEqual(bed_line.discount, 7.0)
        # An ordinary line gets the pricelist's discount back on the same change.
        own_line = self.order.order_line[0]
        own_line.discount = 5.0
        own_line.product_uom_qty = 2
        self.assertEqual(own_line.discount, 0.0)

    def test_missing_colour_is_refused_and_names_the_products(self):
        self.bedroom.color_value_ids += self.walnut
        wizard = self._wizard([(self.bedroom, 1)], color=self.walnut)
        self.assertIn("Chair", wizard.problems)
        with self.assertRaisesRegex(UserError, r"do not come in Walnut: Chair\.") as error:
            wizard.action_add()
        self.assertNotIn("Bed", str(error.exception))
        self.assertEqual(len(self.order.order_line), 1)

    def test_colour_the_package_does_not_come_in_is_refused(self):
        # Every product of the package exists in walnut but the chair, and the offer is oak
        # and white only: the offer is refused as a whole.
        self.chair_tmpl.attribute_line_ids.value_ids += self.walnut
        with self.assertRaisesRegex(UserError, "Bedroom Classic does not come in Walnut, only in Oak, White"):
            self._wizard([(self.bedroom, 1)], color=self.walnut).action_add()
        self.assertEqual(len(self.order.order_line), 1)

    def test_archived_product_is_refused(self):
        self.chair_tmpl.action_archive()
        with self.assertRaisesRegex(UserError, r"archived: Chair"):
            self._wizard([(self.bedroom, 1)], color=self.oak).action_add()
        self.assertEqual(len(self.order.order_line), 1)

    def test_several_variants_in_the_colour_are_refused(self):
        doors = self.env["product.attribute"].create(
            {
                "name": "Doors",
                "value_ids": [Command.create({"name": "2 doors"}), Command.create({"name": "3 doors"})],
            }
        )
        wardrobe = self._create_furniture(
            "Wardrobe", 900.0, self.oak | self.white, [("Body", 200, 60, 10, 50.0)]
        )
        wardrobe.attribute_line_ids = [
            Command.create({"attribute_id": doors.id, "value_ids": [Command.set(doors.value_ids.ids)]})
        ]
        self.bedroom.line_ids = [Command.create({"product_tmpl_id": wardrobe.id, "quantity": 1})]
        with self.assertRaisesRegex(UserError, r"several variants in Oak; name the variant .*: Wardrobe\."):
            self._wizard([(self.bedroom, 1)], color=self.oak).action_add()
        # Named in the package, the variant is added.
        self.bedroom.line_ids[-1].product_id = wardrobe.product_variant_ids[0]
        self._wizard([(self.bedroom, 1)], color=self.oak).action_add()
        self.assertIn(wardrobe.product_variant_ids[0], self._product_lines().product_id)

    def test_zero_sets_are_refused(self):
        with self.assertRaisesRegex(
            UserError, "number of sets of .*Bedroom Classic must be greater than zero"
        ):
            self._wizard([(self.bedroom, 2), (self.bedroom, 0)], color=self.oak).action_add()
        self.assertEqual(len(self.order.order_line), 1)

    def test_colour_must_be_chosen_for_products_with_variants(self):
        with self.assertRaisesRegex(UserError, r"Choose a colour: .*Bed Classic, Chair\."):
            self._wizard([(self.bedroom, 1)]).action_add()
        empty = self._wizard([])
        self.assertFalse(empty.problems, "a new wizard opens with a hint, not an error")
        with self.assertRaisesRegex(UserError, "Choose at least one package offer"):
            empty.action_add()
        self.assertEqual(len(self.order.order_line), 1)

    def test_only_quotations_of_own_clients(self):
        self._vip_confirm(self.order)
        with self.assertRaisesRegex(UserError, "only be added to a quotation"):
            self._wizard([(self.bedroom, 1)], color=self.oak).action_add()
        other = self._create_order([(self.table, 1)], partner=self.client2, user=self.manager2)
        with self.assertRaises(AccessError):
            self._wizard([(self.bedroom, 1)], color=self.oak, order=other).action_add()
        self.assertEqual(len(other.order_line), 1)

    def test_delivery_line_stays_last_and_is_flagged_for_update(self):
        carrier = self._own_trucks()
        self.order.set_delivery_line(carrier, 8000)
        self._wizard([(self.bedroom, 1)], color=self.oak).action_add()
        self.assertTrue(self.order.order_line.sorted("sequence")[-1].is_delivery)
        self.assertTrue(self.order.recompute_delivery_price)

    def test_analytic_distribution_models_apply_to_package_lines(self):
        plan = self.env["account.analytic.plan"].create({"name": "Channels"})
        account = self.env["account.analytic.account"].create({"name": "VIP retail", "plan_id": plan.id})
        self.env["account.analytic.distribution.model"].create(
            {"product_id": self.bed_oak.id, "analytic_distribution": {str(account.id): 100}}
        )
        self._wizard([(self.bedroom, 1)], color=self.oak).action_add()
        bed_line, chair_line = self._product_lines()[:2]
        self.assertEqual(bed_line.analytic_distribution, {str(account.id): 100})
        self.assertFalse(chair_line.analytic_distribution)
