from odoo import models

from .vip_report_xlsx import VipColumn


class VipManagerReportXlsx(models.AbstractModel):
    """The manager's periodic report to the head of sales, one sheet per part."""

    _name = "report.vip_sales_report.manager_report_xlsx"
    _inherit = ["report.vip_sales_report.xlsx_base"]
    _description = "VIP Manager's Report (XLSX)"

    def _vip_generate(self, book, scope):
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
        by_manager = {}
        for manager, partner, tier, orders, amount, weight, volume in rows:
            by_manager.setdefault(manager, []).append(
                (partner.name, tier.name, orders, amount, weight, volume)
            )
        grand_total = sum(row[4] for row in rows)

        def share(amount):
            return amount / grand_total if grand_total else None

        def totals(lines):
            orders, amount, weight, volume = (sum(line[i] for line in lines) for i in (2, 3, 4, 5))
            return [None, orders, amount, share(amount), weight, volume]

        all_lines = []
        for manager, lines in by_manager.items():
            manager_name = manager.name or self.env._("No manager")
            sheet.write_row([manager_name, self.env._("All clients"), *totals(lines)], style="group")
            for client, tier, orders, amount, weight, volume in lines:
                sheet.write_row([manager_name, client, tier, orders, amount, share(amount), weight, volume])
            all_lines += lines
        sheet.write_row([self.env._("Total"), None, *totals(all_lines)], style="total")
        sheet.close()
