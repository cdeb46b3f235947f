from odoo import api, fields, models


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

    @api.depends("vip_package_discount")
    def _compute_discount(self):
        res = super()._compute_discount()
        # A line of a package offer keeps the package's discount when its quantity changes.
        for line in self.filtered("vip_package_discount"):
            line.discount = line.vip_package_discount
        return res

    def _vip_shipped_lines(self):
        """The lines of goods that travel: no section or note, delivery, service or combo line."""
        return self.filtered(
            lambda line: (
                not line.display_type
                and not line.is_delivery
                and line.product_id.type == "consu"
                and line.product_uom_qty > 0
            )
        )
