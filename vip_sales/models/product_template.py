from odoo import api, fields, models


class ProductTemplate(models.Model):
    _inherit = "product.template"

    vip_carton_ids = fields.One2many("vip.product.carton", "product_tmpl_id", string="Cartons", copy=True)
    vip_shipping_weight = fields.Float(
        string="Shipping Weight (kg)",
        digits="Stock Weight",
        compute="_compute_vip_shipping",
        help="Gross weight of one unit as shipped: the sum over its cartons, or the weight when "
        "it has no cartons.",
    )
    vip_shipping_volume = fields.Float(
        string="Shipping Volume (m³)",
        digits=(16, 6),
        compute="_compute_vip_shipping",
        help="Volume of one unit as shipped: the sum over its cartons (length × width × height), "
        "or the volume when it has no cartons.",
    )
    vip_carton_count = fields.Integer(
        string="Cartons per Unit",
        compute="_compute_vip_shipping",
        help="Number of cartons one unit ships in; a product without cartons counts as one.",
    )
    vip_production_days = fields.Integer(
        string="Production Lead Time (days)",
        help="How many days the factory needs to make what is neither in stock nor on its way: "
        "a proposal short of it can ship that many days from today. 0: not known, the "
        "proposal shows no shipping date for it.",
    )

    _check_vip_production_days = models.Constraint(
        "CHECK(vip_production_days >= 0)", "The production lead time cannot be negative."
    )

    @api.depends(
        "weight",
        "volume",
        "vip_carton_ids.product_id",
        "vip_carton_ids.gross_weight",
        "vip_carton_ids.length",
        "vip_carton_ids.width",
        "vip_carton_ids.height",
    )
    def _compute_vip_shipping(self):
        # The template shows the cartons shared by all its variants.
        for template in self:
            cartons = template.vip_carton_ids.filtered(lambda c: not c.product_id)
            template.vip_shipping_weight, template.vip_shipping_volume, template.vip_carton_count = (
                cartons._vip_totals() if cartons else (template.weight, template.volume, 1)
            )
