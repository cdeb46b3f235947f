from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged

from .proposal_common import ProposalCommon

GUARD_MESSAGE = "has not approved the special terms"


@tagged("post_install", "-at_install")
class TestApprovalReasons(ProposalCommon):
    def _reasons(self, order):
        return order.vip_approval_reasons.splitlines() if order.vip_approval_reasons else []

    def test_standard_proposal_needs_no_approval(self):
        order = self._create_proposal(discount=10.0)
        self.assertFalse(order.vip_needs_approval)
        self.assertEqual(order.vip_approval_state, "not_required")
        self.assertEqual(self._reasons(order), [])

    def test_each_reason_alone(self):
        cases = [
            ({"vip_proposal_type": "individual"}, "Individual proposal"),
            ({"vip_free_delivery": True}, "Free delivery"),
            (
                {"payment_term_id": self.env.ref("account.account_payment_term_15days").id},
                "is not a standard one",
            ),
            ({"payment_term_id": self.term_60.id}, "defers payment by 60 days; at most 30 are allowed"),
        ]
        for values, expected in cases:
            with self.subTest(reason=expected):
                order = self._create_proposal(**values)
                self.assertTrue(order.vip_needs_approval)
                self.assertEqual(order.vip_approval_state, "required")
                self.assertEqual(len(self._reasons(order)), 1)
                self.assertIn(expected, order.vip_approval_reasons)
        order = self._create_proposal(discount=15.0)
        self.assertEqual(order.vip_approval_state, "required")
        self.assertEqual(
            self._reasons(order), ["Discount of 15.00 % on “Sofa Verona” exceeds the 10.00 % allowed"]
        )

    def test_reasons_combined(self):
        order = self._create_proposal(
            discount=15.0,
            vip_proposal_type="individual",
            vip_free_delivery=True,
            payment_term_id=self.term_45.id,
        )
        reasons = self._reasons(order)
        self.assertEqual(len(reasons), 5, reasons)
        self.assertEqual(reasons[0], "Individual proposal")
        self.assertIn("Discount of 15.00 %", reasons[1])
        self.assertIn("is not a standard one", reasons[2])
        self.assertIn("defers payment by 45 days", reasons[3])
        self.assertEqual(reasons[4], "Free delivery")
        # Removing the terms one by one leaves no reason at the end.
        order.write(
            {"vip_proposal_type": "standard", "vip_free_delivery": False, "payment_term_id": self.term_30.id}
        )
        self.assertEqual(len(self._reasons(order)), 1)
        order.order_line.discount = 5.0
        self.assertFalse(order.vip_needs_approval)
        self.assertEqual(order.vip_approval_state, "not_required")

    def test_package_discount_is_pre_approved_unless_raised(self):
        order = self._create_proposal(discount=15.0)
        line = order.order_line
        package = self.env["vip.product.package"].create(
            {
                "name": "Lounge",
                "discount": 15.0,
                "line_ids": [Command.create({"product_tmpl_id": self.product.product_tmpl_id.id})],
            }
        )
        line.vip_package_id = package
        self.assertFalse(order.vip_needs_approval, "the package's own discount is pre-approved")
        line.discount = 18.0
        self.assertTrue(order.vip_needs_approval, "a manager raising the package discount needs approval")
        self.assertIn("Discount of 18.00 %", order.vip_approval_reasons)
        line.discount = 15.0
        package.discount = 12.0
        self.assertTrue(
            order.vip_needs_approval, "the pre-approved discount is the package's, read when evaluated"
        )
        with self.assertRaisesRegex(ValidationError, "is not part of the package offer"):
            line.product_id = self.product_chair

    def test_price_below_the_sales_price_is_a_discount(self):
        order = self._create_proposal(discount=0.0)
        line = order.order_line
        line.price_unit = 850.0  # 15 % below the sales price of 1,000
        self.assertTrue(order.vip_needs_approval)
        self.assertIn("Discount of 15.00 %", order.vip_approval_reasons)
        line.write({"price_unit": 950.0, "discount": 4.0})  # 8.8 % in all
        self.assertFalse(order.vip_needs_approval)
        line.price_unit = 1200.0
        self.assertFalse(order.vip_needs_approval, "a price above the sales price is no discount")

    def test_non_vip_orders_are_untouched(self):
        order = self._create_proposal(
            partner=self.non_vip, discount=50.0, vip_proposal_type="individual", vip_free_delivery=True
        )
        self.assertFalse(order.vip_is_vip_client)
        self.assertFalse(order.vip_needs_approval)
        self.assertEqual(order.vip_approval_state, "not_required")
        self.assertFalse(order.vip_approval_reasons)
        order.action_quotation_send()
        order.action_quotation_sent()
        self.env["ir.actions.report"]._render_qweb_html("sale.action_report_saleorder", order.ids)
        self._vip_confirm(order)
        self.assertEqual(order.state, "sale")

    def test_client_becoming_vip_brings_its_quotations_under_approval(self):
        order = self._create_proposal(partner=self.non_vip, discount=15.0)
        self.assertEqual(order.vip_approval_state, "not_required")
        self.non_vip.vip_tier_id = self.tier_gold
        self.assertTrue(order.vip_is_vip_client)
        self.assertEqual(order.vip_approval_state, "required")

    def test_policy_edited_by_the_head(self):
        order = self._create_proposal(discount=15.0)
        self.assertEqual(order.vip_approval_state, "required")
        with self.assertRaises(AccessError):
            self.env["vip.policy"].with_user(self.manager1).create({})
        policy = Form(self.env["vip.policy"].with_user(self.head))
        self.assertEqual(policy.vip_max_discount, 10.0)
        policy.vip_max_discount = 20.0
        policy.save().action_save()
        self.assertEqual(self.company.vip_max_discount, 20.0)
        self.assertEqual(order.vip_approval_state, "not_required", "open quotations follow the new policy")
        with self.assertRaises(AccessError):
            self.company.with_user(self.head).write({"vip_max_discount": 30.0})

    def test_needs_approval_query_count_does_not_grow(self):
        """Computing the approval of a batch of orders costs the same for 10 or 40 orders."""

        def compute(count):
            orders = self.env["sale.order"].create(
                [
                    {
                        "partner_id": self.client1.id,
                        "payment_term_id": self.term_60.id,
                        "order_line": [
                            Command.create({"product_id": self.product.id, "discount": 12.0}),
                            Command.create({"product_id": self.product_chair.id, "discount": 5.0}),
                        ],
                    }
                    for _i in range(count)
                ]
            )
            self.env.flush_all()
            self.env.invalidate_all()
            with self.assertQueryCount(15):
                orders._vip_sync_approval_state()
                self.env.flush_all()
                orders.mapped("vip_approval_reasons")
            self.assertTrue(all(orders.mapped("vip_needs_approval")))

        compute(10)
        compute(40)


