from types import SimpleNamespace

from odoo import Command
from odoo.tests import Form, tagged

from .logistics_common import VipLogisticsCommon


@tagged("post_install", "-at_install")
class TestOwnTrucksCarrier(VipLogisticsCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.carrier = cls.env["delivery.carrier"].create(
            {
                "name": "Own trucks",
                "delivery_type": "vip_own_trucks",
                "integration_level": "rate",
                "product_id": cls.env["product.product"].create({"name": "Delivery", "type": "service"}).id,
            }
        )
        # 40 oak beds: 2.82 t, 14.48 m³ over 250 km: a 5-tonne truck, 9,000 + 55 × 250.
        cls.order = cls._create_order([(cls.bed_oak, 40)], vip_delivery_distance_km=250)

    def test_rate_is_the_truck_plan_cost(self):
        self.assertAlmostEqual(self.order.vip_delivery_cost, 22750)
        rate = self.carrier.rate_shipment(self.order)
        self.assertTrue(rate["success"])
        self.assertAlmostEqual(rate["price"], 22750)
        self.assertEqual(rate["warning_message"], "1 × 5-tonne truck")

    def test_add_shipping_puts_the_cost_on_the_order(self):
        action = self.order.with_user(self.manager1).action_open_delivery_wizard()
        wizard = Form(
            self.env[action["res_model"]].with_user(self.manager1).with_context(**action["context"])
        )
        wizard.carrier_id = self.carrier
        self.assertAlmostEqual(wizard.display_price, 22750, msg="Own trucks are priced without 'Get rate'.")
        wizard.save().button_confirm()
        delivery_line = self.order.order_line.filtered("is_delivery")
        self.assertAlmostEqual(delivery_line.price_unit, 22750)
        self.assertEqual(self.order.carrier_id, self.carrier)
        # The delivery line does not weigh anything.
        self.assertAlmostEqual(self.order.vip_total_weight, 2820)

    def test_free_delivery_is_priced_zero(self):
        self.order.vip_free_delivery = True
        rate = self.carrier.rate_shipment(self.order)
        self.assertEqual(rate["price"], 0)
        self.assertIn("Free delivery", rate["warning_message"])
        self.order.set_delivery_line(self.carrier, 22750)
        self.assertEqual(self.order.order_line.filtered("is_delivery").price_unit, 0)
        self.assertAlmostEqual(self.order.vip_delivery_cost, 22750, msg="The cost to us stays known.")

    def test_no_fleet_no_rate(self):
        (self.gazelle | self.truck | self.eurotruck).action_archive()
        rate = self.carrier.rate_shipment(self.order)
        self.assertFalse(rate["success"])
        self.assertIn("No vehicle type", rate["error_message"])

    def _rule_carrier(self, variable):
        """A carrier priced by rule at 10 per unit of ``variable`` (weight or volume)."""
        rule = {
            "variable": variable,
            "operator": ">=",
            "max_value": 0,
            "list_base_price": 0,
            "list_price": 10,
            "variable_factor": variable,
        }
        return self.env["delivery.carrier"].create(
            {
                "name": f"By {variable}",
                "delivery_type": "base_on_rule",
                "product_id": self.carrier.product_id.id,
                "price_rule_ids": [Command.create(rule)],
            }
        )

    def test_other_carriers_see_the_carton_weight_and_volume(self):
        # 40 oak beds in cartons: 2,820 kg and 14.48 m³ (the product form has neither).
        self.assertFalse(self.bed_oak.volume)
        self.assertAlmostEqual(self._rule_carrier("weight").rate_shipment(self.order)["price"], 28200)
        self.assertAlmostEqual(self._rule_carrier("volume").rate_shipment(self.order)["price"], 144.8)

    def test_shipping_of_pickings_uses_the_order_cost(self):
        pickings = [SimpleNamespace(sale_id=self.order)]
        self.assertEqual(
            self.carrier.vip_own_trucks_send_shipping(pickings),
            [{"exact_price": 22750, "tracking_number": False}],
        )
