from odoo import models


class PaymentTransaction(models.Model):
    _inherit = "payment.transaction"

    def _check_amount_and_confirm_order(self):
        # A quotation paid while its special terms await approval is not confirmed (and
        # payment processing does not fail on it): its salesperson confirms it once approved.
        held = self.filtered(lambda tx: any(order._vip_awaits_approval() for order in tx.sale_order_ids))
        return super(PaymentTransaction, self - held)._check_amount_and_confirm_order()
