from odoo import models


class PaymentTransaction(models.Model):
    _inherit = "payment.transaction"

    def _check_amount_and_confirm_order(self):
        # Paying a VIP proposal in the portal is the client's acceptance of its lines.
        for tx in self.filtered(lambda tx: len(tx.sale_order_ids) == 1):
            quotation = tx.sale_order_ids.filtered(
                lambda o: (
                    o.vip_is_vip_client and o.state in ("draft", "sent") and not o._vip_awaits_approval()
                )
            )
            if quotation and quotation._is_confirmation_amount_reached():
                quotation._vip_record_nomenclature_agreement("portal", tx.partner_id)
        # A quotation paid while its special terms await approval, or that cannot be confirmed
        # yet (card, shortage), is not confirmed, and payment processing does not fail on it:
        # its salesperson confirms it once it can be.
        held = self.filtered(
            lambda tx: any(
                order._vip_awaits_approval()
                or (order.state in ("draft", "sent") and order._confirmation_error_message())
                for order in tx.sale_order_ids
            )
        )
        return super(PaymentTransaction, self - held)._check_amount_and_confirm_order()
