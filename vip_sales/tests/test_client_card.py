from datetime import timedelta
from unittest.mock import patch

from odoo import Command, fields
from odoo.exceptions import UserError, ValidationError
from odoo.tests import freeze_time, tagged
from odoo.tools.translate import code_translations

from .client_card_common import (
    ACCOUNT_SBERBANK,
    ACCOUNT_SBERBANK_BAD,
    BIK_VTB,
    CORR_SBERBANK,
    CORR_VTB,
    INN_LEGAL,
    INN_LEGAL_BAD,
    INN_SOLE_TRADER,
    KPP,
    OGRN,
    OGRN_BAD,
    OGRNIP,
    OGRNIP_BAD,
    VipClientCardCommon,
)

ALL_LEGAL_ENTITY_ITEMS = (
    "legal name, INN, KPP, OGRN, settlement account at a Russian bank with its BIK and correspondent "
    "account, legal address (street, city, zip), delivery address, contact person with phone or email, "
    "contract number and date, 1C code, signed supply contract"
)
CONTRACT = "signed supply contract"


@tagged("post_install", "-at_install")
class TestRequisiteChecks(VipClientCardCommon):
    def test_invalid_requisites_are_refused_naming_the_field(self):
        partner = self.client2
        partner.vat = INN_LEGAL
        for fname, value, label in (
            ("vat", INN_LEGAL_BAD, "INN"),
            ("vip_kpp", "77360100", "KPP"),
            ("vip_kpp", "7736ab001", "KPP"),
            ("vip_ogrn", OGRN_BAD, "OGRN"),
            ("vip_ogrn", OGRNIP, "OGRN"),  # an OGRNIP for a legal entity
        ):
            with self.subTest(field=fname, value=value):
                with self.assertRaisesText(ValidationError, label):
                    partner.write({fname: value})
                partner.invalidate_recordset()
                self.assertNotEqual(partner[fname], value, "nothing is saved")

    def test_valid_and_empty_requisites_are_accepted(self):
        self.client2.write({"vat": INN_LEGAL, "vip_kpp": KPP, "vip_ogrn": OGRN})
        self.assertEqual(
            (self.client2.vat, self.client2.vip_kpp, self.client2.vip_ogrn), (INN_LEGAL, KPP, OGRN)
        )
        self.client2.write({"vat": False, "vip_kpp": False, "vip_ogrn": False})
        self.assertFalse(self.client2.vat)

    def test_sole_trader_has_ogrnip_and_no_kpp(self):
        partner = self.client2
        partner.write({"vat": INN_SOLE_TRADER, "vip_ogrn": OGRNIP})
        self.assertTrue(partner.vip_is_sole_trader)
        with self.assertRaisesText(ValidationError, "sole trader has no KPP"):
            partner.vip_kpp = KPP
        with self.assertRaisesText(ValidationError, "OGRNIP"):
            partner.vip_ogrn = OGRN
        with self.assertRaisesText(ValidationError, "OGRNIP"):
            partner.vip_ogrn = OGRNIP_BAD

    def test_inn_is_checked_for_russian_partners_only(self):
        foreign = self.env["res.partner"].create(
            {"name": "Möbel GmbH", "is_company": True, "country_id": self.env.ref("base.de").id}
        )
        foreign.vat = "DE123456788"
        self.assertEqual(foreign.vat, "DE123456788")
        with self.assertRaisesText(ValidationError, "INN"):
            self.env["res.partner"].create(
                {"name": "Bad INN", "is_company": True, "country_id": self.ru.id, "vat": "DE123456788"}
            )

    def test_bank_bik_and_correspondent_account(self):
        Bank = self.env["res.bank"]
        with self.assertRaisesText(ValidationError, "BIK"):
            Bank.create({"name": "Bad BIK", "vip_bik": "04452518"})
        with self.assertRaisesText(ValidationError, "correspondent account"):
            Bank.create({"name": "VTB", "vip_bik": BIK_VTB, "vip_corr_account": CORR_SBERBANK})
        vtb = Bank.create({"name": "VTB", "vip_bik": BIK_VTB, "vip_corr_account": CORR_VTB})
        self.assertEqual(vtb.vip_corr_account, CORR_VTB)
        self.assertEqual(Bank.search([("display_name", "ilike", BIK_VTB)]), vtb, "found by its BIK")

    def test_settlement_account_is_checked_against_the_bik(self):
        Account = self.env["res.partner.bank"]
        with self.assertRaisesText(ValidationError, "does not match the BIK"):
            Account.create(
                {
                    "partner_id": self.client1.id,
                    "bank_id": self.sberbank.id,
                    "acc_number": ACCOUNT_SBERBANK_BAD,
                }
            )
        account = Account.create(
            {"partner_id": self.client1.id, "bank_id": self.sberbank.id, "acc_number": ACCOUNT_SBERBANK}
        )
        # The bank's BIK cannot change under its accounts either.
        with self.assertRaisesText(ValidationError, "does not match the BIK"):
            self.sberbank.write({"vip_bik": BIK_VTB, "vip_corr_account": CORR_VTB})
        self.assertEqual(self.sberbank.vip_bik, "044525225")
        # An account at a foreign bank (no BIK) is not checked.
        account.bank_id = self.env["res.bank"].create({"name": "Deutsche Bank", "bic": "DEUTDEFF"})
        account.acc_number = "DE89370400440532013000"
        self.assertEqual(account.acc_number, "DE89370400440532013000")


