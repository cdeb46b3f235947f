from odoo import api, fields, models


class SaleOrder(models.Model):
    _inherit = "sale.order"

    vip_approval_requested_date = fields.Datetime(
        string="Approval Requested On",
        readonly=True,
        copy=False,
        help="When the special terms were last submitted to the head of sales.",
    )

    @api.model
    def _vip_flow_fields(self):
        return super()._vip_flow_fields() | {"vip_approval_requested_date"}

    def action_vip_request_approval(self):
        res = super().action_vip_request_approval()
        # Set by the flow itself, like the approval state: the manager may not write it.
        self.sudo().vip_approval_requested_date = fields.Datetime.now()
        return res

    def _vip_prepare_approval_vals(self, decision, comment):
        return {
            **super()._vip_prepare_approval_vals(decision, comment),
            "requested_date": self.vip_approval_requested_date,
        }
