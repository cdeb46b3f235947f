from datetime import timedelta

from freezegun import freeze_time

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError
from odoo.http import Request
from odoo.tests import Form, HttpCase, new_test_user, tagged
from odoo.tools import format_date

from .client_card_common import ACCOUNT_SBERBANK, BIK_SBERBANK, CORR_SBERBANK, INN_LEGAL, KPP, OGRN
from .proposal_common import SIGNATURE, ProposalCommon


@tagged("post_install", "-at_install")
class TestRevisions(ProposalCommon):
    def test_revision_snapshot_and_readable_diff(self):
        order = self._create_proposal(discount=5.0)
        order = order.with_user(self.manager1)
        self.assertEqual(order.vip_proposal_number, order.name)
        order.action_vip_new_revision()
        self.assertEqual(order.vip_revision, 1)
        self.assertEqual(order.vip_proposal_number, f"{order.name}-R1")
        first = order.vip_revision_ids
        self.assertEqual(first.display_name, order.name)
        self.assertEqual(first.snapshot["lines"][str(order.order_line.id)]["quantity"], 2.0)
        self.assertFalse(order.vip_revision_changes)

        # Revised to the client's conditions.
        sofa = order.order_line
        order.write(
            {
                "payment_term_id": self.term_30.id,
                "order_line": [
                    Command.update(sofa.id, {"product_uom_qty": 3, "price_unit": 950, "discount": 8}),
                    Command.create({"product_id": self.product_chair.id, "product_uom_qty": 4}),
                ],
            }
        )
        self.assertIn("Line added: Chair Oslo", order.vip_revision_changes)
        order.action_vip_new_revision()
        second = order.vip_revision_ids.filtered(lambda r: r.revision == 1)
        self.assertEqual(second.display_name, f"{order.name}-R1")
        self.assertEqual(order.vip_proposal_number, f"{order.name}-R2")
        changes = second.changes
        for expected in (
            "Payment Terms: Immediate Payment → 30 Days",
            "Sofa Verona: Quantity 2.00 → 3.00; Unit Price 1,000.00 → 950.00; Discount (%) 5.00 → 8.00",
            "Line added: Chair Oslo, 4.00 Units at 200.00",
            "Total:",
        ):
            self.assertIn(expected, changes)

        order.order_line.filtered(lambda line: line.product_id == self.product_chair).unlink()
        compare = Form(
            self.env["vip.proposal.revision.compare"]
            .with_user(self.manager1)
            .with_context(default_order_id=order.id)
        )
        self.assertEqual(compare.from_revision_id, second, "compares the last revision by default")
        self.assertIn("Line removed: Chair Oslo", compare.changes)
        compare.from_revision_id = first
        compare.to_revision_id = second
        self.assertIn("Line added: Chair Oslo", compare.changes)

    def test_revision_only_for_own_quotations(self):
        order = self._create_proposal()
        with self.assertRaises(UserError):
            order.with_user(self.manager2).action_vip_new_revision()
        self._vip_confirm(order, self.manager1)
        with self.assertRaises(UserError):
            order.with_user(self.manager1).action_vip_new_revision()


