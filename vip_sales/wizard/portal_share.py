from odoo import api, models


class PortalShare(models.TransientModel):
    _inherit = "portal.share"

    @api.model
    def default_get(self, fields):
        result = super().default_get(fields)
        self._vip_check_shared_order(result.get("res_model"), result.get("res_id"))
        return result

    def action_send_mail(self):
        for wizard in self:
            self._vip_check_shared_order(wizard.res_model, wizard.res_id)
        return super().action_send_mail()

    @api.model
    def _vip_check_shared_order(self, res_model, res_id):
        # A proposal awaiting approval is not shared with the client.
        if res_model == "sale.order" and res_id:
            self.env["sale.order"].browse(res_id)._vip_check_approval()
