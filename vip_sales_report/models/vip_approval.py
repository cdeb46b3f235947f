from odoo import fields, models


class VipApproval(models.Model):
    _inherit = "vip.approval"

    requested_date = fields.Datetime(
        string="Requested On",
        readonly=True,
        help="When the special terms this decision answers were submitted: the proposal analysis "
        "measures the time the head of sales took to decide.",
    )
