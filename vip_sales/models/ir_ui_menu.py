from odoo import api, fields, models


class IrUiMenu(models.Model):
    _inherit = "ir.ui.menu"

    @api.model
    def load_menus(self, debug):
        """For a head of sales, "To Approve" is the first menu of VIP Sales (the app opens on
        it, and it never hides in the menu bar's overflow); a manager keeps his order."""
        menus = super().load_menus(debug)
        if not self.env.user.has_group("vip_sales.group_vip_head"):
            return menus
        root = self.env.ref("vip_sales.vip_sales_menu_root", raise_if_not_found=False)
        to_approve = self.env.ref("vip_sales.vip_sales_menu_to_approve", raise_if_not_found=False)
        if not root or not to_approve or root.id not in menus:
            return menus
        children = menus[root.id]["children"]
        if to_approve.id not in children:
            return menus
        # The cached menus are shared: the app's entry is replaced, not changed in place.
        menus = dict(menus)
        menus[root.id] = {
            **menus[root.id],
            "children": [to_approve.id, *(child for child in children if child != to_approve.id)],
        }
        return menus

    @api.model
    def vip_menu_counters(self):
        """Counters shown beside the menus of VIP Sales, by menu xml id.

        "Today's Tasks" counts the user's tasks that are overdue or due today (what the menu
        lists); "To Approve" shows the requests of every kind that await the user's decision,
        its entries their own counts (``_vip_to_approve_counters``).
        """
        counters = self._vip_to_approve_counters()
        if requests := counters.get("vip_sales.vip_approval_request_menu"):
            counters["vip_sales.vip_sales_menu_to_approve"] = requests
        tasks = self.env["mail.activity"].search_count(
            [("user_id", "=", self.env.uid), ("date_deadline", "<=", fields.Date.context_today(self))]
        )
        if tasks:
            counters["vip_sales.mail_activity_menu_vip_today"] = tasks
        return counters

    @api.model
    def _vip_to_approve_counters(self):
        """Requests asked to this user, proposals and business trips awaiting a decision of this
        head of sales (a head does not decide on their own trip)."""
        requests = self.env["vip.approval.request"].search_count(
            [("state", "=", "pending"), ("approver_ids", "in", self.env.uid)]
        )
        if not self.env.user.has_group("vip_sales.group_vip_head"):
            return {"vip_sales.vip_approval_request_menu": requests} if requests else {}
        proposals = self.env["sale.order"].search_count(
            [("vip_approval_state", "=", "to_approve"), ("state", "in", ("draft", "sent"))]
        )
        trips = self.env["vip.trip"].search_count(
            [("state", "=", "submitted"), ("user_id", "!=", self.env.uid)]
        )
        return {
            "vip_sales.vip_approval_request_menu": requests,
            "vip_sales.sale_order_menu_vip_to_approve": proposals,
            "vip_sales.vip_trip_menu_to_approve": trips,
        }
