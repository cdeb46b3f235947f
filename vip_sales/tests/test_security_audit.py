from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common_stores import VipStoresCommon


@tagged("post_install", "-at_install")
class TestSecurityAudit(VipStoresCommon):
    """What the views show read-only holds over RPC too (vip_sales/readme/SECURITY.md)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.store = cls._store(cls.client1, 200, name="Own Store")
        cls.section = cls._section(cls.store, 20, "installed")
        cls.presence = cls.StoreCompetitor.create(
            {"store_id": cls.store.id, "competitor_id": cls.brand_a.id, "area": 30}
        )
        cls.survey = cls._survey(cls.store, "2025-03-01", 5, 50)
        cls.Visit = cls.env["vip.visit"]

    def _visit(self, **values):
        return self.Visit.create(
            {
                "partner_id": self.client1.id,
                "user_id": self.manager1.id,
                "date": "2025-03-10 09:00:00",
                **values,
            }
        )

    # ------------------------------------------------------------------
    # Stores, sections, surveys, competitors
    # ------------------------------------------------------------------

    def test_computed_fields_are_refused(self):
        survey_line = self.survey.competitor_line_ids
        cases = [
            (self.store, "our_area", 150.0),
            (self.store, "floor_share", 90.0),
            (self.store, "last_survey_id", False),
            (self.store, "assortment_share", 90.0),
            (self.section, "partner_id", self.client2.id),
            (self.survey, "floor_share", 90.0),
            (self.survey, "assortment_share", 90.0),
            (self.survey, "competitor_area", 0.0),
            (self.survey, "competitor_line_ids", [Command.clear()]),
            (self.presence, "partner_id", self.client2.id),
            (survey_line, "company_id", False),
        ]
        for user in (self.manager1, self.head):
            for record, fname, value in cases:
                with (
                    self.subTest(user=user.login, model=record._name, field=fname),
                    self.assertRefused(AccessError, "computed, not entered"),
                ):
                    record.with_user(user).write({fname: value})
        with self.assertRefused(AccessError, "computed, not entered"):
            self.Store.with_user(self.manager1).create(
                {"partner_id": self.client1.id, "name": "Inflated", "total_area": 100, "floor_share": 90}
            )
        self.env.invalidate_all()
        self.assertRecordValues(
            self.store,
            [
                {
                    "partner_id": self.client1.id,
                    "our_area": 20.0,
                    "floor_share": 10.0,
                    "last_survey_id": self.survey.id,
                }
            ],
        )
        self.assertRecordValues(self.survey, [{"assortment_share": 10.0, "competitor_area": 30.0}])
        self.assertEqual(len(self.survey.competitor_line_ids), 1)

    def test_store_keeps_its_client(self):
        for user in (self.manager1, self.head):
            with self.assertRefused(UserError, "The client of a store cannot change"):
                self.store.with_user(user).write({"partner_id": self.client2.id})
        self.store.with_user(self.manager1).write({"partner_id": self.client1.id, "name": "Renamed"})
        self.assertRecordValues(self.store, [{"partner_id": self.client1.id, "name": "Renamed"}])

    def test_survey_floor_is_taken_from_the_store(self):
        survey = self.survey.with_user(self.manager1)
        with self.assertRefused(AccessError, "The floor of a survey is taken from its store"):
            survey.write({"our_area": 150.0})
        with self.assertRefused(AccessError, "The floor of a survey is taken from its store"):
            self.Survey.with_user(self.manager1).create(
                {"store_id": self.store.id, "our_sku_count": 1, "total_sku_count": 2, "total_area": 1000.0}
            )
        self.assertRecordValues(self.survey, [{"our_area": 20.0, "total_area": 200.0}])
        # The head enters the floor of a past survey (an import of earlier records).
        self.survey.with_user(self.head).write({"our_area": 10.0})
        self.assertRecordValues(self.survey, [{"our_area": 10.0, "floor_share": 5.0}])

    # ------------------------------------------------------------------
    # Visits
    # ------------------------------------------------------------------

    def test_visit_state_follows_its_buttons(self):
        done = self._visit(state="done", result="info").with_user(self.manager1)
        with self.assertRefused(UserError, "Only cancelled visits can be planned again"):
            done.write({"state": "planned"})
        with self.assertRefused(UserError, "Only planned visits can be cancelled"):
            done.write({"state": "cancelled"})
        with self.assertRefused(UserError, "part of the client's history"):
            done.unlink()
        cancelled = self._visit().with_user(self.manager1)
        cancelled.action_cancel()
        with self.assertRefused(UserError, "Only planned visits can be marked done"):
            cancelled.write({"state": "done", "result": "info"})
        self.assertEqual((done.state, cancelled.state, cancelled.result), ("done", "cancelled", False))

    def test_done_visit_keeps_what_happened(self):
        trip = self.env["vip.trip"].create(
            {"name": "Volga", "destination": "Kazan", "date_from": "2025-03-01", "date_to": "2025-03-05"}
        )
        visit = self._visit(store_id=self.store.id)
        visit.with_user(self.manager1).write({"state": "done", "result": "info"})
        for fname, value in (
            ("partner_id", self.client2.id),
            ("kind", "phone"),
            ("user_id", self.manager2.id),
            ("trip_id", trip.id),
        ):
            for user in (self.manager1, self.head):
                with (
                    self.subTest(field=fname, user=user.login),
                    self.assertRefused(UserError, "is done or cancelled: its client, kind, manager and trip"),
                ):
                    visit.with_user(user).write({fname: value})
        self.assertRecordValues(
            visit,
            [
                {
                    "partner_id": self.client1.id,
                    "kind": "onsite",
                    "user_id": self.manager1.id,
                    "trip_id": False,
                }
            ],
        )
        # The event of a done visit may still move in the calendar: the visit follows.
        visit.with_user(self.manager1).write({"date": "2025-03-11 09:00:00", "needs": "Two sofas"})
        self.assertEqual(str(visit.calendar_event_id.start), "2025-03-11 09:00:00")

    def test_cancelled_visit_is_planned_again_before_it_moves(self):
        visit = self._visit(store_id=self.store.id).with_user(self.manager1)
        visit.action_cancel()
        for fname, value in (("date", "2025-03-12 09:00:00"), ("duration", 2.0), ("store_id", False)):
            with self.subTest(field=fname), self.assertRefused(UserError, "is cancelled: plan it again"):
                visit.write({fname: value})
        self.assertRecordValues(
            visit, [{"duration": 1.0, "store_id": self.store.id, "calendar_event_id": False}]
        )
        visit.action_plan()
        visit.write({"date": "2025-03-12 09:00:00"})
        self.assertEqual(str(visit.calendar_event_id.start), "2025-03-12 09:00:00")

    def test_calendar_event_of_a_visit_cannot_be_pointed_elsewhere(self):
        # Another manager's private meeting: a visit written or deleted would change it as superuser.
        event = self.env["calendar.event"].create(
            {
                "name": "Private meeting",
                "start": "2025-03-20 10:00:00",
                "stop": "2025-03-20 11:00:00",
                "user_id": self.manager2.id,
                "privacy": "private",
            }
        )
        message = "The calendar event of a visit follows the visit"
        with self.assertRefused(AccessError, message):
            self.Visit.with_user(self.manager1).create(
                {"partner_id": self.client1.id, "kind": "phone", "calendar_event_id": event.id}
            )
        visit = self._visit(kind="phone").with_user(self.manager1)
        with self.assertRefused(AccessError, message):
            visit.write({"calendar_event_id": event.id})
        with self.assertRefused(AccessError, message):
            visit.with_user(self.head).write({"calendar_event_id": event.id})
        visit.unlink()
        self.assertRecordValues(event, [{"name": "Private meeting", "user_id": self.manager2.id}])

    # ------------------------------------------------------------------
    # Configuration
    # ------------------------------------------------------------------

    def test_refusal_reasons_are_configured_by_the_head(self):
        reason = self.env["vip.refusal.reason"].with_user(self.head).create({"name": "Delivery too late"})
        with self.assertRaises(AccessError):
            self.env["vip.refusal.reason"].with_user(self.manager1).create({"name": "Weather"})
        with self.assertRaises(AccessError):
            reason.with_user(self.manager1).write({"name": "Late"})
        self.assertEqual(reason.with_user(self.manager1).name, "Delivery too late")
