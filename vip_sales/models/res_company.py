from markupsafe import Markup

from odoo import fields, models
from odoo.tools import file_open, is_html_empty

# The default body of the printed supply contract (also loaded for the main company).
CONTRACT_TEMPLATE_FILE = "vip_sales/data/vip_contract_template.html"

# What a VIP order without a signed supply contract does.
CONTRACT_POLICIES = [("none", "No Check"), ("warn", "Warn"), ("block", "Refuse Confirmation")]


class ResCompany(models.Model):
    _inherit = "res.company"

    vip_max_discount = fields.Float(
        string="Maximum Discount (%)",
        digits="Discount",
        default=10.0,
        help="A VIP proposal with a line discounted above this, by its discount or by a price "
        "below the product's sales price (by hand or by a pricelist), needs the approval of the "
        "head of sales (a package offer's own discount is pre-approved).",
    )
    vip_standard_payment_term_ids = fields.Many2many(
        "account.payment.term",
        "res_company_vip_payment_term_rel",
        "company_id",
        "payment_term_id",
        string="Standard Payment Terms",
        help="Payment terms a VIP manager may offer without approval. Leave empty to accept "
        "any payment term within the longest deferral.",
    )
    vip_max_deferral_days = fields.Integer(
        string="Longest Deferral (days)",
        default=30,
        help="The longest delay, in days from the order date, that a payment term may give "
        "without the approval of the head of sales (0: payment on order only).",
    )

    vip_approval_escalation_hours = fields.Integer(
        string="Escalate After (working hours)",
        default=16,
        help="A request for a decision that waits longer than this, in the company's working "
        "hours, goes to the sales director as well.",
    )

    vip_check_ship_date = fields.Boolean(
        string="Feasible Shipping Dates",
        default=True,
        help="A shipping date agreed before the earliest day the VIP proposal can ship (stock, "
        "receipts, production lead time) needs the approval of the head of sales.",
    )
    vip_block_shortage = fields.Boolean(
        string="Refuse Confirmation When Short",
        help="A VIP order is confirmed only when the warehouse has every line in free stock; "
        "otherwise a shortage is shown and warned of, not blocked.",
    )
    vip_require_nomenclature = fields.Boolean(
        string="Confirm Agreed Lines Only",
        default=True,
        help="A VIP order is confirmed only once the client agreed its lines (models, quantities, "
        "colours): in the portal, or as recorded by the manager.",
    )

    vip_contract_policy = fields.Selection(
        CONTRACT_POLICIES,
        string="Without a Signed Contract",
        default="warn",
        required=True,
        help="What a VIP order without a signed supply contract valid on its date does: nothing, "
        "a warning on the proposal, or no confirmation.",
    )

    vip_contract_template = fields.Html(
        string="Supply Contract Template",
        sanitize=True,
        translate=False,
        help="The body of the printed supply contract, between its title and the parties' "
        "requisites. Placeholders such as {{contract_number}} or {{discount}} are replaced by the "
        "contract's terms; leave it empty to print the default text.",
    )

    _check_vip_policy = models.Constraint(
        "CHECK(vip_max_discount BETWEEN 0 AND 100 AND vip_max_deferral_days >= 0 "
        "AND vip_approval_escalation_hours > 0)",
        "The maximum discount is a percentage between 0 and 100 and the longest deferral cannot be negative.",
    )

    def _vip_contract_template(self):
        """The company's contract body, or the default one when it has none."""
        self.ensure_one()
        if not is_html_empty(self.vip_contract_template):
            return self.vip_contract_template
        with file_open(CONTRACT_TEMPLATE_FILE) as template:
            return Markup(template.read())  # our own file: trusted

    def write(self, vals):
        res = super().write(vals)
        if {
            "vip_max_discount",
            "vip_standard_payment_term_ids",
            "vip_max_deferral_days",
            "vip_check_ship_date",
        } & set(vals):
            # The policy is read where it is used; the open quotations show it at once. The
            # orders already decided keep the decision they went through.
            self.env["sale.order"].sudo().search(
                [
                    ("company_id", "in", self.ids),
                    ("state", "in", ("draft", "sent")),
                    ("vip_is_vip_client", "=", True),
                ]
            )._vip_sync_approval_state()
        return res
