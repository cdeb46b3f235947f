from collections import defaultdict
from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import models
from odoo.fields import Domain

from .vip_report_xlsx import VipColumn


class VipPlanFulfillmentXlsx(models.AbstractModel):
    """Plan fulfilment: managers, then their clients; months as columns with target, actual
    and fulfilment, and the period's totals.

    Actuals follow the rule of the plans (the manager's confirmed orders, untaxed, in company
    currency, by day of the reader's timezone) and are taken month by month from the orders.
    A plan's target is spread over the months it covers in proportion to its days. A
    manager's row shows the plans over all their clients, or the sum of their clients' plans
    when they have no such plan; its actual is every confirmed order of the manager. Unless
    managers are chosen, the report covers the managers with a plan in the period and the
    VIP managers who sold to VIP clients in it.
    """

    _name = "report.vip_sales_report.plan_fulfillment_xlsx"
    _inherit = ["report.vip_sales_report.xlsx_base"]
    _description = "VIP Plan Fulfilment (XLSX)"

    def _vip_scope_from_records(self, records):
        plans = records
        return self.env["vip.report.export"].create(
            {
                "report": "plan",
                "date_from": min(plans.mapped("date_from")),
                "date_to": max(plans.mapped("date_to")),
                "user_ids": plans.user_id.ids,
                "partner_ids": plans.partner_id.ids if all(plans.mapped("partner_id")) else [],
            }
        )

    def _vip_generate(self, book, scope, records=None):
        months = scope._vip_months()
        targets = self._vip_targets(scope, months)
        actuals = self._vip_actuals(scope, self.env["res.users"].union(*(manager for manager, __ in targets)))
        month_columns = [
            column
            for month in [*months, None]
            for column in self._vip_month_columns(
                self._vip_month_label(month) if month else self.env._("Total")
            )
        ]
        sheet = book.add_sheet(
            self.env._("Plan Fulfilment"),
            [
                VipColumn(self.env._("VIP Manager"), width=24),
                VipColumn(self.env._("Client"), width=30),
                *month_columns,
            ],
            freeze_cols=2,
        )
        grand_targets, grand_actuals = defaultdict(float), defaultdict(float)
        managers = {manager for manager, __ in targets} | {manager for manager, __ in actuals}
        for manager in sorted(managers, key=lambda user: user.name or ""):
            clients = {
                client for key_manager, client in [*targets, *actuals] if key_manager == manager and client
            }
            manager_actuals = defaultdict(float)
            client_targets = defaultdict(float)
            for client in clients:
                for month, amount in actuals.get((manager, client), {}).items():
                    manager_actuals[month] += amount
                for month, amount in targets.get((manager, client), {}).items():
                    client_targets[month] += amount
            manager_targets = targets.get((manager, self.env["res.partner"])) or client_targets
            for month in months:
                grand_targets[month] += manager_targets.get(month, 0.0)
                grand_actuals[month] += manager_actuals.get(month, 0.0)
            sheet.write_row(
                [
                    manager.name,
                    self.env._("All clients"),
                    *self._vip_month_values(months, manager_targets, manager_actuals),
                ],
                style="group",
            )
            for client in sorted(clients, key=lambda partner: partner.name or ""):
                sheet.write_row(
                    [
                        manager.name,
                        client.name,
                        *self._vip_month_values(
                            months, targets.get((manager, client), {}), actuals.get((manager, client), {})
                        ),
                    ]
                )
        sheet.write_row(
            [self.env._("Total"), None, *self._vip_month_values(months, grand_targets, grand_actuals)],
            style="total",
        )
        for col in range(4, 2 + len(month_columns), 3):
            sheet.highlight_ratio(col)
        sheet.close()

    def _vip_month_columns(self, label):
        return [
            VipColumn(self.env._("Target"), "money", 14, group=label),
            VipColumn(self.env._("Actual"), "money", 14, group=label),
            VipColumn(self.env._("Fulfilment"), "percent", 11, group=label),
        ]

    @staticmethod
    def _vip_month_values(months, targets, actuals):
        """Target, actual and fulfilment of each month, then of the whole period."""
        values = []
        for month in [*months, None]:
            if month:
                target, actual = targets.get(month, 0.0), actuals.get(month, 0.0)
            else:
                target, actual = (
                    sum(targets.get(m, 0.0) for m in months),
                    sum(actuals.get(m, 0.0) for m in months),
                )
            values += [target or None, actual, actual / target if target else None]
        return values

    def _vip_targets(self, scope, months):
        """Targets of the plans overlapping the period, spread over its months by days, as
        ``{(manager, client): {month: amount}}`` (no client: a plan over all clients)."""
        domain = Domain("date_from", "<=", scope.date_to) & Domain("date_to", ">=", scope.date_from)
        domain &= scope._vip_domain("vip.plan.analysis", manager_field="user_id")
        if scope.partner_ids:
            domain &= Domain("partner_id", "!=", False)
        plans = self.env["vip.plan.analysis"].search_fetch(
            domain, ["user_id", "partner_id", "date_from", "date_to", "target_amount"]
        )
        targets = defaultdict(lambda: defaultdict(float))
        for plan in plans:
            plan_days = (plan.date_to - plan.date_from).days + 1
            for month in months:
                start = max(plan.date_from, month, scope.date_from)
                end = min(plan.date_to, month + relativedelta(months=1) - timedelta(days=1), scope.date_to)
                if start <= end:
                    share = ((end - start).days + 1) / plan_days
                    targets[plan.user_id, plan.partner_id][month] += plan.target_amount * share
        return targets

    def _vip_actuals(self, scope, planned_managers):
        """Confirmed orders of the managers by client and month, as
        ``{(manager, client): {month: untaxed amount in company currency}}``."""
        domain = Domain("state", "=", "sale") & scope._vip_domain(
            "sale.order",
            "date_order",
            manager_field="user_id",
            partner_field="partner_id.commercial_partner_id",
        )
        if not scope.user_ids:
            domain &= Domain("user_id", "in", planned_managers.ids) | (
                Domain("partner_id.commercial_partner_id.is_vip", "=", True)
                & Domain("user_id.all_group_ids", "in", self.env.ref("vip_sales.group_vip_manager").ids)
            )
        amounts = self.env["sale.order"]._vip_untaxed_amounts(
            domain, ["user_id", "partner_id.commercial_partner_id", "date_order:month"]
        )
        actuals = defaultdict(lambda: defaultdict(float))
        for (manager, client, month), amount in amounts.items():
            actuals[manager, client][month.date()] += amount
        return actuals


class VipPlanFulfillmentPlansXlsx(models.AbstractModel):
    """The same report printed from the sales plans: their period, managers and clients."""

    _name = "report.vip_sales_report.plan_fulfillment_plans_xlsx"
    _inherit = ["report.vip_sales_report.plan_fulfillment_xlsx"]
    _description = "VIP Plan Fulfilment of Sales Plans (XLSX)"
