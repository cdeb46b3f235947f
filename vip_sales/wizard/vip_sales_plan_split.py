from dateutil.relativedelta import relativedelta

from odoo import Command, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import float_compare
from odoo.tools.misc import format_date


class VipSalesPlanSplit(models.TransientModel):
    _name = "vip.sales.plan.split"
    _description = "Split a Sales Target into Monthly Plans"

    plan_id = fields.Many2one(
        "vip.sales.plan",
        string="Plan to Split",
        readonly=True,
        help="The draft yearly or quarterly plan that the monthly plans replace.",
    )
    user_id = fields.Many2one(
        "res.users",
        string="VIP Manager",
        required=True,
        domain=lambda self: self.env["res.users"]._vip_manager_domain(),
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Client",
        domain=[("is_vip", "=", True), "|", ("is_company", "=", True), ("parent_id", "=", False)],
    )
    company_id = fields.Many2one("res.company", required=True, default=lambda self: self.env.company)
    currency_id = fields.Many2one(related="company_id.currency_id")
    date_from = fields.Date(string="From", required=True)
    date_to = fields.Date(string="To", required=True)
    target_amount = fields.Monetary(
        string="Target",
        help="Target of the whole period, shared among its months.",
    )
    method = fields.Selection(
        [("even", "Evenly"), ("seasonality", "By seasonality")],
        string="Split",
        required=True,
        default="even",
    )
    line_ids = fields.One2many(
        "vip.sales.plan.split.line",
        "wizard_id",
        string="Months",
        compute="_compute_line_ids",
        store=True,
        readonly=False,
    )

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        plan = self.env["vip.sales.plan"].browse(values.get("plan_id"))
        if plan:
            values.update(
                user_id=plan.user_id.id,
                partner_id=plan.partner_id.id,
                company_id=plan.company_id.id,
                date_from=plan.date_from,
                date_to=plan.date_to,
                target_amount=plan.target_amount,
            )
        return values

    @api.depends("date_from", "date_to", "method")
    def _compute_line_ids(self):
        for wizard in self:
            months = wizard._months()
            share = 100.0 / len(months) if months else 0.0
            wizard.line_ids = [Command.clear()] + [
                Command.create({"month": month, "percent": share}) for month in months
            ]

    def _months(self):
        """First days of the months of the period, when it spans whole months."""
        self.ensure_one()
        if not (self.date_from and self.date_to) or self.date_from.day != 1:
            return []
        months = []
        month = self.date_from
        while month < self.date_to:
            months.append(month)
            month += relativedelta(months=1)
        return months if month == self.date_to + relativedelta(days=1) else []

    def _month_amounts(self):
        """Targets of the months, rounded to the currency; the last month takes the remainder."""
        self.ensure_one()
        lines = self.line_ids.sorted("month")
        weights = lines.mapped("percent") if self.method == "seasonality" else [1.0] * len(lines)
        total_weight = sum(weights)
        if not total_weight:
            return [(month, 0.0) for month in lines.mapped("month")]
        amounts = [
            self.currency_id.round(self.target_amount * weight / total_weight) for weight in weights[:-1]
        ]
        amounts.append(self.currency_id.round(self.target_amount - sum(amounts)))
        return list(zip(lines.mapped("month"), amounts, strict=True))

    def _check_split(self):
        self.ensure_one()
        months = self._months()
        if len(months) < 2:
            raise UserError(
                self.env._(
                    "The period must start on the first day of a month and end on the last day of "
                    "a later month, e.g. a quarter or a year."
                )
            )
        if sorted(self.line_ids.mapped("month")) != months:
            raise UserError(self.env._("Give exactly one line per month of the period."))
        if self.method == "seasonality":
            if any(line.percent < 0 for line in self.line_ids):
                raise UserError(self.env._("The share of a month cannot be negative."))
            if float_compare(sum(self.line_ids.mapped("percent")), 100.0, precision_digits=2):
                raise UserError(
                    self.env._(
                        "The shares of the months add up to %(total)s %%, not 100 %%.",
                        total=round(sum(self.line_ids.mapped("percent")), 2),
                    )
                )

    def action_split(self):
        self.ensure_one()
        self._check_split()
        if self.plan_id.state == "approved":
            raise UserError(self.env._("An approved sales plan cannot be split: reset it to draft first."))
        plans = self.env["vip.sales.plan"].create(
            [
                {
                    "user_id": self.user_id.id,
                    "partner_id": self.partner_id.id,
                    "company_id": self.company_id.id,
                    "date_from": month,
                    "date_to": month + relativedelta(months=1, days=-1),
                    "target_amount": amount,
                }
                for month, amount in self._month_amounts()
            ]
        )
        self.plan_id.unlink()
        return {
            "type": "ir.actions.act_window",
            "domain": [("id", "in", plans.ids)],
            "res_model": "vip.sales.plan",
            "view_mode": "list,form",
            "name": self.env._("Monthly Plans"),
        }


class VipSalesPlanSplitLine(models.TransientModel):
    _name = "vip.sales.plan.split.line"
    _description = "Month of a Sales Target Split"
    _order = "month"

    wizard_id = fields.Many2one("vip.sales.plan.split", string="Split", required=True, ondelete="cascade")
    month = fields.Date(string="Month Start", required=True)
    month_label = fields.Char(string="Month", compute="_compute_month_label")
    percent = fields.Float(string="Share (%)", digits=(5, 2))
    currency_id = fields.Many2one(related="wizard_id.currency_id")
    amount = fields.Monetary(string="Target", compute="_compute_amount")

    @api.depends("month")
    def _compute_month_label(self):
        for line in self:
            line.month_label = format_date(self.env, line.month, date_format="LLLL y") if line.month else ""

    @api.depends("percent", "wizard_id.method", "wizard_id.target_amount")
    def _compute_amount(self):
        amounts = {wizard: dict(wizard._month_amounts()) for wizard in self.wizard_id}
        for line in self:
            line.amount = amounts[line.wizard_id].get(line.month, 0.0)
