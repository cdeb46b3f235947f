from collections import defaultdict
from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools.misc import format_amount, format_date


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
        actuals = self._actual_amounts()
        for plan in self:
            plan.actual_amount = actuals.get(plan, 0.0)
            plan.fulfillment = plan.actual_amount / plan.target_amount * 100 if plan.target_amount else 0.0

    def _actual_amounts(self):
        """Actual amounts of all the plans of ``self`` as ``{plan: amount}``.

        One aggregate over the confirmed orders for the plans over all clients and one for the
        plans of a client, whatever the number of plans and orders: orders are summed per
        manager (and client) and per day (per month when every plan covers whole months), then
        each sum goes to the plans whose period holds its day. Days are those of the user's
        timezone, as in Odoo's sales analysis.
        """
        plans = self.filtered(lambda p: p.user_id and p.date_from and p.date_to and p.company_id)
        if not plans:
            return {}
        granularity = "month" if all(plan._is_whole_months() for plan in plans) else "day"
        # The figure must not depend on who reads it: a plan is already restricted to its
        # manager and the head, and only sums leave this method.
        orders = self.env["sale.order"].sudo()
        base_domain = [
            ("state", "=", "sale"),
            ("user_id", "in", plans.user_id.ids),
            ("company_id", "in", plans.company_id.ids),
            ("date_order", ">=", min(plans.mapped("date_from"))),
            ("date_order", "<", max(plans.mapped("date_to")) + timedelta(days=1)),
        ]
        actuals = defaultdict(float)
        plans_of_client = plans.filtered("partner_id")
        for client_plans, by_client in ((plans - plans_of_client, False), (plans_of_client, True)):
            if not client_plans:
                continue
            groupby = ["user_id", "company_id"]
            domain = base_domain
            if by_client:
                groupby.append("vip_commercial_partner_id")
                clients = client_plans.partner_id.commercial_partner_id
                domain = [*domain, ("vip_commercial_partner_id", "in", clients.ids)]
            # Plain values: the loop below runs once per (manager, client, day) with sales.
            periods_by_key = defaultdict(list)
            for plan in client_plans:
                key = (plan.user_id.id, plan.company_id.id)
                if by_client:
                    key += (plan.partner_id.commercial_partner_id.id,)
                periods_by_key[key].append((plan.date_from, plan.date_to, plan))
            amounts = orders._vip_untaxed_amounts(domain, [*groupby, f"date_order:{granularity}"])
            for (*key, period_start), amount in amounts.items():
                day = period_start.date()  # date_trunc() of a datetime: midnight of the day/month
                for date_from, date_to, plan in periods_by_key.get(tuple(record.id for record in key), ()):
                    if date_from <= day <= date_to:
                        actuals[plan] += amount
        return actuals

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
