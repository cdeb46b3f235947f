from odoo.tests import tagged

from .common import VipSalesCommon, load_russian


@tagged("post_install", "-at_install")
class TestDailyActivities(VipSalesCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.todo = cls.env.ref("mail.mail_activity_data_todo")

    def _open_activities(self, partners):
        return self.env["mail.activity"].search(
            [
                ("res_model", "=", "res.partner"),
                ("res_id", "in", partners.ids),
                ("activity_type_id", "=", self.todo.id),
            ]
        )

    def test_one_open_activity_per_client_for_its_owner(self):
        partners = self.client1 | self.client2 | self.non_vip
        domain = [("id", "in", partners.ids)]
        created = self.env["res.partner"]._vip_schedule_activity(self.todo, domain, "Check", batch_size=1)
        self.assertEqual(created, 2, "only VIP clients with an owner get an activity")
        activities = self._open_activities(partners)
        self.assertEqual(
            {(a.res_id, a.user_id) for a in activities},
            {(self.client1.id, self.manager1), (self.client2.id, self.manager2)},
        )
        # Running again adds nothing while the activities are open...
        self.assertEqual(self.env["res.partner"]._vip_schedule_activity(self.todo, domain, "Check"), 0)
        self.assertEqual(len(self._open_activities(partners)), 2)
        # ...and a done activity lets the next run schedule a new one.
        activities.filtered(lambda a: a.res_id == self.client1.id).action_feedback("Called")
        self.assertEqual(self.env["res.partner"]._vip_schedule_activity(self.todo, domain, "Check"), 1)

    def test_query_count_does_not_grow_with_clients(self):
        partners = self.env["res.partner"].create(
            [
                {
                    "name": f"Chain {i}",
                    "is_company": True,
                    "vip_tier_id": self.tier_gold.id,
                    "vip_manager_id": (self.manager1 if i % 2 else self.manager2).id,
                }
                for i in range(300)
            ]
        )
        self.env.flush_all()
        self.env.invalidate_all()
        domain = [("id", "in", partners.ids)]
        with self.assertQueryCount(__system__=60):
            created = self.env["res.partner"]._vip_schedule_activity(
                self.todo, domain, "Check", batch_size=1000
            )
        self.assertEqual(created, 300)
        self.assertEqual(len(self._open_activities(partners)), 300)

    def test_summaries_in_the_owners_language(self):
        load_russian(self.env)
        self.manager1.lang = "ru_RU"
        self.env["res.partner"]._cron_vip_schedule_activities()
        call_due = self.env.ref("vip_sales.mail_act_type_vip_call_due")
        summaries = {
            activity.res_id: activity.summary
            for activity in self.env["mail.activity"].search(
                [("res_model", "=", "res.partner"), ("activity_type_id", "=", call_due.id)]
            )
        }
        self.assertEqual(summaries[self.client1.id], "VIP: пора позвонить")
        self.assertEqual(summaries[self.client2.id], "VIP: call due")
