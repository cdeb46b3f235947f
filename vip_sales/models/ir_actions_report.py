from odoo import models

# The quotation reports that carry the offer to the client.
VIP_GUARDED_REPORTS = ("sale.report_saleorder", "sale.report_saleorder_pro_forma")


class IrActionsReport(models.Model):
    _inherit = "ir.actions.report"

    def _get_rendering_context(self, report, docids, data):
        # Every rendering (PDF, HTML, e-mail attachment, portal download) goes through here.
        if report.report_name in VIP_GUARDED_REPORTS and report.model == "sale.order":
            self.env["sale.order"].browse(docids)._vip_check_approval()
        return super()._get_rendering_context(report, docids, data)
