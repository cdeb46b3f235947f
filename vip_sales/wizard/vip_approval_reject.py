from odoo import fields, models
from odoo.exceptions import UserError


class VipApprovalReject(models.TransientModel):
    _name = "vip.approval.reject"
    _description = "Reject the Special Terms of a Proposal"

    order_id = fields.Many2one("sale.order", string="Proposal", required=True, readonly=True)
    comment = fields.Text(required=True, help="Why the special terms are rejected: the manager reads it.")

    def action_reject(self):
        self.ensure_one()
        if not (self.comment or "").strip():
            raise UserError(self.env._("Tell the manager why the special terms are rejected."))
        self.order_id._vip_decide("rejected", self.comment)
        return {"type": "ir.actions.client", "tag": "soft_reload"}
