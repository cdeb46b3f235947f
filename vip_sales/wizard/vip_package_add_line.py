from odoo import api, fields, models


class VipPackageAddLine(models.TransientModel):
    _name = "vip.package.add.line"
    _description = "Package Offer to Add"

    wizard_id = fields.Many2one("vip.package.add", required=True, index=True, ondelete="cascade")
    package_id = fields.Many2one("vip.product.package", string="Package Offer", required=True)
    quantity = fields.Integer(string="Sets", default=1, required=True)
    color_value_id = fields.Many2one(
        "product.attribute.value",
        string="Colour",
        domain="[('id', 'in', available_color_value_ids)]",
        help="Colour of this package; empty: the colour chosen for all packages.",
    )
    available_color_value_ids = fields.Many2many(
        "product.attribute.value", string="Available Colours", compute="_compute_available_color_value_ids"
    )
    discount = fields.Float(related="package_id.discount")

    @api.depends("package_id")
    def _compute_available_color_value_ids(self):
        for line in self:
            package = line.package_id
            line.available_color_value_ids = (
                package.color_value_ids or package.line_ids.product_tmpl_id.attribute_line_ids.value_ids
            )

    def _vip_color(self):
        """The colour this package is added in: its own, or the one for all packages."""
        self.ensure_one()
        return self.color_value_id or self.wizard_id.color_value_id