@tagged("post_install", "-at_install")
class TestCardCompleteness(VipClientCardCommon):
    def test_empty_card_lists_every_item(self):
        partner = self.env["res.partner"].create({"name": "New Chain", "is_company": True})
        self.assertEqual(partner.vip_card_completeness, 0)
        self.assertEqual(partner.vip_card_missing, ALL_LEGAL_ENTITY_ITEMS)

    def test_complete_legal_entity(self):
        self._complete_card(self.client1)
        self.assertEqual(self.client1.vip_card_completeness, 91, "10 of 11 items: no signed contract")
        self.assertEqual(self.client1.vip_card_missing, CONTRACT)
        self._sign_contract(self._create_contract(self.client1))
        self.assertEqual(self.client1.vip_card_completeness, 100)
        self.assertFalse(self.client1.vip_card_missing)
        # A contact has no card of its own, and shows its company's requisites.
        self.assertEqual(self.client1_contact.vip_card_completeness, 0)
        self.assertFalse(self.client1_contact.vip_card_missing)
        self.assertEqual(self.client1_contact.vip_kpp, KPP)

    def test_complete_sole_trader_needs_no_kpp(self):
        self._complete_card(self.client1, sole_trader=True)
        self.assertEqual(self.client1.vip_card_completeness, 90, "9 of the 10 items of a sole trader")
        self.client1.vip_1c_code = False
        self.assertEqual(self.client1.vip_card_completeness, 80)
        self.assertEqual(self.client1.vip_card_missing, f"1C code, {CONTRACT}")

    def test_completeness_follows_bank_accounts_and_contacts(self):
        client = self.client2
        self._complete_card(client)
        account = client.bank_ids
        account.action_archive()
        self.assertEqual(client.vip_card_completeness, 82)
        self.assertIn("settlement account", client.vip_card_missing)
        account.action_unarchive()
        self.assertEqual(client.vip_card_completeness, 91)
        # An account at a bank without correspondent account does not count.
        self.sberbank.vip_corr_account = False
        self.assertEqual(client.vip_card_completeness, 82)
        self.sberbank.vip_corr_account = CORR_SBERBANK
        self.assertEqual(client.vip_card_completeness, 91)

        delivery = client.child_ids.filtered(lambda c: c.type == "delivery")
        delivery.type = "invoice"
        self.assertEqual(client.vip_card_missing, f"delivery address, {CONTRACT}")
        delivery.type = "delivery"
        buyer = client.child_ids.filtered(lambda c: c.type == "contact")
        buyer.phone = False
        self.assertEqual(client.vip_card_missing, f"contact person with phone or email, {CONTRACT}")
        buyer.email = "buyer@example.com"
        self.assertEqual(client.vip_card_completeness, 91)
        buyer.action_archive()
        self.assertEqual(client.vip_card_missing, f"contact person with phone or email, {CONTRACT}")
        client.write({"child_ids": [Command.create({"name": "New buyer", "email": "nb@example.com"})]})
        self.assertEqual(client.vip_card_completeness, 91)
        client.zip = False
        self.assertEqual(client.vip_card_missing, f"legal address (street, city, zip), {CONTRACT}")

    def test_missing_items_are_translated(self):
        self.env["res.lang"]._activate_lang("ru_RU")
        partner = self.env["res.partner"].create({"name": "New Chain", "is_company": True})
        russian = {("vip_sales", "ru_RU"): {"INN": "ИНН", "KPP": "КПП"}}
        with patch.dict(code_translations.python_translations, russian):
            missing = partner.with_context(lang="ru_RU").vip_card_missing
        self.assertTrue(missing.startswith("legal name, ИНН, КПП, OGRN"), missing)
        # Computed in the reader's language, so not stored (unlike the percentage).
        self.assertFalse(type(partner).vip_card_missing.store)
        self.assertTrue(type(partner).vip_card_completeness.store)

    def test_completeness_recompute_query_count(self):
        partners = self.env["res.partner"].create(
            [
                {
                    "name": f"Chain {i}",
                    "is_company": True,
                    "street": "Lenina 1",
                    "city": "Moscow",
                    "zip": "101000",
                    "child_ids": [Command.create({"name": f"Buyer {i}", "email": f"b{i}@example.com"})],
                }
                for i in range(100)
            ]
        )
        self.assertEqual(set(partners.mapped("vip_card_completeness")), {18}, "address and contact: 2 of 11")
        self.env["res.partner.bank"].create(
            [
                {"partner_id": p.id, "acc_number": ACCOUNT_SBERBANK, "bank_id": self.sberbank.id}
                for p in partners
            ]
        )
        self.env.flush_all()
        self.env.invalidate_all()
        # Reading what the card needs costs the same few queries for 100 clients as for one.
        with self.assertQueryCount(__system__=8):
            partners._compute_vip_card_completeness()
        self.assertEqual(set(partners.mapped("vip_card_completeness")), {27})
        # Their signed contracts are read in one query for all of them too.
        for partner in partners[:50]:
            self.env["agreement"].sudo().create(
                {"code": "ДП-1", "name": "Supply", "partner_id": partner.id, "vip_state": "signed"}
            )
        self.env.flush_all()
        self.env.invalidate_all()
        with self.assertQueryCount(__system__=8):
            partners._compute_vip_card_completeness()
        self.assertEqual(partners.mapped("vip_card_completeness"), [36] * 50 + [27] * 50)

    def test_signed_contract_counts_while_valid(self):
        self._complete_card(self.client1)
        self.assertEqual(self.client1.vip_card_completeness, 91)
        today = fields.Date.context_today(self.client1)
        contract = self._create_contract(self.client1)
        self.assertEqual(self.client1.vip_card_completeness, 91, "a draft does not count")
        self._sign_contract(contract)
        self.assertEqual(self.client1.vip_card_completeness, 100)
        contract.with_user(self.head).action_vip_terminate()
        self.assertEqual(self.client1.vip_card_completeness, 91, "a terminated contract no longer counts")
        self.assertEqual(self.client1.vip_card_missing, CONTRACT)

        # One that ends counts until its last day, and stops when it expires.
        ending = self._sign_contract(self._create_contract(self.client1, code="ДП-2", end_date=today))
        self.assertEqual(self.client1.vip_card_completeness, 100)
        with freeze_time(today + timedelta(days=1)):
            self.env["agreement"]._cron_vip_contracts()
            self.env.flush_all()
        self.assertEqual(ending.vip_state, "expired")
        self.assertEqual(self.client1.vip_card_completeness, 91)

        # One that starts tomorrow counts from tomorrow: the daily run recomputes the card.
        starting = self._sign_contract(
            self._create_contract(self.client1, code="ДП-3", start_date=today + timedelta(days=1))
        )
        self.assertEqual(self.client1.vip_card_completeness, 91, "not valid yet")
        with freeze_time(today + timedelta(days=1)):
            self.env["agreement"]._cron_vip_contracts()
            self.env.flush_all()
            self.assertEqual(starting.vip_state, "signed")
            self.assertEqual(self.client1.vip_card_completeness, 100)