@tagged("post_install", "-at_install")
class TestApprovalFlow(ProposalCommon):
    def _approval_activities(self, order):
        requests = self.env["vip.approval.request"].search(
            [("res_model", "=", "sale.order"), ("res_id", "=", order.id)]
        )
        return self.env["mail.activity"].search(
            [
                ("res_model", "=", "vip.approval.request"),
                ("res_id", "in", requests.ids),
                ("activity_type_id", "=", self.env.ref("vip_sales.mail_act_type_proposal_approval").id),
            ]
        )

    def test_decision_on_the_terms_read(self):
        """The approve buttons send the key of the terms their form shows: terms changed since
        are refused; a key read on another proposal (the web client carries a button's context
        into the next action) is no objection."""
        order = self._create_proposal(discount=15.0)
        other = self._create_proposal(discount=20.0)
        (order | other).with_user(self.manager1).action_vip_request_approval()
        seen = order.with_user(self.head).vip_approval_terms_key
        order.with_user(self.manager1).order_line.discount = 18.0
        with self.assertRaisesText(UserError, "has just changed: read it again before you decide"):
            order.with_user(self.head).with_context(vip_approval_terms_key=seen).action_vip_approve()
        self.assertEqual(order.vip_approval_state, "to_approve")
        reread = order.with_user(self.head).vip_approval_terms_key
        self.assertNotEqual(reread, seen)
        order.with_user(self.head).with_context(vip_approval_terms_key=reread).action_vip_approve()
        other.with_user(self.head).with_context(vip_approval_terms_key=reread).action_vip_approve()
        self.assertEqual((order | other).mapped("vip_approval_state"), ["approved", "approved"])

    def test_request_approve_send(self):
        order = self._create_proposal(discount=15.0, vip_proposal_type="individual")
        order.with_user(self.manager1).action_vip_request_approval()
        self.assertEqual(order.vip_approval_state, "to_approve")
        activities = self._approval_activities(order)
        self.assertIn(self.head, activities.user_id, "every head of sales gets an activity")
        self.assertNotIn(self.manager1, activities.user_id)
        self.assertIn(order, self.env["sale.order"].search([("vip_approval_state", "=", "to_approve")]))

        order.with_user(self.head).action_vip_approve()
        self.assertEqual(order.vip_approval_state, "approved")
        self.assertFalse(self._approval_activities(order), "the decision closes the activities")
        log = order.vip_approval_ids
        self.assertEqual(len(log), 1)
        self.assertRecordValues(
            log,
            [
                {
                    "user_id": self.head.id,
                    "decision": "approved",
                    "amount_total": 1700.0,
                    "max_discount": 15.0,
                    "payment_term_id": self.term_immediate.id,
                }
            ],
        )
        self.assertIn("Individual proposal", log.reasons)
        self.assertEqual(order.vip_approval_id, log)
        self.assertEqual(order.vip_approved_user_id, self.head)

        order.with_user(self.manager1).action_quotation_sent()
        self.assertEqual(order.state, "sent")
        self.assertTrue(order.vip_sent_date)
        self._vip_confirm(order, self.manager1)
        self.assertEqual(order.state, "sale")
        self.assertEqual(order.vip_approval_state, "approved")

    def test_menu_counter_of_proposals_to_approve(self):
        menus = self.env["ir.ui.menu"]
        self.assertNotIn(
            "vip_sales.vip_sales_menu_to_approve", menus.with_user(self.manager1).vip_menu_counters()
        )
        baseline = menus.with_user(self.head).vip_menu_counters()["vip_sales.sale_order_menu_vip_to_approve"]
        order = self._create_proposal(discount=15.0)
        order.with_user(self.manager1).action_vip_request_approval()
        counters = menus.with_user(self.head).vip_menu_counters()
        self.assertEqual(counters["vip_sales.sale_order_menu_vip_to_approve"], baseline + 1)
        self.assertEqual(counters["vip_sales.vip_sales_menu_to_approve"], baseline + 1)
        order.with_user(self.head).action_vip_approve()
        self.assertEqual(
            menus.with_user(self.head).vip_menu_counters()["vip_sales.sale_order_menu_vip_to_approve"],
            baseline,
        )

    def test_reject_with_comment_then_revise(self):
        order = self._create_proposal(discount=25.0)
        order.with_user(self.manager1).action_vip_request_approval()
        action = order.with_user(self.head).action_vip_reject()
        wizard = self.env["vip.approval.reject"].with_user(self.head).with_context(**action["context"])
        with self.assertRaises(UserError):
            wizard.create({"comment": "  "}).action_reject()
        self.assertEqual(order.vip_approval_state, "to_approve")
        wizard.create({"comment": "25 % is too much, 15 % at most"}).action_reject()
        self.assertEqual(order.vip_approval_state, "rejected")
        self.assertRecordValues(
            order.vip_approval_ids, [{"decision": "rejected", "comment": "25 % is too much, 15 % at most"}]
        )
        with self.assertRaises(UserError):
            order.with_user(self.manager1).action_quotation_sent()
        # The manager revises and submits again.
        order.order_line.with_user(self.manager1).discount = 15.0
        self.assertEqual(order.vip_approval_state, "rejected")
        order.with_user(self.manager1).action_vip_request_approval()
        self.assertEqual(order.vip_approval_state, "to_approve")
        self.assertTrue(self._approval_activities(order), "the heads are asked again")
        order.with_user(self.head).action_vip_approve()
        self.assertEqual(len(order.vip_approval_ids), 2)

    def test_decision_permissions(self):
        order = self._create_proposal(discount=15.0)
        with self.assertRaises(UserError, msg="nothing to approve before the request"):
            order.with_user(self.head).action_vip_approve()
        with self.assertRaises(AccessError, msg="another manager's order"):
            order.with_user(self.manager2).action_vip_request_approval()
        order.with_user(self.manager1).action_vip_request_approval()
        for user in (self.manager1, self.manager2, self.salesman):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                order.with_user(user).action_vip_approve()
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                order.with_user(user).action_vip_reject()
        self.assertEqual(order.vip_approval_state, "to_approve")
        # A head of sales does not approve their own proposal.
        own = self._create_proposal(user=self.head, discount=15.0)
        own.with_user(self.head).action_vip_request_approval()
        with self.assertRaises(AccessError):
            own.with_user(self.head).action_vip_approve()
        self.assertNotIn(self.head, self._approval_activities(own).user_id)

    def test_nobody_sets_the_approval_state(self):
        order = self._create_proposal(discount=15.0)
        for user in (self.manager1, self.head):
            with self.subTest(user=user.login):
                with self.assertRaises(AccessError):
                    order.with_user(user).write({"vip_approval_state": "approved"})
                with self.assertRaises(AccessError):
                    self._create_proposal(user=user, discount=15.0, vip_approval_state="approved")
        self.assertEqual(order.vip_approval_state, "required")

    def test_log_cannot_be_edited_nor_created(self):
        order = self._approve(self._create_proposal(discount=15.0))
        log = order.vip_approval_ids
        for env_user in (self.manager1, self.head):
            with self.subTest(user=env_user.login):
                with self.assertRaises(UserError):
                    log.with_user(env_user).write({"comment": "changed"})
                with self.assertRaises(UserError):
                    log.with_user(env_user).unlink()
                with self.assertRaises(AccessError):
                    self.env["vip.approval"].with_user(env_user).create(
                        {"order_id": order.id, "user_id": env_user.id, "decision": "approved"}
                    )
                with self.assertRaises(AccessError):
                    order.with_user(env_user).write(
                        {
                            "vip_approval_ids": [
                                Command.create({"user_id": env_user.id, "decision": "approved"})
                            ]
                        }
                    )
        with self.assertRaises(UserError):
            log.sudo().write({"decision": "rejected"})
        with self.assertRaises(UserError):
            log.sudo().unlink()
        self.assertRecordValues(log, [{"decision": "approved", "comment": False}])
        self.assertEqual(log.with_user(self.manager1).decision, "approved", "the manager reads the log")
        self.assertFalse(log.with_user(self.manager2).search([("id", "=", log.id)]))
        with self.assertRaises(UserError, msg="nor is the order the log belongs to"):
            order.sudo().unlink()


