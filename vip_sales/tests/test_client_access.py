from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged

from .client_card_common import ACCOUNT_SBERBANK, KPP, VipClientCardCommon


@tagged("post_install", "-at_install")
class TestClientAccess(VipClientCardCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # A salesperson who may edit contacts, but is no VIP manager.
        cls.contact_editor = new_test_user(
            cls.env,
            login="contact_editor_test",
            groups="sales_team.group_sale_salesman,base.group_partner_manager",
            company_id=cls.company.id,
        )

    def test_head_sets_tier_and_owner_who_becomes_salesperson(self):
        self.env.cr.flush()  # runs the pending pre-commit work of the set-up (its creations)
        self.non_vip.with_user(self.head).with_context(tracking_disable=False, mail_notrack=False).write(
            {"vip_tier_id": self.tier_gold.id, "vip_manager_id": self.manager2.id, "vip_since": "2025-01-15"}
        )
        self.env.cr.flush()  # tracking values are written before the commit
        self.non_vip.invalidate_recordset(["message_ids"])
        self.assertTrue(self.non_vip.is_vip)
        self.assertEqual(self.non_vip.vip_manager_id, self.manager2)
        self.assertEqual(self.non_vip.user_id, self.manager2, "the owner is the salesperson")
        tracked = self.non_vip.message_ids.tracking_value_ids.field_id.mapped("name")
        self.assertIn("vip_tier_id", tracked)
        self.assertIn("vip_manager_id", tracked)

    def test_nobody_but_the_head_changes_tier_or_owner(self):
        silver = self.env["vip.tier"].create({"name": "Silver"})
        for user, partner in (
            (self.manager1, self.client1),  # even the owner
            (self.manager1, self.client2),
            (self.contact_editor, self.non_vip),
        ):
            for vals in (
                {"vip_tier_id": silver.id},
                {"vip_manager_id": self.head.id},
                {"vip_since": "2020-01-01"},
            ):
                with (
                    self.subTest(user=user.login, vals=vals),
                    self.assertRaisesText(AccessError, "Only the head of sales"),
                ):
                    partner.with_user(user).write(vals)
        self.assertEqual(self.client1.vip_manager_id, self.manager1)
        self.assertEqual(self.client2.vip_manager_id, self.manager2)
        self.assertFalse(self.non_vip.vip_tier_id)
        with self.assertRaisesText(AccessError, "Only the head of sales"):
            self.env["res.partner"].with_user(self.manager1).create(
                {"name": "Grabbed", "is_company": True, "vip_tier_id": self.tier_gold.id}
            )

    def test_writing_the_same_owner_values_is_no_change(self):
        self.client1.with_user(self.manager1).write(
            {"vip_tier_id": self.tier_gold.id, "vip_manager_id": self.manager1.id, "name": "Mebelgrad"}
        )
        self.assertEqual(self.client1.name, "Mebelgrad")

    def test_owner_adds_contacts_that_mirror_the_ownership(self):
        contact = (
            self.env["res.partner"]
            .with_user(self.manager1)
            .create({"name": "New buyer", "parent_id": self.client1.id, "email": "nb@example.com"})
        )
        self.assertEqual(contact.vip_tier_id, self.tier_gold)
        self.assertEqual(contact.vip_manager_id, self.manager1)
        self.assertEqual(contact.user_id, self.manager1)

    def test_card_of_a_vip_client_is_edited_by_its_owner_or_the_head(self):
        self.client1.with_user(self.manager1).write({"vip_kpp": KPP, "vip_1c_code": "00-01"})
        self.client1.with_user(self.head).write({"vip_contract_ref": "C-7"})
        self.assertEqual((self.client1.vip_kpp, self.client1.vip_contract_ref), (KPP, "C-7"))
        with self.assertRaisesText(AccessError, "belongs to its VIP manager Vip Manager1 Test"):
            self.client1.with_user(self.manager2).write({"vip_1c_code": "HACK"})
        with self.assertRaisesText(AccessError, "belongs to its VIP manager"):
            self.client1.with_user(self.manager2).write({"vat": "7707083893"})
        with self.assertRaisesText(AccessError, "belongs to its VIP manager"):
            self.client1_contact.with_user(self.manager2).write({"vip_kpp": False})
        self.assertEqual(self.client1.vip_1c_code, "00-01")
        # Other fields of the client, and the card of a client that is no VIP, stay open.
        self.client1.with_user(self.manager2).write({"phone": "+7 495 111-11-11"})
        self.non_vip.with_user(self.manager2).write({"vip_kpp": KPP})
        self.assertEqual(self.non_vip.vip_kpp, KPP)

    def test_active_sales_leaves_the_card_of_a_vip_client_alone(self):
        editor = self.contact_editor
        self.assertFalse(self.client1.with_user(editor).vip_can_edit_card)
        for vals in ({"vat": "7707083893"}, {"vip_kpp": KPP}, {"vip_ogrn": "1027700132195"}):
            with self.subTest(vals=vals), self.assertRaisesText(AccessError, "belongs to its VIP manager"):
                self.client1.with_user(editor).write(vals)
        with self.assertRaisesText(AccessError, "belongs to its VIP manager"):
            self.env["res.partner.bank"].with_user(editor).create(
                {"partner_id": self.client1.id, "acc_number": ACCOUNT_SBERBANK, "bank_id": self.sberbank.id}
            )
        self.assertRecordValues(self.client1, [{"vat": False, "vip_kpp": False, "vip_ogrn": False}])
        # The contact details and the cards of clients that are no VIP stay theirs.
        self.client1.with_user(editor).write({"phone": "+7 495 222-22-22"})
        self.non_vip.with_user(editor).write({"vip_kpp": KPP})
        self.assertTrue(self.non_vip.with_user(editor).vip_can_edit_card)

    def test_form_flags_follow_the_rules(self):
        client = self.client1
        self.assertTrue(client.with_user(self.manager1).vip_can_edit_card)
        self.assertFalse(client.with_user(self.manager1).vip_can_edit_ownership)
        self.assertFalse(client.with_user(self.manager2).vip_can_edit_card)
        self.assertTrue(client.with_user(self.head).vip_can_edit_card)
        self.assertTrue(client.with_user(self.head).vip_can_edit_ownership)

    def test_bank_accounts_follow_the_card(self):
        vals = {"partner_id": self.client1.id, "acc_number": ACCOUNT_SBERBANK, "bank_id": self.sberbank.id}
        with self.assertRaisesText(AccessError, "belongs to its VIP manager"):
            self.env["res.partner.bank"].with_user(self.manager2).create(vals)
        account = self.env["res.partner.bank"].with_user(self.manager1).create(vals)
        with self.assertRaisesText(AccessError, "belongs to its VIP manager"):
            account.with_user(self.manager2).write({"allow_out_payment": True})
        with self.assertRaisesText(AccessError, "belongs to its VIP manager"):
            account.with_user(self.manager2).unlink()
        with self.assertRaisesText(AccessError, "belongs to its VIP manager"):
            self.client1.with_user(self.manager2).write({"bank_ids": [Command.unlink(account.id)]})
        self.assertTrue(account.active)
        account.with_user(self.manager1).unlink()  # Odoo archives it
        self.assertFalse(account.active)

    def test_only_the_head_deletes_a_vip_client(self):
        with self.assertRaisesText(UserError, "Only the head of sales can delete a VIP client"):
            self.client1.with_user(self.manager1).unlink()
        self.assertTrue(self.client1.exists())
        self.client1.with_user(self.head).unlink()
        self.assertFalse(self.client1.exists())
