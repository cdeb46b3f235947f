from odoo import fields, models


class VipNoOrderReason(models.Model):
    _name = "vip.no.order.reason"
    _description = "No-Order Reason"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    description = fields.Text(translate=True)

    _unique_name = models.Constraint("UNIQUE(name)", "This no-order reason already exists.")
