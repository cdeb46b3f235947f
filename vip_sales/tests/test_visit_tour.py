from datetime import timedelta

from odoo import fields
from odoo.tests import HttpCase, tagged

from .common_visits import VipVisitsCommon


@tagged("post_install", "-at_install")
class TestVisitTour(VipVisitsCommon, HttpCase):
    """From today's tasks, the manager logs a due visit done with no order and a reason."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.reason = cls.env["vip.no.order.reason"].create({"name": "Client overstocked"})
        cls.client3 = cls.env["res.partner"].create(
            {
                "name": "Uyutny Dom LLC",
                "is_company": True,
                "vip_tier_id": cls.tier_gold.id,
                "vip_manager_id": cls.manager1.id,
            }
        )
        cls.visit_due = cls.env.ref("vip_sales.mail_act_type_vip_visit_due")
        # Mebelgrad's visit and, for another manager, Dom Divanov's are due today; Uyutny Dom's
        # call is overdue since yesterday.
        cls.visit_task = cls._due_task("vip_sales.mail_act_type_vip_visit_due", cls.client1)
        cls.other_manager_task = cls._due_task("vip_sales.mail_act_type_vip_visit_due", cls.client2)
        cls.call_task = cls._due_task("vip_sales.mail_act_type_vip_call_due", cls.client3)
        cls.call_task.date_deadline -= timedelta(days=1)

    def test_log_visit_from_todays_tasks(self):
        self.start_tour("/odoo", "vip_visit_done_no_order", login=self.manager1.login)
        visit = self.env["vip.visit"].search([("partner_id", "=", self.client1.id)])
        self.assertRecordValues(
            visit,
            [
                {
                    "user_id": self.manager1.id,
                    "kind": "onsite",
                    "state": "done",
                    "result": "no_order",
                    "no_order_reason_id": self.reason.id,
                    "needs": "Back in two weeks for the spring collection",
                }
            ],
        )
        self.assertAlmostEqual(visit.date, fields.Datetime.now(), delta=timedelta(minutes=10))
        # The task is done: out of the open activities, with its feedback on the client.
        self.assertFalse(self.visit_task.active)
        self.assertEqual(self.visit_task.feedback, visit.display_name)
        done_message = self.client1.message_ids.filtered(lambda m: m.mail_activity_type_id == self.visit_due)
        self.assertIn(visit.display_name, done_message.body)
        self.assertEqual(done_message.author_id, self.manager1.partner_id)
        self.assertEqual((self.call_task | self.other_manager_task).mapped("active"), [True, True])


@tagged("post_install", "-at_install")
class TestVisitTourMobile(TestVisitTour):
    """The same, at a phone's size, with touch, as the Odoo mobile app shows it."""

    browser_size = "375x667"
    touch_enabled = True
    allow_inherited_tests_method = True
