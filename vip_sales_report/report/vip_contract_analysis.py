from odoo import fields, models
from odoo.tools import SQL

from odoo.addons.vip_sales.models.agreement import CONTRACT_STATES, PAYMENT_FORMS


class VipContractAnalysis(models.Model):
    """Supply contracts of VIP clients, one row per contract: its status, validity and terms,
    and the credit the client uses against its limit."""

    _name = "vip.contract.analysis"
    _inherit = ["vip.analysis.mixin"]
    _description = "VIP Contract Analysis"
    _auto = False
    _rec_name = "contract_id"
    _order = "end_date, id"
    _depends = {
        "agreement": [
            "active",
            "code",
            "commercial_partner_id",
            "company_id",
            "end_date",
            "is_template",
            "start_date",
            "vip_credit_limit",
            "vip_discount",
            "vip_payment_form",
            "vip_prepayment_share",
            "vip_state",
            "vip_user_id",
        ],
        "account.move.line": [
            "account_id",
            "amount_residual",
            "company_id",
            "parent_state",
            "partner_id",
            "reconciled",
        ],
        "account.account": ["account_type"],
        "sale.order": ["company_id", "currency_rate", "partner_invoice_id", "state"],
        "sale.order.line": ["price_subtotal", "price_total", "untaxed_amount_to_invoice"],
        "res.partner": ["commercial_partner_id", "is_vip", "vip_manager_id", "vip_tier_id"],
        "res.company": ["currency_id"],
    }

    contract_id = fields.Many2one("agreement", readonly=True)
    code = fields.Char(string="Contract Number", readonly=True)
    partner_id = fields.Many2one("res.partner", string="Client", readonly=True)
    tier_id = fields.Many2one("vip.tier", string="VIP Tier", readonly=True)
    manager_id = fields.Many2one(
        "res.users", string="VIP Manager", readonly=True, help="The VIP manager who owns the client."
    )
    user_id = fields.Many2one(
        "res.users", string="Negotiated By", readonly=True, help="Who negotiated the contract."
    )
    company_id = fields.Many2one("res.company", readonly=True)
    currency_id = fields.Many2one("res.currency", readonly=True)
    state = fields.Selection(CONTRACT_STATES, string="Contract Status", readonly=True)
    start_date = fields.Date(string="Valid From", readonly=True)
    end_date = fields.Date(string="Valid Until", readonly=True)
    days_to_expiry = fields.Integer(
        string="Days to Expiry",
        aggregator="min",
        readonly=True,
        help="Days from today to the contract's last day (negative once past it; empty without an "
        "end date). A group shows its soonest expiry.",
    )
    discount = fields.Float(string="Discount (%)", digits="Discount", aggregator="avg", readonly=True)
    payment_form = fields.Selection(PAYMENT_FORMS, readonly=True)
    prepayment_share = fields.Float(string="Prepayment (%)", digits=(16, 1), aggregator="avg", readonly=True)
    credit_limit = fields.Monetary(readonly=True)
    credit_used = fields.Monetary(
        readonly=True,
        help="What the client owes the company now, in the company's currency: the open balance of "
        "its receivables on posted entries of the company (the residual amount of the receivable "
        "journal items of the client and its contacts), plus its confirmed orders not invoiced yet. "
        "An order line's amount to invoice is its stored untaxed amount to invoice, taxes added in "
        "the proportion of the line's total to its subtotal, converted at the order's rate. It is "
        "the contract's client's whole account, whatever the contract's status.",
    )
    credit_left = fields.Monetary(
        readonly=True,
        help="Credit limit minus credit used: negative when the client owes more than its limit.",
    )
    contract_count = fields.Integer(string="Contracts", readonly=True)

    def _query(self):
        return SQL(
            """
            WITH receivables AS (
                SELECT client.id AS partner_id,
                       line.company_id,
                       SUM(line.amount_residual) AS amount
                  FROM account_move_line line
                  JOIN account_account account ON account.id = line.account_id
                  JOIN res_partner customer ON customer.id = line.partner_id
                  JOIN res_partner client ON client.id = customer.commercial_partner_id
                 WHERE line.parent_state = 'posted'
                   AND account.account_type = 'asset_receivable'
                   AND line.reconciled IS NOT TRUE
                 GROUP BY client.id, line.company_id
            ),
            to_invoice AS (
                SELECT client.id AS partner_id,
                       s.company_id,
                       SUM(
                           sol.untaxed_amount_to_invoice
                           * COALESCE(sol.price_total / NULLIF(sol.price_subtotal, 0), 1)
                           / COALESCE(NULLIF(s.currency_rate, 0), 1)
                       ) AS amount
                  FROM sale_order_line sol
                  JOIN sale_order s ON s.id = sol.order_id
                  JOIN res_partner customer ON customer.id = s.partner_invoice_id
                  JOIN res_partner client ON client.id = customer.commercial_partner_id
                 WHERE s.state = 'sale'
                   AND sol.untaxed_amount_to_invoice <> 0
                 GROUP BY client.id, s.company_id
            )
            SELECT a.id AS id,
                   a.id AS contract_id,
                   a.code AS code,
                   client.id AS partner_id,
                   client.vip_tier_id AS tier_id,
                   client.vip_manager_id AS manager_id,
                   a.vip_user_id AS user_id,
                   a.company_id AS company_id,
                   company.currency_id AS currency_id,
                   a.vip_state AS state,
                   a.start_date AS start_date,
                   a.end_date AS end_date,
                   a.end_date - CURRENT_DATE AS days_to_expiry,
                   a.vip_discount AS discount,
                   a.vip_payment_form AS payment_form,
                   a.vip_prepayment_share AS prepayment_share,
                   COALESCE(a.vip_credit_limit, 0) AS credit_limit,
                   COALESCE(receivables.amount, 0) + COALESCE(to_invoice.amount, 0) AS credit_used,
                   COALESCE(a.vip_credit_limit, 0) - COALESCE(receivables.amount, 0)
                       - COALESCE(to_invoice.amount, 0) AS credit_left,
                   1 AS contract_count
              FROM agreement a
              JOIN res_company company ON company.id = a.company_id
              JOIN res_partner client ON client.id = a.commercial_partner_id
              LEFT JOIN receivables
                     ON receivables.partner_id = client.id AND receivables.company_id = a.company_id
              LEFT JOIN to_invoice
                     ON to_invoice.partner_id = client.id AND to_invoice.company_id = a.company_id
             WHERE a.active AND a.is_template IS NOT TRUE AND client.is_vip
            """
        )
