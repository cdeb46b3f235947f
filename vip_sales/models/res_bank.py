from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.fields import Domain

from ..tools import ru_requisites


class ResBank(models.Model):
    """Russian banks: their БИК and correspondent account.

    They belong to the bank, not to each client's account (as in 1C's bank directory), so a
    bank is entered once and every account at it is checked against its БИК. Odoo's own
    ``bic`` stays the SWIFT code.
    """

    _inherit = "res.bank"

    vip_bik = fields.Char(
        string="BIK",
        index="btree_not_null",
        help="Russian bank identification code (БИК, 9 digits). The BIC field above is the SWIFT code.",
    )
    vip_corr_account = fields.Char(
        string="Correspondent Account",
        help="The bank's correspondent account at the Bank of Russia (20 digits, 30101...).",
    )

    @api.model
    def _search_display_name(self, operator, value):
        # A Russian bank is also found by its БИК.
        domain = super()._search_display_name(operator, value)
        if operator == "ilike" and value:
            domain = Domain(domain) | Domain("vip_bik", "=like", value + "%")
        return domain

    @api.constrains("vip_bik", "vip_corr_account")
    def _check_vip_bik(self):
        for bank in self:
            if bank.vip_bik and not ru_requisites.is_valid_bik(bank.vip_bik):
                raise ValidationError(
                    self.env._(
                        "The BIK %(bik)s of the bank %(bank)s is not valid: it has 9 digits, the "
                        "first being 0.",
                        bik=bank.vip_bik,
                        bank=bank.name,
                    )
                )
            if bank.vip_corr_account and not ru_requisites.is_valid_correspondent_account(
                bank.vip_corr_account, bank.vip_bik
            ):
                raise ValidationError(
                    self.env._(
                        "The correspondent account %(account)s of the bank %(bank)s does not match its "
                        "BIK %(bik)s: it has 20 digits, starts with 30101, ends with the last 3 digits "
                        "of the BIK, and its key is checked against the BIK.",
                        account=bank.vip_corr_account,
                        bank=bank.name,
                        bik=bank.vip_bik or "-",
                    )
                )
        # The accounts at a bank must still match its (new) BIK.
        self.env["res.partner.bank"].search([("bank_id", "in", self.ids)])._check_vip_account()
