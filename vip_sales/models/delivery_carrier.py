from odoo import fields, models


class DeliveryCarrier(models.Model):
    _inherit = "delivery.carrier"

    delivery_type = fields.Selection(
        selection_add=[("vip_own_trucks", "Own Trucks")],
        ondelete={
            "vip_own_trucks": lambda carriers: carriers.write({"delivery_type": "fixed", "fixed_price": 0})
        },
    )

    def vip_own_trucks_rate_shipment(self, order):
        """Price of the order's truck plan (``vip_delivery_cost``); nothing with free delivery."""
        self.ensure_one()
        if not self._match_address(order.partner_shipping_id):
            return {
                "success": False,
                "price": 0.0,
                "error_message": self.env._("Error: this delivery method is not available for this address."),
                "warning_message": False,
            }
        plan = order._vip_get_truck_plan()
        if not plan.feasible:
            return {
                "success": False,
                "price": 0.0,
                "error_message": self.env._(
                    "No vehicle type is configured: the head of sales sets them up in VIP Sales ▸ "
                    "Configuration ▸ Vehicle Types."
                ),
                "warning_message": False,
            }
        if order.vip_free_delivery:
            price, message = (
                0.0,
                self.env._("Free delivery for this order (truck plan: %s).", plan.description()),
            )
        else:
            price, message = order._vip_company_to_order_currency(plan.cost), plan.description()
        return {"success": True, "price": price, "error_message": False, "warning_message": message}

    def vip_own_trucks_send_shipping(self, pickings):
        """Shipping of validated pickings (called by ``stock_delivery``): the order's truck plan
        cost, without tracking number since our own trucks deliver."""
        return [
            {
                "exact_price": 0.0 if order.vip_free_delivery else order.vip_delivery_cost,
                "tracking_number": False,
            }
            for order in (picking.sale_id for picking in pickings)
        ]
