from odoo import api, fields, models
from odoo.exceptions import AccessError

from ..models.res_company import CONTRACT_POLICIES


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
    vip_check_ship_date = fields.Boolean(
        string="Feasible Shipping Dates", compute="_compute_policy", store=True, readonly=False
    )
    vip_block_shortage = fields.Boolean(
        string="Refuse Confirmation When Short", compute="_compute_policy", store=True, readonly=False
    )
    vip_require_nomenclature = fields.Boolean(
        string="Confirm Agreed Lines Only", compute="_compute_policy", store=True, readonly=False
    )

    vip_contract_policy = fields.Selection(
        CONTRACT_POLICIES,
        string="Without a Signed Contract",
        compute="_compute_policy",
        store=True,
        readonly=False,
    )

    vip_contract_template = fields.Html(
        string="Supply Contract Template",
        sanitize=True,
        compute="_compute_policy",
        store=True,
        readonly=False,
    )

    # The company's fields this form edits, each under the same name.
    _policy_fields = (
        "vip_max_discount",
        "vip_standard_payment_term_ids",
        "vip_max_deferral_days",
        "vip_approval_escalation_hours",
        "vip_check_ship_date",
        "vip_block_shortage",
        "vip_require_nomenclature",
        "vip_contract_policy",
        "vip_contract_template",
    )

    @api.depends("company_id")
    def _compute_policy(self):
        for policy in self:
            company = policy.company_id.sudo()
            for fname in self._policy_fields:
                policy[fname] = company[fname]

    def action_save(self):
        self.ensure_one()
        if (
            not self.env.user.has_group("vip_sales.group_vip_head")
            or self.company_id not in self.env.user.company_ids
        ):
            raise AccessError(self.env._("Only the head of sales of the company sets its approval policy."))
        # Heads of sales may not write companies: the policy fields alone are written for them.
        values = self._convert_to_write({fname: self[fname] for fname in self._policy_fields})
        self.company_id.sudo().write(values)
        return {"type": "ir.actions.act_window_close"}
