from odoo import api, models

# Where each role starts its day: the head on what waits for his decision, a manager on the
# tasks the night scheduled.
HOME_ACTIONS = (
    ("vip_sales.group_vip_head", "vip_sales.vip_approval_request_action"),
    ("vip_sales.group_vip_manager", "vip_sales.mail_activity_action_vip_today"),
)


class ResUsers(models.Model):
    _inherit = "res.users"

    @api.model
    def _vip_manager_domain(self):
        """The users who may own VIP clients and their plans, visits and trips."""
        return [("all_group_ids", "in", self.env.ref("vip_sales.group_vip_manager").id)]

    @api.model_create_multi
    def create(self, vals_list):
        users = super().create(vals_list)
        users._vip_set_home_action()
        return users

    def write(self, vals):
        res = super().write(vals)
        if "group_ids" in vals:
            self._vip_set_home_action()
        return res

    def _vip_set_home_action(self):
        """A VIP user without a home action of his own starts in VIP Sales, on his role's
        screen, instead of Discuss."""
        for user in self.filtered(lambda u: not u.action_id and not u.share):
            for group, action in HOME_ACTIONS:
                if user.has_group(group):
                    user.sudo().action_id = self.env.ref(action).id
                    break
