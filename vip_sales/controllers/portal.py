from odoo import http
from odoo.exceptions import AccessError, MissingError
from odoo.http import request

from odoo.addons.sale.controllers import portal


class CustomerPortal(portal.CustomerPortal):
    @http.route()
    def portal_order_page(self, order_id, **kw):
        order_sudo = self._vip_order_sudo(order_id, kw.get("access_token"))
        if order_sudo:
            if request.env.user.share:  # the client (portal or link), never an internal user
                order_sudo._vip_mark_viewed()
            if order_sudo._vip_awaits_approval():
                # The page says the proposal awaits approval: no printout, no payment link.
                if kw.get("report_type") in ("html", "pdf", "text"):
                    return request.redirect(order_sudo.get_portal_url())
                kw["payment_amount"] = None
        return super().portal_order_page(order_id, **kw)

    @http.route()
    def portal_quote_decline(self, order_id, access_token=None, decline_message=None, **kwargs):
        order_sudo = self._vip_order_sudo(order_id, access_token)
        # Same condition as the decline itself: the refusal is the client's, with their words.
        if order_sudo and order_sudo.vip_is_vip_client and order_sudo._has_to_be_signed() and decline_message:
            order_sudo.write(
                {
                    "vip_refusal_reason_id": request.env.ref(
                        "vip_sales.vip_refusal_reason_client_declined"
                    ).id,
                    "vip_refusal_comment": decline_message,
                }
            )
        return super().portal_quote_decline(
            order_id, access_token=access_token, decline_message=decline_message, **kwargs
        )

    def _vip_order_sudo(self, order_id, access_token):
        try:
            return self._document_check_access("sale.order", order_id, access_token=access_token)
        except (AccessError, MissingError):
            return None
