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
        action["context"] = {} if client._vip_not_own_clients() else {"vip_client_id": client.id}
        return action
