from odoo import api, models


class IrActionsReport(models.Model):
    _inherit = "ir.actions.report"

    @api.model
    def _render_xlsx(self, report_ref, docids, data):
        # Workbooks of quotations obey the same approval as their PDFs (see vip_sales).
        self._vip_check_printable(report_ref, docids)
        return super()._render_xlsx(report_ref, docids, data)