@tagged("post_install", "-at_install")
class TestApprovalGuards(ProposalCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # Any report of a quotation is guarded, whichever module adds it and whatever its name.
        cls.future_report = cls.env["ir.actions.report"].create(
            {
                "name": "Quotation Summary",
                "model": "sale.order",
                "report_type": "qweb-text",
                "report_name": "sale.report_saleorder_raw",
            }
        )

    def _refused_paths(self, order):
        """Every way a quotation reaches the client, as the manager: (name, callable)."""
        order = order.with_user(self.manager1)
        report = self.env["ir.actions.report"].with_user(self.manager1)
        share = self.env["portal.share"].with_user(self.manager1)
        # Only contact creators may send the share wizard: an administrator here.
        share_admin = self.env["portal.share"].with_user(self.env.ref("base.user_admin"))
        return [
            ("mark as sent", order.action_quotation_sent),
            ("write state sent", lambda: order.write({"state": "sent"})),
            ("send by e-mail", order.action_quotation_send),
            ("send pro-forma", order.with_context(proforma=True).action_quotation_send),
            (
                "post with mark_so_as_sent",
                lambda: order.with_context(mark_so_as_sent=True).message_post(body="Here it is"),
            ),
            ("quotation report", lambda: report._render_qweb_pdf("sale.action_report_saleorder", order.ids)),
            (
                "pro-forma report",
                lambda: report._render_qweb_pdf("sale.action_report_pro_forma_invoice", order.ids),
            ),
            ("quotation html", lambda: report._render_qweb_html("sale.action_report_saleorder", order.ids)),
            (
                "quote builder's raw report",
                lambda: report._render_qweb_html(
                    "sale_pdf_quote_builder.action_report_saleorder_raw", order.ids
                ),
            ),
            ("a future module's report", lambda: report._render_qweb_text(self.future_report, order.ids)),
            (
                "share wizard",
                lambda: share.with_context(active_model="sale.order", active_id=order.id).default_get(
                    ["share_link"]
                ),
            ),
            (
                "share send",
                lambda: share_admin.create(
                    {"res_model": "sale.order", "res_id": order.id, "partner_ids": self.client1_contact.ids}
                ).action_send_mail(),
            ),
            ("confirm", order.action_confirm),
            ("confirm as superuser", order.sudo().action_confirm),
        ]

    def test_every_path_is_refused_while_approval_is_missing(self):
        order = self._create_proposal(discount=15.0, require_signature=True, require_payment=True)
        for approval_state in ("required", "to_approve", "rejected"):
            if approval_state == "to_approve":
                order.with_user(self.manager1).action_vip_request_approval()
            elif approval_state == "rejected":
                order.with_user(self.head)._vip_decide("rejected", "No")
            self.assertEqual(order.vip_approval_state, approval_state)
            for name, path in self._refused_paths(order):
                with (
                    self.subTest(state=approval_state, path=name),
                    self.assertRaisesRegex(UserError, GUARD_MESSAGE),
                ):
                    path()
            self.assertEqual(order.state, "draft")
            self.assertFalse(order._has_to_be_signed())
            self.assertFalse(order._has_to_be_paid())
            self.assertFalse(order.message_ids.filtered(lambda m: m.body and "Here it is" in m.body))

    def test_every_path_is_open_once_approved(self):
        order = self._approve(
            self._create_proposal(discount=15.0, require_signature=True, require_payment=True)
        )
        self.assertTrue(order._has_to_be_signed())
        self.assertTrue(order._has_to_be_paid())
        for name, path in self._refused_paths(order)[2:-2]:
            with self.subTest(path=name):
                path()
        self.assertEqual(order.state, "sent", "posting with the mark-as-sent flag sent it")
        self._vip_confirm(order, self.manager1)
        self.assertEqual(order.state, "sale")

    def test_internal_documents_print_while_awaiting_approval(self):
        order = self._create_proposal(discount=15.0)
        report = self.env["ir.actions.report"].with_user(self.manager1)
        with self.assertRaisesRegex(UserError, GUARD_MESSAGE):
            report._render_qweb_text(self.future_report, order.ids)
        # Marking a report internal is an administrator's setting, not the head's.
        with self.assertRaises(AccessError):
            self.future_report.with_user(self.head).vip_internal_only = True
        self.future_report.vip_internal_only = True
        text, _report_type = report._render_qweb_text(self.future_report, order.ids)
        self.assertIn(b"Sofa Verona", text)

    def test_sent_quotation_is_held_again_after_a_change(self):
        order = self._approve(self._create_proposal(discount=15.0, require_signature=True))
        order.with_user(self.manager1).action_quotation_sent()
        order.order_line.with_user(self.manager1).discount = 20.0
        self.assertEqual(order.vip_approval_state, "to_approve")
        self.assertEqual(order.state, "sent")
        self.assertFalse(order._has_to_be_signed(), "the client cannot sign terms nobody approved")
        for name, path in self._refused_paths(order)[2:]:
            with self.subTest(path=name), self.assertRaisesRegex(UserError, GUARD_MESSAGE):
                path()

    def test_payment_processing_never_raises(self):
        order = self._create_proposal(discount=15.0, require_payment=True)
        payment_method = self.env.ref("payment.payment_method_unknown")
        provider = self.env["payment.provider"].create(
            {
                "name": "Dummy",
                "code": "none",
                "state": "test",
                "payment_method_ids": [Command.set(payment_method.ids)],
            }
        )
        tx = (
            self.env["payment.transaction"]
            .sudo()
            .create(
                {
                    "provider_id": provider.id,
                    "payment_method_id": payment_method.id,
                    "amount": order.amount_total,
                    "currency_id": order.currency_id.id,
                    "partner_id": self.client1.id,
                    "reference": "VIP-TX-1",
                    "operation": "online_redirect",
                    "sale_order_ids": [Command.set(order.ids)],
                }
            )
        )
        tx._set_pending()
        tx._post_process()  # must not raise
        self.assertEqual(order.state, "sent", "as in standard Odoo, a pending payment marks it as sent")
        tx._set_done()
        # The sales step of processing a done payment (the accounting step needs a journal).
        self.assertFalse(tx._check_amount_and_confirm_order())
        self.assertEqual(order.state, "sent", "a quotation awaiting approval is not confirmed by a payment")
        self.assertTrue(order.message_ids.filtered(lambda m: "A payment was received" in (m.body or "")))
        # Once approved, the salesperson confirms it.
        self._approve(order)
        self._vip_confirm(order, self.manager1)
        self.assertEqual(order.state, "sale")


@tagged("post_install", "-at_install")
class TestReapproval(ProposalCommon):
    def _last_note(self, order):
        return order.message_ids.filtered(lambda m: "The offer changed" in (m.body or ""))[:1]

    def test_order_change_goes_back_to_approval(self):
        order = self._approve(self._create_proposal(discount=15.0))
        order.with_user(self.manager1).write({"payment_term_id": self.term_60.id})
        self.assertEqual(order.vip_approval_state, "to_approve")
        note = self._last_note(order)
        self.assertIn("goes back to the head of sales", note.body)
        self.assertIn("Payment Terms: Immediate Payment → 60 Days", note.body)
        activity_type = self.env.ref("vip_sales.mail_act_type_proposal_approval")
        self.assertIn(activity_type, order.vip_approval_request_id.activity_ids.activity_type_id)

    def test_non_commercial_changes_keep_the_approval(self):
        order = self._approve(self._create_proposal(discount=15.0))
        tag = self.env["crm.tag"].create({"name": "Spring"})
        order.with_user(self.manager1).write(
            {
                "client_order_ref": "PO-77",
                "note": "<p>Deliver to the back door</p>",
                "tag_ids": [Command.set(tag.ids)],
            }
        )
        order.order_line.with_user(self.manager1).name = "Sofa Verona, grey"
        self.assertEqual(order.vip_approval_state, "approved")
        self.assertFalse(self._last_note(order))

    def test_line_changes_go_back_to_approval(self):
        changes = [
            (
                "quantity",
                lambda order: order.order_line[:1].write({"product_uom_qty": 3}),
                "Quantity 2.00 → 3.00",
            ),
            (
                "price",
                lambda order: order.order_line[:1].write({"price_unit": 900}),
                "Unit Price 1,000.00 → 900.00",
            ),
            (
                "discount",
                lambda order: order.order_line[:1].write({"discount": 12}),
                "Discount (%) 15.00 → 12.00",
            ),
            (
                "added line",
                lambda order: (
                    self.env["sale.order.line"]
                    .with_user(self.manager1)
                    .create({"order_id": order.id, "product_id": self.product_chair.id})
                ),
                "Line added: Chair Oslo",
            ),
            ("removed line", lambda order: order.order_line[:1].unlink(), "Line removed: Sofa Verona"),
        ]
        for name, change, expected in changes:
            with self.subTest(change=name):
                order = self._approve(self._create_proposal(discount=15.0, vip_proposal_type="individual"))
                change(order.with_user(self.manager1))
                self.assertEqual(order.vip_approval_state, "to_approve")
                self.assertIn(expected, self._last_note(order).body)

    def test_order_form_edit_posts_one_message(self):
        order = self._approve(self._create_proposal(discount=15.0))
        line = order.order_line
        order.with_user(self.manager1).write(
            {
                "payment_term_id": self.term_30.id,
                "order_line": [
                    Command.update(line.id, {"product_uom_qty": 4}),
                    Command.create({"product_id": self.product_chair.id}),
                ],
            }
        )
        notes = order.message_ids.filtered(lambda m: "The offer changed" in (m.body or ""))
        self.assertEqual(len(notes), 1)
        for expected in ("Payment Terms", "Quantity 2.00 → 4.00", "Line added: Chair Oslo", "Total:"):
            self.assertIn(expected, notes.body)

    def test_change_removing_every_reason_needs_no_approval(self):
        order = self._approve(self._create_proposal(discount=15.0))
        order.order_line.with_user(self.manager1).discount = 5.0
        self.assertEqual(order.vip_approval_state, "not_required")
        self.assertIn("no longer needs approval", self._last_note(order).body)
        order.with_user(self.manager1).action_quotation_sent()

    def test_confirmed_orders_keep_their_approval(self):
        order = self._approve(self._create_proposal(discount=15.0))
        self._vip_confirm(order, self.manager1)
        order.order_line.with_user(self.head).product_uom_qty = 5
        self.assertEqual(order.vip_approval_state, "approved")
