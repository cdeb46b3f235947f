from odoo import fields, models
from odoo.tools import SQL

from odoo.addons.vip_sales.models.vip_sales_plan import ACTUAL_ORDER_FIELDS


class VipPlanAnalysis(models.Model):
    """Sales plans with their actual amount and fulfilment, one row per plan.

    The actual amount follows the plan's own rule (``vip.sales.plan.actual_amount``): the
    untaxed amount in company currency of the manager's confirmed orders dated within the
    period, in the reader's timezone, of the plan's client and its contacts for a client's
    plan. Plans over all the manager's clients and plans per client are both rows: filter on
    ``level`` to sum one kind only.
    """

    _name = "vip.plan.analysis"
    _inherit = ["vip.analysis.mixin"]
    _description = "VIP Plan Fulfilment Analysis"
    _auto = False
    _rec_name = "plan_id"
    _order = "date_from desc, user_id, partner_id"
    _depends = {
        "vip.sales.plan": [
            "company_id",
            "date_from",
            "date_to",
            "partner_id",
            "state",
            "target_amount",
            "user_id",
        ],
        "sale.order": ACTUAL_ORDER_FIELDS,
        "res.partner": ["commercial_partner_id", "vip_tier_id"],
        "res.company": ["currency_id"],
        "res.currency": ["rounding"],
    }
    _vip_ratio_measures = {"fulfillment": ("actual_amount", "target_amount")}

    plan_id = fields.Many2one("vip.sales.plan", string="Sales Plan", readonly=True)
    user_id = fields.Many2one("res.users", string="VIP Manager", readonly=True)
    partner_id = fields.Many2one("res.partner", string="Client", readonly=True)
    tier_id = fields.Many2one("vip.tier", string="VIP Tier", readonly=True)
    level = fields.Selection(
        [("manager", "All the manager's clients"), ("client", "One client")],
        string="Plan Level",
        readonly=True,
    )
    date_from = fields.Date(string="Period Start", readonly=True)
    date_to = fields.Date(string="Period End", readonly=True)
    state = fields.Selection([("draft", "Draft"), ("approved", "Approved")], string="Status", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    currency_id = fields.Many2one("res.currency", readonly=True)
    target_amount = fields.Monetary(string="Target", readonly=True)
    actual_amount = fields.Monetary(string="Actual", readonly=True)
    fulfillment = fields.Float(
        string="Fulfilment (%)",
        digits=(16, 1),
        aggregator="avg",
        readonly=True,
        help="Actual against target; for a group of plans, the sum of actuals against the sum of targets.",
    )

    @property
    def _table_query(self):
        # The plan's own rule, in the reader's timezone, for the rows the pivot keeps only.
        actual = self.env["vip.sales.plan"]._actual_amount_query("plan", "client")
        return SQL(
            """
            SELECT plan.id AS id,
                   plan.id AS plan_id,
                   plan.user_id AS user_id,
                   plan.partner_id AS partner_id,
                   client.vip_tier_id AS tier_id,
                   CASE WHEN plan.partner_id IS NULL THEN 'manager' ELSE 'client' END AS level,
                   plan.date_from AS date_from,
                   plan.date_to AS date_to,
                   plan.state AS state,
                   plan.company_id AS company_id,
                   company.currency_id AS currency_id,
                   COALESCE(plan.target_amount, 0) AS target_amount,
                   actual.amount AS actual_amount,
                   100.0 * actual.amount / NULLIF(plan.target_amount, 0) AS fulfillment
              FROM vip_sales_plan plan
              JOIN res_company company ON company.id = plan.company_id
              JOIN res_currency currency ON currency.id = company.currency_id
              LEFT JOIN res_partner client ON client.id = plan.partner_id
              CROSS JOIN LATERAL (
                  SELECT COALESCE(ROUND((%s) / currency.rounding) * currency.rounding, 0) AS amount
              ) actual
            """,
            actual,
        )
