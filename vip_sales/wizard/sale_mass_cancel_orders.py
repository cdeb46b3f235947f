from odoo import api, fields, models
from odoo.exceptions import UserError


class SaleMassCancelOrders(models.TransientModel):
    _inherit = "sale.mass.cancel.orders"

    vip_needs_refusal_reason = fields.Boolean(
        string="Refusal Reason Needed", compute="_compute_vip_needs_refusal_reason"
    )
    vip_refusal_reason_id = fields.Many2one(
        "vip.refusal.reason",
        string="Refusal Reason",
        domain="['|', ('company_id', '=', False), ('company_id', 'in', allowed_company_ids)]",
    )
    vip_refusal_comment = fields.Text(string="Refusal Comment")

    @api.depends("sale_order_ids")
    def _compute_vip_needs_refusal_reason(self):
        for wizard in self:
            wizard.vip_needs_refusal_reason = bool(wizard._vip_refused_quotations())

    def _vip_refused_quotations(self):
        return self.sale_order_ids.filtered(lambda o: o.vip_is_vip_client and o.state in ("draft", "sent"))

    def action_mass_cancel(self):
        quotations = self._vip_refused_quotations()
        if quotations:
            if not (self.vip_refusal_reason_id and self.vip_refusal_comment):
                raise UserError(
                    self.env._("Give the reason why the client refused the proposal, with a comment.")
                )
            quotations.write(
                {
                    "vip_refusal_reason_id": self.vip_refusal_reason_id.id,
                    "vip_refusal_comment": self.vip_refusal_comment,
                }
            )
        return super().action_mass_cancel()