@tagged("post_install", "-at_install")
class TestAgreementAndRefusal(ProposalCommon):
    def test_nomenclature_agreement_cleared_by_line_changes(self):
        for name, change in (
            ("quantity", lambda order: order.order_line.write({"product_uom_qty": 5})),
            ("variant", lambda order: order.order_line.write({"product_id": self.product_chair.id})),
            (
                "added line",
                lambda order: order.write(
                    {"order_line": [Command.create({"product_id": self.product_chair.id})]}
                ),
            ),
            ("removed line", lambda order: order.order_line.unlink()),
            ("description", lambda order: order.order_line.write({"name": "Sofa Verona, green velvet"})),
        ):
            with self.subTest(change=name):
                order = self._create_proposal().with_user(self.manager1)
                self._agree(order)
                self.assertRecordValues(
                    order,
                    [{"vip_nomenclature_agreed": True, "vip_nomenclature_agreed_user_id": self.manager1.id}],
                )
                change(order)
                self.assertRecordValues(
                    order,
                    [
                        {
                            "vip_nomenclature_agreed": False,
                            "vip_nomenclature_agreed_date": False,
                            "vip_nomenclature_agreed_user_id": False,
                        }
                    ],
                )
        order = self._create_proposal().with_user(self.manager1)
        self._agree(order)
        order.write(
            {
                "client_order_ref": "PO-1",
                "order_line": [Command.create({"display_type": "line_note", "name": "Leave at the gate"})],
            }
        )
        self.assertTrue(order.vip_nomenclature_agreed, "a note or a reference is no change of nomenclature")

    def test_nomenclature_agreement_is_recorded_by_its_button_only(self):
        order = self._create_proposal().with_user(self.manager1)
        for vals in (
            {"vip_nomenclature_agreed": True},
            {"vip_nomenclature_agreed_date": "2020-01-01 00:00:00"},
            {"vip_nomenclature_agreed_user_id": self.manager2.id},
        ):
            with self.subTest(vals=vals), self.assertRaisesRegex(AccessError, "recorded by the system"):
                order.write(vals)
        self.assertFalse(order.vip_nomenclature_agreed)
        # Another manager's proposal, and an order no longer a quotation, are refused.
        with self.assertRaises(AccessError):
            order.with_user(self.manager2).action_vip_agree_nomenclature()
        # With the company's policy off, an order confirms without the agreement, as in Odoo.
        self.company.vip_require_nomenclature = False
        order.action_confirm()
        with self.assertRaisesRegex(UserError, "no longer one"):
            order.action_vip_agree_nomenclature()
        self.assertFalse(order.vip_nomenclature_agreed)

    def test_cancel_needs_a_refusal_reason(self):
        order = self._create_proposal().with_user(self.manager1)
        with self.assertRaisesRegex(UserError, "Give the reason why the client refused"):
            order.action_cancel()
        order.vip_refusal_reason_id = self.refusal_price
        with self.assertRaises(UserError, msg="the comment is required too"):
            order.action_cancel()
        order.vip_refusal_comment = "Found it 12 % cheaper elsewhere"
        order.action_cancel()
        self.assertEqual(order.state, "cancel")
        # Set back to quotation: the refusal no longer holds.
        order.action_draft()
        self.assertFalse(order.vip_refusal_reason_id)
        self.assertFalse(order.vip_refusal_comment)

    def test_cancel_button_and_mass_cancel_ask_for_the_reason(self):
        orders = self._create_proposal() | self._create_proposal()
        non_vip = self._create_proposal(partner=self.non_vip)
        action = orders[0].with_user(self.manager1).action_vip_cancel()
        self.assertEqual(action["res_model"], "sale.mass.cancel.orders")
        wizard_model = self.env["sale.mass.cancel.orders"].with_user(self.manager1)
        wizard = wizard_model.with_context(active_ids=(orders | non_vip).ids).create({})
        self.assertTrue(wizard.vip_needs_refusal_reason)
        with self.assertRaises(UserError):
            wizard.action_mass_cancel()
        self.assertEqual(set(orders.mapped("state")), {"draft"})
        wizard.write({"vip_refusal_reason_id": self.refusal_price.id, "vip_refusal_comment": "Too expensive"})
        wizard.action_mass_cancel()
        self.assertEqual(set((orders | non_vip).mapped("state")), {"cancel"})
        self.assertEqual(orders.vip_refusal_reason_id, self.refusal_price)
        self.assertFalse(non_vip.vip_refusal_reason_id)

    def test_non_vip_cancel_is_standard(self):
        order = self._create_proposal(partner=self.non_vip)
        order.action_cancel()
        self.assertEqual(order.state, "cancel")
        wizard = (
            self.env["sale.mass.cancel.orders"]
            .with_context(active_ids=self._create_proposal(partner=self.non_vip).ids)
            .create({})
        )
        self.assertFalse(wizard.vip_needs_refusal_reason)
        wizard.action_mass_cancel()


