from odoo import fields, models


class SaleOrder(models.Model):
    _inherit = "sale.order"

    vip_free_delivery = fields.Boolean(
        string="Free Delivery",
        tracking=True,
        help="Delivery is offered to the client at no charge: a special term that needs the "
        "approval of the head of sales.",
    )
