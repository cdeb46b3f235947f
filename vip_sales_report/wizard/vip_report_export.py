from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.fields import Domain
from odoo.tools.misc import format_date

from odoo.addons.vip_sales.tools.dates import user_day_start


class VipReportExport(models.TransientModel):
    """Choose a VIP XLSX report, its period, managers and clients, and download it.

    The record is also the scope the reports read: ``_vip_domain()`` turns it into the
    domain of the model a report part reads. Access rules of those models still apply, so a
    manager's export holds only the manager's own clients whatever is asked.
    """

    _name = "vip.report.export"
    _description = "Export a VIP Report"

    def _default_user_ids(self):
        if self.env.user.has_group("vip_sales.group_vip_head"):
            return self.env["res.users"]
        return self.env.user

    report = fields.Selection(
        selection=[
            ("plan", "Plan Fulfilment"),
            ("shares", "Floor and Assortment Shares"),
            ("manager", "Manager's Report to the Head"),
            ("logistics", "Logistics"),
        ],
        required=True,
        default="manager",
    )
    date_from = fields.Date(
        string="Period Start",
        required=True,
        default=lambda self: fields.Date.context_today(self).replace(day=1),
    )
    date_to = fields.Date(
        string="Period End",
        required=True,
        default=lambda self: fields.Date.context_today(self) + relativedelta(day=31),
    )
    user_ids = fields.Many2many(
        "res.users",
        "vip_report_export_user_rel",
        "export_id",
        "user_id",
        string="Managers",
        default=lambda self: self._default_user_ids(),
        domain=lambda self: self.env["res.users"]._vip_manager_domain(),
        help="Leave empty for every manager you may see.",
    )
    partner_ids = fields.Many2many(
        "res.partner",
        "vip_report_export_partner_rel",
        "export_id",
        "partner_id",
        string="Clients",
        domain=[("is_vip", "=", True), ("is_company", "=", True)],
        help="Leave empty for every client of the chosen managers.",
    )
    is_head = fields.Boolean(string="Is Head of Sales", compute="_compute_is_head")
    file_name = fields.Char(compute="_compute_file_name")

    @api.depends_context("uid")
    def _compute_is_head(self):
        self.is_head = self.env.user.has_group("vip_sales.group_vip_head")

    @api.depends("report", "date_from", "date_to")
    def _compute_file_name(self):
        labels = dict(self._fields["report"]._description_selection(self.env))
        for export in self:
            export.file_name = f"{labels.get(export.report, '')} {export.date_from} – {export.date_to}"

    @api.constrains("date_from", "date_to")
    def _check_period(self):
        if any(export.date_from > export.date_to for export in self):
            raise ValidationError(self.env._("The report period cannot end before it starts."))

    def action_export(self):
        self.ensure_one()
        return self.env.ref(self._vip_report_actions()[self.report]).report_action(self, config=False)

    def _vip_report_actions(self):
        """XML ids of the XLSX report actions, by value of ``report``."""
        return {
            "plan": "vip_sales_report.action_report_vip_plan_fulfillment_xlsx",
            "shares": "vip_sales_report.action_report_vip_shares_xlsx",
            "manager": "vip_sales_report.action_report_vip_manager_xlsx",
            "logistics": "vip_sales_report.action_report_vip_logistics_xlsx",
        }

    def _vip_period_bounds(self, field):
        """The period as ``[start, end)`` values for ``field``: dates, or UTC datetimes of the
        user's days (an order at 01:00 in Moscow on the 1st belongs to the 1st)."""
        start, end = self.date_from, self.date_to + timedelta(days=1)
        if field.type != "datetime":
            return start, end
        return user_day_start(self.env, start), user_day_start(self.env, end)

    def _vip_domain(
        self, model_name, date_field=None, manager_field="manager_id", partner_field="partner_id"
    ):
        """Domain of the records of ``model_name`` in the scope: dated in the period (when
        ``date_field`` is given), of the chosen managers and clients (when chosen)."""
        self.ensure_one()
        domain = Domain.TRUE
        if date_field:
            start, end = self._vip_period_bounds(self.env[model_name]._fields[date_field])
            domain &= Domain(date_field, ">=", start) & Domain(date_field, "<", end)
        if self.user_ids and manager_field:
            domain &= Domain(manager_field, "in", self.user_ids.ids)
        if self.partner_ids and partner_field:
            domain &= Domain(partner_field, "in", self.partner_ids.ids)
        return domain

    def _vip_own_clients_domain(self, client_field):
        """For a manager, the records whose ``client_field`` is one of their own clients (for
        models whose access rules follow other lines, e.g. orders by salesperson)."""
        if self.env.user.has_group("vip_sales.group_vip_head"):
            return Domain.TRUE
        return Domain(f"{client_field}.commercial_partner_id.vip_manager_id", "=", self.env.uid)

    def _vip_months(self):
        """First days of the months of the period."""
        self.ensure_one()
        month, months = self.date_from.replace(day=1), []
        while month <= self.date_to:
            months.append(month)
            month += relativedelta(months=1)
        return months

    def _vip_description(self):
        """One line telling what the report covers, for the top of each sheet."""
        self.ensure_one()
        everyone = self.env._("all")
        return self.env._(
            "Period: %(date_from)s – %(date_to)s · Managers: %(managers)s · Clients: %(clients)s",
            date_from=format_date(self.env, self.date_from),
            date_to=format_date(self.env, self.date_to),
            managers=", ".join(self.user_ids.mapped("name")) or everyone,
            clients=", ".join(self.partner_ids.mapped("name")) or everyone,
        )
