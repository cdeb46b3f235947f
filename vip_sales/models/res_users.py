from odoo import api, models


class ResUsers(models.Model):
    _inherit = "res.users"

    @api.model
    def _vip_manager_domain(self):
        """The users who may own VIP clients and their plans, visits and trips."""
        return [("all_group_ids", "in", self.env.ref("vip_sales.group_vip_manager").id)]
