from odoo import api, fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    vip_tier_id = fields.Many2one(
        "vip.tier",
        string="VIP Tier",
        index="btree_not_null",
        tracking=True,
        ondelete="restrict",
        help="A client with a tier is a VIP client, handled by a VIP manager.",
    )
    is_vip = fields.Boolean(string="Is a VIP Client", compute="_compute_is_vip", store=True, index=True)
    vip_manager_id = fields.Many2one(
        "res.users",
        string="VIP Manager",
        index="btree_not_null",
        tracking=True,
        domain=lambda self: [("all_group_ids", "in", self.env.ref("vip_sales.group_vip_manager").id)],
        help="The owner of the VIP client: the manager who handles it.",
    )
    vip_since = fields.Date(string="VIP Since", tracking=True)

    @api.depends("vip_tier_id")
    def _compute_is_vip(self):
        for partner in self:
            partner.is_vip = bool(partner.vip_tier_id)

    @api.model
    def _commercial_fields(self):
        # Contacts show (and are searched by) their company's VIP data.
        return [*super()._commercial_fields(), "vip_tier_id", "vip_manager_id", "vip_since"]
