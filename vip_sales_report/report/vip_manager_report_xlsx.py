from collections import defaultdict

from odoo import models

from .vip_report_xlsx import VipColumn


class VipManagerReportXlsx(models.AbstractModel):
    """The manager's periodic report to the head of sales, one sheet per part."""

    _name = "report.vip_sales_report.manager_report_xlsx"
    _inherit = ["report.vip_sales_report.xlsx_base"]
    _description = "VIP Manager's Report (XLSX)"

    def _vip_generate(self, book, scope, records=None):
        self._vip_write_sales(book, scope)

    def _vip_write_sales(self, book, scope):
        """Sales by client, grouped by manager, with the manager's and the grand totals."""
        rows = self.env["vip.sales.analysis"]._read_group(
            scope._vip_domain("vip.sales.analysis", "date"),
            ["manager_id", "partner_id", "tier_id"],
            ["order_id:count_distinct", "amount_untaxed:sum", "weight:sum", "volume:sum"],
            order="manager_id, amount_untaxed:sum desc",
        )
        sheet = book.add_sheet(
            self.env._("Sales by Client"),
            [
                VipColumn(self.env._("VIP Manager"), width=24),
                VipColumn(self.env._("Client"), width=32),
                VipColumn(self.env._("VIP Tier"), width=14),
                VipColumn(self.env._("Orders"), "integer"),
                VipColumn(self.env._("Untaxed Amount"), "money", 18),
                VipColumn(self.env._("Share of Sales"), "percent"),
                VipColumn(self.env._("Weight"), "weight", 14),
                VipColumn(self.env._("Volume"), "volume", 14),
            ],
            freeze_cols=2,
        )
        grand_total = sum(amount for __, __, __, __, amount, __, __ in rows)
        groups = defaultdict(list)
        for manager, partner, tier, orders, amount, weight, volume in rows:
            share = amount / grand_total if grand_total else None
            groups[manager.name or self.env._("No manager")].append(
                [partner.name, tier.name, orders, amount, share, weight, volume]
            )
        sheet.write_groups(groups, self.env._("All clients"), self.env._("Total"))
        sheet.close()
