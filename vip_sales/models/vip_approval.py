from odoo import api, fields, models
from odoo.exceptions import UserError


class VipApproval(models.Model):
    """A decision of the head of sales: on a proposal's special terms, a business trip, a plan.

    The log is written by the approval flow only (``vip.approval.mixin``, in superuser mode):
    nobody creates, edits or deletes its records, the head of sales included.
    """

    _name = "vip.approval"
    _description = "Decision of the Head of Sales"
    _order = "date desc, id desc"

    res_model = fields.Char(string="Document Model", required=True, index=True)
    res_id = fields.Many2oneReference(string="Document", model_field="res_model", required=True, index=True)
    res_name = fields.Char(string="Document Name")
    order_id = fields.Many2one("sale.order", string="Proposal", index="btree_not_null", ondelete="restrict")
    company_id = fields.Many2one("res.company", required=True, index=True)
    user_id = fields.Many2one("res.users", string="Decided By", required=True, ondelete="restrict")
    decision = fields.Selection([("approved", "Approved"), ("rejected", "Rejected")], required=True)
    requested_date = fields.Datetime(string="Requested On", help="When the decision was asked for.")
    date = fields.Datetime(string="Decided On", required=True, default=fields.Datetime.now)
    comment = fields.Text()
    revision = fields.Integer(help="Revision of the proposal the decision was taken on.")
    amount_total = fields.Monetary(string="Total", currency_field="currency_id")
    currency_id = fields.Many2one("res.currency")
    max_discount = fields.Float(string="Highest Discount (%)", digits="Discount")
    payment_term_id = fields.Many2one("account.payment.term", string="Payment Terms", ondelete="set null")
    reasons = fields.Text(string="Special Terms Decided")

    @api.depends("res_name", "order_id", "revision", "decision", "user_id")
    def _compute_display_name(self):
        labels = dict(self._fields["decision"]._description_selection(self.env))
        for approval in self:
            approval.display_name = self.env._(
                "%(order)s: %(decision)s by %(user)s",
                order=approval.order_id._vip_revision_name(approval.revision)
                if approval.order_id
                else approval.res_name,
                decision=labels.get(approval.decision, ""),
                user=approval.user_id.name,
            )

    def write(self, vals):
        if vals:
            raise UserError(self.env._("A decision of the head of sales cannot be changed."))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_never(self):
        raise UserError(self.env._("A decision of the head of sales cannot be deleted."))
