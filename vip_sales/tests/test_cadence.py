from datetime import date, datetime

from odoo.tests import freeze_time, tagged

from .common_visits import VipVisitsCommon


@tagged("post_install", "-at_install")
class TestCadence(VipVisitsCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.manager1.tz = "Europe/Moscow"
        cls.call_due = cls.env.ref("vip_sales.mail_act_type_vip_call_due")
        cls.visit_due = cls.env.ref("vip_sales.mail_act_type_vip_visit_due")
        cls.clients = cls.client1 | cls.client2 | cls.non_vip | cls.client1_contact

    def _done(self, partner, kind, when):
        visit = self._visit(partner, kind=kind, date=when, result="info")
        visit.action_done()
        return visit

    def _overdue(self, fname):
        return self.env["res.partner"].search([(fname, "=", True), ("id", "in", self.clients.ids)])

    def _open_activities(self, activity_type):
        return self.env["mail.activity"].search(
            [
                ("res_model", "=", "res.partner"),
                ("res_id", "in", self.clients.ids),
                ("activity_type_id", "=", activity_type.id),
            ]
        )

    def test_last_and_next_dates(self):
        self.assertFalse(self.client1.vip_last_contact_date)
        self.assertFalse(self.client1.vip_next_call_date)
        # 22:30 UTC on 10 March is 11 March in Moscow, the owner's timezone.
        self._done(self.client1, "phone", "2025-03-10 22:30:00")
        self._done(self.client1, "onsite", "2025-03-05 10:00:00")
        self._done(self.client1, "video", "2025-03-01 10:00:00")
        # Planned and cancelled contacts do not count.
        self._visit(self.client1, kind="onsite", date="2025-03-20 10:00:00")
        self._visit(self.client1, kind="phone", date="2025-03-21 10:00:00").action_cancel()
        self.assertRecordValues(
            self.client1,
            [
                {
                    "vip_last_contact_date": datetime(2025, 3, 10, 22, 30),
                    "vip_last_call_date": datetime(2025, 3, 10, 22, 30),
                    "vip_last_visit_date": datetime(2025, 3, 5, 10),
                    "vip_next_call_date": date(2025, 3, 18),
                    "vip_next_visit_date": date(2025, 4, 4),
                }
            ],
        )
        self.tier_gold.call_interval_days = 3
        self.assertEqual(self.client1.vip_next_call_date, date(2025, 3, 14))
        self.assertEqual(self.client1.vip_visit_count, 5, "every contact, cancelled ones included")

    def test_overdue_fields_and_search(self):
        self._done(self.client1, "phone", "2025-03-10 10:00:00")
        self._done(self.client1, "onsite", "2025-03-05 10:00:00")
        self.assertEqual(self.client1.vip_next_call_date, date(2025, 3, 17))
        with freeze_time("2025-03-16 12:00:00"):
            self.env.invalidate_all()
            self.assertFalse(self.client1.vip_call_overdue)
            self.assertFalse(self.client1.vip_visit_overdue)
            # Never contacted: due now. Contacts and other customers have no cadence.
            self.assertTrue(self.client2.vip_call_overdue)
            self.assertTrue(self.client2.vip_visit_overdue)
            self.assertFalse(self.non_vip.vip_call_overdue)
            self.assertFalse(self.client1_contact.vip_call_overdue)
            self.assertEqual(self._overdue("vip_call_overdue"), self.client2)
            self.assertEqual(self._overdue("vip_visit_overdue"), self.client2)
            not_overdue = self.env["res.partner"].search(
                [("vip_call_overdue", "=", False), ("id", "in", self.clients.ids)]
            )
            self.assertEqual(not_overdue, self.clients - self.client2)
        with freeze_time("2025-03-17 12:00:00"):
            self.env.invalidate_all()
            self.assertFalse(self.client1.vip_call_overdue, "due today is not overdue yet")
        with freeze_time("2025-03-18 12:00:00"):
            self.env.invalidate_all()
            self.assertTrue(self.client1.vip_call_overdue)
            self.assertEqual(self._overdue("vip_call_overdue"), self.client1 | self.client2)
            self.assertEqual(self._overdue("vip_visit_overdue"), self.client2)

    def test_daily_action_call_and_visit_activities(self):
        self._done(self.client1, "phone", "2025-03-10 10:00:00")
        self._done(self.client1, "onsite", "2025-03-05 10:00:00")
        with freeze_time("2025-03-17 12:00:00"):
            partners = self.env["res.partner"]
            partners._cron_vip_schedule_activities()
            calls = self._open_activities(self.call_due)
            visits = self._open_activities(self.visit_due)
            self.assertEqual(
                {(a.res_id, a.user_id) for a in calls},
                {(self.client1.id, self.manager1), (self.client2.id, self.manager2)},
            )
            self.assertEqual({(a.res_id, a.user_id) for a in visits}, {(self.client2.id, self.manager2)})
            self.assertEqual(calls.mapped("date_deadline"), [date(2025, 3, 17)] * 2)

            partners._cron_vip_schedule_activities()
            self.assertEqual(self._open_activities(self.call_due), calls, "no second activity")
            self.assertEqual(self._open_activities(self.visit_due), visits)

            # Calling client2 closes its "call due" activity, not its "visit due" one.
            call = self._visit(self.client2, kind="video", date="2025-03-17 09:00:00", result="info")
            call.with_user(self.manager2).action_done()
            self.assertEqual(self._open_activities(self.call_due).mapped("res_id"), [self.client1.id])
            self.assertEqual(self._open_activities(self.visit_due), visits)
            self.assertFalse(self.client2.vip_call_overdue)

            # Now client2 is called: the next run gives it no new call activity.
            partners._cron_vip_schedule_activities()
            self.assertEqual(self._open_activities(self.call_due).mapped("res_id"), [self.client1.id])

            onsite = self._visit(self.client2, kind="onsite", date="2025-03-17 11:00:00", result="info")
            onsite.with_user(self.manager2).action_done()
            self.assertFalse(self._open_activities(self.visit_due))
