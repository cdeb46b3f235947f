from odoo import api, models


class IrUiMenu(models.Model):
    _inherit = "ir.ui.menu"

    @api.model
    def vip_menu_counters(self):
        """Counters shown beside the menus of VIP Sales, by menu xml id.

        The "To Approve" menu shows the total of its entries. Another approval (business trips,
        ...) adds its entry by extending ``_vip_to_approve_counters``.
        """
        counters = self._vip_to_approve_counters()
        if counters:
            counters["vip_sales.vip_sales_menu_to_approve"] = sum(counters.values())
        return counters

    @api.model
    def _vip_to_approve_counters(self):
        if not self.env.user.has_group("vip_sales.group_vip_head"):
            return {}
        count = self.env["sale.order"].search_count(
            [("vip_approval_state", "=", "to_approve"), ("state", "in", ("draft", "sent"))]
        )
        return {"vip_sales.sale_order_menu_vip_to_approve": count}
