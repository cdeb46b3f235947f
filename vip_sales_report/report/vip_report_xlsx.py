from xlsxwriter.utility import xl_rowcol_to_cell

from odoo import fields, models
from odoo.tools.misc import format_date

# strftime directives of the user's language → Excel number format codes (no seconds).
EXCEL_DATE_CODES = {
    ":%S": "",
    "%d": "dd",
    "%m": "mm",
    "%Y": "yyyy",
    "%y": "yy",
    "%H": "hh",
    "%I": "hh",
    "%M": "mm",
    "%p": "AM/PM",
}
# Cell properties of the kinds that are not only a number format.
KIND_PROPS = {"note": {"text_wrap": True}}
DEFAULT_WIDTHS = {
    "text": 28,
    "note": 60,
    "date": 12,
    "datetime": 17,
    "integer": 10,
    "percent": 10,
}
# Row styles: a group row (e.g. a manager above its clients) and a total row.
ROW_STYLES = {
    None: {},
    "group": {"bold": True, "bg_color": "#EEF2F7"},
    "total": {"bold": True, "top": 1, "bg_color": "#DDE4EE"},
}


class VipColumn:
    """A column of a VIP report sheet: its header, kind (text, note (wrapped), date, datetime, integer,
    float, money, percent, area, weight, tonnage, volume, hours, days: see
    ``VipReportXlsx._vip_num_formats``), width and an optional group label shown on a
    header row above it. Percentages are written as ratios (0.25 shows as 25 %)."""

    __slots__ = ("group", "kind", "label", "width")

    def __init__(self, label, kind="text", width=None, group=None):
        self.label = label
        self.kind = kind
        self.width = width or DEFAULT_WIDTHS.get(kind, 14)
        self.group = group


class VipWorkbook:
    """A workbook being written, with its formats and the line telling what it covers."""

    def __init__(self, workbook, formats, subtitle):
        self.workbook = workbook
        self.formats = formats
        self.subtitle = subtitle

    def add_sheet(self, name, columns, freeze_cols=1):
        """A new sheet, titled ``name``, with a header row over ``columns``."""
        return VipSheet(self, name, columns, freeze_cols)


class VipSheet:
    """One worksheet of a VIP report: a title block, a frozen header with an autofilter,
    typed columns and rows written top-down.

    The workbooks are written with xlsxwriter's ``constant_memory`` option: each row is
    flushed to disk once the next one starts, so rows must be written in order (build the
    subtotals before the rows they sum up).
    """

    def __init__(self, book, name, columns, freeze_cols=1):
        self.sheet = book.workbook.add_worksheet(name[:31])
        self.formats = formats = book.formats
        self.columns = columns
        self.sheet.write(0, 0, name, formats["title"])
        self.sheet.write(1, 0, book.subtitle, formats["subtitle"])
        row = 3
        for col, column in enumerate(columns):
            self.sheet.set_column(col, col, column.width)
        if any(column.group for column in columns):
            self._write_groups(row)
            row += 1
        for col, column in enumerate(columns):
            self.sheet.write(row, col, column.label, formats["header"])
        self.header_row = row
        self.first_row = self.row = row + 1
        self.sheet.freeze_panes(self.first_row, freeze_cols)

    def _write_groups(self, row):
        start = 0
        for col in range(1, len(self.columns) + 1):
            group = self.columns[start].group
            if col < len(self.columns) and self.columns[col].group == group:
                continue
            if col - start > 1:
                self.sheet.merge_range(row, start, row, col - 1, group or "", self.formats["header"])
            else:
                self.sheet.write(row, start, group or "", self.formats["header"])
            start = col

    def write_row(self, values, style=None):
        """Write one row of values (one per column; ``None``/``False`` leave a blank)."""
        for col, (column, value) in enumerate(zip(self.columns, values, strict=True)):
            cell_format = self.formats[column.kind, style]
            if value is None or value is False:
                self.sheet.write_blank(self.row, col, None, cell_format)
            else:
                self.sheet.write(self.row, col, value, cell_format)
        self.row += 1

    def write_groups(self, groups, all_label, total_label):
        """Rows grouped by their first column: each group's subtotal row, then its rows, and
        the grand total at the end. ``groups`` maps a group's name to its rows, each the
        values from the second column on; numeric columns add up, others stay blank."""
        width = len(self.columns) - 2
        subtotals = []
        for name, rows in groups.items():
            subtotal = self._sums([row[1:] for row in rows], width)
            self.write_row([name, all_label, *subtotal], style="group")
            for row in rows:
                self.write_row([name, *row])
            subtotals.append(subtotal)
        self.write_row([total_label, None, *self._sums(subtotals, width)], style="total")

    @staticmethod
    def _sums(rows, width):
        if not rows:
            return [None] * width
        sums = []
        for values in zip(*rows, strict=True):
            numbers = [
                value for value in values if isinstance(value, int | float) and not isinstance(value, bool)
            ]
            sums.append(sum(numbers) if numbers and len(numbers) == len(values) else None)
        return sums

    def highlight_ratio(self, col, target=1.0, warning=0.9):
        """Red–amber–green fill of a ratio column against its target (1.0 = 100 %)."""
        if self.row == self.first_row:
            return
        last = self.row - 1
        for criteria, value, cell_format in (
            (">=", target, "good"),
            ("between", (warning, target), "warning"),
            ("<", warning, "bad"),
        ):
            rule = {"type": "cell", "criteria": criteria, "format": self.formats[cell_format]}
            if criteria == "between":
                rule.update(minimum=value[0], maximum=value[1])
            else:
                rule["value"] = value
            self.sheet.conditional_format(self.first_row, col, last, col, rule)

    def highlight_against_target(self, col, target_col):
        """Red fill where a value of ``col`` is below the target beside it, green where it
        reaches it (rows without a value or a target stay white)."""
        if self.row == self.first_row:
            return
        cell = xl_rowcol_to_cell(self.first_row, col, col_abs=True)
        target = xl_rowcol_to_cell(self.first_row, target_col, col_abs=True)
        for operator, cell_format in (("<", "bad"), (">=", "good")):
            self.sheet.conditional_format(
                self.first_row,
                col,
                self.row - 1,
                col,
                {
                    "type": "formula",
                    "criteria": f"=AND(ISNUMBER({cell}),ISNUMBER({target}),{cell}{operator}{target})",
                    "format": self.formats[cell_format],
                },
            )

    def close(self):
        """Put the autofilter over the header and the rows written."""
        self.sheet.autofilter(self.header_row, 0, max(self.row - 1, self.header_row), len(self.columns) - 1)


