import calendar
import re
from datetime import date

from dateutil.relativedelta import relativedelta

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from odoo.addons.vip_sales.tests.common import load_russian

from .common import VipReportCommon


@tagged("post_install", "-at_install")
class TestReportExport(VipReportCommon):
    """The export wizard and the XLSX reports, read back with openpyxl."""

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

    def test_wizard_defaults_and_file_name(self):
        export = self._export(self.manager1, "manager", date_from=date(2025, 1, 1), date_to=date(2025, 3, 31))
        self.assertEqual(export.user_ids, self.manager1, "a manager reports on themself")
        self.assertFalse(self._export(self.head, "manager").user_ids, "the head sees every manager")
        self.assertEqual(export.file_name, "Manager's Report to the Head 2025-01-01 – 2025-03-31")
        self.assertEqual(export._vip_months(), [date(2025, 1, 1), date(2025, 2, 1), date(2025, 3, 1)])
        action = export.action_export()
        self.assertEqual(action["report_type"], "xlsx")
        self.assertEqual(action["context"]["active_ids"], export.ids)

    def test_period_must_not_end_before_it_starts(self):
        with self.assertRaises(ValidationError):
            self._export(self.head, "manager", date_from=date(2025, 2, 1), date_to=date(2025, 1, 31))

    def test_non_vip_user_cannot_export(self):
        with self.assertRaises(AccessError):
            self._export(self.salesman, "manager")

    # ------------------------------------------------------------------
    # Plan fulfilment
    # ------------------------------------------------------------------

    def test_plan_fulfillment(self):
        sheet = self._render_xlsx(self._export(self.head, "plan"))["Plan Fulfilment"]
        month_label = sheet["C4"].value
        self.assertIn(str(self.month_start.year), month_label)
        self.assertEqual(sheet["F4"].value, "Total")
        self.assertIn("C4:E4", {str(cells) for cells in sheet.merged_cells.ranges})
        self.assertEqual(
            [cell.value for cell in sheet[5]][:5], ["VIP Manager", "Client", "Target", "Actual", "Fulfilment"]
        )
        self.assertEqual(sheet.freeze_panes, "C6")
        days = calendar.monthrange(self.month_start.year, self.month_start.month)[1]
        quarter_days = (self.plan_m2_quarter.date_to - self.plan_m2_quarter.date_from).days + 1
        quarter_target = 92000.0 * days / quarter_days
        m1, m2 = self.manager1.name, self.manager2.name
        expected = [
            (m1, "All clients", 200000.0, 148000.0, 0.74),
            (m1, "Mebelgrad LLC", 100000.0, 148000.0, 1.48),
            (m2, "All clients", 100000.0, 52000.0, 0.52),
            (m2, "Dom Divanov JSC", quarter_target, 52000.0, 52000.0 / quarter_target),
            ("Total", None, 300000.0, 200000.0, 200000.0 / 300000.0),
        ]
        rows = self._rows(sheet, 6)
        self.assertEqual(len(rows), len(expected), rows)
        for row, expected_row in zip(rows, expected, strict=True):
            self.assertEqual(row[:2], expected_row[:2])
            for value, expected_value in zip(row[2:5], expected_row[2:], strict=True):
                self.assertAlmostEqual(value, expected_value)
            self.assertEqual(row[2:5], row[5:8], "one month: the total is the month")
        self.assertEqual(sheet["E6"].number_format, "0.0%")
        self.assertTrue(sheet.conditional_formatting, "fulfilment is coloured red to green")

    def test_plan_fulfillment_printed_from_plans(self):
        plans = self.plan_m2 | self.plan_m2_quarter
        content, __ = (
            self.env["ir.actions.report"]
            .with_user(self.manager2)
            ._render("vip_sales_report.action_report_vip_plan_fulfillment_plans_xlsx", plans.ids)
        )
        sheet = self._load(content)["Plan Fulfilment"]
        self.assertIn(plans.user_id.name, sheet["A2"].value)
        self.assertEqual({row[0] for row in self._rows(sheet, 6)}, {self.manager2.name, "Total"})

    # ------------------------------------------------------------------
    # Shares
    # ------------------------------------------------------------------

    def test_shares(self):
        sheet = self._render_xlsx(self._export(self.head, "shares"))["Floor and Assortment Shares"]
        self.assertEqual(
            [cell.value for cell in sheet[5]],
            [
                "Client", "Store", "City", "Survey Date", "Total Area", "Our Area", "Shatura", "Lazurit",
                "Share", "Target", "Change", "Our Models", "All Models", "Share", "Target", "Change",
            ],
        )  # fmt: skip
        self.assertEqual(
            (sheet["G4"].value, sheet["I4"].value, sheet["L4"].value),
            ("Competitors' Areas", "Floor Share", "Assortment Share"),
        )
        self.assertEqual(sheet.freeze_panes, "C6")
        rows = self._rows(sheet, 6)
        mebelgrad, divanov, center = "Mebelgrad LLC", "Dom Divanov JSC", "Mebelgrad Center"
        day, no = self.month_start, None
        expected = [
            (divanov, "All stores", no, no, 400, 20, no, no, 0.05, 0.2, no, 5, 100, 0.05, 0.15, no),
            (divanov, "Divany Mall", no, day, 400, 20, no, no, 0.05, 0.2, no, 5, 100, 0.05, 0.15, no),
            (mebelgrad, "All stores", no, no, 1500, 150, 200, 100, 0.1, 0.2, no, 40, 300, 40 / 300, 0.15, no),
            (mebelgrad, center, "Moscow", day, 1000, 100, 200, no, 0.1, 0.2, 0.1, 30, 200, 0.15, 0.15, 0.05),
            (mebelgrad, "Mebelgrad Outlet", no, "No survey yet", *[no] * 12),
            (mebelgrad, "Mebelgrad South", no, day, 500, 50, no, 100, 0.1, 0.2, no, 10, 100, 0.1, 0.15, no),
            ("Total", no, no, no, 1900, 170, 200, 100, 170 / 1900, 0.2, no, 45, 400, 45 / 400, 0.15, no),
        ]  # fmt: skip
        self.assertEqual(len(rows), len(expected))
        for row, expected_row in zip(rows, expected, strict=True):
            with self.subTest(row=row[:2]):
                for value, expected_value in zip(row, expected_row, strict=True):
                    if isinstance(expected_value, float):
                        self.assertAlmostEqual(value, expected_value)
                    elif hasattr(value, "date"):
                        self.assertEqual(value.date(), expected_value)
                    else:
                        self.assertEqual(value, expected_value)
        self.assertTrue(sheet["E7"].number_format.endswith('" m²"'))
        self.assertEqual(sheet["K7"].number_format, "+0.0%;-0.0%;0.0%")
        self.assertEqual(len(sheet.conditional_formatting), 2, "both shares coloured against their targets")

    def test_shares_as_of_an_earlier_date_and_from_the_clients(self):
        # At the end of last month only the old survey of the Center store existed.
        export = self._export(
            self.head,
            "shares",
            date_from=self.month_start - relativedelta(months=1),
            date_to=self.month_start - relativedelta(days=1),
        )
        sheet = self._render_xlsx(export)["Floor and Assortment Shares"]
        headers = [cell.value for cell in sheet[5]]
        self.assertNotIn("Lazurit", headers, "only the competitors of the surveys shown")
        center = dict(
            zip(
                headers,
                next(row for row in self._rows(sheet, 6) if row[1] == "Mebelgrad Center"),
                strict=True,
            )
        )
        self.assertEqual(
            (center["Survey Date"].date(), center["Our Area"], center["Our Models"]),
            (self.survey_center_old.date, 0, 20),
        )
        self.assertIsNone(center["Change"], "no previous survey: no change")
        content, __ = (
            self.env["ir.actions.report"]
            .with_user(self.manager2)
            ._render("vip_sales_report.action_report_vip_shares_clients_xlsx", self.client2.ids)
        )
        rows = self._rows(self._load(content)["Floor and Assortment Shares"], 6)
        self.assertEqual([row[1] for row in rows], ["All stores", "Divany Mall", None])

    # ------------------------------------------------------------------
    # Manager's report
    # ------------------------------------------------------------------

    def test_manager_report_sales_sheet(self):
        workbook = self._render_xlsx(self._export(self.head, "manager"))
        self.assertEqual(
            workbook.sheetnames,
            [
                "Sales by Client",
                "Calls and Visits",
                "Needs and Competitors",
                "No-Order Reasons",
                "Proposals",
                "Refusals",
                "Business Trips",
            ],
        )
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
        m1, m2 = self.manager1.name, self.manager2.name
        self.assertEqual(
            [row[:6] for row in rows],
            [
                (m1, "All clients", None, 1, 148000.0, 148000.0 / total),
                (m1, "Mebelgrad LLC", "Gold", 1, 148000.0, 148000.0 / total),
                (m2, "All clients", None, 1, 52000.0, 52000.0 / total),
                (m2, "Dom Divanov JSC", "Gold", 1, 52000.0, 52000.0 / total),
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

    def test_workbook_follows_the_users_language(self):
        self.env["res.lang"]._activate_lang("ru_RU")
        self.manager1.lang = "ru_RU"
        for user, date_format in ((self.head, "mm/dd/yyyy"), (self.manager1, "dd.mm.yyyy")):
            with self.subTest(lang=user.lang):
                sheet = self._render_xlsx(self._export(user, "logistics")).worksheets[0]
                self.assertEqual(
                    sheet["B5"].number_format,
                    date_format,
                    "the language's date format: 01.12.2026 in Russian",
                )
                self.assertIsNotNone(sheet["B5"].value)

    def test_workbook_in_russian(self):
        """A Russian-speaking manager gets the workbook in Russian, from the shipped ru.po."""
        load_russian(self.env, ("vip_sales", "vip_sales_report"))
        self.manager1.lang = "ru_RU"
        workbook = self._render_xlsx(self._export(self.manager1, "logistics"))
        self.assertIn("Логистика заказов", workbook.sheetnames)
        headers = [cell.value for cell in workbook["Логистика заказов"][4]]
        self.assertIn("Заказ", headers)
        self.assertIn("Клиент", headers)
        self.assertNotIn("Order", headers)

    def test_logistics_printed_from_orders(self):
        content, __ = (
            self.env["ir.actions.report"]
            .with_user(self.manager1)
            ._render("vip_sales_report.action_report_vip_logistics_orders_xlsx", self.order1.ids)
        )
        rows = self._rows(self._load(content)["Order Logistics"], 5)
        self.assertEqual([row[0] for row in rows], [self.order1.name, "Total"])

    def test_workbooks_of_quotations_obey_the_approval(self):
        self.env.company.vip_max_discount = 10.0
        self.quotation.order_line.discount = 30.0
        self.assertEqual(self.quotation.vip_approval_state, "required")
        report = self.env["ir.actions.report"].with_user(self.manager1)
        # The logistics sheet is an internal document: it prints while the terms await approval...
        content, __ = report._render(
            "vip_sales_report.action_report_vip_logistics_orders_xlsx", self.quotation.ids
        )
        self.assertEqual(self._rows(self._load(content)["Order Logistics"], 5)[0][0], self.quotation.name)
        # ...a workbook given to the client does not.
        client_copy = self.env.ref("vip_sales_report.action_report_vip_logistics_orders_xlsx").copy(
            {"vip_internal_only": False}
        )
        with self.assertRaisesRegex(UserError, "has not approved the special terms"):
            report._render(client_copy, self.quotation.ids)

    def test_manager_report_contacts_findings_reasons_trips(self):
        workbook = self._render_xlsx(self._export(self.head, "manager"))
        m1, m2 = self.manager1.name, self.manager2.name
        self.assertEqual(
            self._rows(workbook["Calls and Visits"], 5),
            [
                (m1, "All clients", 1, 1, 1, 0, 1, 1, 148000),
                (m1, "Mebelgrad LLC", 1, 1, 1, 0, 1, 1, 148000),
                (m2, "All clients", 0, 1, 0, 0, 0, 0, 0),
                (m2, "Dom Divanov JSC", 0, 1, 0, 0, 0, 0, 0),
                ("Total", None, 1, 2, 1, 0, 1, 1, 148000),
            ],
        )
        findings = self._rows(workbook["Needs and Competitors"], 5)
        self.assertEqual(
            {row[1:] for row in findings},
            {
                (
                    m1,
                    "Mebelgrad LLC",
                    "Onsite visit",
                    "A kids' room collection in white",
                    "Shatura opened a 40 m² section",
                ),
                (m2, "Dom Divanov JSC", "Onsite visit", "Delivery on Saturdays", None),
            },
        )
        self.assertEqual(findings[0][0], self.sale_time, "dates in the user's time (UTC here)")
        self.assertEqual(
            self._rows(workbook["No-Order Reasons"], 5),
            [
                ("Off-season (test)", "All clients", 1),
                ("Off-season (test)", "Mebelgrad LLC", 1),
                ("Total", None, 1),
            ],
        )
        trips = self._rows(workbook["Business Trips"], 5)
        self.assertEqual(trips[1][:3], (m1, "Urals tour", "Yekaterinburg"))
        self.assertEqual(trips[1][3].date(), self.trip.date_from)
        self.assertEqual(trips[1][5:], ("Draft", "Mebelgrad LLC", 1, 0, 0, 0, 30000))
        self.assertEqual(trips[2][0], "Total")

    def test_same_reports_as_two_managers_are_disjoint(self):
        for report in ("plan", "shares", "manager", "logistics"):
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
