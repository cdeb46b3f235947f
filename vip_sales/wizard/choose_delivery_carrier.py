from odoo import api, models


class ChooseDeliveryCarrier(models.TransientModel):
    _inherit = "choose.delivery.carrier"

    @api.onchange("carrier_id", "total_weight")
    def _onchange_carrier_id(self):
        # Own trucks are priced in-house at no cost: show the rate at once, as for fixed prices,
        # instead of waiting for "Get rate".
        res = super()._onchange_carrier_id()
        if self.delivery_type == "vip_own_trucks":
            vals = self._get_delivery_rate()
            if vals.get("error_message"):
                return {"warning": {"title": self.carrier_id.name, "message": vals["error_message"]}}
        return res
