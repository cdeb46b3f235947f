from datetime import timedelta

from odoo import fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged

from .common_visits import VipVisitsCommon

DONE_DIALOG = "vip_sales.vip_visit_view_form_done"


@tagged("post_install", "-at_install")
class TestTodaysTasks(VipVisitsCommon):
    """A due call or visit is logged from its task: the "Visit Done" dialog of the contact."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.reason = cls.env["vip.no.order.reason"].create({"name": "Off-season"})
        cls.visit_task = cls._due_task("vip_sales.mail_act_type_vip_visit_due", cls.client1)
        cls.call_task = cls._due_task("vip_sales.mail_act_type_vip_call_due", cls.client1)

    def _log(self, task, user=None):
        return task.with_user(user or self.manager1).action_vip_log_contact()

    def _done_in_dialog(self, action, user=None):
        """Fill and confirm the dialog the action opens, as the user does."""
        visits = (
            self.env["vip.visit"].with_user(user or self.manager1).with_context(**action.get("context", {}))
        )
        form = Form(visits.browse(action["res_id"]) if action["res_id"] else visits, view=DONE_DIALOG)
        form.result = "no_order"
        form.no_order_reason_id = self.reason
        form.needs = "Garden furniture in April"
        visit = form.save()
        visit.action_done()
        return visit

    def test_planned_visit_is_reused(self):
        later = self._visit(self.client1, date="2025-03-20 09:00:00")
        planned = self._visit(self.client1, date="2025-03-12 09:00:00")
        self._visit(self.client1, date="2025-03-11 09:00:00").action_cancel()
        self._visit(self.client1, kind="phone", date="2025-03-10 09:00:00")
        self._visit(self.client1, user=self.head, date="2025-03-10 09:00:00")
        action = self._log(self.visit_task)
        self.assertEqual(
            (action["res_model"], action["res_id"], action["target"], action["views"]),
            ("vip.visit", planned.id, "new", [(self.env.ref(DONE_DIALOG).id, "form")]),
            "the manager's next planned onsite visit of the client",
        )
        self.assertEqual(self._done_in_dialog(action), planned)
        self.assertRecordValues(
            planned, [{"state": "done", "result": "no_order", "no_order_reason_id": self.reason.id}]
        )
        self.assertEqual(later.state, "planned")
        self.assertFalse(self.visit_task.active, "the task is done")
        self.assertEqual(self.visit_task.feedback, planned.display_name)
        self.assertTrue(self.call_task.active, "a visit does not answer the due call")

    def test_new_visit_is_prefilled(self):
        # A visit planned for next week is another visit than the one logged today.
        next_week = self._visit(self.client1, date=fields.Datetime.now() + timedelta(days=7))
        action = self._log(self.visit_task)
        self.assertFalse(action["res_id"])
        self.assertEqual(action["name"], "Visit Done")
        visit = self._done_in_dialog(action)
        self.assertRecordValues(
            visit,
            [
                {
                    "partner_id": self.client1.id,
                    "user_id": self.manager1.id,
                    "kind": "onsite",
                    "state": "done",
                    "needs": "Garden furniture in April",
                }
            ],
        )
        self.assertAlmostEqual(visit.date, fields.Datetime.now(), delta=timedelta(minutes=1))
        self.assertEqual(next_week.state, "planned")
        self.assertFalse(self.visit_task.active)
        self.assertTrue(self.call_task.active)

    def test_call_due_opens_a_call(self):
        self._visit(self.client1, date="2025-03-10 09:00:00")
        video = self._visit(self.client1, kind="video", date="2025-03-12 09:00:00")
        self.assertEqual(
            self._log(self.call_task)["res_id"], video.id, "a planned call, not the onsite visit"
        )
        video.action_cancel()
        action = self._log(self.call_task)
        self.assertEqual(action["name"], "Call Done")
        call = self._done_in_dialog(action)
        self.assertRecordValues(call, [{"partner_id": self.client1.id, "kind": "phone", "state": "done"}])
        self.assertFalse(self.call_task.active)
        self.assertTrue(self.visit_task.active)

    def test_other_tasks_are_not_logged_as_contacts(self):
        no_order_task = self._due_task("vip_sales.mail_act_type_vip_no_order", self.client1)
        todo = self.client1.activity_schedule("mail.mail_activity_data_todo", user_id=self.manager1.id)
        for task in no_order_task | todo:
            with (
                self.subTest(task=task.activity_type_id.name),
                self.assertRaisesRegex(UserError, "Only due calls"),
            ):
                self._log(task)
        self.assertFalse(self.env["vip.visit"].search([("partner_id", "=", self.client1.id)]))

    def test_only_the_assignee_logs_the_task(self):
        other_task = self._due_task("vip_sales.mail_act_type_vip_visit_due", self.client2)
        self._visit(self.client2, date="2025-03-10 09:00:00")
        for user, task in (
            (self.manager1, other_task),
            (self.manager2, self.visit_task),
            (self.head, other_task),
        ):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self._log(task, user=user)
        self.assertEqual(other_task.user_id, self.manager2)
        self.assertEqual((other_task | self.visit_task).mapped("active"), [True, True])

    def test_menu_counts_todays_tasks(self):
        menus = self.env["ir.ui.menu"].with_user(self.manager1)
        today = "vip_sales.mail_activity_menu_vip_today"
        self.client2.activity_schedule(
            "mail.mail_activity_data_todo",
            user_id=self.manager1.id,
            date_deadline=fields.Date.context_today(self.manager1) + timedelta(days=1),
        )
        self.assertEqual(menus.vip_menu_counters()[today], 2, "the due visit and call, not tomorrow's task")
        self._done_in_dialog(self._log(self.visit_task))
        self.assertEqual(menus.vip_menu_counters()[today], 1)
        self.assertNotIn(
            today, menus.with_user(self.manager2).vip_menu_counters(), "nothing due for manager2"
        )
