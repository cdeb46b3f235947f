from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..tools import ru_requisites


class ResPartnerBank(models.Model):
    _inherit = "res.partner.bank"

    vip_bik = fields.Char(related="bank_id.vip_bik")
    vip_corr_account = fields.Char(related="bank_id.vip_corr_account")

    @api.constrains("acc_number", "bank_id")
    def _check_vip_account(self):
        for account in self:
            bik = account.bank_id.vip_bik
            if bik and not ru_requisites.is_valid_settlement_account(account.sanitized_acc_number, bik):
                raise ValidationError(
                    self.env._(
                        "The account %(account)s does not match the BIK %(bik)s of its bank %(bank)s: "
                        "a settlement account has 20 digits, and its key is checked against the BIK.",
                        account=account.acc_number,
                        bik=bik,
                        bank=account.bank_id.name,
                    )
                )

    def _vip_is_russian_account(self):
        """A valid settlement account at a Russian bank with its BIK and correspondent account."""
        self.ensure_one()
        bank = self.bank_id
        return bool(
            bank.vip_corr_account
            and ru_requisites.is_valid_settlement_account(self.sanitized_acc_number, bank.vip_bik)
        )

    # The bank accounts are part of the client card: same access as the card's fields. (Odoo
    # archives an account instead of deleting it, which goes through write.)
    @api.model_create_multi
    def create(self, vals_list):
        accounts = super().create(vals_list)
        accounts.partner_id._vip_check_card_access()
        return accounts

    def write(self, vals):
        self.partner_id._vip_check_card_access()
        result = super().write(vals)
        if "partner_id" in vals:
            self.partner_id._vip_check_card_access()
        return result
