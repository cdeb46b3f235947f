import base64
from datetime import timedelta

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import HttpCase, tagged

from .common import CONTRACT_SCAN as SCAN
from .contract_common import ContractCommon
from .proposal_common import ProposalCommon


@tagged("post_install", "-at_install")
class TestSupplyContract(ContractCommon):
    """A VIP client's supply contract: its terms approved by the head, signed, then the
    baseline of the client's proposals."""

    def test_terms_approved_by_the_head_then_signed(self):
        contract = self._contract()
        with self.assertRaisesText(AccessError, "changes only through its request"):
            contract.write({"vip_state": "signed"})
        contract.action_vip_request_approval()
        self.assertEqual(contract.vip_state, "to_approve")
        request = contract.vip_approval_request_id
        self.assertIn(self.head, request.approver_ids)
        self.assertIn("Discount 15.00 %", request.reasons)
        with self.assertRaisesText(UserError, "make a new contract to change them"):
            contract.vip_discount = 20.0
        with self.assertRaisesText(AccessError, "Only the head of sales"):
            contract.action_vip_approve()
        contract.with_user(self.head).action_vip_approve()
        self.assertEqual(contract.vip_state, "approved")
        self.assertEqual(
            contract.env["vip.approval"]
            .search([("res_model", "=", "agreement"), ("res_id", "=", contract.id)])
            .decision,
            "approved",
        )
        with self.assertRaisesText(AccessError, "Only the head of sales signs"):
            contract.action_vip_sign()
        with self.assertRaisesText(UserError, "Attach the scan"):
            contract.with_user(self.head).action_vip_sign()
        contract.with_user(self.head).vip_signed_file = SCAN
        contract.with_user(self.head).action_vip_sign()
        self.assertRecordValues(contract, [{"vip_state": "signed", "signature_date": self.today}])
        self.assertRecordValues(self.client1, [{"credit_limit": 10000.0, "use_partner_credit_limit": True}])
        with self.assertRaisesText(UserError, "part of the signed contract"):
            contract.vip_signed_file = base64.b64encode(b"another")

    def test_nobody_approves_or_signs_his_own_contract(self):
        contract = self._contract(user=self.head)
        contract.action_vip_request_approval()
        with self.assertRaisesText(AccessError, "You negotiated"):
            contract.action_vip_approve()
        contract.with_user(self.head2).action_vip_approve()
        contract.with_user(self.head2).vip_signed_file = SCAN
        with self.assertRaisesText(AccessError, "You negotiated"):
            contract.action_vip_sign()
        contract.with_user(self.head2).action_vip_sign()
        self.assertEqual(contract.vip_state, "signed")

    def test_bad_terms_are_refused(self):
        for values, text in (
            ({"vip_prepayment_share": 120.0}, "percentages between 0 and 100"),
            ({"vip_credit_limit": -1.0}, "cannot be negative"),
            ({"end_date": self.today - timedelta(days=20)}, "cannot end before it starts"),
        ):
            with self.subTest(values=values), self.assertRaisesText(ValidationError, text):
                self._contract(code=f"BAD-{len(text)}", **values)
        self.assertFalse(self.env["agreement"].search([("code", "like", "BAD-")]))
        self._signed()
        # A second signed contract overlapping the first one is refused at signing.
        second = self._contract(code="ДП-2", start_date=self.today + timedelta(days=100))
        second.action_vip_request_approval()
        second.with_user(self.head).action_vip_approve()
        second.with_user(self.head).vip_signed_file = SCAN
        with self.assertRaisesText(ValidationError, "already has a signed contract"):
            second.with_user(self.head).action_vip_sign()
        self.assertEqual(second.vip_state, "approved")

    def test_proposal_within_the_contract_needs_no_approval_outside_it_does(self):
        contract = self._signed()
        order = self._create_proposal(
            discount=15.0, payment_term_id=self.term_30.id, pricelist_id=self.pricelist_contract.id
        )
        self.assertEqual(order.agreement_id, contract, "the client's signed contract applies")
        self.assertRecordValues(order, [{"vip_payment_form": "deferred", "vip_prepayment_share": 30.0}])
        self.assertEqual(order.vip_approval_state, "not_required", "15 % is the contract's discount")
        # Outside the contract: more discount, another price type and payment form, less
        # prepayment, a longer delay; each says the contract's term.
        order.write(
            {
                "pricelist_id": False,
                "vip_payment_form": "on_delivery",
                "vip_prepayment_share": 10.0,
                "payment_term_id": self.term_60.id,
            }
        )
        order.order_line.discount = 18.0
        reasons = order.vip_approval_reasons
        for text in (
            "exceeds the 15.00 % allowed",
            "instead of the contract's “Contract prices (USD)”",
            "instead of the contract's “Deferred Payment”",
            "below the contract's 30.0 %",
            "the contract's “30 Days” by 30",
        ):
            self.assertIn(text, reasons)
        self.assertEqual(order.vip_approval_state, "required")

    def test_credit_limit_of_the_contract(self):
        self._signed(vip_credit_limit=2500.0)
        order = self._create_proposal(
            payment_term_id=self.term_30.id, pricelist_id=self.pricelist_contract.id
        )
        order.order_line.discount = 15.0
        self.assertEqual(order.amount_total, 1700.0)
        self.assertEqual(order.vip_approval_state, "not_required")
        # Another order confirmed, not invoiced: 1,700 + 1,700 is above the limit of 2,500.
        self._vip_confirm(
            self._create_proposal(
                payment_term_id=self.term_30.id, pricelist_id=self.pricelist_contract.id, discount=15.0
            )
        )
        order.invalidate_recordset()
        self.assertIn("above the contract's credit limit", order.vip_approval_reasons)
        self.assertEqual(order._vip_credit_exposure(), 3400.0)
        self.assertEqual(order.agreement_id._vip_credit_used(), 1700.0, "what is owed, without a new order")

    def test_without_a_contract_the_company_policy_decides(self):
        order = self._create_proposal()
        self.assertFalse(order.agreement_id)
        self.assertIn("no signed supply contract", order.vip_contract_warning)
        self.company.vip_contract_policy = "block"
        order.invalidate_recordset(["vip_contract_warning"])
        self.assertFalse(order.vip_contract_warning)
        self._agree(order.with_user(self.manager1))
        with self.assertRaisesText(UserError, "no signed supply contract"):
            order.with_user(self.manager1).action_confirm()
        self.company.vip_contract_policy = "none"
        order.with_user(self.manager1).action_confirm()
        self.assertEqual(order.state, "sale")

    def test_expiry_and_renewal_reminder(self):
        contract = self._signed(end_date=self.today + timedelta(days=20))
        self.env["agreement"]._cron_vip_contracts()
        self.env["agreement"]._cron_vip_contracts()
        activity = contract.activity_ids
        self.assertEqual(len(activity), 1, "one reminder, however often the cron runs")
        self.assertEqual(activity.user_id, self.manager1)
        contract.sudo().end_date = self.today - timedelta(days=1)
        self.env["agreement"]._cron_vip_contracts()
        self.assertEqual(contract.vip_state, "expired")
        self.assertFalse(self._create_proposal().agreement_id, "an expired contract is no baseline")

    def test_manager_sees_the_contracts_of_his_clients_only(self):
        contract = self._contract()
        self.assertFalse(self.env["agreement"].with_user(self.manager2).search([("id", "=", contract.id)]))
        self.assertTrue(self.env["agreement"].with_user(self.head).search([("id", "=", contract.id)]))
        with self.assertRaises(AccessError):
            contract.with_user(self.manager1).unlink()