@tagged("post_install", "-at_install")
class TestReceipt(ProposalCommon):
    def test_sent_not_viewed_filter_and_activity(self):
        receipt_type = self.env.ref("vip_sales.mail_act_type_proposal_receipt")
        with freeze_time(fields.Datetime.now() - timedelta(days=4)):
            old = self._create_proposal().with_user(self.manager1)
            old.action_quotation_sent()
            viewed = self._create_proposal().with_user(self.manager1)
            viewed.action_quotation_sent()
        recent = self._create_proposal().with_user(self.manager1)
        recent.action_quotation_sent()
        viewed.sudo()._vip_mark_viewed()
        self.assertEqual(recent.vip_sent_date.date(), fields.Date.today())
        unviewed = self.env["sale.order"].search(
            [("id", "in", (old | viewed | recent).ids), *self.env["sale.order"]._vip_unviewed_domain()]
        )
        self.assertEqual(unviewed, old)
        # The search filter of the proposals says the same.
        search_view = self.env.ref("vip_sales.view_sales_order_filter_inherit_vip_sales")
        self.assertIn("now -3d", search_view.arch)
        self.env["res.partner"]._cron_vip_schedule_activities()
        activity = self.client1.activity_ids.filtered(lambda a: a.activity_type_id == receipt_type)
        self.assertEqual(activity.user_id, self.manager1, "the client's owner checks the receipt")
        self.assertFalse(self.client2.activity_ids.filtered(lambda a: a.activity_type_id == receipt_type))

    def test_sent_date_is_the_first_sending(self):
        order = self._create_proposal().with_user(self.manager1)
        with freeze_time("2026-03-02 10:00:00"):
            order.action_quotation_sent()
        order.action_draft()
        order.action_quotation_sent()
        self.assertEqual(order.vip_sent_date, fields.Datetime.to_datetime("2026-03-02 10:00:00"))

    def test_mail_status_of_the_last_email(self):
        order = self._approve(self._create_proposal(partner=self.client1_contact, discount=15.0))
        self.assertFalse(order.vip_mail_status)
        order.with_user(self.manager1).message_post(
            body="Your proposal",
            partner_ids=self.client1_contact.ids,
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
        )
        order.invalidate_recordset(["vip_mail_status"])
        self.assertIn(order.vip_mail_status, ("ready", "sent"))

    def test_printed_proposal(self):
        order = self._create_proposal(
            discount=15.0,
            vip_special_terms_note="Delivery to three stores in one truck",
            vip_free_delivery=True,
        )
        bank = self.env["res.bank"].create(
            {"name": "Sberbank", "vip_bik": BIK_SBERBANK, "vip_corr_account": CORR_SBERBANK}
        )
        self.client1.write(
            {
                "vat": INN_LEGAL,
                "vip_kpp": KPP,
                "vip_ogrn": OGRN,
                "bank_ids": [Command.create({"acc_number": ACCOUNT_SBERBANK, "bank_id": bank.id})],
            }
        )
        order.with_user(self.manager1).action_vip_new_revision()
        self._approve(order)
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html("sale.action_report_saleorder", order.ids)[0]
            .decode()
        )
        for expected in (
            "Commercial Proposal No.",
            f"{order.name}-R1",
            "Seller",
            "Buyer",
            f"INN <span>{INN_LEGAL}</span>, KPP <span>{KPP}</span>",
            f"OGRN <span>{OGRN}</span>",
            f"Account <span>{ACCOUNT_SBERBANK}</span>",
            f"BIC <span>{BIK_SBERBANK}</span>",
            f"corr. account <span>{CORR_SBERBANK}</span>",
            "Proposal Type",
            "Delivery to three stores in one truck",
            "Free delivery",
            "Special terms approved by",
            self.head.name,
            'name="vip_logistics"',
        ):
            self.assertIn(expected, html)
        standard = self._create_proposal(partner=self.non_vip)
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html("sale.action_report_saleorder", standard.ids)[0]
            .decode()
        )
        self.assertNotIn("Commercial Proposal", html)
        self.assertIn("Quotation", html)


