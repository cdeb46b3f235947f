from datetime import timedelta

from odoo import Command, api, fields, models
from odoo.fields import Domain
from odoo.tools import SQL, format_amount, format_date, formatLang

from odoo.addons.vip_sales.models.vip_visit import CALL_KINDS
from odoo.addons.vip_sales.tools.dates import user_day_start

REPORT_XMLID = "vip_sales_report.action_report_vip_manager_xlsx"
XLSX_MIMETYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class VipReportDispatch(models.Model):
    """A VIP manager's weekly report as mailed: the marker that it went out, and its summary.

    The row of a (company, manager, week) is inserted before the mails are queued, in the same
    transaction, under a unique constraint: another run of the weekly action, at once on
    another worker or triggered by hand, waits for that row and then sends nothing, so a week
    is mailed once. Its mails and workbooks are queued in that transaction too: a run that
    fails sends nothing and leaves no marker, and the next run sends the week.
    """

    _name = "vip.report.dispatch"
    _description = "Weekly VIP Manager Report Sent"
    _order = "date_from desc, manager_id"
    _check_company_auto = True

    # === FIELDS === #

    company_id = fields.Many2one("res.company", required=True, readonly=True, index=True)
    manager_id = fields.Many2one(
        "res.users", string="VIP Manager", required=True, readonly=True, check_company=True
    )
    date_from = fields.Date(string="Week Start", required=True, readonly=True)
    date_to = fields.Date(string="Week End", required=True, readonly=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    call_count = fields.Integer(string="Calls Done", readonly=True)
    visit_count = fields.Integer(string="Visits Done", readonly=True)
    order_count = fields.Integer(string="Orders", readonly=True)
    order_amount = fields.Monetary(string="Orders Amount", readonly=True)
    plan_target = fields.Monetary(
        readonly=True,
        help="The targets of the manager's plans over all their clients running at the end of the week.",
    )
    plan_actual = fields.Monetary(readonly=True)
    plan_fulfillment = fields.Float(string="Plan Fulfilment (%)", digits=(16, 1), readonly=True)
    recipient_ids = fields.Many2many("res.partner", string="Sent To", readonly=True)
    attachment_ids = fields.One2many(
        "ir.attachment",
        "res_id",
        string="Workbooks",
        domain=[("res_model", "=", "vip.report.dispatch")],
        readonly=True,
    )

    _unique_week = models.Constraint(
        "UNIQUE(company_id, manager_id, date_from)",
        "The weekly report of a manager is sent once a week.",
    )

    # === COMPUTE METHODS === #

    @api.depends("manager_id", "date_from", "date_to")
    def _compute_display_name(self):
        for dispatch in self:
            dispatch.display_name = f"{dispatch.manager_id.name}, {dispatch._vip_period()}"

    # === BUSINESS METHODS === #

    @api.model
    def _cron_send_weekly_reports(self):
        """Daily action: each company with the weekly reports on mails, on its weekday, the
        reports of the previous week (Monday to Sunday in the company's timezone) of its VIP
        managers that were not sent yet."""
        for company in self.env["res.company"].search([("vip_weekly_report", "=", True)]):
            tz = company.partner_id.tz or "UTC"
            in_company = self.with_company(company).with_context(tz=tz, allowed_company_ids=company.ids)
            today = fields.Date.context_today(in_company)
            if today.weekday() != int(company.vip_weekly_report_day):
                continue
            in_company._vip_send_week(today - timedelta(days=today.weekday() + 7))

    @api.model
    def _vip_send_week(self, date_from):
        """Mail the reports of the week starting on ``date_from`` (a Monday) of the current
        company's VIP managers with clients or activity, those not sent yet. Queries grow with
        the managers and the recipients, not with the orders or visits."""
        company = self.env.company
        date_to = date_from + timedelta(days=6)
        users = self.env["res.users"]
        in_company = Domain("company_ids", "in", company.id) & Domain("share", "=", False)
        managers = users.search(Domain(users._vip_manager_domain()) & in_company)
        managers -= self.search([("company_id", "=", company.id), ("date_from", "=", date_from)]).manager_id
        figures = self._vip_weekly_figures(managers, date_from, date_to)
        heads = users.search(
            Domain("all_group_ids", "in", self.env.ref("vip_sales.group_vip_head").id)
            & in_company
            & Domain("email", "!=", False)
        )
        in_cron = bool(self.env.context.get("ir_cron_progress_id"))
        if in_cron:
            self.env["ir.cron"]._commit_progress(remaining=len(figures))
        for manager in managers.filtered(lambda user: user.id in figures):
            dispatch = self._vip_claim(manager, date_from, date_to)
            if dispatch:
                dispatch.write(figures[manager.id])
                dispatch._vip_send(heads)
            if in_cron:
                # One manager's report per transaction: a failure later leaves it sent.
                self.env["ir.cron"]._commit_progress(1)

    @api.model
    def _vip_weekly_figures(self, managers, date_from, date_to):
        """The summary of the week by manager id, for the managers who own VIP clients or
        had activity in the week: calls and visits done, orders (as in the manager's report)
        and the fulfilment of their plans over all clients running at the end of the week."""
        company = self.env.company
        start = user_day_start(self.env, date_from)
        end = user_day_start(self.env, date_to + timedelta(days=1))
        figures = {}

        def manager_figures(manager):
            return figures.setdefault(
                manager.id,
                {
                    "call_count": 0,
                    "visit_count": 0,
                    "order_count": 0,
                    "order_amount": 0.0,
                    "plan_target": 0.0,
                    "plan_actual": 0.0,
                    "plan_fulfillment": 0.0,
                },
            )

        # Every manager's figures, whoever runs the action (the head of sales reads them all).
        env = self.sudo().env
        of_company = Domain("company_id", "=", company.id)
        clients = env["res.partner"]._read_group(
            Domain("is_company", "=", True)
            & Domain("is_vip", "=", True)
            & Domain("vip_manager_id", "in", managers.ids)
            & Domain("company_id", "in", [company.id, False]),
            ["vip_manager_id"],
        )
        for (manager,) in clients:
            manager_figures(manager)
        contacts = env["vip.visit.analysis"]._read_group(
            of_company
            & Domain("user_id", "in", managers.ids)
            & Domain("state", "=", "done")
            & Domain("date", ">=", start)
            & Domain("date", "<", end),
            ["user_id", "kind"],
            ["__count"],
        )
        for manager, kind, count in contacts:
            manager_figures(manager)["call_count" if kind in CALL_KINDS else "visit_count"] += count
        sales = env["vip.sales.analysis"]._read_group(
            of_company
            & Domain("manager_id", "in", managers.ids)
            & Domain("date", ">=", start)
            & Domain("date", "<", end),
            ["manager_id"],
            ["order_id:count_distinct", "amount_untaxed:sum"],
        )
        for manager, orders, amount in sales:
            manager_figures(manager).update(order_count=orders, order_amount=amount)
        plans = env["vip.plan.analysis"]._read_group(
            of_company
            & Domain("user_id", "in", list(figures))
            & Domain("level", "=", "manager")
            & Domain("date_from", "<=", date_to)
            & Domain("date_to", ">=", date_to),
            ["user_id"],
            ["target_amount:sum", "actual_amount:sum"],
        )
        for manager, target, actual in plans:
            manager_figures(manager).update(
                plan_target=target,
                plan_actual=actual,
                plan_fulfillment=100.0 * actual / target if target else 0.0,
            )
        return figures

    @api.model
    def _vip_claim(self, manager, date_from, date_to):
        """The new marker of ``manager``'s week, or nothing when another run has it.

        An insert that skips conflicts, rather than a search then a create: while another
        transaction holds the same (uncommitted) row, PostgreSQL makes this one wait for it,
        then inserts nothing if it was committed (and the row if it was rolled back)."""
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                """
                INSERT INTO vip_report_dispatch
                       (company_id, manager_id, date_from, date_to,
                        create_uid, write_uid, create_date, write_date)
                VALUES (%(company)s, %(manager)s, %(date_from)s, %(date_to)s,
                        %(uid)s, %(uid)s, NOW() AT TIME ZONE 'UTC', NOW() AT TIME ZONE 'UTC')
                ON CONFLICT (company_id, manager_id, date_from) DO NOTHING
                RETURNING id
                """,
                company=self.env.company.id,
                manager=manager.id,
                date_from=date_from,
                date_to=date_to,
                uid=self.env.uid,
            )
        )
        row = self.env.cr.fetchone()
        return self.browse(row and row[0])

    def _vip_send(self, heads):
        """Queue the report's mails: one to each of ``heads`` and one to the manager, each in
        the recipient's language with the workbook rendered as the recipient (their language,
        their access rules): what the export wizard gives them for the manager and the week."""
        self.ensure_one()
        recipients = (heads | self.manager_id).filtered("email")
        workbooks = {}
        mails = []
        for user in recipients:
            # The heads read every client: one workbook per language serves all of them.
            key = ("head", user.lang) if user in heads else user.id
            if key not in workbooks:
                workbooks[key] = self._vip_attach_workbook(user)
            mails.append(self.with_context(lang=user.lang)._vip_mail_values(user, workbooks[key]))
        self.env["mail.mail"].sudo().create(mails)
        self.recipient_ids = recipients.partner_id

    def _vip_attach_workbook(self, user):
        """The manager's report of the week rendered as ``user``, attached to the marker."""
        as_user = self.with_user(user).with_context(lang=user.lang)
        export = as_user.env["vip.report.export"].create(
            {
                "report": "manager",
                "date_from": self.date_from,
                "date_to": self.date_to,
                "user_ids": [Command.set(self.manager_id.ids)],
            }
        )
        content, __ = as_user.env["ir.actions.report"]._render(REPORT_XMLID, export.ids)
        return self.env["ir.attachment"].create(
            {
                "name": f"{export.file_name} – {self.manager_id.name}.xlsx",
                "raw": content,
                "mimetype": XLSX_MIMETYPE,
                "res_model": self._name,
                "res_id": self.id,
            }
        )

    def _vip_mail_values(self, user, attachment):
        """Values of the mail to ``user``, in the language of the context."""
        self.ensure_one()
        currency = self.currency_id
        period = self._vip_period()
        # Whole sentences, for the translators to order the words of each.
        lines = [
            self.env._("Calls done: %(count)s", count=self.call_count),
            self.env._("Visits done: %(count)s", count=self.visit_count),
            self.env._(
                "Orders: %(count)s for %(amount)s (untaxed)",
                count=self.order_count,
                amount=format_amount(self.env, self.order_amount, currency),
            ),
        ]
        if self.plan_target:
            lines.append(
                self.env._(
                    "Plan fulfilment to date: %(fulfilment)s (%(actual)s of %(target)s)",
                    fulfilment=f"{formatLang(self.env, self.plan_fulfillment, digits=1)} %",
                    actual=format_amount(self.env, self.plan_actual, currency),
                    target=format_amount(self.env, self.plan_target, currency),
                )
            )
        summary = {
            "greeting": self.env._("Hello %(name)s,", name=user.name),
            "intro": self.env._(
                "The weekly report of %(manager)s for %(period)s is attached.",
                manager=self.manager_id.name,
                period=period,
            ),
            "lines": lines,
        }
        body = self.env["mail.render.mixin"]._render_template(
            "vip_sales_report.vip_report_dispatch_mail",
            self._name,
            self.ids,
            engine="qweb_view",
            add_context=summary,
            options={"post_process": True},
        )[self.id]
        company_partner = self.company_id.partner_id
        return {
            "subject": self.env._(
                "Weekly report of %(manager)s, %(period)s",
                manager=self.manager_id.name,
                period=period,
            ),
            "body_html": body,
            "email_from": company_partner.email_formatted or self.env.ref("base.user_root").email_formatted,
            "author_id": company_partner.id,
            "recipient_ids": [Command.link(user.partner_id.id)],
            "attachment_ids": [Command.link(attachment.id)],
            "model": self._name,
            "res_id": self.id,
            "auto_delete": True,
        }

    def _vip_period(self):
        self.ensure_one()
        return f"{format_date(self.env, self.date_from)} – {format_date(self.env, self.date_to)}"
