from odoo import fields, models


class SaleOrder(models.Model):
    _inherit = "sale.order"

    vip_free_delivery = fields.Boolean(
        string="Free Delivery",
        tracking=True,
        help="Delivery is offered to the client at no charge: a special term that needs the "
        "approval of the head of sales.",
    )

    # ------------------------------------------------------------------
    # VIP client: orders counted per client company (no-order watch), and no
    # confirmation while the client's card is less complete than its tier requires
    # ------------------------------------------------------------------

    vip_commercial_partner_id = fields.Many2one(
        related="partner_id.commercial_partner_id",
        string="Client Company",
        store=True,
        index=True,
        help="The client company of the customer, whose last order the VIP client card shows.",
    )

    def _confirmation_error_message(self):
        return super()._confirmation_error_message() or self._vip_card_error_message()

    def _has_to_be_signed(self):
        # In the portal, the client is offered neither signing nor paying while the card is
        # incomplete: it never meets the server error of the confirmation.
        return super()._has_to_be_signed() and not self._vip_card_error_message()

    def _has_to_be_paid(self):
        return super()._has_to_be_paid() and not self._vip_card_error_message()

    def _vip_card_error_message(self):
        """Why the order cannot be confirmed yet for its VIP client's card, or False."""
        self.ensure_one()
        client = self.partner_id.commercial_partner_id
        minimum = client.vip_tier_id.min_card_completeness
        if not client.is_vip or client.vip_card_completeness >= minimum:
            return False
        return self.env._(
            "The order cannot be confirmed: the card of the VIP client %(client)s is %(completeness)s%% "
            "complete, and its tier %(tier)s requires %(minimum)s%%. Missing: %(missing)s.",
            client=client.display_name,
            completeness=client.vip_card_completeness,
            tier=client.vip_tier_id.name,
            minimum=minimum,
            missing=client.vip_card_missing,
        )
