from odoo import fields, models


class ProductPricelist(models.Model):
    _inherit = "product.pricelist"

    vip_1c_id = fields.Char(
        string="1C Price Type ID",
        copy=False,
        index="btree_not_null",
        help="Ид of the price type (ТипЦены) in 1C whose prices this pricelist holds.",
    )

    _vip_1c_id_unique = models.UniqueIndex("(vip_1c_id, COALESCE(company_id, 0)) WHERE vip_1c_id IS NOT NULL")
