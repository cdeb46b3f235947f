from odoo import fields, models
from odoo.tools import SQL

from odoo.addons.vip_sales.models.vip_visit import VISIT_KINDS, VISIT_RESULTS, VISIT_STATES


class VipVisitAnalysis(models.Model):
    """Visits and calls of VIP clients, one row per contact, with the orders taken in it."""

    _name = "vip.visit.analysis"
    _inherit = ["vip.analysis.mixin"]
    _description = "VIP Visit Analysis"
    _auto = False
    _rec_name = "visit_id"
    _order = "date desc, id desc"
    _depends = {
        "vip.visit": [
            "company_id",
            "date",
            "duration",
            "kind",
            "no_order_reason_id",
            "partner_id",
            "result",
            "state",
            "trip_id",
            "user_id",
        ],
        "sale.order": ["amount_untaxed", "currency_rate", "state", "vip_visit_id"],
        "res.partner": ["commercial_partner_id", "vip_manager_id", "vip_tier_id"],
        "res.company": ["currency_id"],
    }
    _vip_ratio_measures = {"order_rate": ("order_visit_count", "done_count")}

    visit_id = fields.Many2one("vip.visit", string="Visit or Call", readonly=True)
    date = fields.Datetime(readonly=True)
    user_id = fields.Many2one("res.users", string="VIP Manager", readonly=True)
    manager_id = fields.Many2one("res.users", string="Client Owner", readonly=True)
    partner_id = fields.Many2one("res.partner", string="Client", readonly=True)
    tier_id = fields.Many2one("vip.tier", string="VIP Tier", readonly=True)
    kind = fields.Selection(VISIT_KINDS, readonly=True)
    state = fields.Selection(VISIT_STATES, string="Status", readonly=True)
    result = fields.Selection(VISIT_RESULTS, readonly=True)
    no_order_reason_id = fields.Many2one("vip.no.order.reason", string="No-Order Reason", readonly=True)
    trip_id = fields.Many2one("vip.trip", string="Business Trip", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    currency_id = fields.Many2one("res.currency", readonly=True)
    duration = fields.Float(string="Duration (hours)", readonly=True)
    visit_count = fields.Integer(string="Contacts", readonly=True)
    done_count = fields.Integer(string="Done", readonly=True)
    order_visit_count = fields.Integer(
        string="Done with an Order", readonly=True, help="Done contacts in which a confirmed order was taken."
    )
    order_count = fields.Integer(string="Orders Taken", readonly=True)
    order_amount = fields.Monetary(string="Orders Amount", readonly=True)
    order_rate = fields.Float(
        string="Order Rate (%)",
        digits=(16, 1),
        aggregator="avg",
        readonly=True,
        help="Share of the done contacts in which a confirmed order was taken.",
    )

    def _query(self):
        return SQL(
            """
            SELECT v.id AS id,
                   v.id AS visit_id,
                   v.date AS date,
                   v.user_id AS user_id,
                   client.vip_manager_id AS manager_id,
                   client.id AS partner_id,
                   client.vip_tier_id AS tier_id,
                   v.kind AS kind,
                   v.state AS state,
                   v.result AS result,
                   v.no_order_reason_id AS no_order_reason_id,
                   v.trip_id AS trip_id,
                   v.company_id AS company_id,
                   company.currency_id AS currency_id,
                   v.duration AS duration,
                   1 AS visit_count,
                   (v.state = 'done')::int AS done_count,
                   (v.state = 'done' AND orders.count IS NOT NULL)::int AS order_visit_count,
                   COALESCE(orders.count, 0) AS order_count,
                   COALESCE(orders.amount, 0) AS order_amount,
                   CASE WHEN v.state = 'done' THEN 100.0 * (orders.count IS NOT NULL)::int END AS order_rate
              FROM vip_visit v
              JOIN res_company company ON company.id = v.company_id
              JOIN res_partner contact ON contact.id = v.partner_id
              JOIN res_partner client ON client.id = contact.commercial_partner_id
              LEFT JOIN (
                    SELECT vip_visit_id,
                           COUNT(*) AS count,
                           SUM(amount_untaxed / COALESCE(NULLIF(currency_rate, 0), 1)) AS amount
                      FROM sale_order
                     WHERE state = 'sale' AND vip_visit_id IS NOT NULL
                     GROUP BY vip_visit_id
              ) orders ON orders.vip_visit_id = v.id
            """
        )
