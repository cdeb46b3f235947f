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

    def _submit(self, handover, promises="Delivery at our cost on the first order."):
        """The giver writes down the promises and submits the hand-over."""
        giver = handover.with_user(handover.from_user_id)
        giver.check_ids.filtered(lambda check: check.kind == "promises").note = promises
        giver.action_submit()
        return handover

    def _accept(self, handover, user):
        """``user`` confirms every point of the checklist and accepts."""
        handover.check_ids.with_user(user).action_confirm()
        handover.with_user(user).action_accept()

    def test_salesperson_hands_over_and_the_manager_accepts(self):
        draft = self._order(self.prospect, user=self.salesman)
        sent = self._order(self.prospect_buyer, user=self.salesman)
        sent.action_quotation_sent()
        confirmed = self._order(self.prospect, user=self.salesman, confirmed_days_ago=3)
        handover = self._hand_over(self.prospect, self.manager2)
        self.assertEqual(handover.from_user_id, self.salesman)
        self.assertEqual(handover.state, "draft")
        # The checklist says what the records hold; the giver completes it.
        facts = {check.kind: check.facts for check in handover.check_ids}
        self.assertEqual(list(facts), ["orders", "debts", "contacts", "stores", "promises"])
        self.assertIn(f"Open quotations: {draft.name}, {sent.name}.", facts["orders"])
        self.assertEqual(facts["debts"], "No unpaid invoice.")
        self.assertEqual(facts["contacts"], "Buyer")
        self.assertEqual(facts["stores"], "No store on the card.")
        self.assertFalse(facts["promises"])
        with self.assertRaisesText(UserError, "Write down what was promised"):
            handover.with_user(self.salesman).action_submit()
        self.assertEqual(handover.state, "draft")
        self._submit(handover)
        self.assertEqual(handover.state, "to_accept")
        request = handover.vip_approval_request_id
        self.assertRecordValues(
            request, [{"requester_id": self.salesman.id, "approver_ids": self.manager2.ids}]
        )
        self.assertEqual(request.activity_ids.user_id, self.manager2, "the receiver is asked to accept")
        self.assertIn("Delivery at our cost", request.summary)
        self.assertIn(draft.name, request.summary)

        self._accept(handover, self.manager2)

        self.assertEqual(handover.state, "done")
        self.assertEqual(handover.check_ids.confirmed_by_id, self.manager2)
        self.assertEqual(request.state, "decided")
        self.assertFalse(request.activity_ids, "the acceptance closes the request")
        decision = self.env["vip.approval"].search(
            [("res_model", "=", "vip.handover"), ("res_id", "=", handover.id)]
        )
        self.assertRecordValues(decision, [{"decision": "approved", "user_id": self.manager2.id}])
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
        self.assertIn("open quotations moved to the new owner: 2.", note.body)
        self.assertIn("Prepayment 50 %", note.body)
        self.assertIn("Promised: Delivery at our cost", note.body)
        self.assertEqual(prospect.with_user(self.manager2).vip_handover_ids, handover, "history")

    def test_only_the_receiver_or_the_head_accepts(self):
        handover = self._submit(self._hand_over(self.prospect, self.manager2))
        for user in (self.manager1, self.salesman):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                handover.with_user(user).action_accept()
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                handover.check_ids.with_user(user).action_confirm()
        self.assertEqual(handover.state, "to_accept")
        self.assertFalse(handover.check_ids.filtered("confirmed"))
        self.assertFalse(self.prospect.vip_manager_id)
        self._accept(handover, self.head)
        self.assertEqual(self.prospect.vip_manager_id, self.manager2)
        with self.assertRaisesText(UserError, "already been accepted"):
            handover.with_user(self.head).action_accept()

    def test_state_and_accepted_handover_cannot_be_forced(self):
        handover = self._hand_over(self.prospect, self.manager2)
        with self.assertRaisesText(UserError, "Accept button"):
            handover.with_user(self.head).write({"state": "done"})
        self._submit(handover)
        with self.assertRaisesText(UserError, "awaits the decision of Vip Manager2"):
            handover.with_user(self.salesman).write({"notes": "<p>Changed</p>"})
        self._accept(handover, self.manager2)
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
        self._accept(self._submit(handover), self.manager2)
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
        self._accept(self._submit(handover), self.manager2)
        self.assertRecordValues(
            self.client1, [{"vip_tier_id": platinum.id, "vip_manager_id": self.manager2.id}]
        )
        self.assertEqual(handover.tier_id, platinum)

    def test_acceptance_checks_the_giver_again(self):
        handover = self._submit(self._hand_over(self.prospect, self.manager2))
        # The prospect changed hands meanwhile: the old salesperson's hand-over no longer holds.
        self.prospect.user_id = self.manager1
        with self.assertRaisesText(UserError, "belongs to"):
            self._accept(handover, self.manager2)
        self.assertFalse(self.prospect.vip_tier_id)
        self.assertEqual(handover.state, "to_accept")

    def test_the_receiver_declines_with_a_reason(self):
        handover = self._submit(self._hand_over(self.prospect, self.manager2))
        # The giver does not decide on his own hand-over.
        with self.assertRaisesText(AccessError, "who takes the client over"):
            handover.with_user(self.salesman).action_decline()
        action = handover.with_user(self.manager2).action_decline()
        wizard = (
            self.env[action["res_model"]]
            .with_user(self.manager2)
            .with_context(**action["context"])
            .create({"comment": "The client buys through a dealer of mine."})
        )
        wizard.action_reject()
        self.assertEqual(handover.state, "declined")
        self.assertFalse(self.prospect.vip_manager_id, "nothing moved")
        decision = self.env["vip.approval"].search(
            [("res_model", "=", "vip.handover"), ("res_id", "=", handover.id)]
        )
        self.assertRecordValues(
            decision,
            [
                {
                    "decision": "rejected",
                    "user_id": self.manager2.id,
                    "comment": "The client buys through a dealer of mine.",
                }
            ],
        )
        message = handover.message_ids.filtered(lambda m: "dealer of mine" in (m.body or ""))
        self.assertIn(self.salesman.partner_id, message.partner_ids, "the giver reads why")
        # The declined hand-over stays as decided; the giver makes a new one.
        with self.assertRaisesText(UserError, "decided hand-over cannot be changed"):
            handover.with_user(self.salesman).write({"to_user_id": self.manager1.id})
        with self.assertRaises(UserError):
            handover.with_user(self.salesman).action_submit()
        self.assertTrue(self._hand_over(self.prospect, self.manager1))

    def test_checklist_is_filled_by_the_giver_and_confirmed_by_the_receiver(self):
        handover = self._hand_over(self.prospect, self.manager2)
        promises = handover.check_ids.filtered(lambda check: check.kind == "promises")
        # Nobody rewrites what the records say, adds points or confirms by writing.
        for values in ({"facts": "No debts"}, {"confirmed": True}):
            with (
                self.subTest(values=values),
                self.assertRaisesText(AccessError, "drawn from the client's records"),
            ):
                promises.with_user(self.salesman).write(values)
        with self.assertRaisesText(AccessError, "drawn from the client's records"):
            self.env["vip.handover.check"].with_user(self.salesman).create(
                {"handover_id": handover.id, "kind": "debts"}
            )
        # The receiver neither writes the giver's notes nor confirms before the submission.
        with self.assertRaisesText(AccessError, "fills the checklist"):
            promises.with_user(self.manager2).note = "Nothing"
        with self.assertRaisesText(UserError, "has not been submitted yet"):
            promises.with_user(self.manager2).action_confirm()
        self._submit(handover)
        with self.assertRaisesText(UserError, "its notes cannot be changed now"):
            promises.with_user(self.salesman).note = "A 30 % discount"
        self.assertEqual(promises.note, "Delivery at our cost on the first order.")
        with self.assertRaisesText(AccessError, "who takes the client over"):
            promises.with_user(self.salesman).action_confirm()
        # Every point is confirmed before the acceptance.
        with self.assertRaisesText(UserError, "Confirm every point of the checklist"):
            handover.with_user(self.manager2).action_accept()
        (handover.check_ids - promises).with_user(self.manager2).action_confirm()
        with self.assertRaisesText(UserError, "Promises Made"):
            handover.with_user(self.manager2).action_accept()
        self.assertEqual(handover.state, "to_accept")
        promises.with_user(self.manager2).action_confirm()
        handover.with_user(self.manager2).action_accept()
        self.assertEqual(handover.state, "done")

    def test_the_request_is_decided_from_the_receivers_requests(self):
        menus = self.env["ir.ui.menu"].with_user(self.manager2)
        handover = self._submit(self._hand_over(self.prospect, self.manager2))
        self.assertEqual(menus.vip_menu_counters().get("vip_sales.vip_approval_request_menu"), 1)
        request = (
            self.env["vip.approval.request"]
            .with_user(self.manager2)
            .search([("approver_ids", "in", self.manager2.id)])
        )
        self.assertEqual(request, handover.vip_approval_request_id)
        self.assertTrue(request.can_decide)
        self.assertFalse(request.with_user(self.salesman).can_decide, "the giver only follows it")
        with self.assertRaisesText(UserError, "Confirm every point"):
            request.action_approve()
        handover.check_ids.with_user(self.manager2).action_confirm()
        request.action_approve()
        self.assertEqual(handover.state, "done")
        self.assertNotIn("vip_sales.vip_approval_request_menu", menus.vip_menu_counters())

    def test_the_new_owner_reads_the_clients_whole_history(self):
        order = self._order(self.prospect, user=self.salesman, confirmed_days_ago=40)
        invoice = order._create_invoices()
        invoice.action_post()
        handover = self._submit(self._hand_over(self.prospect, self.manager2))
        debts = handover.check_ids.filtered(lambda check: check.kind == "debts").facts
        self.assertIn("1 unpaid invoice(s)", debts)
        as_manager = order.with_user(self.manager2)
        with self.assertRaises(AccessError):
            as_manager.read(["name"])
        self._accept(handover, self.manager2)
        self.assertEqual(order.user_id, self.salesman, "the order stays its salesperson's")
        self.assertEqual(as_manager.read(["name"])[0]["name"], order.name)
        self.assertTrue(order.order_line.with_user(self.manager2).read(["price_subtotal"]))
        self.assertEqual(invoice.with_user(self.manager2).read(["name"])[0]["name"], invoice.name)
        self.assertTrue(invoice.invoice_line_ids.with_user(self.manager2).read(["price_subtotal"]))
        self.assertEqual(
            self.env["sale.order"].with_user(self.manager2).search([("partner_id", "=", self.prospect.id)]),
            order,
        )
        # Reading is not owning: the former salesperson's documents stay his to change.
        with self.assertRaises(AccessError):
            as_manager.write({"note": "Mine now"})
        with self.assertRaises(AccessError):
            invoice.with_user(self.manager2).write({"ref": "Mine now"})
        # A colleague still sees nothing of it.
        with self.assertRaises(AccessError):
            order.with_user(self.manager1).read(["name"])
