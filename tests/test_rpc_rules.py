"""The business rules of issue #14, tried as a client program with a real login would: over
XML-RPC and plain HTTP against the in-process server, not through the buttons."""

import xmlrpc.client

from rpc_common import RpcCase

from odoo import Command
from odoo.tests import new_test_user

APPROVAL_GUARD = "has not approved the special terms"


class RulesRpcCase(RpcCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        cls.manager = new_test_user(env, login="rules_manager", groups="vip_sales.group_vip_manager")
        cls.other_manager = new_test_user(env, login="rules_manager2", groups="vip_sales.group_vip_manager")
        cls.head = new_test_user(env, login="rules_head", groups="vip_sales.group_vip_head")
        cls.other_head = new_test_user(env, login="rules_head2", groups="vip_sales.group_vip_head")
        # Active sales, who may also edit contacts (as in the demo).
        cls.active_sales = new_test_user(
            env,
            login="rules_active_sales",
            groups="sales_team.group_sale_salesman,base.group_partner_manager",
        )
        cls.silver, cls.platinum = env["vip.tier"].create(
            [{"name": "Silver", "min_card_completeness": 0}, {"name": "Platinum", "min_card_completeness": 0}]
        )
        cls.client = env["res.partner"].create(
            {
                "name": "Mebelgrad LLC",
                "is_company": True,
                "vip_tier_id": cls.silver.id,
                "vip_manager_id": cls.manager.id,
            }
        )
        cls.prospect = env["res.partner"].create(
            {"name": "Novy Interier LLC", "is_company": True, "user_id": cls.active_sales.id}
        )
        cls.product = env["product.product"].create(
            {"name": "Sofa Verona", "type": "consu", "list_price": 1000.0, "taxes_id": [Command.clear()]}
        )
        cls.env.company.vip_max_discount = 10.0

    def _refused(self, user, model, method, *args, fault=None):
        with self.assertRaises(xmlrpc.client.Fault) as refusal:
            self._call(user, model, method, *args)
        if fault:
            self.assertIn(fault, refusal.exception.faultString)
        return refusal.exception.faultString


class TestHandoverRpc(RulesRpcCase):
    def _hand_over(self, user, partner, to_user, tier, **values):
        return self._call(
            user,
            "vip.handover",
            "create",
            {"partner_id": partner.id, "to_user_id": to_user.id, "tier_id": tier.id, **values},
        )

    def _submit_and_accept(self, giver, receiver, handover_id):
        """Over RPC as the buttons do: the giver fills the promises and submits, the receiver
        confirms the checklist and accepts."""
        promises = self._call(
            giver,
            "vip.handover.check",
            "search",
            [("handover_id", "=", handover_id), ("kind", "=", "promises")],
        )
        self._call(giver, "vip.handover.check", "write", promises, {"note": "None"})
        self._call(giver, "vip.handover", "action_submit", [handover_id])
        checks = self._call(receiver, "vip.handover.check", "search", [("handover_id", "=", handover_id)])
        self._call(receiver, "vip.handover.check", "action_confirm", checks)
        self._call(receiver, "vip.handover", "action_accept", [handover_id])

    def test_no_tier_raised_by_a_self_hand_over(self):
        self._refused(
            self.manager,
            "vip.handover",
            "create",
            {"partner_id": self.client.id, "to_user_id": self.manager.id, "tier_id": self.platinum.id},
            fault="cannot hand it over to themselves",
        )
        # Nor through a colleague: the tier of a VIP client is the head's to change.
        self._refused(
            self.manager,
            "vip.handover",
            "create",
            {"partner_id": self.client.id, "to_user_id": self.other_manager.id, "tier_id": self.platinum.id},
            fault="keeps its tier Silver",
        )
        handover_id = self._hand_over(self.manager, self.client, self.other_manager, self.silver)
        # The receiver cannot rewrite the tier before accepting.
        self._refused(
            self.other_manager,
            "vip.handover",
            "write",
            [handover_id],
            {"tier_id": self.platinum.id},
            fault="who hands the client over",
        )
        self._submit_and_accept(self.manager, self.other_manager, handover_id)
        self.assertRecordValues(
            self.client, [{"vip_tier_id": self.silver.id, "vip_manager_id": self.other_manager.id}]
        )

    def test_no_client_taken_without_the_other_side(self):
        self._refused(
            self.manager,
            "vip.handover",
            "create",
            {"partner_id": self.prospect.id, "to_user_id": self.manager.id, "tier_id": self.platinum.id},
            fault="cannot hand it over to themselves",
        )
        self._refused(
            self.manager,
            "vip.handover",
            "create",
            {
                "partner_id": self.prospect.id,
                "to_user_id": self.other_manager.id,
                "tier_id": self.platinum.id,
            },
            fault="belongs to",
        )
        self._refused(
            self.manager,
            "vip.handover",
            "create",
            {
                "partner_id": self.client.id,
                "to_user_id": self.head.id,
                "tier_id": self.silver.id,
                "from_user_id": self.other_manager.id,
            },
            fault="in your own name",
        )
        self.assertFalse(self.env["vip.handover"].search([("partner_id", "=", self.prospect.id)]))
        self.assertFalse(self.prospect.vip_tier_id)
        # Active sales hands it over, the VIP manager accepts: two people, one hand-over.
        handover_id = self._hand_over(self.active_sales, self.prospect, self.manager, self.platinum)
        self._submit_and_accept(self.active_sales, self.manager, handover_id)
        self.assertRecordValues(
            self.prospect, [{"vip_tier_id": self.platinum.id, "vip_manager_id": self.manager.id}]
        )


class TestProposalRulesRpc(RulesRpcCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.package = cls.env["vip.product.package"].create(
            {
                "name": "Lounge",
                "discount": 7.0,
                "line_ids": [Command.create({"product_tmpl_id": cls.product.product_tmpl_id.id})],
            }
        )
        cls.chair = cls.env["product.product"].create({"name": "Chair Oslo", "list_price": 200.0})

    def _proposal(self, user, line, **values):
        order_id = self._call(
            user,
            "sale.order",
            "create",
            {"partner_id": self.client.id, "order_line": [(0, 0, line)], **values},
        )
        return self.env["sale.order"].browse(order_id)

    def _assert_held(self, order, user):
        self.assertTrue(order.vip_needs_approval)
        self.assertEqual(order.vip_approval_state, "required")
        self._refused(user, "sale.order", "action_confirm", [order.id], fault=APPROVAL_GUARD)
        self.assertEqual(order.state, "draft")

    def test_package_discount_written_directly_needs_approval(self):
        # A discount written with a made-up package discount is refused at creation...
        self._refused(
            self.manager,
            "sale.order",
            "create",
            {
                "partner_id": self.client.id,
                "order_line": [
                    (0, 0, {"product_id": self.product.id, "discount": 55.0, "vip_package_discount": 55.0})
                ],
            },
            fault="computed, not entered",
        )
        order = self._proposal(self.manager, {"product_id": self.product.id, "discount": 55.0})
        self.assertIn("Discount of 55.00 %", order.vip_approval_reasons)
        self._assert_held(order, self.manager)
        # ...and later, and pointing the line to a package gives only the pre-approved discount
        # is the package's configured one, and only for its own products.
        line = order.order_line
        self._refused(
            self.manager,
            "sale.order.line",
            "write",
            line.ids,
            {"vip_package_discount": 60.0, "discount": 60.0},
            fault="computed, not entered",
        )
        self._call(self.manager, "sale.order.line", "write", line.ids, {"vip_package_id": self.package.id})
        self.assertEqual(line.vip_package_discount, 7.0)
        self._call(self.manager, "sale.order.line", "write", line.ids, {"discount": 60.0})
        self._assert_held(order, self.manager)
        self._refused(
            self.manager,
            "sale.order.line",
            "create",
            {"order_id": order.id, "product_id": self.chair.id, "vip_package_id": self.package.id},
            fault="is not part of the package offer",
        )
        # The package's own discount is pre-approved.
        self._call(self.manager, "sale.order.line", "write", line.ids, {"discount": 7.0})
        self.assertFalse(order.vip_needs_approval)

    def test_price_cut_is_a_discount(self):
        order = self._proposal(self.manager, {"product_id": self.product.id, "price_unit": 400.0})
        self.assertIn("Discount of 60.00 %", order.vip_approval_reasons)
        self._assert_held(order, self.manager)

    def test_no_approval_kept_after_a_change_of_salesperson(self):
        order = self._proposal(
            self.head, {"product_id": self.product.id, "discount": 20.0}, user_id=self.manager.id
        )
        self._call(self.manager, "sale.order", "action_vip_request_approval", [order.id])
        self._call(self.head, "sale.order", "action_vip_approve", [order.id])
        self.assertEqual(order.vip_approval_state, "approved")
        self._call(self.head, "sale.order", "write", [order.id], {"user_id": self.head.id})
        self.assertEqual(order.vip_approval_state, "to_approve", "the decider became the salesperson")
        self._refused(self.head, "sale.order", "action_confirm", [order.id], fault=APPROVAL_GUARD)
        self._refused(
            self.head, "sale.order", "action_vip_approve", [order.id], fault="another head of sales"
        )
        request = order.vip_approval_request_id
        self.assertNotIn(self.head, request.approver_ids, "the salesperson is not asked to decide")
        self.assertNotIn(self.head, request.activity_ids.user_id)
        self.assertIn(self.other_head, request.activity_ids.user_id)
        self._call(self.other_head, "sale.order", "action_vip_approve", [order.id])
        # Approved, but the client has not agreed the lines yet: the policy holds over RPC too.
        self._refused(self.head, "sale.order", "action_confirm", [order.id], fault="agrees its lines")
        agreement = self._call(
            self.head, "vip.nomenclature.agree", "create", {"order_id": order.id, "channel": "phone"}
        )
        self._call(self.head, "vip.nomenclature.agree", "action_agree", [agreement])
        self._call(self.head, "sale.order", "action_confirm", [order.id])
        self.assertEqual(order.state, "sale")

    def test_no_unapproved_proposal_printed_by_any_report(self):
        order = self._proposal(self.manager, {"product_id": self.product.id, "discount": 20.0})
        self.authenticate(self.manager.login, self.manager.login)
        # The quote builder's raw report, and a report that a future module would add.
        self.env["ir.actions.report"].create(
            {
                "name": "Future quote",
                "model": "sale.order",
                "report_type": "qweb-html",
                "report_name": "sale.report_saleorder_raw",
            }
        )
        self.assertTrue(self.env.ref("sale_pdf_quote_builder.action_report_saleorder_raw"))
        for url in (
            f"/report/pdf/sale.report_saleorder_raw/{order.id}",
            f"/report/html/sale.report_saleorder_raw/{order.id}",
            f"/report/pdf/sale.report_saleorder/{order.id}",
            f"/report/html/sale.report_saleorder_pro_forma/{order.id}",
        ):
            with self.subTest(url=url):
                response = self.url_open(url)
                self.assertNotEqual(response.status_code, 200)
                self.assertNotIn(b"Sofa Verona", response.content)
                self.assertIn(APPROVAL_GUARD, response.text)
        self._call(self.manager, "sale.order", "action_vip_request_approval", [order.id])
        self._call(self.head, "sale.order", "action_vip_approve", [order.id])
        response = self.url_open(f"/report/html/sale.report_saleorder_raw/{order.id}")
        self.assertEqual(response.status_code, 200)
        self.assertIn(b"Sofa Verona", response.content)


class TestRequisitesRpc(RulesRpcCase):
    def test_only_owner_and_head_change_the_1c_card_of_a_vip_client(self):
        bank = self.env["res.bank"].create({"name": "Sberbank"})
        requisites = {"vat": "7707083893", "vip_kpp": "773601001", "vip_ogrn": "1027700132195"}
        for user in (self.active_sales, self.other_manager):
            for fname, value in requisites.items():
                with self.subTest(user=user.login, field=fname):
                    self._refused(
                        user,
                        "res.partner",
                        "write",
                        [self.client.id],
                        {fname: value},
                        fault="belongs to its VIP",
                    )
            with self.subTest(user=user.login, field="bank account"):
                self._refused(
                    user,
                    "res.partner.bank",
                    "create",
                    {"partner_id": self.client.id, "acc_number": "40702810938000000001", "bank_id": bank.id},
                    fault="belongs to its VIP",
                )
        self.assertRecordValues(self.client, [{"vat": False, "vip_kpp": False, "vip_ogrn": False}])
        self.assertFalse(self.client.bank_ids)
        # Its VIP manager and the head do; active sales keeps the cards of its own prospects.
        self._call(self.manager, "res.partner", "write", [self.client.id], {"vip_kpp": "773601001"})
        self._call(self.head, "res.partner", "write", [self.client.id], {"vip_ogrn": "1027700132195"})
        self._call(self.active_sales, "res.partner", "write", [self.prospect.id], {"vip_kpp": "773601001"})
        self.assertRecordValues(self.client, [{"vip_kpp": "773601001", "vip_ogrn": "1027700132195"}])
        self.assertEqual(self.prospect.vip_kpp, "773601001")


class TestComputedRpc(RulesRpcCase):
    def test_what_the_rules_compute_is_not_written(self):
        order_id = self._call(
            self.manager,
            "sale.order",
            "create",
            {
                "partner_id": self.client.id,
                "order_line": [(0, 0, {"product_id": self.product.id, "discount": 40.0})],
            },
        )
        order = self.env["sale.order"].browse(order_id)
        line_ids = order.order_line.ids
        for model, ids, vals in (
            ("sale.order", [order_id], {"vip_needs_approval": False}),
            ("sale.order", [order_id], {"vip_is_vip_client": False}),
            ("sale.order", [order_id], {"vip_total_weight": 1.0}),
            ("sale.order.line", line_ids, {"vip_package_discount": 40.0}),
            # A feasible date written in would have let an early shipping date pass unapproved.
            ("sale.order", [order_id], {"vip_earliest_ship_date": "2020-01-01"}),
            ("sale.order.line", line_ids, {"vip_ship_date": "2020-01-01"}),
            ("res.partner", [self.client.id], {"is_vip": False}),
            ("res.partner", [self.client.id], {"vip_card_completeness": 100}),
        ):
            with self.subTest(model=model, vals=vals):
                self._refused(self.manager, model, "write", ids, vals, fault="computed, not entered")
        # Nor slipped in beside a field the rule guards.
        self._refused(
            self.other_manager,
            "res.partner",
            "write",
            [self.client.id],
            {"vip_can_edit_card": True, "vip_kpp": "773601001"},
        )
        self.assertRecordValues(order, [{"vip_needs_approval": True, "vip_approval_state": "required"}])
        self.assertRecordValues(self.client, [{"is_vip": True, "vip_kpp": False}])
        self._refused(self.manager, "sale.order", "action_confirm", [order_id], fault=APPROVAL_GUARD)


class TestContractRpc(RulesRpcCase):
    def test_no_manager_approves_or_signs_his_own_contract(self):
        contract_id = self._call(
            self.manager,
            "agreement",
            "create",
            {
                "code": "ДП-RPC",
                "name": "Supply contract",
                "partner_id": self.client.id,
                "start_date": "2026-01-01",
                "vip_discount": 12.0,
                "vip_credit_limit": 5000.0,
            },
        )
        contract = self.env["agreement"].browse(contract_id)
        for vals in ({"vip_state": "signed"}, {"vip_state": "approved"}):
            self._refused(
                self.manager, "agreement", "write", [contract_id], vals, fault="changes only through"
            )
        self._call(self.manager, "agreement", "action_vip_request_approval", [contract_id])
        for method in ("action_vip_approve", "action_vip_sign"):
            self._refused(self.manager, "agreement", method, [contract_id])
        # Raising the terms while the head looks at them is refused too.
        self._refused(self.manager, "agreement", "write", [contract_id], {"vip_discount": 30.0})
        self.assertRecordValues(contract, [{"vip_state": "to_approve", "vip_discount": 12.0}])
        self._call(self.head, "agreement", "action_vip_approve", [contract_id])
        self._refused(self.manager, "agreement", "action_vip_sign", [contract_id], fault="Only the head")
        self.assertEqual(contract.vip_state, "approved")
