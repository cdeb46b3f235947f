from odoo import api, fields, models
from odoo.exceptions import ValidationError


class VipProductPackageLine(models.Model):
    _name = "vip.product.package.line"
    _description = "Package Offer Line"
    _order = "package_id, sequence, id"
    _check_company_auto = True

    package_id = fields.Many2one(
        "vip.product.package", string="Package Offer", required=True, index=True, ondelete="cascade"
    )
    sequence = fields.Integer(default=10)
    company_id = fields.Many2one(related="package_id.company_id", store=True)
    product_tmpl_id = fields.Many2one(
        "product.template",
        string="Product",
        required=True,
        check_company=True,
        domain="[('sale_ok', '=', True)]",
        help="The variant in the colour chosen for the order is added.",
    )
    product_id = fields.Many2one(
        "product.product",
        string="Variant",
        check_company=True,
        domain="[('product_tmpl_id', '=', product_tmpl_id)]",
        help="A fixed variant, added whatever colour is chosen for the order.",
    )
    quantity = fields.Float(digits="Product Unit", default=1.0, required=True)
    uom_id = fields.Many2one(related="product_tmpl_id.uom_id", string="Unit")
    currency_id = fields.Many2one(related="package_id.currency_id")
    weight = fields.Float(string="Weight (kg)", digits="Stock Weight", compute="_compute_totals")
    volume = fields.Float(string="Volume (m³)", digits=(16, 3), compute="_compute_totals")
    carton_count = fields.Integer(string="Cartons", compute="_compute_totals")
    list_price = fields.Monetary(compute="_compute_totals")

    _check_quantity = models.Constraint(
        "CHECK(quantity > 0)",
        "The quantity of a product in a package offer must be greater than zero.",
    )

    @api.depends(
        "quantity",
        "product_id.vip_shipping_weight",
        "product_id.vip_shipping_volume",
        "product_id.vip_carton_count",
        "product_id.lst_price",
        "product_tmpl_id.product_variant_id",
        "product_tmpl_id.list_price",
    )
    def _compute_totals(self):
        # A line without a fixed variant is measured on the template's first variant: colour
        # variants share their cartons unless one overrides them.
        for line in self:
            product = line.product_id or line.product_tmpl_id.product_variant_id
            line.weight = product.vip_shipping_weight * line.quantity
            line.volume = product.vip_shipping_volume * line.quantity
            line.carton_count = product._vip_cartons_for(line.quantity) if product else 0
            line.list_price = (product.lst_price if line.product_id else line.product_tmpl_id.list_price) * (
                line.quantity
            )

    @api.constrains("product_id", "product_tmpl_id")
    def _check_product_id(self):
        for line in self:
            if line.product_id and line.product_id.product_tmpl_id != line.product_tmpl_id:
                raise ValidationError(
                    self.env._(
                        "%(variant)s is not a variant of %(product)s.",
                        variant=line.product_id.display_name,
                        product=line.product_tmpl_id.display_name,
                    )
                )

    @api.onchange("product_tmpl_id")
    def _onchange_product_tmpl_id(self):
        if self.product_id.product_tmpl_id != self.product_tmpl_id:
            self.product_id = False