@tagged("post_install", "-at_install")
class TestConfirmationBlock(VipClientCardCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.tier_gold.min_card_completeness = 80

    def test_incomplete_card_blocks_confirmation(self):
        order = self._order(self.client1_contact)
        with self.assertRaises(UserError) as refusal:
            self._vip_confirm(order, self.manager1)
        message = str(refusal.exception)
        self.assertIn("Mebelgrad LLC", message)
        self.assertIn("requires 80%", message)
        self.assertIn("KPP, OGRN", message)
        self.assertEqual(order.state, "draft")

        self._complete_card(self.client1)
        self._vip_confirm(order, self.manager1)
        self.assertEqual(order.state, "sale")

    def test_non_vip_and_complete_enough_clients_confirm(self):
        self._vip_confirm(self._order(self.non_vip, user=self.manager1))
        self._complete_card(self.client1)
        self.client1.vip_1c_code = False  # 82 % >= 80 %
        order = self._order(self.client1)
        self._vip_confirm(order, self.manager1)
        self.assertEqual(order.state, "sale")

    def test_portal_offers_no_signature_or_payment_while_incomplete(self):
        order = self._order(self.client1)
        order.write({"require_signature": True, "require_payment": True, "prepayment_percent": 1.0})
        self.assertFalse(order._has_to_be_signed())
        self.assertFalse(order._has_to_be_paid())
        self._complete_card(self.client1)
        self.assertTrue(order._has_to_be_signed())
        self.assertTrue(order._has_to_be_paid())
