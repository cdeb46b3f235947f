from odoo import fields, models


class DeliveryCarrier(models.Model):
    _inherit = "delivery.carrier"

    delivery_type = fields.Selection(
        selection_add=[("vip_own_trucks", "Own Trucks")],
        ondelete={
            "vip_own_trucks": lambda carriers: carriers.write({"delivery_type": "fixed", "fixed_price": 0})
        },
    )

    def _get_price_available(self, order):
        # Carriers priced by rules read the weight from sale.order._get_estimated_weight (carton
        # aware); the order passed on lets _get_price_dict give them the carton volume as well.
        return super(DeliveryCarrier, self.with_context(vip_price_order_id=order.id))._get_price_available(
            order
        )

    def _get_price_dict(self, total, weight, volume, quantity, wv=0.0):
        values = super()._get_price_dict(total, weight, volume, quantity, wv=wv)
        order = self.env["sale.order"].browse(self.env.context.get("vip_price_order_id") or [])
        if order:
            lines = order.order_line._vip_shipped_lines()
            values["volume"] = order.vip_total_volume
            values["wv"] = sum(
                line.product_id.vip_shipping_weight * line.product_id.vip_shipping_volume * line.product_qty
                for line in lines
            )
        return values

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
