from datetime import datetime

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged

from .common_visits import VipVisitsCommon


@tagged("post_install", "-at_install")
class TestVisit(VipVisitsCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.reason_price = cls.env["vip.no.order.reason"].create({"name": "Price"})

    def test_done_needs_a_result_and_a_reason(self):
        visit = self._visit(self.client1).with_user(self.manager1)
        with self.assertRaisesRegex(ValidationError, "Give the result"):
            visit.action_done()
        self.assertEqual(visit.state, "planned")
        visit.result = "no_order"
        with self.assertRaisesRegex(ValidationError, "give the reason"):
            visit.action_done()
        visit.no_order_reason_id = self.reason_price
        visit.action_done()
        self.assertEqual(visit.state, "done")
        # The reason belongs to a visit without an order only.
        visit.result = "info"
        self.assertFalse(visit.no_order_reason_id)
        with self.assertRaises(UserError):
            visit.action_done()
        with self.assertRaises(UserError):
            visit.action_cancel()
        with self.assertRaises(UserError):
            visit.unlink()

    def test_quick_done_dialog(self):
        visit = self._visit(self.client1).with_user(self.manager1)
        action = visit.action_open_done()
        self.assertEqual((action["res_id"], action["target"]), (visit.id, "new"))
        form = Form(visit, view="vip_sales.vip_visit_view_form_done")
        form.result = "no_order"
        form.no_order_reason_id = self.reason_price
        form.needs = "Corner sofas under 60,000"
        form.save().action_done()
        self.assertRecordValues(
            visit, [{"state": "done", "result": "no_order", "no_order_reason_id": self.reason_price.id}]
        )

    def test_visit_is_logged_on_the_client_company(self):
        with self.assertRaises(ValidationError):
            self._visit(self.client1_contact, user=self.manager1)

    def test_calendar_sync(self):
        visit = self._visit(self.client1, date="2025-03-10 09:00:00", duration=2.0)
        event = visit.calendar_event_id
        self.assertRecordValues(
            event,
            [
                {
                    "start": datetime(2025, 3, 10, 9),
                    "stop": datetime(2025, 3, 10, 11),
                    "user_id": self.manager1.id,
                    "res_model": "vip.visit",
                    "res_id": visit.id,
                }
            ],
        )
        self.assertEqual(event.partner_ids, self.manager1.partner_id)
        self.assertIn(self.client1.name, event.name)

        visit.with_user(self.manager1).date = "2025-03-12 14:00:00"
        self.assertEqual((event.start, event.stop), (datetime(2025, 3, 12, 14), datetime(2025, 3, 12, 16)))

        visit.with_user(self.manager1).action_cancel()
        self.assertFalse(event.exists())
        self.assertFalse(visit.calendar_event_id)

        visit.with_user(self.manager1).action_plan()
        self.assertEqual(visit.calendar_event_id.start, datetime(2025, 3, 12, 14))

        # A call is no meeting in the calendar; turned back into a visit it is.
        visit.kind = "phone"
        self.assertFalse(visit.calendar_event_id)
        visit.kind = "onsite"
        event = visit.calendar_event_id
        self.assertTrue(event)

        # Handed to another manager: the event moves to their calendar.
        visit.user_id = self.manager2
        self.assertEqual(event.user_id, self.manager2)
        self.assertIn(self.manager2.partner_id, event.partner_ids)

        visit.unlink()
        self.assertFalse(event.exists())

    def test_moving_the_event_moves_the_visit(self):
        visit = self._visit(self.client1, date="2025-03-10 09:00:00", duration=2.0)
        event = visit.calendar_event_id
        event.with_user(self.manager1).write({"start": "2025-03-11 13:00:00", "stop": "2025-03-11 14:30:00"})
        self.assertRecordValues(visit, [{"date": datetime(2025, 3, 11, 13), "duration": 1.5}])
        self.assertEqual(
            (event.start, event.stop), (datetime(2025, 3, 11, 13), datetime(2025, 3, 11, 14, 30))
        )
        # Whoever may not change the visit cannot move it through the calendar either (the
        # calendar itself lets every employee move a shared event).
        with self.assertRaises(AccessError):
            event.with_user(self.manager2).write(
                {"start": "2025-03-20 09:00:00", "stop": "2025-03-20 10:00:00"}
            )
        self.assertEqual(visit.date, datetime(2025, 3, 11, 13))
        # The head of sales, who may change every visit, moves it too.
        event.with_user(self.head).write({"start": "2025-03-21 09:00:00", "stop": "2025-03-21 10:00:00"})
        self.assertRecordValues(visit, [{"date": datetime(2025, 3, 21, 9), "duration": 1.0}])

    def test_visit_in_a_store(self):
        warehouse = self.env["res.partner"].create(
            {"name": "Khimki store", "parent_id": self.client1.id, "type": "delivery", "city": "Khimki"}
        )
        store = self._store(self.client1, address_id=warehouse.id)
        visit = self._visit(self.client1, store_id=store.id)
        self.assertIn("Khimki", visit.calendar_event_id.location, "the event is at the store")
        with self.assertRaises(ValidationError):
            visit.store_id = self._store(self.client2, name="Other client's store")
        self.assertEqual(visit.store_id, store)

    def test_calls_are_not_in_the_calendar(self):
        self.assertFalse(self._visit(self.client1, kind="phone").calendar_event_id)
        self.assertFalse(self._visit(self.client1, kind="video").calendar_event_id)

    def test_quotation_from_visit(self):
        visit = self._visit(self.client1).with_user(self.manager1)
        action = visit.action_new_quotation()
        order_form = Form(self.env["sale.order"].with_user(self.manager1).with_context(**action["context"]))
        with order_form.order_line.new() as line:
            line.product_id = self.product
        order = order_form.save()
        self.assertEqual(order.vip_visit_id, visit)
        self.assertEqual(order.partner_id, self.client1)
        self.assertEqual(visit.order_ids, order)
        self.assertEqual(visit.order_count, 1)
        self.assertEqual(visit.action_view_orders()["domain"], [("vip_visit_id", "=", visit.id)])

    def test_an_order_counts_for_a_visit_of_its_own_client(self):
        visit = self._visit(self.client1)
        order = self.env["sale.order"].with_user(self.manager2).create({"partner_id": self.client2.id})
        # assertRaises (not assertRaisesRegex) rolls the refused write back, as a request would.
        with self.assertRaises(ValidationError) as refused:
            order.vip_visit_id = visit
        self.assertIn("link it to a visit or call of its own client", str(refused.exception))
        self.assertFalse(order.vip_visit_id)
        self.assertFalse(visit.order_ids)

    def test_access(self):
        own = self._visit(self.client1)
        other = self._visit(self.client2)
        visible = self.env["vip.visit"].with_user(self.manager1).search([("id", "in", (own | other).ids)])
        self.assertEqual(visible, own)
        with self.assertRaises(AccessError):
            other.with_user(self.manager1).write({"needs": "Nothing"})
        with self.assertRaises(AccessError):
            self.env["vip.visit"].with_user(self.manager1).create(
                {"partner_id": self.client2.id, "user_id": self.manager2.id}
            )
        # A salesperson outside the VIP team sees no visit.
        with self.assertRaises(AccessError):
            self.env["vip.visit"].with_user(self.salesman).search([])
        head_visible = self.env["vip.visit"].with_user(self.head).search([("id", "in", (own | other).ids)])
        self.assertEqual(head_visible, own | other)

    def test_no_order_reasons_are_configured_by_the_head(self):
        with self.assertRaises(AccessError):
            self.env["vip.no.order.reason"].with_user(self.manager1).create({"name": "Weather"})
        reason = self.env["vip.no.order.reason"].with_user(self.head).create({"name": "Weather"})
        self.assertEqual(reason.with_user(self.manager1).name, "Weather")

    def test_salesperson_outside_the_team_opens_clients_and_orders(self):
        """The VIP parts of the client and order forms are for the VIP team only: a salesperson
        without access to visits still opens a client and an order that came from a visit."""
        visit = self._visit(self.client1)
        order = self._order(self.client1, self.salesman, 100.0, "2025-03-10 10:00:00")
        order.vip_visit_id = visit
        self.assertEqual(Form(self.client1.with_user(self.salesman)).name, "Mebelgrad LLC")
        self.assertEqual(Form(order.with_user(self.salesman)).partner_id, self.client1)
        with self.assertRaises(AccessError):
            visit.with_user(self.salesman).read(["partner_id"])
        self.assertEqual(Form(order.with_user(self.head)).vip_visit_id, visit)
