from odoo.exceptions import UserError
from odoo.tests import Form, tagged

from .client_card_common import VipClientCardCommon


@tagged("post_install", "-at_install")
class TestInfoLetter(VipClientCardCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.client1.email = "zakupki@mebelgrad.example"
        cls.client3 = cls.env["res.partner"].create(
            {
                "name": "Uyutny Dom LLC",
                "is_company": True,
                "email": "opt@uyutny-dom.example",
                "vip_tier_id": cls.tier_gold.id,
                "vip_manager_id": cls.manager1.id,
            }
        )
        cls.templates = (
            cls.env.ref("vip_sales.mail_template_vip_new_collection")
            | cls.env.ref("vip_sales.mail_template_vip_promotion")
            | cls.env.ref("vip_sales.mail_template_vip_price_change")
        )

    def test_templates_are_kept_after_sending(self):
        self.assertEqual(set(self.templates.mapped("model")), {"res.partner"})
        self.assertFalse(any(self.templates.mapped("auto_delete")), "letters stay in the chatter")

    def test_manager_writes_to_his_own_clients_only(self):
        with self.assertRaisesRegex(UserError, "Dom Divanov JSC"):
            (self.client1 | self.client2).with_user(self.manager1).action_vip_send_info_letter()

    def test_mass_letter_lands_in_each_chatter_with_its_status(self):
        clients = self.client1 | self.client3
        action = clients.with_user(self.manager1).action_vip_send_info_letter()
        self.assertEqual(action["res_model"], "mail.compose.message")
        self.assertEqual(action["context"]["default_composition_mode"], "mass_mail")
        self.assertEqual(action["context"]["default_res_ids"], clients.ids)

        composer_form = Form(
            self.env["mail.compose.message"].with_user(self.manager1).with_context(**action["context"])
        )
        composer_form.template_id = self.env.ref("vip_sales.mail_template_vip_promotion")
        composer = composer_form.save()
        self.assertEqual(composer.composition_mode, "mass_mail")
        composer.with_user(self.manager1)._action_send_mail()

        for client in clients:
            with self.subTest(client=client.name):
                letter = client.message_ids.filtered(lambda m: m.message_type == "email_outgoing")
                self.assertEqual(len(letter), 1)
                self.assertIn("a promotion for our VIP clients", letter.subject)
                self.assertIn(f"Dear partners of {client.name}", letter.body)
                self.assertEqual(letter.author_id, self.manager1.partner_id)
                status = letter.notification_ids
                self.assertEqual(status.res_partner_id, client)
                self.assertIn(status.notification_status, ("ready", "sent"))
