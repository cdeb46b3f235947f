import math

from odoo import api, fields, models


def cartons_for(carton_count, quantity):
    """Cartons that ``quantity`` units of ``carton_count`` cartons each ship in; a started unit
    counts whole."""
    return math.ceil(round(carton_count * quantity, 6))


class ProductProduct(models.Model):
    _inherit = "product.product"

    # Stored on the variant so that order totals read them in one query for all lines.
    vip_shipping_weight = fields.Float(
        string="Shipping Weight (kg)",
        digits="Stock Weight",
        compute="_compute_vip_shipping",
        store=True,
        help="Gross weight of one unit as shipped: the sum over its cartons, or the weight when "
        "it has no cartons.",
    )
    vip_shipping_volume = fields.Float(
        string="Shipping Volume (m³)",
        digits=(16, 6),
        compute="_compute_vip_shipping",
        store=True,
        help="Volume of one unit as shipped: the sum over its cartons (length × width × height), "
        "or the volume when it has no cartons.",
    )
    vip_carton_count = fields.Integer(
        string="Cartons per Unit",
        compute="_compute_vip_shipping",
        store=True,
        help="Number of cartons one unit ships in; a product without cartons counts as one.",
    )

    @api.depends(
        "weight",
        "volume",
        "product_tmpl_id.vip_carton_ids.product_id",
        "product_tmpl_id.vip_carton_ids.gross_weight",
        "product_tmpl_id.vip_carton_ids.length",
        "product_tmpl_id.vip_carton_ids.width",
        "product_tmpl_id.vip_carton_ids.height",
    )
    def _compute_vip_shipping(self):
        for product in self:
            cartons = product.product_tmpl_id.vip_carton_ids
            own = cartons.filtered(lambda c, product=product: c.product_id == product)
            cartons = own or cartons.filtered(lambda c: not c.product_id)
            product.vip_shipping_weight, product.vip_shipping_volume, product.vip_carton_count = (
                cartons._vip_totals() if cartons else (product.weight, product.volume, 1)
            )

    def _vip_cartons_for(self, quantity):
        """Cartons that ``quantity`` units (in the product's unit) ship in; a started unit counts."""
        self.ensure_one()
        return cartons_for(self.vip_carton_count, quantity)
