from odoo import fields, models

PAYMENT_STATES = [("not_paid", "Not Paid"), ("paid", "Paid")]
SHIPMENT_STATES = [("not_shipped", "Not Shipped"), ("shipped", "Shipped")]


class SaleOrder(models.Model):
    _inherit = "sale.order"

    vip_1c_id = fields.Char(string="1C Document ID", copy=False, index="btree_not_null", readonly=True)
    vip_1c_number = fields.Char(
        string="1C Number", copy=False, readonly=True, help="Number of the order in 1C."
    )
    vip_1c_posted = fields.Boolean(string="Posted in 1C", copy=False, readonly=True)
    vip_1c_payment_state = fields.Selection(PAYMENT_STATES, string="Payment in 1C", copy=False, readonly=True)
    vip_1c_shipment_state = fields.Selection(
        SHIPMENT_STATES, string="Shipment in 1C", copy=False, readonly=True
    )
    vip_1c_status = fields.Char(string="Status in 1C", copy=False, readonly=True)
    vip_1c_exported_date = fields.Datetime(
        string="Sent to 1C",
        copy=False,
        readonly=True,
        help="When 1C last confirmed it took the order; a change after that sends it again.",
    )
