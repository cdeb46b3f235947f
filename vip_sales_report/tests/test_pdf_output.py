import io

from PyPDF2 import PdfReader

from odoo.tests import HttpCase, tagged

from .common import VipReportCommon

A4_POINTS = (595, 842)


@tagged("post_install", "-at_install")
class TestPdfOutput(VipReportCommon, HttpCase):
    """The printed documents come out of wkhtmltopdf as real PDF files, styled, on A4.

    Their content is asserted on the HTML they are made of (test_client_passport.py and the
    proposal tests): wkhtmltopdf draws the report's web font as outlines, so the PDF has no
    text to read back.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # wkhtmltopdf fetches the report's styles and fonts from this test server.
        cls.env["ir.config_parameter"].set_param("report.url", cls.base_url())
        cls.env["res.lang"]._activate_lang("ru_RU")

    def _pdf(self, report, records, user, lang="en_US"):
        reports = (
            self.env["ir.actions.report"].with_user(user).with_context(force_report_rendering=True, lang=lang)
        )
        content, file_type = reports._render_qweb_pdf(report, records.ids)
        self.assertEqual(file_type, "pdf")
        self.assertTrue(content.startswith(b"%PDF-"), "a PDF file, not the HTML of the tests")
        return PdfReader(io.BytesIO(content))

    def test_documents_print_as_pdf(self):
        price_sheet = (
            self.env["vip.price.sheet"].with_user(self.manager1).create({"partner_id": self.client1.id})
        )
        for report, records, lang in (
            ("sale.action_report_saleorder", self.proposal_approved, "ru_RU"),
            ("vip_sales_report.action_report_vip_client_passport", self.client1, "ru_RU"),
            ("vip_sales_report.action_report_vip_visit", self.visit1, "en_US"),
            ("vip_sales_report.action_report_vip_trip", self.trip, "en_US"),
            ("vip_sales_report.action_report_vip_price_sheet", price_sheet, "ru_RU"),
        ):
            with self.subTest(report=report):
                pdf = self._pdf(report, records, self.manager1, lang)
                self.assertGreaterEqual(len(pdf.pages), 1)
                box = pdf.pages[0].mediabox
                self.assertEqual((round(box.width), round(box.height)), A4_POINTS)
                # Drawn, not blank: the page carries the report's content stream.
                self.assertGreater(len(pdf.pages[0].get_contents().get_data()), 2000)

    def test_a_long_proposal_runs_over_several_pages(self):
        order = self._create_order(self.client1, [(self.chair, 1, 3800.0)] * 60)
        pdf = self._pdf("sale.action_report_saleorder", order, self.manager1)
        self.assertGreaterEqual(len(pdf.pages), 2)