class VipReportXlsx(models.AbstractModel):
    """Shared base of the VIP XLSX reports: formats, sheets, scope and streaming.

    A report inherits it, and implements ``_vip_generate(book, scope, records)`` (``book``
    is a ``VipWorkbook`` to add sheets to); ``scope`` is the
    export wizard's record (period, managers, clients), or what the report builds from the
    records printed from their Print menu (``_vip_scope_from_records``).
    """

    _name = "report.vip_sales_report.xlsx_base"
    _inherit = ["report.report_xlsx.abstract"]
    _description = "VIP XLSX Report Base"

    def get_workbook_options(self):
        return {**super().get_workbook_options(), "constant_memory": True}

    def generate_xlsx_report(self, workbook, data, objs):
        # In the reader's language (labels, units, dates), whoever's context called it.
        lang = self.env.user.lang or self.env.lang
        self.with_context(lang=lang)._vip_write_workbook(workbook, objs.with_context(lang=lang))

    def _vip_write_workbook(self, workbook, objs):
        if objs._name == "vip.report.export":
            scope, records = objs, None
        else:
            scope, records = self._vip_scope_from_records(objs), objs
        scope.ensure_one()
        book = VipWorkbook(workbook, self._vip_formats(workbook), scope._vip_description())
        self._vip_generate(book, scope, records)

    def _vip_scope_from_records(self, records):
        """An export wizard record scoping the report to ``records`` (Print menu)."""
        raise NotImplementedError

    def _vip_generate(self, book, scope, records=None):
        """Write the report's sheets; ``records`` are those printed from their Print menu."""
        raise NotImplementedError

    def _vip_num_formats(self):
        """Number formats by column kind, in the user's language: the units are part of the
        format, so that the cells stay numbers that sum and filter."""
        lang = self.env["res.lang"]._get_data(code=self.env.lang or "en_US")
        date_format = self._vip_excel_date_format(lang.date_format)
        return {
            "text": None,
            "note": None,
            "date": date_format,
            "datetime": f"{date_format} {self._vip_excel_date_format(lang.time_format)}",
            "integer": "#,##0",
            "float": "#,##0.00",
            "money": self._report_xlsx_currency_format(self.env.company.currency_id),
            "percent": "0.0%",
            "percent_change": "+0.0%;-0.0%;0.0%",
            # Number formats with their unit, for the translators to put the unit in Russian.
            "area": self.env._('#,##0.00" m²"'),
            "weight": self.env._('#,##0.0" kg"'),
            "tonnage": self.env._('#,##0.000" t"'),
            "volume": self.env._('#,##0.000" m³"'),
            "hours": self.env._('#,##0.0" h"'),
            "days": self.env._('#,##0.0" d"'),
        }

    @staticmethod
    def _vip_excel_date_format(strftime_format):
        for directive, code in EXCEL_DATE_CODES.items():
            strftime_format = strftime_format.replace(directive, code)
        return strftime_format

    def _vip_formats(self, workbook):
        """Formats by ``(column kind, row style)``, plus the title, header and highlights."""
        base = {"font_name": "Arial", "font_size": 10, "valign": "top"}
        formats = {
            (kind, style): workbook.add_format(
                {
                    **base,
                    **KIND_PROPS.get(kind, {}),
                    **style_props,
                    **({"num_format": num_format} if num_format else {}),
                }
            )
            for kind, num_format in self._vip_num_formats().items()
            for style, style_props in ROW_STYLES.items()
        }
        formats.update(
            title=workbook.add_format({**base, "bold": True, "font_size": 14}),
            subtitle=workbook.add_format({**base, "italic": True, "font_color": "#555555"}),
            header=workbook.add_format(
                {
                    **base,
                    "bold": True,
                    "text_wrap": True,
                    "align": "center",
                    "valign": "vcenter",
                    "bg_color": "#1F3A5F",
                    "font_color": "#FFFFFF",
                    "border": 1,
                }
            ),
            good=workbook.add_format({"bg_color": "#C6EFCE", "font_color": "#006100"}),
            warning=workbook.add_format({"bg_color": "#FFEB9C", "font_color": "#9C5700"}),
            bad=workbook.add_format({"bg_color": "#FFC7CE", "font_color": "#9C0006"}),
        )
        return formats

    def _vip_local(self, value):
        """A UTC datetime of the database as the user's local time, for a cell."""
        return value and fields.Datetime.context_timestamp(self, value).replace(tzinfo=None)

    def _vip_selection_label(self, model_name, field_name, value):
        return dict(self.env[model_name]._fields[field_name]._description_selection(self.env)).get(value)

    def _vip_month_label(self, month):
        return format_date(self.env, month, date_format="LLLL yyyy").capitalize()
