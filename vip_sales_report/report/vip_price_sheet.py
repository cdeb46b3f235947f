from odoo import api, models


class VipPriceSheetReport(models.AbstractModel):
    """The printable price and stock sheet of a VIP client (``vip.price.sheet``)."""

    _name = "report.vip_sales_report.report_vip_price_sheet"
    _description = "VIP Price and Stock Sheet"

    @api.model
    def _get_report_values(self, docids, data=None):
        sheets = self.env["vip.price.sheet"].browse(docids)
        return {
            "doc_ids": sheets.ids,
            "doc_model": "vip.price.sheet",
            "docs": sheets,
            # _vip_sheet refuses a client the user may not make a sheet for.
            "sheets": {sheet.id: sheet._vip_sheet() for sheet in sheets},
        }