@tagged("post_install", "-at_install")
class TestContractTour(ProposalCommon, HttpCase):
    """From a new contract to a proposal within its terms and one beyond them: the manager
    prepares and submits the contract, the head approves and signs it, the manager sells."""

    def test_from_a_new_contract_to_proposals_within_and_beyond_it(self):
        self.manager1.group_ids = [Command.link(self.env.ref("sale.group_discount_per_so_line").id)]
        self.start_tour(
            "/odoo/action-vip_sales.agreement_action_vip",
            "vip_sales_contract_manager_prepares",
            login=self.manager1.login,
        )
        contract = self.env["agreement"].search([("code", "=", "ДП-2026/014")])
        self.assertRecordValues(
            contract,
            [
                {
                    "partner_id": self.client1.id,
                    "vip_user_id": self.manager1.id,
                    "vip_state": "to_approve",
                    "vip_discount": 15.0,
                    "vip_payment_form": "deferred",
                    "vip_prepayment_share": 30.0,
                    "vip_credit_limit": 100000.0,
                }
            ],
        )
        head_contract = contract.with_user(self.head)
        head_contract.action_vip_approve()
        head_contract.vip_signed_file = SCAN
        head_contract.action_vip_sign()
        self.start_tour(
            "/odoo/action-vip_sales.sale_order_action_vip_proposals",
            "vip_sales_contract_orders",
            login=self.manager1.login,
        )
        order = self.env["sale.order"].search([("partner_id", "=", self.client1.id)])
        self.assertRecordValues(
            order,
            [{"agreement_id": contract.id, "vip_payment_form": "deferred", "vip_approval_state": "required"}],
        )
        self.assertEqual(
            order.vip_approval_reasons, "Discount of 20.00 % on “Sofa Verona” exceeds the 15.00 % allowed"
        )


@tagged("post_install", "-at_install")
class TestContractTourMobile(TestContractTour):
    """The same at a phone's size, with touch."""

    browser_size = "375x667"
    touch_enabled = True
    allow_inherited_tests_method = True
