from odoo import models

from .vip_report_xlsx import VipColumn


class VipPriceSheetXlsx(models.AbstractModel):
    """A VIP client's price and stock sheet (``vip.price.sheet``) as a workbook: one row per
    product under its category's row."""

    _name = "report.vip_sales_report.price_sheet_xlsx"
    _inherit = ["report.vip_sales_report.xlsx_base"]
    _description = "VIP Price and Stock Sheet (XLSX)"

    def _vip_scope_from_records(self, records):
        # The sheet is its own scope: its header line is the sheet's description.
        return records

    def _vip_generate(self, book, scope, records=None):
        data = scope._vip_sheet()
        sheet = book.add_sheet(
            self.env._("Price and Stock Sheet"),
            [
                VipColumn(self.env._("Product Category"), width=24),
                VipColumn(self.env._("Internal Reference"), width=14),
                VipColumn(self.env._("Product"), width=40),
                VipColumn(self.env._("Unit"), width=8),
                VipColumn(self.env._("Price (%(currency)s)", currency=data["currency"].name), "float"),
                VipColumn(self.env._("Free Quantity"), "float", 12),
                VipColumn(self.env._("Available On"), "date", 14),
            ],
            freeze_cols=3,
        )
        on_request = self.env._("On request")
        for category, lines in data["groups"]:
            sheet.write_row([category.complete_name, *[None] * 6], style="group")
            for line in lines:
                sheet.write_row(
                    [
                        category.complete_name,
                        line["code"],
                        line["name"],
                        line["uom"],
                        line["price"],
                        line["free_qty"],
                        line["available_on"] or (on_request if line["short"] else None),
                    ]
                )
        sheet.close()
