from odoo import fields, models

# Values of a weekday as ``date.weekday()`` gives them (0 is Monday).
WEEKDAYS = [
    ("0", "Monday"),
    ("1", "Tuesday"),
    ("2", "Wednesday"),
    ("3", "Thursday"),
    ("4", "Friday"),
    ("5", "Saturday"),
    ("6", "Sunday"),
]


class ResCompany(models.Model):
    _inherit = "res.company"

    vip_weekly_report = fields.Boolean(
        string="Send the Weekly Manager Reports",
        default=True,
        help="Every week, each VIP manager's report of the previous week (Monday to Sunday) is "
        "mailed to the heads of sales and to the manager, with the workbook attached.",
    )
    vip_weekly_report_day = fields.Selection(
        WEEKDAYS,
        string="Send On",
        default="0",
        required=True,
        help="The weekday, in the company's timezone, on which the reports of the previous week are sent.",
    )
