from odoo import fields, models
from odoo.tools import SQL

from odoo.addons.vip_sales.models.sale_order import APPROVAL_STATES, PROPOSAL_TYPES


class VipProposalAnalysis(models.Model):
    """Quotations and orders of VIP clients, one row per proposal: its type, approval, outcome
    and amount, how long the head of sales took to decide and the client to open it."""

    _name = "vip.proposal.analysis"
    _inherit = ["vip.analysis.mixin"]
    _description = "VIP Proposal Analysis"
    _auto = False
    _rec_name = "order_id"
    _order = "date desc, id desc"
    _depends = {
        "sale.order": [
            "amount_untaxed",
            "company_id",
            "currency_rate",
            "date_order",
            "partner_id",
            "state",
            "user_id",
            "vip_approval_state",
            "vip_proposal_type",
            "vip_refusal_reason_id",
            "vip_sent_date",
            "vip_viewed_date",
        ],
        "vip.approval": ["date", "order_id", "requested_date", "user_id"],
        "res.partner": ["commercial_partner_id", "is_vip", "vip_manager_id", "vip_tier_id"],
        "res.company": ["currency_id"],
    }
    _vip_ratio_measures = {"conversion": ("confirmed_count", "decided_count")}
    _vip_percentile_measures = {
        "approval_hours_median": ("approval_hours", 0.5),
        "approval_hours_p90": ("approval_hours", 0.9),
    }

    order_id = fields.Many2one("sale.order", string="Proposal", readonly=True)
    date = fields.Datetime(string="Proposal Date", readonly=True)
    user_id = fields.Many2one("res.users", string="Salesperson", readonly=True)
    manager_id = fields.Many2one("res.users", string="VIP Manager", readonly=True)
    partner_id = fields.Many2one("res.partner", string="Client", readonly=True)
    tier_id = fields.Many2one("vip.tier", string="VIP Tier", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    currency_id = fields.Many2one("res.currency", readonly=True)
    proposal_type = fields.Selection(PROPOSAL_TYPES, readonly=True)
    approval_state = fields.Selection(
        APPROVAL_STATES,
        string="Approval",
        readonly=True,
    )
    outcome = fields.Selection(
        [("open", "Still Open"), ("confirmed", "Confirmed"), ("refused", "Refused by the Client")],
        readonly=True,
    )
    refusal_reason_id = fields.Many2one("vip.refusal.reason", readonly=True)
    amount_untaxed = fields.Monetary(string="Untaxed Amount", readonly=True)
    proposal_count = fields.Integer(string="Proposals", readonly=True)
    sent_count = fields.Integer(string="Sent", readonly=True)
    viewed_count = fields.Integer(string="Viewed by the Client", readonly=True)
    confirmed_count = fields.Integer(string="Confirmed", readonly=True)
    decided_count = fields.Integer(
        string="Decided by the Client", readonly=True, help="Proposals confirmed or refused."
    )
    sent_date = fields.Datetime(string="First Sent On", readonly=True)
    viewed_date = fields.Datetime(string="Viewed On", readonly=True)
    approval_hours = fields.Float(
        string="Hours to Decide",
        digits=(16, 1),
        aggregator="avg",
        readonly=True,
        help="Hours from the last request for approval to the decision of the head of sales.",
    )
    approval_hours_median = fields.Float(
        string="Hours to Decide (Median)",
        digits=(16, 1),
        readonly=True,
        help="Half of the decisions of the head of sales were taken within this many hours of the request.",
    )
    approval_hours_p90 = fields.Float(
        string="Hours to Decide (90th Percentile)",
        digits=(16, 1),
        readonly=True,
        help="Nine decisions in ten were taken within this many hours of the request.",
    )
    decider_id = fields.Many2one(
        "res.users",
        string="Decided By",
        readonly=True,
        help="The head of sales, stand-in or sales director who took the last decision on the proposal.",
    )
    decision_date = fields.Datetime(string="Decided On", readonly=True)
    days_to_view = fields.Float(
        string="Days to Open",
        digits=(16, 1),
        aggregator="avg",
        readonly=True,
        help="Days from the first sending of the proposal to the client's first opening of it.",
    )
    conversion = fields.Float(
        string="Conversion (%)",
        digits=(16, 1),
        aggregator="avg",
        readonly=True,
        help="Confirmed proposals among those the client decided on (confirmed or refused).",
    )

    def _query(self):
        return SQL(
            """
            WITH decisions AS (
                SELECT DISTINCT ON (a.order_id)
                       a.order_id,
                       a.user_id,
                       a.date,
                       EXTRACT(EPOCH FROM (a.date - a.requested_date)) / 3600.0 AS hours
                  FROM vip_approval a
                 WHERE a.order_id IS NOT NULL AND a.requested_date IS NOT NULL
                 ORDER BY a.order_id, a.date DESC, a.id DESC
            )
            SELECT s.id AS id,
                   s.id AS order_id,
                   s.date_order AS date,
                   s.user_id AS user_id,
                   client.vip_manager_id AS manager_id,
                   client.id AS partner_id,
                   client.vip_tier_id AS tier_id,
                   s.company_id AS company_id,
                   company.currency_id AS currency_id,
                   s.vip_proposal_type AS proposal_type,
                   s.vip_approval_state AS approval_state,
                   CASE s.state WHEN 'sale' THEN 'confirmed' WHEN 'cancel' THEN 'refused' ELSE 'open' END
                       AS outcome,
                   s.vip_refusal_reason_id AS refusal_reason_id,
                   s.amount_untaxed / COALESCE(NULLIF(s.currency_rate, 0), 1) AS amount_untaxed,
                   1 AS proposal_count,
                   (s.vip_sent_date IS NOT NULL)::int AS sent_count,
                   (s.vip_viewed_date IS NOT NULL)::int AS viewed_count,
                   (s.state = 'sale')::int AS confirmed_count,
                   (s.state IN ('sale', 'cancel'))::int AS decided_count,
                   s.vip_sent_date AS sent_date,
                   s.vip_viewed_date AS viewed_date,
                   decisions.hours AS approval_hours,
                   decisions.hours AS approval_hours_median,
                   decisions.hours AS approval_hours_p90,
                   decisions.user_id AS decider_id,
                   decisions.date AS decision_date,
                   EXTRACT(EPOCH FROM (s.vip_viewed_date - s.vip_sent_date)) / 86400.0 AS days_to_view,
                   CASE WHEN s.state IN ('sale', 'cancel') THEN 100.0 * (s.state = 'sale')::int END
                       AS conversion
              FROM sale_order s
              JOIN res_company company ON company.id = s.company_id
              JOIN res_partner customer ON customer.id = s.partner_id
              JOIN res_partner client ON client.id = customer.commercial_partner_id
              LEFT JOIN decisions ON decisions.order_id = s.id
             WHERE client.is_vip
            """
        )
