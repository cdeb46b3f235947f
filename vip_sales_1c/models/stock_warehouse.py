from odoo import fields, models


class StockWarehouse(models.Model):
    _inherit = "stock.warehouse"

    vip_1c_id = fields.Char(
        string="1C Warehouse ID",
        copy=False,
        help="Ид of the warehouse (Склад) in 1C whose stock the exchange brings here.",
    )

    _vip_1c_id_unique = models.UniqueIndex("(vip_1c_id, company_id) WHERE vip_1c_id IS NOT NULL")
