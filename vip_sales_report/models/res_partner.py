from odoo import models


class ResPartner(models.Model):
    _inherit = "res.partner"

    def action_vip_open_best_sellers(self):
        """The best sellers of the client's tier, marking the products the client already buys."""
        self.ensure_one()
        client = self.commercial_partner_id
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "vip_sales_report.vip_best_seller_action_client"
        )
        action["display_name"] = self.env._("Best Sellers: %(client)s", client=client.display_name)
        action["domain"] = [("tier_id", "=", client.vip_tier_id.id)]
        # Another manager's client: the tier's best sellers, without what the client buys.
        action["context"] = {"vip_client_id": client.id} if client._vip_may_see_purchases() else {}
        return action

    def _vip_may_see_purchases(self):
        """Whether the current user may see what this client buys: its VIP manager or the head."""
        self.ensure_one()
        return self.env.user.has_group("vip_sales.group_vip_head") or self.vip_manager_id == self.env.user
