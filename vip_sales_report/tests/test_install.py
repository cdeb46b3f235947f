from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestInstall(TransactionCase):
    def test_installed_with_dependencies(self):
        modules = self.env["ir.module.module"].search(
            [("name", "in", ["vip_sales", "vip_sales_report", "report_xlsx"])]
        )
        self.assertEqual(set(modules.mapped("state")), {"installed"})
        self.assertEqual(len(modules), 3)
        self.assertEqual(
            self.env.ref("vip_sales_report.vip_sales_report_menu_analysis").parent_id,
            self.env.ref("vip_sales.vip_sales_menu_reporting"),
        )
