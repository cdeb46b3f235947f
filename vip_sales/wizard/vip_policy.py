from odoo import api, fields, models
from odoo.exceptions import AccessError


class VipPolicy(models.TransientModel):
    """The company's approval policy, edited by the head of sales (who is no administrator)."""

    _name = "vip.policy"
    _description = "VIP Approval Policy"

    company_id = fields.Many2one(
        "res.company",
        required=True,
        default=lambda self: self.env.company,
        domain="[('id', 'in', allowed_company_ids)]",
    )
    vip_max_discount = fields.Float(
        string="Maximum Discount (%)",
        digits="Discount",
        compute="_compute_policy",
        store=True,
        readonly=False,
    )
    vip_standard_payment_term_ids = fields.Many2many(
        "account.payment.term",
        "vip_policy_payment_term_rel",
        "policy_id",
        "payment_term_id",
        string="Standard Payment Terms",
        compute="_compute_policy",
        store=True,
        readonly=False,
        help="Payment terms offered without approval; leave empty to accept any term within the "
        "longest deferral.",
    )
    vip_max_deferral_days = fields.Integer(
        string="Longest Deferral (days)", compute="_compute_policy", store=True, readonly=False
    )
    vip_approval_escalation_hours = fields.Integer(
        string="Escalate After (working hours)", compute="_compute_policy", store=True, readonly=False
    )

    @api.depends("company_id")
    def _compute_policy(self):
        for policy in self:
            company = policy.company_id.sudo()
            policy.vip_max_discount = company.vip_max_discount
            policy.vip_standard_payment_term_ids = company.vip_standard_payment_term_ids
            policy.vip_max_deferral_days = company.vip_max_deferral_days
            policy.vip_approval_escalation_hours = company.vip_approval_escalation_hours

    def action_save(self):
        self.ensure_one()
        if (
            not self.env.user.has_group("vip_sales.group_vip_head")
            or self.company_id not in self.env.user.company_ids
        ):
            raise AccessError(self.env._("Only the head of sales of the company sets its approval policy."))
        # Heads of sales may not write companies: the policy fields alone are written for them.
        self.company_id.sudo().write(
            {
                "vip_max_discount": self.vip_max_discount,
                "vip_standard_payment_term_ids": [fields.Command.set(self.vip_standard_payment_term_ids.ids)],
                "vip_max_deferral_days": self.vip_max_deferral_days,
                "vip_approval_escalation_hours": self.vip_approval_escalation_hours,
            }
        )
        return {"type": "ir.actions.act_window_close"}
