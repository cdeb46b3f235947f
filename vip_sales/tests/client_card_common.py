from datetime import timedelta

from odoo import Command, fields

from .common import VipSalesCommon

# Real requisites, with right check digits (ПАО Сбербанк), and the same with one digit wrong.
INN_LEGAL = "7707083893"
INN_LEGAL_BAD = "7707083894"
INN_SOLE_TRADER = "500100732259"
INN_SOLE_TRADER_BAD = "500100732258"
KPP = "773601001"
OGRN = "1027700132195"
OGRN_BAD = "1027700132196"
OGRNIP = "304500116000157"
OGRNIP_BAD = "304500116000158"
BIK_SBERBANK = "044525225"
CORR_SBERBANK = "30101810400000000225"
BIK_VTB = "044525187"
CORR_VTB = "30101810700000000187"
# A settlement account whose key matches the Sberbank БИК, and one whose key does not.
ACCOUNT_SBERBANK = "40702810938000012345"
ACCOUNT_SBERBANK_BAD = "40702810938000012346"


class VipClientCardCommon(VipSalesCommon):
    """Russian clients, a Russian bank and a product, for the client card features."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.ru = cls.env.ref("base.ru")
        cls.client1.country_id = cls.ru
        cls.client2.country_id = cls.ru
        cls.sberbank = cls.env["res.bank"].create(
            {
                "name": "Sberbank",
                "vip_bik": BIK_SBERBANK,
                "vip_corr_account": CORR_SBERBANK,
                "country": cls.ru.id,
            }
        )
        cls.product = cls.env["product.product"].create({"name": "Sofa Bergamo", "list_price": 1000.0})
        cls.today = fields.Date.context_today(cls.env["res.partner"])

    @classmethod
    def _complete_card(cls, partner, sole_trader=False):
        """Fill every item of the card of ``partner`` (as superuser)."""
        partner.write(
            {
                "country_id": cls.ru.id,
                "vip_legal_name": f"{partner.name} (legal name)",
                "vat": INN_SOLE_TRADER if sole_trader else INN_LEGAL,
                "vip_kpp": False if sole_trader else KPP,
                "vip_ogrn": OGRNIP if sole_trader else OGRN,
                "street": "Lenina 1",
                "city": "Moscow",
                "zip": "101000",
                "vip_contract_ref": "C-1",
                "vip_contract_date": cls.today,
                "vip_1c_code": "00-0001",
                "bank_ids": [Command.create({"acc_number": ACCOUNT_SBERBANK, "bank_id": cls.sberbank.id})],
                "child_ids": [
                    Command.create({"name": "Warehouse", "type": "delivery", "city": "Moscow"}),
                    Command.create({"name": "Buyer", "type": "contact", "phone": "+7 495 000-00-00"}),
                ],
            }
        )

    @classmethod
    def _order(cls, partner, user=None, confirmed_days_ago=None):
        """A quotation of ``partner``; confirmed that many days ago if given (as superuser)."""
        order = cls.env["sale.order"].create(
            {
                "partner_id": partner.id,
                "user_id": (user or partner.commercial_partner_id.vip_manager_id).id,
                "order_line": [Command.create({"product_id": cls.product.id, "product_uom_qty": 1})],
            }
        )
        if confirmed_days_ago is not None:
            cls._vip_confirm(order)
            order.date_order = fields.Datetime.now() - timedelta(days=confirmed_days_ago)
        return order
