from odoo import fields, models
from odoo.exceptions import UserError


class VipApprovalReject(models.TransientModel):
    _name = "vip.approval.reject"
    _description = "Reject a Request"

    request_id = fields.Many2one("vip.approval.request", required=True, readonly=True)
    comment = fields.Text(required=True, help="Why it is rejected: the requester reads it.")

    def action_reject(self):
        self.ensure_one()
        if not (self.comment or "").strip():
            raise UserError(self.env._("Tell the requester why you reject it."))
        request = self.request_id.sudo()
        request._records()._vip_decide("rejected", self.comment)
        if self.env.context.get("vip_from_request"):
            return request.with_env(self.env)._vip_next_action()
        return {"type": "ir.actions.client", "tag": "soft_reload"}
