from odoo import fields, models


class SaleOrderLine(models.Model):
    _inherit = "sale.order.line"

    vip_package_discount = fields.Float(
        string="Package Discount (%)",
        digits="Discount",
        readonly=True,
        copy=True,
        help="Discount of the package offer this line came from: set by the head of sales in "
        "the package, it is pre-approved. Only a higher discount on the line needs approval.",
    )
