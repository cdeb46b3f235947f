from odoo.tests import BaseCase, tagged

from ..tools import ru_requisites as ru
from .client_card_common import (
    ACCOUNT_SBERBANK,
    ACCOUNT_SBERBANK_BAD,
    BIK_SBERBANK,
    BIK_VTB,
    CORR_SBERBANK,
    CORR_VTB,
    INN_LEGAL,
    INN_LEGAL_BAD,
    INN_SOLE_TRADER,
    INN_SOLE_TRADER_BAD,
    OGRN,
    OGRN_BAD,
    OGRNIP,
    OGRNIP_BAD,
)


@tagged("post_install", "-at_install")
class TestRuRequisites(BaseCase):
    def test_inn(self):
        self.assertTrue(ru.is_valid_inn(INN_LEGAL))
        self.assertTrue(ru.is_valid_inn(INN_SOLE_TRADER))
        self.assertFalse(ru.is_valid_inn(INN_LEGAL_BAD))
        self.assertFalse(ru.is_valid_inn(INN_SOLE_TRADER_BAD))
        self.assertFalse(ru.is_valid_inn("77070838"))

    def test_kpp(self):
        self.assertTrue(ru.is_valid_kpp("773601001"))
        self.assertTrue(ru.is_valid_kpp("7736AB001"), "the reason code may be Latin capitals")
        for bad in ("77360100", "7736010011", "7736ab001", "773А01001", "", False):
            self.assertFalse(ru.is_valid_kpp(bad), bad)

    def test_ogrn_and_ogrnip(self):
        self.assertTrue(ru.is_valid_ogrn(OGRN))  # ПАО Сбербанк
        self.assertTrue(ru.is_valid_ogrn("1027739609391"))  # Банк ВТБ
        self.assertFalse(ru.is_valid_ogrn(OGRN_BAD))
        self.assertFalse(ru.is_valid_ogrn(OGRNIP), "an OGRNIP is no OGRN")
        self.assertTrue(ru.is_valid_ogrnip(OGRNIP))
        self.assertFalse(ru.is_valid_ogrnip(OGRNIP_BAD))
        self.assertFalse(ru.is_valid_ogrnip(OGRN), "an OGRN is no OGRNIP")
        self.assertFalse(ru.is_valid_ogrn("10277001321AB"))

    def test_bik(self):
        self.assertTrue(ru.is_valid_bik(BIK_SBERBANK))
        for bad in ("04452522", "0445252250", "144525225", "04452522A", ""):
            self.assertFalse(ru.is_valid_bik(bad), bad)

    def test_correspondent_account_against_bik(self):
        self.assertTrue(ru.is_valid_correspondent_account(CORR_SBERBANK, BIK_SBERBANK))
        self.assertTrue(ru.is_valid_correspondent_account(CORR_VTB, BIK_VTB))
        self.assertTrue(ru.is_valid_correspondent_account("30101810200000000593", "044525593"))  # Альфа-Банк
        self.assertFalse(ru.is_valid_correspondent_account(CORR_SBERBANK, BIK_VTB), "another bank's account")
        self.assertFalse(ru.is_valid_correspondent_account("30101810400000000226", BIK_SBERBANK))
        self.assertFalse(ru.is_valid_correspondent_account(ACCOUNT_SBERBANK, BIK_SBERBANK), "not a 30101")
        self.assertFalse(ru.is_valid_correspondent_account(CORR_SBERBANK, ""))

    def test_settlement_account_against_bik(self):
        self.assertTrue(ru.is_valid_settlement_account(ACCOUNT_SBERBANK, BIK_SBERBANK))
        self.assertFalse(ru.is_valid_settlement_account(ACCOUNT_SBERBANK_BAD, BIK_SBERBANK))
        self.assertFalse(ru.is_valid_settlement_account(ACCOUNT_SBERBANK, BIK_VTB))
        self.assertFalse(ru.is_valid_settlement_account(ACCOUNT_SBERBANK[:-1], BIK_SBERBANK))
        self.assertFalse(ru.is_valid_settlement_account(ACCOUNT_SBERBANK, "04452522"))
