import ast
from datetime import timedelta

from lxml import etree

from odoo import fields
from odoo.tests import tagged

from .common import VipReportCommon


@tagged("post_install", "-at_install")
class TestContractAnalysis(VipReportCommon):
    """One row per supply contract: validity, terms and the credit the client uses.

    - ``contract1``: client1 (manager1), signed, ends in 20 days, limit 100,000: client1 owes
      order1 (148,000, confirmed, not invoiced), over its limit;
    - ``contract2``: client2 (manager2), signed, ends in 200 days, limit 500,000: order2 is
      invoiced and posted, its 52,000 are an unpaid receivable;
    - ``contract_draft`` (common): client1's draft without credit.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.today = fields.Date.context_today(cls.env.user)
        cls.contract1 = cls._sign_contract(
            cls._create_contract(
                cls.client1,
                code="D-1",
                end_date=cls.today + timedelta(days=20),
                vip_discount=5.0,
                vip_payment_form="deferred",
                vip_prepayment_share=20.0,
                vip_credit_limit=100000.0,
            )
        )
        cls.contract2 = cls._sign_contract(
            cls._create_contract(
                cls.client2,
                code="D-2",
                end_date=cls.today + timedelta(days=200),
                vip_payment_form="prepayment",
                vip_prepayment_share=50.0,
                vip_credit_limit=500000.0,
            )
        )
        cls.order2._create_invoices().action_post()

    def _row(self, contract, user=None):
        analysis = self.env["vip.contract.analysis"]
        return (analysis.with_user(user) if user else analysis).search([("contract_id", "=", contract.id)])

    def test_rows_and_figures(self):
        self.assertRecordValues(
            self._row(self.contract1) | self._row(self.contract2),
            [
                {
                    "code": "D-1",
                    "partner_id": self.client1.id,
                    "manager_id": self.manager1.id,
                    "user_id": self.manager1.id,
                    "company_id": self.company.id,
                    "state": "signed",
                    "end_date": self.today + timedelta(days=20),
                    "days_to_expiry": 20,
                    "discount": 5.0,
                    "payment_form": "deferred",
                    "prepayment_share": 20.0,
                    "credit_limit": 100000.0,
                    "credit_used": 148000.0,
                    "credit_left": -48000.0,
                },
                {
                    "code": "D-2",
                    "partner_id": self.client2.id,
                    "manager_id": self.manager2.id,
                    "user_id": self.manager2.id,
                    "company_id": self.company.id,
                    "state": "signed",
                    "end_date": self.today + timedelta(days=200),
                    "days_to_expiry": 200,
                    "discount": 0.0,
                    "payment_form": "prepayment",
                    "prepayment_share": 50.0,
                    "credit_limit": 500000.0,
                    "credit_used": 52000.0,
                    "credit_left": 448000.0,
                },
            ],
        )
        self.assertRecordValues(
            self._row(self.contract_draft),
            [
                {
                    "code": "D-0",
                    "partner_id": self.client1.id,
                    "state": "draft",
                    "credit_limit": 0.0,
                    "credit_used": 148000.0,
                    "credit_left": -148000.0,
                }
            ],
        )
        # The SQL figure is the one the order's credit check uses (no new order).
        for contract in (self.contract1 | self.contract2).with_env(self.env):
            with self.subTest(contract=contract.code):
                self.assertEqual(self._row(contract).credit_used, contract._vip_credit_used())
        # Odoo's own receivable of client2 counts the same unpaid invoice.
        self.assertEqual(self.client2.with_company(self.company).credit, 52000.0)

    def test_manager_sees_his_clients_contracts_head_all(self):
        analysis = self.env["vip.contract.analysis"]
        self.assertEqual(
            analysis.with_user(self.manager1).search([]).contract_id, self.contract1 | self.contract_draft
        )
        self.assertEqual(analysis.with_user(self.manager2).search([]).contract_id, self.contract2)
        self.assertEqual(
            analysis.with_user(self.head).search([]).contract_id,
            self.contract1 | self.contract2 | self.contract_draft,
        )
        self.assertFalse(self._row(self.contract2, user=self.manager1))

    def _filter_domain(self, name):
        arch = self.env["vip.contract.analysis"].get_views([(False, "search")])["views"]["search"]["arch"]
        return ast.literal_eval(etree.fromstring(arch).xpath(f"//filter[@name='{name}']")[0].get("domain"))

    def test_search_filters(self):
        analysis = self.env["vip.contract.analysis"].with_user(self.head)
        self.assertEqual(
            analysis.search(self._filter_domain("signed")).contract_id, self.contract1 | self.contract2
        )
        self.assertEqual(analysis.search(self._filter_domain("expiring")).contract_id, self.contract1)
        over = analysis.search(self._filter_domain("over_limit")).contract_id
        self.assertEqual(over, self.contract1 | self.contract_draft)
        # The second contract comes within 30 days of its end: it expires soon too.
        self.contract2.sudo().end_date = self.today + timedelta(days=30)
        self.env.flush_all()
        self.assertEqual(
            analysis.search(self._filter_domain("expiring")).contract_id, self.contract1 | self.contract2
        )
        # Past its end it is no longer "expiring" (the daily run makes it expired).
        self.contract1.sudo().end_date = self.today - timedelta(days=1)
        self.env.flush_all()
        self.assertEqual(analysis.search(self._filter_domain("expiring")).contract_id, self.contract2)

    def test_grouped_by_manager(self):
        analysis = self.env["vip.contract.analysis"].with_user(self.head)
        groups = analysis._read_group(
            [("state", "=", "signed")],
            ["manager_id"],
            [
                "contract_count:sum",
                "credit_limit:sum",
                "credit_used:sum",
                "credit_left:sum",
                "days_to_expiry:min",
            ],
        )
        self.assertEqual(
            groups,
            [
                (self.manager1, 1, 100000.0, 148000.0, -48000.0, 20),
                (self.manager2, 1, 500000.0, 52000.0, 448000.0, 200),
            ],
        )
        rows = analysis.search_read(
            [("manager_id", "=", self.manager1.id)], ["code", "credit_left"], order="code"
        )
        self.assertEqual([row["code"] for row in rows], ["D-0", "D-1"])
        grouped = analysis.formatted_read_group([], ["manager_id"], ["credit_used:sum", "__count"])
        self.assertEqual(
            {group["manager_id"][0]: (group["__count"], group["credit_used:sum"]) for group in grouped},
            {self.manager1.id: (2, 296000.0), self.manager2.id: (1, 52000.0)},
        )
