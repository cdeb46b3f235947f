from odoo import fields, models


class ProductProduct(models.Model):
    _inherit = "product.product"

    vip_1c_id = fields.Char(
        string="1C Characteristic ID",
        copy=False,
        index="btree_not_null",
        help="Ид of the characteristic in 1C (product Ид#characteristic Ид) that this variant is.",
    )

    # A variant takes its company from its template, whose own 1C Ид starts its own.
    _vip_1c_id_unique = models.UniqueIndex("(vip_1c_id, product_tmpl_id) WHERE vip_1c_id IS NOT NULL")
