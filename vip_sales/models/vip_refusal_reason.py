from odoo import fields, models


class VipRefusalReason(models.Model):
    _name = "vip.refusal.reason"
    _description = "Refusal Reason"
    _order = "sequence, id"

    name = fields.Char(string="Reason", required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", index=True, help="Leave empty to offer the reason in every company."
    )
