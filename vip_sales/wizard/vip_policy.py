from odoo import api, fields, models
from odoo.exceptions import AccessError

from ..models.res_company import CONTRACT_POLICIES


def policy_field(field_type, *args, **kwargs):
    """A field of the company's policy, under the company field's name: read from the company
    when the form opens (``_compute_policy``), written back to it by ``action_save``."""
    return field_type(*args, compute="_compute_policy", store=True, readonly=False, **kwargs)


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
    vip_max_discount = policy_field(fields.Float, string="Maximum Discount (%)", digits="Discount")
    vip_standard_payment_term_ids = policy_field(
        fields.Many2many,
        "account.payment.term",
        "vip_policy_payment_term_rel",
        "policy_id",
        "payment_term_id",
        string="Standard Payment Terms",
        help="Payment terms offered without approval; leave empty to accept any term within the "
        "longest deferral.",
    )
    vip_max_deferral_days = policy_field(fields.Integer, string="Longest Deferral (days)")
    vip_approval_escalation_hours = policy_field(fields.Integer, string="Escalate After (working hours)")
    vip_check_ship_date = policy_field(fields.Boolean, string="Feasible Shipping Dates")
    vip_block_shortage = policy_field(fields.Boolean, string="Refuse Confirmation When Short")
    vip_require_nomenclature = policy_field(fields.Boolean, string="Confirm Agreed Lines Only")
    vip_contract_policy = policy_field(
        fields.Selection, CONTRACT_POLICIES, string="Without a Signed Contract"
    )
    vip_contract_template = policy_field(fields.Html, string="Supply Contract Template", sanitize=True)

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
