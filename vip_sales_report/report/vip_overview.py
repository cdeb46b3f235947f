from odoo import fields, models
from odoo.tools import SQL

from odoo.addons.vip_sales.tools.dates import user_day_start


class VipOverview(models.Model):
    """The VIP Overview: one card per VIP manager with where they stand today.

    This month's plan fulfilment (the plans running today: those over all the manager's
    clients, or the sum of the client plans when there are none), the floor and assortment
    shares of their clients' active stores against the tiers' targets, the clients whose
    visit or call is overdue, and the proposals waiting for the head of sales. Whoever decided
    this month (a head of sales, a stand-in, the sales director, a manager accepting a
    hand-over) has a card with how many decisions they took and how long they took: the
    median and the 90th percentile of the hours from request to decision.
    """

    _name = "vip.overview"
    _inherit = ["vip.analysis.mixin"]
    _description = "VIP Overview"
    _auto = False
    _rec_name = "manager_id"
    _order = "manager_id"
    _depends = {
        "vip.sales.plan": ["company_id", "date_from", "date_to", "partner_id", "target_amount", "user_id"],
        "sale.order": [
            "amount_untaxed",
            "currency_rate",
            "date_order",
            "partner_id",
            "state",
            "user_id",
            "vip_approval_state",
        ],
        "res.partner": [
            "commercial_partner_id",
            "is_company",
            "is_vip",
            "vip_manager_id",
            "vip_next_call_date",
            "vip_next_visit_date",
            "vip_tier_id",
        ],
        "vip.store": [
            "active",
            "last_our_sku_count",
            "last_total_sku_count",
            "our_area",
            "partner_id",
            "total_area",
        ],
        "vip.tier": ["target_assortment_share", "target_floor_share"],
        "vip.approval": ["date", "requested_date", "user_id"],
    }
    _vip_ratio_measures = {
        "plan_fulfillment": ("plan_actual", "plan_target"),
        "floor_share": ("our_area", "total_area"),
        "target_floor_share": ("target_area", "total_area"),
        "assortment_share": ("our_sku_count", "total_sku_count"),
        "target_assortment_share": ("target_sku_count", "total_sku_count"),
    }

    manager_id = fields.Many2one("res.users", string="VIP Manager", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    currency_id = fields.Many2one("res.currency", readonly=True)
    client_count = fields.Integer(string="VIP Clients", readonly=True)
    plan_target = fields.Monetary(string="Plan of the Month", readonly=True)
    plan_actual = fields.Monetary(string="Sold this Month", readonly=True)
    plan_fulfillment = fields.Float(
        string="Plan Fulfilment (%)", digits=(16, 1), aggregator="avg", readonly=True
    )
    total_area = fields.Float(string="Stores' Area (m²)", digits=(16, 1), readonly=True)
    our_area = fields.Float(string="Our Area (m²)", digits=(16, 1), readonly=True)
    target_area = fields.Float(string="Target Area (m²)", digits=(16, 1), readonly=True)
    floor_share = fields.Float(string="Floor Share (%)", digits=(16, 1), aggregator="avg", readonly=True)
    target_floor_share = fields.Float(
        string="Target Floor Share (%)", digits=(16, 1), aggregator="avg", readonly=True
    )
    total_sku_count = fields.Integer(string="Models in the Stores", readonly=True)
    our_sku_count = fields.Integer(string="Our Models", readonly=True)
    target_sku_count = fields.Float(string="Target Models", digits=(16, 1), readonly=True)
    assortment_share = fields.Float(
        string="Assortment Share (%)", digits=(16, 1), aggregator="avg", readonly=True
    )
    target_assortment_share = fields.Float(
        string="Target Assortment Share (%)", digits=(16, 1), aggregator="avg", readonly=True
    )
    visit_overdue_count = fields.Integer(string="Visits Overdue", readonly=True)
    call_overdue_count = fields.Integer(string="Calls Overdue", readonly=True)
    to_approve_count = fields.Integer(string="Proposals to Approve", readonly=True)
    decision_count = fields.Integer(string="Decided this Month", readonly=True)
    # A median of medians means nothing: these are the user's own, not summed in a group.
    decision_hours_median = fields.Float(
        string="Hours to Decide (Median)",
        digits=(16, 1),
        aggregator=False,
        readonly=True,
        help="Half of this month's decisions were taken within this many hours of the request.",
    )
    decision_hours_p90 = fields.Float(
        string="Hours to Decide (90th Percentile)",
        digits=(16, 1),
        aggregator=False,
        readonly=True,
        help="Nine in ten of this month's decisions were taken within this many hours of the request.",
    )

    @property
    def _table_query(self):
        today = fields.Date.context_today(self)
        month_start = user_day_start(self.env, today.replace(day=1))
        plans = self.env["vip.plan.analysis"]._table_query
        return SQL(
            """
            WITH clients AS (
                SELECT c.vip_manager_id AS manager_id,
                       COUNT(*) AS client_count,
                       COUNT(*) FILTER (
                           WHERE c.vip_next_visit_date IS NULL OR c.vip_next_visit_date < %(today)s
                       ) AS visit_overdue_count,
                       COUNT(*) FILTER (
                           WHERE c.vip_next_call_date IS NULL OR c.vip_next_call_date < %(today)s
                       ) AS call_overdue_count
                  FROM res_partner c
                 WHERE c.is_vip AND c.is_company AND c.vip_manager_id IS NOT NULL
                 GROUP BY c.vip_manager_id
            ), stores AS (
                SELECT c.vip_manager_id AS manager_id,
                       SUM(st.total_area) AS total_area,
                       SUM(st.our_area) AS our_area,
                       SUM(st.total_area * COALESCE(tier.target_floor_share, 0) / 100.0) AS target_area,
                       SUM(st.last_total_sku_count) AS total_sku_count,
                       SUM(st.last_our_sku_count) AS our_sku_count,
                       SUM(st.last_total_sku_count * COALESCE(tier.target_assortment_share, 0) / 100.0)
                           AS target_sku_count
                  FROM vip_store st
                  JOIN res_partner store_partner ON store_partner.id = st.partner_id
                  JOIN res_partner c ON c.id = store_partner.commercial_partner_id
                  LEFT JOIN vip_tier tier ON tier.id = c.vip_tier_id
                 WHERE st.active AND c.is_vip AND c.vip_manager_id IS NOT NULL
                 GROUP BY c.vip_manager_id
            ), proposals AS (
                SELECT c.vip_manager_id AS manager_id, COUNT(*) AS to_approve_count
                  FROM sale_order s
                  JOIN res_partner customer ON customer.id = s.partner_id
                  JOIN res_partner c ON c.id = customer.commercial_partner_id
                 WHERE s.vip_approval_state = 'to_approve' AND s.state IN ('draft', 'sent')
                 GROUP BY c.vip_manager_id
            ), plans AS (
                -- The plans running today, per manager and level; the plans over all the
                -- manager's clients win over the sum of the client plans.
                SELECT DISTINCT ON (p.user_id)
                       p.user_id AS manager_id, SUM(p.target_amount) AS target, SUM(p.actual_amount) AS actual
                  FROM (%(plans)s) p
                 WHERE p.date_from <= %(today)s AND p.date_to >= %(today)s
                 GROUP BY p.user_id, p.level
                 ORDER BY p.user_id, p.level = 'manager' DESC
            ), decisions AS (
                SELECT a.user_id AS manager_id,
                       COUNT(*) AS decision_count,
                       percentile_cont(0.5) WITHIN GROUP (ORDER BY a.date - a.requested_date) AS median,
                       percentile_cont(0.9) WITHIN GROUP (ORDER BY a.date - a.requested_date) AS p90
                  FROM vip_approval a
                 WHERE a.date >= %(month_start)s AND a.requested_date IS NOT NULL
                 GROUP BY a.user_id
            ), managers AS (
                SELECT manager_id FROM clients
                 UNION SELECT manager_id FROM plans
                 UNION SELECT manager_id FROM decisions
            )
            SELECT u.id AS id,
                   u.id AS manager_id,
                   u.company_id AS company_id,
                   company.currency_id AS currency_id,
                   COALESCE(clients.client_count, 0) AS client_count,
                   COALESCE(plans.target, 0) AS plan_target,
                   COALESCE(plans.actual, 0) AS plan_actual,
                   100.0 * plans.actual / NULLIF(plans.target, 0) AS plan_fulfillment,
                   COALESCE(stores.total_area, 0) AS total_area,
                   COALESCE(stores.our_area, 0) AS our_area,
                   COALESCE(stores.target_area, 0) AS target_area,
                   100.0 * stores.our_area / NULLIF(stores.total_area, 0) AS floor_share,
                   100.0 * stores.target_area / NULLIF(stores.total_area, 0) AS target_floor_share,
                   COALESCE(stores.total_sku_count, 0) AS total_sku_count,
                   COALESCE(stores.our_sku_count, 0) AS our_sku_count,
                   COALESCE(stores.target_sku_count, 0) AS target_sku_count,
                   100.0 * stores.our_sku_count / NULLIF(stores.total_sku_count, 0) AS assortment_share,
                   100.0 * stores.target_sku_count / NULLIF(stores.total_sku_count, 0)
                       AS target_assortment_share,
                   COALESCE(clients.visit_overdue_count, 0) AS visit_overdue_count,
                   COALESCE(clients.call_overdue_count, 0) AS call_overdue_count,
                   COALESCE(proposals.to_approve_count, 0) AS to_approve_count,
                   COALESCE(decisions.decision_count, 0) AS decision_count,
                   EXTRACT(EPOCH FROM decisions.median) / 3600.0 AS decision_hours_median,
                   EXTRACT(EPOCH FROM decisions.p90) / 3600.0 AS decision_hours_p90
              FROM managers
              JOIN res_users u ON u.id = managers.manager_id
              JOIN res_company company ON company.id = u.company_id
              LEFT JOIN clients ON clients.manager_id = u.id
              LEFT JOIN stores ON stores.manager_id = u.id
              LEFT JOIN proposals ON proposals.manager_id = u.id
              LEFT JOIN plans ON plans.manager_id = u.id
              LEFT JOIN decisions ON decisions.manager_id = u.id
            """,
            today=today,
            month_start=month_start,
            plans=plans,
        )

    def action_open_visits_overdue(self):
        return self._vip_open_clients(self.env._("Visits Overdue"), "vip_visit_overdue")

    def action_open_calls_overdue(self):
        return self._vip_open_clients(self.env._("Calls Overdue"), "vip_call_overdue")

    def _vip_open_clients(self, name, overdue_field):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": name,
            "res_model": "res.partner",
            "views": [(False, "kanban"), (False, "list"), (False, "form")],
            "domain": [
                ("is_company", "=", True),
                ("vip_manager_id", "=", self.manager_id.id),
                (overdue_field, "=", True),
            ],
        }

    def action_open_proposals_to_approve(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Proposals to Approve"),
            "res_model": "sale.order",
            "views": [(False, "list"), (False, "form")],
            "domain": [
                ("partner_id.commercial_partner_id.vip_manager_id", "=", self.manager_id.id),
                ("vip_approval_state", "=", "to_approve"),
                ("state", "in", ("draft", "sent")),
            ],
        }
