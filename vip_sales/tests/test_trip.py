from datetime import date, datetime

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common_visits import VipVisitsCommon


@tagged("post_install", "-at_install")
class TestTrip(VipVisitsCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.head2 = cls._create_vip_user("vip_head2_test", "vip_sales.group_vip_head")
        cls.manager1.tz = "Europe/Moscow"
        cls.client3 = cls.env["res.partner"].create(
            {
                "name": "Uyutny Dom LLC",
                "is_company": True,
                "vip_tier_id": cls.tier_gold.id,
                "vip_manager_id": cls.manager1.id,
            }
        )
        cls.trip = cls._trip(cls.manager1, cls.client1 | cls.client3)

    @classmethod
    def _trip(cls, user, clients):
        return (
            cls.env["vip.trip"]
            .with_user(user)
            .create(
                {
                    "name": "Volga chains",
                    "destination": "Kazan",
                    "date_from": "2025-04-07",
                    "date_to": "2025-04-08",
                    "budget": 45000.0,
                    "partner_ids": [Command.set(clients.ids)],
                }
            )
        )

    def test_menu_counts_the_trips_to_approve(self):
        menus = self.env["ir.ui.menu"]
        self.assertNotIn(
            "vip_sales.vip_trip_menu_to_approve", menus.with_user(self.manager1).vip_menu_counters()
        )
        counters = menus.with_user(self.head).vip_menu_counters()
        baseline = counters["vip_sales.vip_trip_menu_to_approve"]
        self.trip.action_submit()
        own_trip = self._trip(self.head2, self.client1)
        own_trip.action_submit()
        counters = menus.with_user(self.head2).vip_menu_counters()
        self.assertEqual(
            counters["vip_sales.vip_trip_menu_to_approve"], baseline + 1, "not the head's own trip"
        )
        counters = menus.with_user(self.head).vip_menu_counters()
        self.assertEqual(counters["vip_sales.vip_trip_menu_to_approve"], baseline + 2)
        self.assertEqual(
            counters["vip_sales.vip_sales_menu_to_approve"],
            counters["vip_sales.vip_trip_menu_to_approve"]
            + counters["vip_sales.sale_order_menu_vip_to_approve"],
        )
        self.trip.with_user(self.head).action_approve()
        counters = menus.with_user(self.head).vip_menu_counters()
        self.assertEqual(counters["vip_sales.vip_trip_menu_to_approve"], baseline + 1)

    def test_approval_plans_the_visits(self):
        trip = self.trip
        trip.action_submit()
        self.assertEqual(trip.state, "submitted")
        trip.with_user(self.head).action_approve()
        self.assertRecordValues(trip, [{"state": "approved", "approved_by_id": self.head.id}])
        visits = trip.visit_ids.sorted("date")
        self.assertEqual(visits.partner_id, self.client1 | self.client3)
        self.assertEqual(set(visits.mapped("kind")), {"onsite"})
        self.assertEqual(set(visits.mapped("state")), {"planned"})
        self.assertEqual(visits.user_id, self.manager1)
        # One client a day from 10:00 in Moscow (07:00 UTC), inside the trip's dates.
        self.assertEqual(visits.mapped("date"), [datetime(2025, 4, 7, 7), datetime(2025, 4, 8, 7)])
        events = visits.calendar_event_id
        self.assertEqual(len(events), 2)
        self.assertEqual(events.user_id, self.manager1)
        self.assertEqual(trip.visit_count, 2)
        # The manager sees the visits planned for them.
        self.assertEqual(
            self.env["vip.visit"].with_user(self.manager1).search([("trip_id", "=", trip.id)]), visits
        )

    def test_more_clients_than_days(self):
        clients = self.env["res.partner"].create(
            [
                {
                    "name": f"Chain {i}",
                    "is_company": True,
                    "vip_tier_id": self.tier_gold.id,
                    "vip_manager_id": self.manager1.id,
                }
                for i in range(5)
            ]
        )
        trip = self._trip(self.manager1, clients)
        trip.action_submit()
        trip.with_user(self.head).action_approve()
        dates = sorted(trip.visit_ids.mapped("date"))
        self.assertEqual(len(dates), 5)
        self.assertEqual(len(set(dates)), 5, "no two visits at the same time")
        self.assertTrue(all(date(2025, 4, 7) <= d.date() <= date(2025, 4, 8) for d in dates))

    def test_trip_report(self):
        self.trip.action_submit()
        self.trip.with_user(self.head).action_approve()
        visit1, visit3 = self.trip.visit_ids.sorted("date")
        order = self._order(self.client1, self.manager1, 1200.0, "2025-04-07 09:00:00")
        order.vip_visit_id = visit1
        self._order(
            self.client1, self.manager1, 300.0, "2025-04-07 09:00:00", state="draft"
        ).vip_visit_id = visit1
        visit1.with_user(self.manager1).write({"result": "order"})
        visit1.with_user(self.manager1).action_done()
        visit3.with_user(self.manager1).action_cancel()
        trip = self.trip
        trip.notes = "<p>Kazan chain wants a bedroom line</p>"
        trip.action_done()
        self.assertRecordValues(
            trip,
            [
                {
                    "state": "done",
                    "visit_count": 1,
                    "visit_done_count": 1,
                    "order_count": 1,
                    "order_amount": 1200.0,
                }
            ],
        )

    def test_report_lists_the_sections_installed_during_the_trip(self):
        store1, store3 = self._store(self.client1), self._store(self.client3)
        other = self._store(self.client2, name="Not on the trip")
        sections = self.env["vip.brand.section"].create(
            [
                {
                    "name": "In time",
                    "store_id": store1.id,
                    "area": 20.0,
                    "state": "installed",
                    "date_installed": "2025-04-08",
                },
                {
                    "name": "Before",
                    "store_id": store3.id,
                    "area": 20.0,
                    "state": "installed",
                    "date_installed": "2025-04-06",
                },
                {
                    "name": "Other client",
                    "store_id": other.id,
                    "area": 20.0,
                    "state": "installed",
                    "date_installed": "2025-04-07",
                },
                {"name": "Agreed only", "store_id": store3.id, "area": 20.0, "state": "agreed"},
            ]
        )
        self.assertEqual(self.trip.installed_section_ids, sections[0])

    def test_refusal(self):
        trip = self.trip
        trip.action_submit()
        with self.assertRaisesRegex(UserError, "refusal comment"):
            trip.with_user(self.head).action_refuse()
        with self.assertRaises(AccessError):
            trip.write({"refusal_comment": "I refuse my own trip"})
        trip.with_user(self.head).write({"refusal_comment": "Budget too high for two clients"})
        trip.with_user(self.head).action_refuse()
        self.assertRecordValues(trip, [{"state": "refused", "approved_by_id": self.head.id}])
        self.assertFalse(trip.visit_ids)
        # The manager revises the refused trip and submits it again.
        trip.action_draft()
        trip.budget = 30000.0
        trip.action_submit()
        self.assertEqual(trip.state, "submitted")

    def test_submitted_trip_is_read_only_for_its_manager(self):
        trip = self.trip
        trip.action_submit()
        for values in (
            {"destination": "Samara"},
            {"budget": 1.0},
            {"partner_ids": [Command.clear()]},
            {"notes": "<p>changed</p>"},
        ):
            with self.assertRaises(UserError):
                trip.write(values)
        with self.assertRaises(AccessError):
            trip.write({"state": "approved"})
        with self.assertRaises(AccessError):
            trip.write({"approved_by_id": self.manager1.id})
        with self.assertRaises(AccessError):
            trip.action_approve()
        with self.assertRaises(UserError):
            trip.unlink()
        self.assertRecordValues(
            trip, [{"state": "submitted", "destination": "Kazan", "approved_by_id": False}]
        )

    def test_a_trip_starts_as_a_draft(self):
        for values in ({"state": "approved"}, {"approved_by_id": self.head.id}):
            with self.assertRaises(AccessError):
                self.env["vip.trip"].with_user(self.manager1).create(
                    {
                        "name": "Sneaky",
                        "destination": "Sochi",
                        "date_from": "2025-06-01",
                        "date_to": "2025-06-02",
                        **values,
                    }
                )

    def test_menus(self):
        menus = self.env["ir.ui.menu"]
        trips, to_approve = (
            self.env.ref("vip_sales.vip_trip_menu"),
            self.env.ref("vip_sales.vip_trip_menu_to_approve"),
        )
        my_plan, plans = (
            self.env.ref("vip_sales.vip_sales_plan_menu_my"),
            self.env.ref("vip_sales.vip_sales_plan_menu"),
        )
        visits = self.env.ref("vip_sales.vip_visit_menu")
        manager_menus = menus.with_user(self.manager1)._visible_menu_ids()
        self.assertTrue({trips.id, my_plan.id, visits.id} <= manager_menus)
        self.assertFalse({to_approve.id, plans.id} & manager_menus)
        self.assertTrue(
            {trips.id, to_approve.id, my_plan.id, plans.id} <= menus.with_user(self.head)._visible_menu_ids()
        )

    def test_only_another_head_decides(self):
        own_trip = self._trip(self.head, self.client1)
        own_trip.action_submit()
        with self.assertRaisesRegex(UserError, "your own business trip"):
            own_trip.action_approve()
        self.assertEqual(own_trip.state, "submitted")
        self.assertFalse(own_trip.vip_can_decide)
        self.assertTrue(own_trip.with_user(self.head2).vip_can_decide)
        own_trip.with_user(self.head2).action_approve()
        self.assertRecordValues(own_trip, [{"state": "approved", "approved_by_id": self.head2.id}])
        # Another manager does not even see the trip.
        with self.assertRaises(AccessError):
            self.trip.with_user(self.manager2).read(["name"])

    def test_transitions_follow_the_workflow(self):
        trip = self.trip
        with self.assertRaises(UserError):
            trip.with_user(self.head).action_approve()  # draft: nothing to decide
        with self.assertRaises(UserError):
            trip.action_done()
        empty = self._trip(self.manager1, self.env["res.partner"])
        with self.assertRaisesRegex(UserError, "clients you will visit"):
            empty.action_submit()
        trip.action_submit()
        with self.assertRaises(UserError):
            trip.action_submit()
        trip.with_user(self.head).action_approve()
        with self.assertRaises(UserError):
            trip.with_user(self.head2).action_refuse()
        with self.assertRaises(UserError):
            trip.action_draft()
        trip.action_done()
        with self.assertRaises(UserError):
            trip.action_submit()
        self.assertEqual(trip.state, "done")
