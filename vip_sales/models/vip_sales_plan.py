from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL
from odoo.tools.misc import format_amount, format_date

# The fields of the orders a plan's actual amount reads (the SQL of the plans and of the
# plan analysis): flushed before it is read.
ACTUAL_ORDER_FIELDS = [
    "amount_untaxed",
    "company_id",
    "currency_rate",
    "date_order",
    "state",
    "user_id",
    "vip_commercial_partner_id",
]


class VipSalesPlan(models.Model):
    _name = "vip.sales.plan"
    _description = "Sales Plan"
    _inherit = ["mail.thread", "vip.approval.mixin"]
    _order = "date_from desc, user_id, partner_id, id"

    # The head approves a draft plan without a request (vip.approval.mixin); its content is
    # frozen once approved.
    _vip_approval_field = "state"
    _vip_approval_pending = None
    _vip_approval_rejected = None
    _vip_approval_request_from = ()
    _vip_approval_decide_from = ("draft",)
    _vip_approval_frozen_fields = frozenset(
        {"user_id", "partner_id", "company_id", "date_from", "date_to", "target_amount"}
    )
    _vip_approval_frozen_states = ("approved",)

    user_id = fields.Many2one(
        "res.users",
        string="VIP Manager",
        required=True,
        index=True,
        tracking=True,
        domain=lambda self: self.env["res.users"]._vip_manager_domain(),
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Client",
        index="btree_not_null",
        tracking=True,
        domain=[("is_vip", "=", True), "|", ("is_company", "=", True), ("parent_id", "=", False)],
        help="Leave empty for a plan over all the manager's clients; set it for a plan of one "
        "client (its orders and those of its contacts).",
    )
    date_from = fields.Date(string="From", required=True, tracking=True)
    date_to = fields.Date(string="To", required=True, tracking=True)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    target_amount = fields.Monetary(
        string="Target",
        tracking=True,
        # Not added up in the list's groups: a manager's plan and his clients' plans overlap.
        aggregator=None,
        help="Untaxed amount of confirmed orders to reach in the period, in company currency.",
    )
    actual_amount = fields.Monetary(
        string="Actual",
        compute="_compute_actual_amount",
        help="Untaxed amount, in company currency, of the manager's confirmed orders dated within "
        "the period (of the client and its contacts, for a client's plan). Always current.",
    )
    fulfillment = fields.Float(string="Fulfilment (%)", compute="_compute_actual_amount", digits=(16, 1))
    state = fields.Selection(
        [("draft", "Draft"), ("approved", "Approved")],
        string="Status",
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
    )
    note = fields.Text(string="Notes")

    _check_period = models.Constraint("CHECK(date_from <= date_to)", "A plan cannot end before it starts.")
    _check_target = models.Constraint("CHECK(target_amount >= 0)", "The target of a plan cannot be negative.")

    @api.depends("user_id", "partner_id", "date_from", "date_to")
    def _compute_display_name(self):
        for plan in self:
            parts = [plan.user_id.name, plan.partner_id.name, plan._period_label()]
            plan.display_name = " · ".join(part for part in parts if part)

    def _period_label(self):
        self.ensure_one()
        if not (self.date_from and self.date_to):
            return ""
        if self._is_whole_months():
            # One format for a period everywhere (pivots, workbooks): «Апрель 2026», «2 кв. 2026», «2026».
            months = relativedelta(self.date_to + timedelta(days=1), self.date_from)
            months = months.years * 12 + months.months
            if months == 1:
                label = format_date(self.env, self.date_from, date_format="LLLL y")
                return label[:1].upper() + label[1:]
            if months == 3 and self.date_from.month % 3 == 1:
                return self.env._(
                    "Q%(quarter)s %(year)s", quarter=(self.date_from.month + 2) // 3, year=self.date_from.year
                )
            if months == 12 and self.date_from.month == 1:
                return str(self.date_from.year)
        return f"{format_date(self.env, self.date_from)} – {format_date(self.env, self.date_to)}"

    def _is_whole_months(self):
        self.ensure_one()
        return self.date_from.day == 1 and (self.date_to + timedelta(days=1)).day == 1

    @api.depends("user_id", "partner_id", "company_id", "date_from", "date_to", "target_amount")
    @api.depends_context("tz")
    def _compute_actual_amount(self):
        figures = dict.fromkeys(self._ids, (0.0, 0.0)) | self._actual_figures()
        # The figures arrive rounded as the fields round them and go to the cache at once, as
        # fetched columns do: assigning them one plan at a time would cost ten times their
        # query (each assignment of an amount looks up the plan's currency to round it). Both
        # fields are computed together, so neither is in the cache of these plans yet.
        for fname, column in (("actual_amount", 0), ("fulfillment", 1)):
            self._fields[fname]._insert_cache(self, [figures[id_][column] for id_ in self._ids])

    def _actual_figures(self):
        """The actual amount and fulfilment of the plans of ``self`` that have sales, as
        ``{plan id: (amount, fulfilment)}``, in one query whatever the number of plans and
        orders (see :meth:`_actual_amounts_query`). Saved plans are read from the table, a
        plan being edited (a new record) from the cache."""
        saved = self.browse([id_ for id_ in self._ids if id_])
        edited = (self - saved).filtered(lambda p: p.user_id and p.date_from and p.date_to and p.company_id)
        # A new record has no row in the table: it is the n-th of ``edited``, keyed -n.
        rows = [
            SQL(
                "SELECT %s::int, %s::int, %s::int, %s::int, %s::date, %s::date, %s::numeric",
                -index,
                plan.user_id.id,
                plan.company_id.id,
                plan.partner_id.commercial_partner_id.id or None,
                plan.date_from,
                plan.date_to,
                plan.target_amount,
            )
            for index, plan in enumerate(edited, start=1)
        ]
        self.flush_model(["user_id", "company_id", "partner_id", "date_from", "date_to", "target_amount"])
        self.env["res.partner"].flush_model(["commercial_partner_id"])
        plans = SQL(
            """
            SELECT plan.id, plan.user_id, plan.company_id, client.commercial_partner_id,
                   plan.date_from, plan.date_to, plan.target_amount
              FROM vip_sales_plan plan
              LEFT JOIN res_partner client ON client.id = plan.partner_id
             WHERE plan.id = ANY(%s)
            """,
            saved.ids,
        )
        self.env.cr.execute(self._actual_amounts_query(SQL(" UNION ALL ").join([plans, *rows])))
        return {
            (key if key > 0 else edited[-key - 1].id): (amount, fulfillment)
            for key, amount, fulfillment in self.env.cr.fetchall()
        }

    @api.model
    def _actual_amount_query(self, plan, client):
        """The actual amount of one plan as an SQL expression, ``plan`` the alias of its row
        of ``vip_sales_plan`` and ``client`` that of its client (none for a plan over all
        clients): the rule of :meth:`_actual_amounts_query`, for a query that reads a few
        plans (the analysis pivot filters them), through the indexes of the confirmed orders
        by manager and by client. Not rounded; NULL without sales."""
        period = SQL(
            """
            o.state = 'sale'
            AND o.user_id = %(plan)s.user_id
            AND o.company_id = %(plan)s.company_id
            AND o.date_order >= (%(plan)s.date_from::timestamp AT TIME ZONE %(tz)s) AT TIME ZONE 'UTC'
            AND o.date_order < ((%(plan)s.date_to + 1)::timestamp AT TIME ZONE %(tz)s) AT TIME ZONE 'UTC'
            """,
            plan=SQL.identifier(plan),
            tz=str(self.env.tz),
        )
        amount = SQL("SUM(o.amount_untaxed / COALESCE(NULLIF(o.currency_rate, 0), 1))")
        return SQL(
            """
            CASE WHEN %(plan)s.partner_id IS NULL
                 THEN (SELECT %(amount)s FROM sale_order o WHERE %(period)s)
                 ELSE (SELECT %(amount)s FROM sale_order o
                        WHERE o.vip_commercial_partner_id = %(client)s.commercial_partner_id AND %(period)s)
            END
            """,
            plan=SQL.identifier(plan),
            client=SQL.identifier(client),
            amount=amount,
            period=period,
        )

    @api.model
    def _actual_amounts_query(self, plans):
        """The ``SELECT`` of ``(key, actual_amount, fulfillment)`` of the plans of ``plans``
        that have sales; ``plans`` is an ``SQL`` query of rows ``(key, user_id, company_id,
        client_id, date_from, date_to, target_amount)``, ``client_id`` the commercial partner
        of a client's plan, NULL for a plan over all the manager's clients.

        The confirmed orders of the plans' managers and period are summed once per manager,
        company, client and day (per month when every plan covers whole months: plans of
        months are the usual ones), then each sum goes to the plans whose period holds its
        day: a plan of a client gets its client's, a plan over all clients all of its
        manager's. Amounts are untaxed, in company currency at the order's rate, rounded to
        the currency; days are those of the user's timezone, as in Odoo's sales analysis.
        The fulfilment is the percentage of the target reached, to a tenth (0 for no target).
        The plan analysis sums a plan at a time by the same rule (:meth:`_actual_amount_query`).
        """
        self.env["sale.order"].flush_model(ACTUAL_ORDER_FIELDS)
        return SQL(
            """
            WITH plan(key, user_id, company_id, client_id, date_from, date_to, target) AS MATERIALIZED (
                %(plans)s
            ), bounds AS (
                SELECT (MIN(date_from)::timestamp AT TIME ZONE %(tz)s) AT TIME ZONE 'UTC' AS start,
                       ((MAX(date_to) + 1)::timestamp AT TIME ZONE %(tz)s) AT TIME ZONE 'UTC' AS stop,
                       CASE WHEN bool_and(EXTRACT(DAY FROM date_from) = 1
                                          AND EXTRACT(DAY FROM date_to + 1) = 1)
                            THEN 'month' ELSE 'day' END AS unit
                  FROM plan
            ), sums AS MATERIALIZED (
                SELECT o.user_id, o.company_id, o.vip_commercial_partner_id AS client_id,
                       date_trunc(bounds.unit, o.date_order AT TIME ZONE 'UTC' AT TIME ZONE %(tz)s)::date
                           AS day,
                       SUM(o.amount_untaxed / COALESCE(NULLIF(o.currency_rate, 0), 1)) AS amount
                  FROM sale_order o, bounds
                 WHERE o.state = 'sale'
                   AND o.date_order >= bounds.start
                   AND o.date_order < bounds.stop
                   AND o.user_id IN (SELECT user_id FROM plan)
                 GROUP BY 1, 2, 3, 4
            ), actuals AS (
                SELECT plan.key, plan.company_id, plan.target, SUM(sums.amount) AS amount
                  FROM plan
                  JOIN sums ON sums.user_id = plan.user_id
                           AND sums.company_id = plan.company_id
                           AND sums.client_id = plan.client_id
                           AND sums.day BETWEEN plan.date_from AND plan.date_to
                 GROUP BY plan.key, plan.company_id, plan.target
                 UNION ALL
                SELECT plan.key, plan.company_id, plan.target, SUM(sums.amount)
                  FROM plan
                  JOIN sums ON sums.user_id = plan.user_id
                           AND sums.company_id = plan.company_id
                           AND sums.day BETWEEN plan.date_from AND plan.date_to
                 WHERE plan.client_id IS NULL
                 GROUP BY plan.key, plan.company_id, plan.target
            ), rounded AS (
                SELECT actuals.key, actuals.target,
                       ROUND(actuals.amount / currency.rounding) * currency.rounding AS amount
                  FROM actuals
                  JOIN res_company company ON company.id = actuals.company_id
                  JOIN res_currency currency ON currency.id = company.currency_id
            )
            SELECT key, amount::float8,
                   COALESCE(ROUND(100 * amount / NULLIF(target, 0), 1), 0)::float8
              FROM rounded
            """,
            plans=plans,
            tz=str(self.env.tz),
        )

    def _vip_frozen_message(self):
        return self.env._("An approved sales plan cannot be changed: reset it to draft first.")

    def _vip_not_pending_error(self):
        return UserError(self.env._("Only draft sales plans can be approved."))

    def _vip_approval_reasons(self):
        self.ensure_one()
        return [
            self.env._(
                "Sales plan %(plan)s: target %(target)s",
                plan=self.display_name,
                target=format_amount(self.env, self.target_amount, self.currency_id),
            )
        ]

    @api.ondelete(at_uninstall=False)
    def _unlink_except_approved(self):
        if any(plan.state == "approved" for plan in self):
            raise UserError(self.env._("An approved sales plan cannot be deleted: reset it to draft first."))

    def action_approve(self):
        return self._vip_decide("approved")

    def action_draft(self):
        self.check_access("write")
        self._vip_reset_approval("draft")
        return True

    def action_split(self):
        """Open the wizard that replaces this plan by monthly plans."""
        self.ensure_one()
        if self.state != "draft":
            raise UserError(self.env._("Only a draft sales plan can be split into months."))
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Split into Months"),
            "res_model": "vip.sales.plan.split",
            "view_mode": "form",
            "target": "new",
            "context": {"default_plan_id": self.id},
        }