@tagged("post_install", "-at_install")
class TestProposalPortal(ProposalCommon, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.portal_user = new_test_user(
            cls.env, login="mebelgrad_portal", groups="base.group_portal", partner_id=cls.client1_contact.id
        )

    def _portal_url(self, order, suffix=""):
        order._portal_ensure_token()
        return f"/my/orders/{order.id}{suffix}?access_token={order.access_token}"

    def test_viewed_date_counts_the_client_only(self):
        order = self._approve(self._create_proposal(partner=self.client1_contact, discount=15.0))
        order.with_user(self.manager1).action_quotation_sent()
        self.authenticate(self.manager1.login, self.manager1.login)
        self.assertEqual(self.url_open(self._portal_url(order)).status_code, 200)
        self.assertFalse(order.vip_viewed_date, "the salesperson's preview does not count")
        self.authenticate(self.portal_user.login, self.portal_user.login)
        self.assertEqual(self.url_open(f"/my/orders/{order.id}").status_code, 200)
        self.assertTrue(order.vip_viewed_date)
        first = order.vip_viewed_date
        self.authenticate(None, None)
        self.url_open(self._portal_url(order))
        self.assertEqual(order.vip_viewed_date, first, "the first view is kept")

    def test_portal_page_of_a_proposal_awaiting_approval(self):
        order = self._create_proposal(partner=self.client1_contact, discount=15.0, require_signature=True)
        order.with_user(self.manager1).action_vip_request_approval()
        response = self.url_open(self._portal_url(order))
        self.assertIn("This proposal is being finalised.", response.text)
        self.assertNotIn("Accept & Sign", response.text)
        self.assertNotIn("print_invoice_report", response.text)
        pdf = self.url_open(self._portal_url(order) + "&report_type=pdf", allow_redirects=False)
        self.assertEqual(pdf.status_code, 303, "no printout for the client either")
        self.assertTrue(order.vip_viewed_date)
        # Once approved, the client signs and prints it.
        order.with_user(self.head).action_vip_approve()
        response = self.url_open(self._portal_url(order))
        self.assertNotIn("This proposal is being finalised.", response.text)
        self.assertIn("Accept & Sign", response.text)
        self.assertIn("print_invoice_report", response.text)

    def test_portal_shows_the_agreed_shipping_date_and_signing_agrees_the_lines(self):
        agreed = fields.Datetime.now().replace(microsecond=0) + timedelta(days=12)
        order = self._create_proposal(
            partner=self.client1_contact, commitment_date=agreed, require_signature=True
        )
        response = self.url_open(self._portal_url(order))
        day = format_date(order.with_context(lang="en_US").env, order._vip_commitment_day())
        self.assertIn(day, response.text, "the client reads the shipping date agreed with him")
        self.assertFalse(order.vip_nomenclature_agreed)
        self.make_jsonrpc_request(
            f"/my/orders/{order.id}/accept",
            {"access_token": order.access_token, "name": "Olga Petrova", "signature": SIGNATURE},
        )
        self.assertRecordValues(
            order, [{"vip_nomenclature_agreed": True, "vip_nomenclature_channel": "portal", "state": "sale"}]
        )

    def test_report_download_refused_to_the_manager(self):
        order = self._create_proposal(discount=15.0)
        self.authenticate(self.manager1.login, self.manager1.login)
        url = f"/report/html/sale.report_saleorder/{order.id}"
        response = self.url_open(url)
        self.assertNotEqual(response.status_code, 200)
        self.assertIn("has not approved the special terms", response.text)
        self._approve(order)
        response = self.url_open(url)
        self.assertEqual(response.status_code, 200)
        self.assertIn("Commercial Proposal No.", response.text)

    def test_client_declines_in_the_portal(self):
        order = self._approve(
            self._create_proposal(partner=self.client1_contact, discount=15.0, require_signature=True)
        )
        order.with_user(self.manager1).action_quotation_sent()
        self.authenticate(None, None)
        response = self.url_open(
            f"/my/orders/{order.id}/decline",
            data={
                "access_token": order._portal_ensure_token(),
                "decline_message": "We found a cheaper supplier",
                "csrf_token": Request.csrf_token(self),
            },
        )
        self.assertEqual(response.status_code, 200)
        self.assertRecordValues(
            order,
            [
                {
                    "state": "cancel",
                    "vip_refusal_reason_id": self.env.ref("vip_sales.vip_refusal_reason_client_declined").id,
                    "vip_refusal_comment": "We found a cheaper supplier",
                }
            ],
        )
