from datetime import timedelta

from freezegun import freeze_time

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import HttpCase, tagged

from .proposal_common import ProposalCommon


class ApprovalRoutingCommon(ProposalCommon):
    """Two heads, a sales director, and no pending request of other tests."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.head2 = cls._create_vip_user("vip_head2_routing", "vip_sales.group_vip_head")
        cls.director = cls._create_vip_user("vip_director_routing", "vip_sales.group_vip_director")
        # The heads of this test only: the administrator is a head in the module's data.
        head_group = cls.env.ref("vip_sales.group_vip_head")
        others = head_group.user_ids - cls.head - cls.head2 - cls.director
        head_group.write({"user_ids": [Command.unlink(user.id) for user in others]})
        Request = cls.env["vip.approval.request"]
        Request.search([("state", "=", "pending")]).write({"state": "withdrawn"})
        cls.Request = Request

    def _requested(self, user=None, **values):
        order = self._create_proposal(user=user, discount=15.0, **values)
        order.with_user(user or self.manager1).action_vip_request_approval()
        return order, order.vip_approval_request_id

    def _trip(self):
        trip = (
            self.env["vip.trip"]
            .with_user(self.manager1)
            .create(
                {
                    "name": "Volga chains",
                    "destination": "Kazan",
                    "date_from": "2025-04-07",
                    "date_to": "2025-04-08",
                    "budget": 45000.0,
                    "partner_ids": [Command.set(self.client1.ids)],
                }
            )
        )
        trip.action_submit()
        return trip


@tagged("post_install", "-at_install")
class TestApprovalRouting(ApprovalRoutingCommon):
    """One approval mechanism (vip.approval.mixin): requests of every kind, stand-ins,
    escalation, the sales director, no decision on what one requested or owns."""

    def test_one_list_of_requests_of_every_kind(self):
        order, request = self._requested()
        trip = self._trip()
        mine = self.Request.with_user(self.head).search(
            [("state", "=", "pending"), ("approver_ids", "in", self.head.id)]
        )
        self.assertEqual(set(mine.mapped("res_model")), {"sale.order", "vip.trip"})
        self.assertIn("Discount of 15.00 %", request.reasons)
        self.assertIn("Kazan", trip.vip_approval_request_id.reasons)
        self.assertEqual(request.approver_ids, self.head | self.head2)
        self.assertEqual(request.activity_ids.user_id, self.head | self.head2, "one activity per decider")
        self.assertEqual(
            self.env["ir.ui.menu"]
            .with_user(self.head)
            .vip_menu_counters()["vip_sales.vip_sales_menu_to_approve"],
            2,
        )
        # Decided from the request's own form, which then opens the next one.
        action = request.with_user(self.head).action_approve()
        self.assertEqual(order.vip_approval_state, "approved")
        self.assertEqual(request.state, "decided")
        self.assertEqual(action.get("res_id"), trip.vip_approval_request_id.id)
        self.assertEqual(order.vip_approval_ids.requested_date, request.requested_date)
        # The trip is rejected from the request with a reason.
        reject = (
            trip.vip_approval_request_id.with_user(self.head2)
            .with_context(vip_from_request=True)
            .action_reject()
        )
        wizard = self.env["vip.approval.reject"].with_user(self.head2).with_context(**reject["context"])
        wizard.create({"comment": "Too expensive for one client"}).action_reject()
        self.assertEqual(trip.state, "refused")
        self.assertEqual(
            self.env["vip.approval"]
            .search([("res_model", "=", "vip.trip"), ("res_id", "=", trip.id)])
            .comment,
            "Too expensive for one client",
        )

    def test_the_reminder_closes_with_the_decision(self):
        _order, request = self._requested()
        activity = request.activity_ids.filtered(lambda a: a.user_id == self.head)
        with self.assertRaisesText(UserError, "would decide nothing"):
            activity.with_user(self.head).action_feedback(feedback="Done")
        self.assertEqual(request.state, "pending")
        self.assertTrue(activity.exists(), "the reminder stays until the decision")
        request.with_user(self.head).action_approve()
        self.assertFalse(request.activity_ids, "the decision closes every decider's reminder")

    def test_to_approve_is_the_heads_first_menu(self):
        root = self.env.ref("vip_sales.vip_sales_menu_root")
        to_approve = self.env.ref("vip_sales.vip_sales_menu_to_approve")
        menus = self.env["ir.ui.menu"].with_user(self.head).load_menus(False)
        self.assertEqual(menus[root.id]["children"][0], to_approve.id)
        manager_menus = self.env["ir.ui.menu"].with_user(self.manager1).load_menus(False)
        self.assertIn(to_approve.id, manager_menus[root.id]["children"])
        self.assertNotEqual(
            manager_menus[root.id]["children"][0], to_approve.id, "a manager's day starts with his tasks"
        )
        # The menus cached for the head are not changed for whoever shares them.
        self.assertEqual(self.env["ir.ui.menu"].with_user(self.head).load_menus(False), menus)

    def test_nobody_decides_what_he_requested_or_owns(self):
        # The head requests the approval of a manager's proposal: another head decides.
        order = self._create_proposal(discount=15.0)
        order.with_user(self.head).action_vip_request_approval()
        self.assertNotIn(self.head, order.vip_approval_request_id.approver_ids)
        with self.assertRaises(AccessError):
            order.with_user(self.head).action_vip_approve()
        # After a change of owner too.
        order.with_user(self.head2).action_vip_approve()
        order.with_user(self.head).write({"user_id": self.head2.id})
        self.assertEqual(order.vip_approval_state, "to_approve", "the approver now owns it")
        # Neither the new salesperson nor the head who requested it: the director decides.
        self.assertEqual(order.vip_approval_request_id.approver_ids, self.director)
        for head in (self.head, self.head2):
            with self.subTest(head=head.login), self.assertRaises(AccessError):
                order.with_user(head).action_vip_approve()
        order.with_user(self.director).action_vip_approve()
        self.assertEqual(order.vip_approval_state, "approved")

    def test_the_director_decides_a_lone_heads_own_proposal(self):
        self.env.ref("vip_sales.group_vip_head").write({"user_ids": [Command.unlink(self.head2.id)]})
        order, request = self._requested(user=self.head)
        self.assertEqual(request.approver_ids, self.director)
        with self.assertRaises(AccessError):
            order.with_user(self.head).action_vip_approve()
        order.with_user(self.director).action_vip_approve()
        self.assertEqual(order.vip_approval_ids.user_id, self.director)

    def test_stand_in_during_the_period_and_back_after(self):
        self.company.vip_approval_escalation_hours = 200  # no escalation meanwhile
        today = fields.Date.context_today(self.head)
        delegation = (
            self.env["vip.approval.delegation"]
            .with_user(self.head)
            .create(
                {"delegate_id": self.manager2.id, "date_from": today, "date_to": today + timedelta(days=3)}
            )
        )
        order, request = self._requested()
        self.assertEqual(request.approver_ids, self.manager2 | self.head2)
        self.assertNotIn(self.head, request.activity_ids.user_id)
        self.assertTrue(order.with_user(self.manager2).vip_can_decide)
        # A request already waiting follows the stand-in too, and returns after the period.
        with freeze_time(today + timedelta(days=4)):
            self.Request._cron_vip_escalate()
            request.invalidate_recordset()
            self.assertEqual(request.approver_ids, self.head | self.head2)
            activities = self.env["mail.activity"].search(
                [("res_model", "=", request._name), ("res_id", "=", request.id)]
            )
            self.assertEqual(activities.user_id, self.head | self.head2)
            with self.assertRaises(AccessError):
                order.with_user(self.manager2).action_vip_approve()
        # Only the head names his stand-in; the period is consistent.
        with self.assertRaises(AccessError):
            delegation.with_user(self.head2).write({"delegate_id": self.manager1.id})
        with self.assertRaises(ValidationError):
            self.env["vip.approval.delegation"].with_user(self.head).create(
                {"delegate_id": self.manager1.id, "date_from": today, "date_to": today + timedelta(days=1)}
            )
        with self.assertRaises(ValidationError):
            self.env["vip.approval.delegation"].with_user(self.head2).create(
                {"delegate_id": self.head2.id, "date_from": today, "date_to": today}
            )

    def test_late_requests_escalate_to_the_director_once(self):
        self.company.vip_approval_escalation_hours = 8
        calendar = self.company.resource_calendar_id
        self.assertTrue(calendar, "escalation counts the company's working hours")
        monday = fields.Datetime.to_datetime("2026-11-30 07:00:00")  # a Monday morning
        with freeze_time(monday):
            order, request = self._requested()
        self.assertEqual(request.requested_date, monday)
        # One working day has not passed by the evening: no escalation.
        with freeze_time(monday + timedelta(hours=6)):
            self.Request._cron_vip_escalate()
        self.assertFalse(request.escalated_date)
        with freeze_time(monday + timedelta(days=1, hours=3)):
            self.Request._cron_vip_escalate()
            self.Request._cron_vip_escalate()
        self.assertTrue(request.escalated_date)
        self.assertIn(self.director, request.approver_ids)
        director_activities = request.activity_ids.filtered(lambda a: a.user_id == self.director)
        self.assertEqual(len(director_activities), 1, "escalated once, however often the cron runs")
        self.assertTrue(
            request.message_ids.filtered(lambda m: self.director.partner_id in m.partner_ids),
            "the director is told by mail",
        )
        order.with_user(self.director).action_vip_approve()
        self.assertEqual(order.vip_approval_state, "approved")

    def test_requests_are_the_flows(self):
        _order, request = self._requested()
        for user in (self.manager1, self.head):
            with self.subTest(user=user.login), self.assertRaises(UserError):
                request.with_user(user).write({"state": "decided"})
        self.assertFalse(self.Request.with_user(self.manager2).search([("id", "=", request.id)]))
        plan = self.env["vip.sales.plan"].create(
            {
                "user_id": self.head2.id,
                "date_from": "2026-01-01",
                "date_to": "2026-01-31",
                "target_amount": 100.0,
            }
        )
        with self.assertRaises(AccessError):
            plan.with_user(self.head2).action_approve()
        plan.with_user(self.head).action_approve()
        self.assertEqual(
            self.env["vip.approval"]
            .search([("res_model", "=", "vip.sales.plan"), ("res_id", "=", plan.id)])
            .user_id,
            self.head,
        )


@tagged("post_install", "-at_install")
class TestDecideOnPhone(ApprovalRoutingCommon, HttpCase):
    """The decision form the request's mail and activity open, at a phone's size."""

    browser_size = "390x844"
    touch_enabled = True

    def test_head_decides_from_the_phone(self):
        order, request = self._requested()
        trip = self._trip()
        self.env["vip.approval.request"].flush_model()
        self.start_tour(
            f"/odoo/action-vip_sales.vip_approval_request_action/{request.id}",
            "vip_decide_on_phone",
            login=self.head.login,
        )
        self.assertEqual(order.vip_approval_state, "approved")
        self.assertRecordValues(trip, [{"state": "refused", "approved_by_id": self.head.id}])
        self.assertEqual(
            self.env["vip.approval"]
            .search([("res_model", "=", "vip.trip"), ("res_id", "=", trip.id)])
            .comment,
            "Too expensive for one client",
        )
