from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .client_card_common import VipClientCardCommon


@tagged("post_install", "-at_install")
class TestHandover(VipClientCardCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.prospect = cls.env["res.partner"].create(
            {"name": "Novy Interier LLC", "is_company": True, "user_id": cls.salesman.id}
        )
        cls.prospect_buyer = cls.env["res.partner"].create(
            {"name": "Buyer", "parent_id": cls.prospect.id, "email": "buyer@example.com"}
        )

    def _hand_over(self, partner, to_user, user=None, tier=None):
        return (
            self.env["vip.handover"]
            .with_user(user or self.salesman)
            .create(
                {
                    "partner_id": partner.id,
                    "to_user_id": to_user.id,
                    "tier_id": (tier or self.tier_gold).id,
                    "notes": "<p>Prepayment 50 %, buyer Olga.</p>",
                }
            )
        )

    def test_salesperson_hands_over_and_the_manager_accepts(self):
        draft = self._order(self.prospect, user=self.salesman)
        sent = self._order(self.prospect_buyer, user=self.salesman)
        sent.action_quotation_sent()
        confirmed = self._order(self.prospect, user=self.salesman, confirmed_days_ago=3)
        handover = self._hand_over(self.prospect, self.manager2)
        self.assertEqual(handover.from_user_id, self.salesman)
        self.assertEqual(handover.state, "draft")
        todo = handover.activity_ids
        self.assertEqual(todo.user_id, self.manager2, "the receiver is asked to accept")

        handover.with_user(self.manager2).action_accept()

        self.assertEqual(handover.state, "done")
        self.assertFalse(handover.activity_ids, "the acceptance closes the request")
        prospect = self.prospect
        self.assertEqual(prospect.vip_tier_id, self.tier_gold)
        self.assertEqual(prospect.vip_manager_id, self.manager2)
        self.assertEqual(prospect.user_id, self.manager2)
        self.assertEqual(prospect.vip_since, handover.date)
        self.assertEqual(self.prospect_buyer.vip_manager_id, self.manager2, "contacts follow")
        self.assertEqual((draft | sent).user_id, self.manager2, "open quotations move")
        self.assertEqual(confirmed.user_id, self.salesman, "confirmed orders stay")
        note = prospect.message_ids.filtered(lambda m: "Handed over by" in (m.body or ""))
        self.assertEqual(len(note), 1)
        self.assertIn("2 open quotation(s)", note.body)
        self.assertIn("Prepayment 50 %", note.body)
        self.assertEqual(prospect.with_user(self.manager2).vip_handover_ids, handover, "history")

    def test_only_the_receiver_or_the_head_accepts(self):
        handover = self._hand_over(self.prospect, self.manager2)
        for user in (self.manager1, self.salesman):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                handover.with_user(user).action_accept()
        self.assertEqual(handover.state, "draft")
        self.assertFalse(self.prospect.vip_manager_id)
        handover.with_user(self.head).action_accept()
        self.assertEqual(self.prospect.vip_manager_id, self.manager2)
        with self.assertRaisesText(UserError, "already been accepted"):
            handover.with_user(self.head).action_accept()

    def test_state_and_accepted_handover_cannot_be_forced(self):
        handover = self._hand_over(self.prospect, self.manager2)
        with self.assertRaisesText(UserError, "Accept button"):
            handover.with_user(self.head).write({"state": "done"})
        handover.with_user(self.manager2).action_accept()
        with self.assertRaisesText(UserError, "cannot be changed"):
            handover.with_user(self.salesman).write({"notes": "<p>Changed</p>"})
        with self.assertRaisesText(UserError, "cannot be deleted"):
            handover.with_user(self.head).unlink()

    def test_receiver_must_be_a_vip_manager(self):
        with self.assertRaisesText(ValidationError, "is not a VIP manager"):
            self._hand_over(self.prospect, self.salesman, user=self.head)

    def test_one_open_handover_per_client(self):
        self._hand_over(self.prospect, self.manager2)
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"):
            self._hand_over(self.prospect, self.manager1)
            self.env.flush_all()

    def test_a_vip_client_is_handed_over_by_its_owner_or_the_head(self):
        with self.assertRaisesText(AccessError, "only they or the head of sales can hand it over"):
            self._hand_over(self.client1, self.head, user=self.manager2)
        quotation = self._order(self.client1)
        handover = self._hand_over(
            self.client1, self.manager2, user=self.manager1, tier=self.client1.vip_tier_id
        )
        handover.with_user(self.manager2).action_accept()
        self.assertEqual(self.client1.vip_manager_id, self.manager2)
        self.assertEqual(self.client1.user_id, self.manager2)
        self.assertEqual(quotation.user_id, self.manager2)
        # The former owner no longer edits the card; the new one does.
        with self.assertRaises(AccessError):
            self.client1.with_user(self.manager1).write({"vip_1c_code": "X"})
        self.client1.with_user(self.manager2).write({"vip_1c_code": "00-02"})

    def test_visibility(self):
        handover = self._hand_over(self.prospect, self.manager2)
        Handover = self.env["vip.handover"]
        self.assertEqual(Handover.with_user(self.salesman).search([("id", "=", handover.id)]), handover)
        self.assertEqual(Handover.with_user(self.manager2).search([("id", "=", handover.id)]), handover)
        self.assertEqual(Handover.with_user(self.head).search([("id", "=", handover.id)]), handover)
        self.assertFalse(Handover.with_user(self.manager1).search([("id", "=", handover.id)]))

    def test_a_hand_over_moves_the_client_between_two_people(self):
        # Nobody hands a client over to himself, the head included.
        for user, partner in (
            (self.manager1, self.client1),
            (self.manager1, self.prospect),
            (self.head, self.client1),
        ):
            with self.subTest(user=user.login), self.assertRaisesText(ValidationError, "to themselves"):
                self._hand_over(partner, user, user=user)
        with self.assertRaisesText(ValidationError, "already owns"):
            self._hand_over(self.client1, self.manager1, user=self.head)
        # A manager neither gives a prospect of active sales nor gives in another's name.
        with self.assertRaisesText(AccessError, "belongs to"):
            self._hand_over(self.prospect, self.manager2, user=self.manager1)
        with self.assertRaisesText(AccessError, "in your own name"):
            self.env["vip.handover"].with_user(self.manager1).create(
                {
                    "partner_id": self.client1.id,
                    "from_user_id": self.manager2.id,
                    "to_user_id": self.head.id,
                    "tier_id": self.tier_gold.id,
                }
            )
        self.assertFalse(self.env["vip.handover"].search([]))

    def test_a_vip_client_keeps_its_tier_when_it_changes_hands(self):
        platinum = self.env["vip.tier"].create({"name": "Platinum"})
        for user in (self.manager1, self.head):
            with self.subTest(user=user.login), self.assertRaisesText(ValidationError, "keeps its tier Gold"):
                self._hand_over(self.client1, self.manager2, user=user, tier=platinum)
        handover = self._hand_over(self.client1, self.manager2, user=self.manager1)
        # Neither the giver nor the receiver raises it afterwards.
        with self.assertRaisesText(ValidationError, "keeps its tier Gold"):
            handover.with_user(self.manager1).write({"tier_id": platinum.id})
        with self.assertRaisesText(AccessError, "who hands the client over"):
            handover.with_user(self.manager2).write({"tier_id": platinum.id})
        # The head changes the tier on the card meanwhile: the acceptance keeps it.
        self.client1.with_user(self.head).vip_tier_id = platinum
        handover.with_user(self.manager2).action_accept()
        self.assertRecordValues(
            self.client1, [{"vip_tier_id": platinum.id, "vip_manager_id": self.manager2.id}]
        )
        self.assertEqual(handover.tier_id, platinum)

    def test_acceptance_checks_the_giver_again(self):
        handover = self._hand_over(self.prospect, self.manager2)
        # The prospect changed hands meanwhile: the old salesperson's hand-over no longer holds.
        self.prospect.user_id = self.manager1
        with self.assertRaisesText(UserError, "belongs to"):
            handover.with_user(self.manager2).action_accept()
        self.assertFalse(self.prospect.vip_tier_id)
        self.assertEqual(handover.state, "draft")
