from odoo import fields, models


class ProductTemplate(models.Model):
    _inherit = "product.template"

    vip_1c_id = fields.Char(
        string="1C ID",
        copy=False,
        index="btree_not_null",
        help="Ид of the product in 1C: the next exchange updates this product, never duplicates it.",
    )

    _vip_1c_id_unique = models.UniqueIndex("(vip_1c_id, COALESCE(company_id, 0)) WHERE vip_1c_id IS NOT NULL")
