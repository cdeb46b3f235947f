from odoo import api, fields, models


class IrActionsReport(models.Model):
    _inherit = "ir.actions.report"

    vip_internal_only = fields.Boolean(
        string="Internal Document",
        help="Never given to the client (a warehouse or logistics sheet): it prints proposals "
        "whose special terms still await the approval of the head of sales. Every other report "
        "of a quotation is refused until they are approved.",
    )

    @api.model
    def _vip_check_printable(self, report_ref, docids):
        """Refuse to render a client document of quotations awaiting approval.

        Called from every rendering path (QWeb HTML, text and PDF, a PDF reloaded from its
        stored attachment, XLSX in vip_sales_report), for any report of any module on
        ``sale.order``, so no report name needs to be known here.
        """
        report = self._get_report(report_ref)
        if report.model == "sale.order" and docids and not report.vip_internal_only:
            self.env["sale.order"].browse(docids).exists()._vip_check_approval()

    def _get_rendering_context(self, report, docids, data):
        self._vip_check_printable(report, docids)
        return super()._get_rendering_context(report, docids, data)

    def _render_qweb_pdf_prepare_streams(self, report_ref, data, res_ids=None):
        # A PDF kept as an attachment is served from it without rendering the template.
        self._vip_check_printable(report_ref, res_ids)
        return super()._render_qweb_pdf_prepare_streams(report_ref, data, res_ids=res_ids)
