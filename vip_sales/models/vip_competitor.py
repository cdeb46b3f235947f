from odoo import fields, models


class VipCompetitor(models.Model):
    _name = "vip.competitor"
    _description = "Competing Brand"
    _order = "name, id"

    name = fields.Char(string="Brand", required=True)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company",
        index=True,
        default=lambda self: self.env.company,
        help="Leave empty to share the brand between all companies.",
    )
    website = fields.Char()
    color = fields.Integer()
    notes = fields.Text()
    presence_ids = fields.One2many("vip.store.competitor", "competitor_id", string="Presence in Stores")

    _name_company_uniq = models.Constraint(
        "UNIQUE NULLS NOT DISTINCT (name, company_id)",
        "A competing brand with this name already exists.",
    )
