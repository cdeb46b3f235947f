from odoo import fields, models


class ProductCategory(models.Model):
    _inherit = "product.category"

    # A category has no company: the 1C group Ид is unique in the database.
    vip_1c_id = fields.Char(string="1C ID", copy=False, index="btree_not_null", help="Ид of the group in 1C.")

    _vip_1c_id_unique = models.UniqueIndex("(vip_1c_id) WHERE vip_1c_id IS NOT NULL")
