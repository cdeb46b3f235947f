import re
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
        self.assertAlmostEqual(rows[1][6], 2 * 85.0 + 12 * 6.5)
        self.assertIn("#,##0.00", sheet["E6"].number_format)
        self.assertEqual(sheet["F6"].number_format, "0.0%")
        self.assertTrue(sheet["G6"].number_format.endswith('" kg"'))

    def test_manager_report_proposals_and_refusals(self):
        workbook = self._render_xlsx(self._export(self.head, "manager"))
        m1, m2 = self.manager1.name, self.manager2.name
        # manager1: order1 (confirmed), the quotation and proposal_approved (open, the latter
        # approved, sent and viewed), proposal_refused; manager2: order2, proposal_rejected.
        client1 = (4, 1, 1, 1, 0, 1, 1, 2, 148000 + 500000 + 152000 + 50000, 148000)
        client2 = (2, 0, 0, 0, 1, 1, 0, 1, 52000 + 120000, 52000)
        self.assertEqual(
            self._rows(workbook["Proposals"], 5),
            [
                (m1, "All clients", *client1),
                (m1, "Mebelgrad LLC", *client1),
                (m2, "All clients", *client2),
                (m2, "Dom Divanov JSC", *client2),
                ("Total", None, *(a + b for a, b in zip(client1, client2, strict=True))),
            ],
        )
        self.assertEqual(
            {row[2:] for row in self._rows(workbook["Refusals"], 5)},
            {
                (
                    "Dom Divanov JSC",
                    self.proposal_rejected.name,
                    120000,
                    "Head of Sales",
                    None,
                    "Too deep a discount",
                ),
                (
                    "Mebelgrad LLC",
                    self.proposal_refused.name,
                    50000,
                    "Client",
                    "Price (test)",
                    "Found it cheaper",
                ),
            },
        )

    def test_logistics(self):
        sheet = self._render_xlsx(self._export(self.head, "logistics"))["Order Logistics"]
        headers = [cell.value for cell in sheet[4]]
        rows = [dict(zip(headers, row, strict=True)) for row in self._rows(sheet, 5)]
        self.assertEqual(
            [row["Order"] for row in rows],
            [
                *(self.order1 | self.order2 | self.quotation | self.proposals_open)
                .sorted("date_order")
                .mapped("name"),
                "Total",
            ],
            "VIP clients' quotations and orders, by date; not the non-VIP order nor a cancelled one",
        )
        order1 = next(row for row in rows if row["Order"] == self.order1.name)
        self.assertEqual(
            (order1["Client"], order1["VIP Manager"], order1["Status"], order1["Cartons"]),
            ("Mebelgrad LLC", self.manager1.name, "Sales Order", 2 * 2 + 12),
        )
        self.assertAlmostEqual(order1["Tonnage"], (2 * 85.0 + 12 * 6.5) / 1000)
        self.assertAlmostEqual(order1["Volume"], 2 * 1.044 + 12 * 0.15)
        self.assertEqual(order1["Truck Plan"], "1 × GAZelle")
        self.assertAlmostEqual(order1["Delivery Cost"], 5000.0 + 100 * 30.0)
        self.assertAlmostEqual(order1["Volume Fill"], (2 * 1.044 + 12 * 0.15) / 9.0, places=3)
        self.assertEqual(order1["Free Delivery"], "No")
        total = rows[-1]
        self.assertAlmostEqual(total["Untaxed Amount"], 148000.0 + 52000.0 + 500000.0 + 152000.0 + 120000.0)
        self.assertTrue(sheet["G5"].number_format.endswith('" t"'))
        self.assertTrue(sheet["H5"].number_format.endswith('" m³"'))

    def test_logistics_printed_from_orders(self):
        content, __ = (
            self.env["ir.actions.report"]
            .with_user(self.manager1)
            ._render("vip_sales_report.action_report_vip_logistics_orders_xlsx", self.order1.ids)
        )
        rows = self._rows(self._load(content)["Order Logistics"], 5)
        self.assertEqual([row[0] for row in rows], [self.order1.name, "Total"])

    def _names(self, workbook):
        """The managers and clients named anywhere in the data rows of the workbook."""
        known = {self.manager1.name, self.manager2.name, self.client1.name, self.client2.name}
        names = set()
        for sheet in workbook.worksheets:
            names |= {value for row in self._rows(sheet, self._first_data_row(sheet)) for value in row}
        return names & known

    @staticmethod
    def _first_data_row(sheet):
        return int(re.sub(r"\D", "", sheet.freeze_panes))

    def test_same_reports_as_two_managers_are_disjoint(self):
        for report in ("manager", "logistics"):
            with self.subTest(report=report):
                names = {
                    manager: self._names(self._render_xlsx(self._export(manager, report)))
                    for manager in (self.manager1, self.manager2)
                }
                self.assertLessEqual(names[self.manager1], {self.manager1.name, self.client1.name})
                self.assertLessEqual(names[self.manager2], {self.manager2.name, self.client2.name})
                self.assertIn(self.client1.name, names[self.manager1])
                self.assertIn(self.client2.name, names[self.manager2])

    def test_manager_cannot_widen_the_scope(self):
        # Asking for another manager and their client returns nothing: the access rules decide.
        for report in ("manager", "logistics"):
            export = self._export(
                self.manager1, report, user_ids=self.manager2.ids, partner_ids=self.client2.ids
            )
            for sheet in self._render_xlsx(export).worksheets:
                with self.subTest(report=report, sheet=sheet.title):
                    rows = self._rows(sheet, self._first_data_row(sheet))
                    self.assertFalse([row for row in rows if row[0] != "Total"], "at most an empty total")

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
