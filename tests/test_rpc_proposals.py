"""Commercial proposals over the external API (XML-RPC): the server holds the line for a client
program exactly as for the web client. Run by pytest-odoo (``scripts/vip test``)."""

import xmlrpc.client

from rpc_common import RpcCase

from odoo.tests import new_test_user


class TestProposalRpc(RpcCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.manager = new_test_user(
            cls.env, login="rpc_proposal_manager", groups="vip_sales.group_vip_manager"
        )
        cls.head = new_test_user(cls.env, login="rpc_proposal_head", groups="vip_sales.group_vip_head")
        tier = cls.env["vip.tier"].create({"name": "Platinum"})
        cls.client = cls.env["res.partner"].create(
            {
                "name": "Uyutny Dom LLC",
                "is_company": True,
                "vip_tier_id": tier.id,
                "vip_manager_id": cls.manager.id,
            }
        )
        cls.product = cls.env["product.product"].create({"name": "Bed Lugano", "list_price": 500.0})
        cls.env.company.vip_max_discount = 10.0

    def _proposal(self, discount):
        order_id = self._call(
            self.manager,
            "sale.order",
            "create",
            {
                "partner_id": self.client.id,
                "order_line": [(0, 0, {"product_id": self.product.id, "discount": discount})],
            },
        )
        return self.env["sale.order"].browse(order_id)

    def test_manager_cannot_bypass_the_approval(self):
        order = self._proposal(discount=20.0)
        self.assertEqual(order.vip_approval_state, "required")
        refusals = [
            ("write", [order.id], {"vip_approval_state": "approved"}),
            ("write", [order.id], {"state": "sent"}),
            ("action_quotation_sent", [order.id]),
            ("action_quotation_send", [order.id]),
            ("action_confirm", [order.id]),
            ("action_vip_approve", [order.id]),
        ]
        for method, *args in refusals:
            with self.subTest(method=method), self.assertRaises(xmlrpc.client.Fault):
                self._call(self.manager, "sale.order", method, *args)
        with self.assertRaises(xmlrpc.client.Fault):
            self._call(self.manager, "vip.approval", "create", {"order_id": order.id, "decision": "approved"})
        self.assertRecordValues(order, [{"state": "draft", "vip_approval_state": "required"}])
        self.assertFalse(order.vip_approval_ids)

    def test_line_edit_over_rpc_sends_back_to_approval(self):
        order = self._proposal(discount=20.0)
        self._call(self.manager, "sale.order", "action_vip_request_approval", [order.id])
        self._call(self.head, "sale.order", "action_vip_approve", [order.id])
        self.assertEqual(order.vip_approval_state, "approved")
        with self.assertRaises(xmlrpc.client.Fault):
            self._call(self.head, "vip.approval", "write", order.vip_approval_ids.ids, {"comment": "edited"})
        self._call(self.manager, "sale.order.line", "write", order.order_line.ids, {"discount": 25.0})
        self.assertEqual(order.vip_approval_state, "to_approve")
        with self.assertRaises(xmlrpc.client.Fault):
            self._call(self.manager, "sale.order", "action_quotation_sent", [order.id])
        self.assertEqual(order.state, "draft")

    def test_dates_and_revision_are_kept_by_the_system(self):
        order = self._proposal(discount=5.0)
        # (Odoo's action_quotation_sent returns None, which XML-RPC cannot carry: mark it sent.)
        self._call(self.manager, "sale.order", "write", [order.id], {"state": "sent"})
        sent = order.vip_sent_date
        self.assertTrue(sent, "sending records the first sending")
        self._call(self.manager, "sale.order", "action_vip_new_revision", [order.id])
        self.assertEqual(order.vip_revision, 1, "a new revision numbers itself")
        forged = {
            "vip_sent_date": "2020-01-01 00:00:00",
            "vip_viewed_date": "2020-01-02 00:00:00",
            "vip_revision": 7,
        }
        for field, value in forged.items():
            for user in (self.manager, self.head):
                with self.subTest(field=field, user=user.login):
                    with self.assertRaises(xmlrpc.client.Fault) as refusal:
                        self._call(user, "sale.order", "write", [order.id], {field: value})
                    self.assertIn("recorded by the system", refusal.exception.faultString)
        with self.assertRaises(xmlrpc.client.Fault):
            self._call(
                self.manager,
                "sale.order",
                "create",
                {"partner_id": self.client.id, "vip_sent_date": "2020-01-01 00:00:00"},
            )
        order.invalidate_recordset()
        self.assertRecordValues(order, [{"vip_sent_date": sent, "vip_viewed_date": False, "vip_revision": 1}])
