from odoo import api, fields, models
from odoo.exceptions import ValidationError


class VipProductCarton(models.Model):
    _name = "vip.product.carton"
    _description = "Product Carton"
    _order = "product_tmpl_id, sequence, id"

    sequence = fields.Integer(default=10)
    name = fields.Char(string="Description", required=True, translate=True)
    product_tmpl_id = fields.Many2one(
        "product.template", string="Product", required=True, index=True, ondelete="cascade"
    )
    product_id = fields.Many2one(
        "product.product",
        string="Variant",
        index="btree_not_null",
        ondelete="cascade",
        domain="[('product_tmpl_id', '=', product_tmpl_id)]",
        help="Leave empty for the cartons of every variant. A variant that has cartons of its own "
        "ships in those only (e.g. a wider bed in longer cartons).",
    )
    company_id = fields.Many2one(related="product_tmpl_id.company_id", store=True, index="btree_not_null")
    # pylint-odoo takes any attribute named "length" for the pre-8.0 API; this one is a field.
    length = fields.Float(string="Length (cm)", digits=(16, 1), required=True)  # pylint: disable=attribute-deprecated
    width = fields.Float(string="Width (cm)", digits=(16, 1), required=True)
    height = fields.Float(string="Height (cm)", digits=(16, 1), required=True)
    gross_weight = fields.Float(string="Gross Weight (kg)", digits="Stock Weight", required=True)
    volume = fields.Float(string="Volume (m³)", digits=(16, 6), compute="_compute_volume", store=True)

    _check_positive = models.Constraint(
        "CHECK(length > 0 AND width > 0 AND height > 0 AND gross_weight > 0)",
        "The dimensions and the gross weight of a carton must be greater than zero.",
    )

    @api.depends("length", "width", "height")
    def _compute_volume(self):
        for carton in self:
            carton.volume = carton._vip_volume()

    @api.constrains("product_id", "product_tmpl_id")
    def _check_product_id(self):
        for carton in self:
            if carton.product_id and carton.product_id.product_tmpl_id != carton.product_tmpl_id:
                raise ValidationError(
                    self.env._(
                        "The carton %(carton)s is for the variant %(variant)s, which is not a variant "
                        "of %(product)s.",
                        carton=carton.name,
                        variant=carton.product_id.display_name,
                        product=carton.product_tmpl_id.display_name,
                    )
                )

    def _vip_volume(self):
        """Volume in m³ from the dimensions in cm, unrounded."""
        self.ensure_one()
        return self.length * self.width * self.height / 1_000_000.0

    def _vip_totals(self):
        """Gross weight (kg), volume (m³) and number of the cartons of ``self``, summed."""
        return sum(self.mapped("gross_weight")), sum(c._vip_volume() for c in self), len(self)
