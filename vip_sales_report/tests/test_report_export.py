from datetime import date

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged

from .common import VipReportCommon


@tagged("post_install", "-at_install")
class TestReportExport(VipReportCommon):
    def test_manager_report_sales_sheet(self):
        workbook = self._render_xlsx(self._export(self.head, "manager"))
        sheet = workbook["Sales by Client"]
        self.assertEqual(sheet["A1"].value, "Sales by Client")
        self.assertIn("Period:", sheet["A2"].value)
        self.assertEqual(
            [cell.value for cell in sheet[4]],
            [
                "VIP Manager",
                "Client",
                "VIP Tier",
                "Orders",
                "Untaxed Amount",
                "Share of Sales",
                "Weight",
                "Volume",
            ],
        )
        self.assertEqual(sheet.freeze_panes, "C5")
        self.assertEqual(sheet.auto_filter.ref, "A4:H9")
        rows = self._rows(sheet, 5)
        total = 148000.0 + 52000.0
        self.assertEqual(
            [row[:6] for row in rows],
            [
                (self.manager1.name, "All clients", None, 1, 148000.0, 148000.0 / total),
                (self.manager1.name, "Mebelgrad LLC", "Gold", 1, 148000.0, 148000.0 / total),
                (self.manager2.name, "All clients", None, 1, 52000.0, 52000.0 / total),
                (self.manager2.name, "Dom Divanov JSC", "Gold", 1, 52000.0, 52000.0 / total),
                ("Total", None, None, 2, total, 1.0),
            ],
        )
        self.assertAlmostEqual(rows[1][6], 2 * 80.0 + 12 * 6.5)
        self.assertIn("#,##0.00", sheet["E6"].number_format)
        self.assertEqual(sheet["F6"].number_format, "0.0%")
        self.assertTrue(sheet["G6"].number_format.endswith('" kg"'))

    def test_same_report_as_two_managers_is_disjoint(self):
        clients = {}
        for manager in (self.manager1, self.manager2):
            sheet = self._render_xlsx(self._export(manager, "manager"))["Sales by Client"]
            clients[manager] = {row[1] for row in self._rows(sheet, 5) if row[0] != "Total"} - {"All clients"}
        self.assertEqual(clients[self.manager1], {"Mebelgrad LLC"})
        self.assertEqual(clients[self.manager2], {"Dom Divanov JSC"})

    def test_manager_cannot_widen_the_scope(self):
        # Asking for another manager's client returns nothing: the record rules decide.
        export = self._export(self.manager1, "manager", user_ids=[], partner_ids=self.client2.ids)
        sheet = self._render_xlsx(export)["Sales by Client"]
        self.assertEqual(self._rows(sheet, 5), [("Total", None, None, 0, 0, None, 0, 0)])

    def test_period_excludes_other_dates(self):
        export = self._export(self.head, "manager", date_from=date(2000, 1, 1), date_to=date(2000, 12, 31))
        sheet = self._render_xlsx(export)["Sales by Client"]
        self.assertEqual(len(self._rows(sheet, 5)), 1, "only the total row")

    def test_defaults_and_file_name(self):
        export = self._export(self.manager1, "manager", date_from=date(2025, 1, 1), date_to=date(2025, 3, 31))
        self.assertEqual(export.user_ids, self.manager1, "a manager reports on themself")
        self.assertFalse(self._export(self.head, "manager").user_ids, "the head sees every manager")
        self.assertEqual(export.file_name, "Manager's Report to the Head 2025-01-01 – 2025-03-31")
        action = export.action_export()
        self.assertEqual(action["report_type"], "xlsx")
        self.assertEqual(action["context"]["active_ids"], export.ids)

    def test_period_must_not_end_before_it_starts(self):
        with self.assertRaises(ValidationError):
            self._export(self.head, "manager", date_from=date(2025, 2, 1), date_to=date(2025, 1, 31))

    def test_non_vip_user_cannot_export(self):
        with self.assertRaises(AccessError):
            self._export(self.salesman, "manager")
