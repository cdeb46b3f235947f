from datetime import timedelta

from odoo.fields import Domain
from odoo.tests import tagged

from .client_card_common import VipClientCardCommon


@tagged("post_install", "-at_install")
class TestNoOrderWatch(VipClientCardCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.tier_gold.no_order_days = 45
        cls.no_order_type = cls.env.ref("vip_sales.mail_act_type_vip_no_order")
        cls.Partner = cls.env["res.partner"]

    def _days_ago(self, days):
        return self.today - timedelta(days=days)

    def _no_order_activities(self, partners):
        return self.env["mail.activity"].search(
            [
                ("res_model", "=", "res.partner"),
                ("res_id", "in", partners.ids),
                ("activity_type_id", "=", self.no_order_type.id),
            ]
        )

    def _schedule(self, partners):
        """Run the daily action's no-order rules on ``partners`` only."""
        created = 0
        for xmlid, domain, summary in self.Partner._vip_no_order_rules():
            restricted = Domain(domain) & Domain("id", "in", partners.ids)
            created += self.Partner._vip_schedule_activity(self.env.ref(xmlid), restricted, summary)
        return created

    def test_last_order_counts_confirmed_orders_of_the_company_and_contacts(self):
        self.assertFalse(self.client1.vip_last_order_date)
        self._order(self.client1, confirmed_days_ago=30)
        self._order(self.client1_contact, confirmed_days_ago=12)
        self._order(self.client1)  # a quotation is no order
        self.assertEqual(self.client1.vip_last_order_date, self._days_ago(12))
        self.assertEqual(self.client1.vip_days_without_order, 12)
        latest = self._order(self.client1, confirmed_days_ago=2)
        self.assertEqual(self.client1.vip_days_without_order, 2)
        latest._action_cancel()
        self.assertEqual(self.client1.vip_days_without_order, 12, "a cancelled order does not count")

    def test_client_that_never_ordered_counts_from_vip_since(self):
        self.client1.vip_since = self._days_ago(50)
        self.assertEqual(self.client1.vip_days_without_order, 50)
        self.assertTrue(self.client1.vip_no_recent_order)
        self.client2.vip_since = False
        self.assertEqual(self.client2.vip_days_without_order, 0)
        self.assertFalse(self.client2.vip_no_recent_order, "nothing to count from")

    def test_search_days_without_order_and_no_recent_order(self):
        silver = self.env["vip.tier"].create({"name": "Silver", "no_order_days": 90})
        self._order(self.client1, confirmed_days_ago=60)  # Gold, 60 > 45 days
        self.client2.write({"vip_tier_id": silver.id, "vip_since": self._days_ago(100)})  # 100 > 90
        quiet = self.Partner.create(
            {"name": "Quiet", "is_company": True, "vip_tier_id": silver.id, "vip_since": self._days_ago(70)}
        )
        undated = self.Partner.create({"name": "Undated", "is_company": True, "vip_tier_id": silver.id})
        clients = self.client1 | self.client2 | quiet | undated
        contact = self.client1_contact  # the watch is about clients: a contact counts 0 days
        self.assertEqual(contact.vip_days_without_order, 0)
        self.assertFalse(contact.vip_no_recent_order)
        scope = [("id", "in", (clients | contact).ids)]

        def search(domain):
            return self.Partner.search(scope + domain)

        self.assertEqual(search([("vip_days_without_order", ">=", 60)]), self.client1 | self.client2 | quiet)
        self.assertEqual(search([("vip_days_without_order", ">", 60)]), self.client2 | quiet)
        self.assertEqual(search([("vip_days_without_order", "<", 70)]), self.client1 | undated | contact)
        self.assertEqual(
            search([("vip_days_without_order", "<=", 70)]), self.client1 | quiet | undated | contact
        )
        self.assertEqual(search([("vip_no_recent_order", "=", True)]), self.client1 | self.client2)
        self.assertEqual(search([("vip_no_recent_order", "=", False)]), quiet | undated | contact)

    def test_daily_action_asks_the_owner_once(self):
        self.client1.vip_since = self._days_ago(400)
        self._order(self.client1, confirmed_days_ago=46)
        self.client2.vip_since = self._days_ago(400)
        self._order(self.client2, confirmed_days_ago=44)
        self.assertIn(
            "vip_sales.mail_act_type_vip_no_order",
            [xmlid for xmlid, _domain, _summary in self.Partner._vip_activity_rules()],
        )

        self.assertEqual(self._schedule(self.client1 | self.client2), 1)
        activity = self._no_order_activities(self.client1 | self.client2)
        self.assertEqual(activity.res_id, self.client1.id)
        self.assertEqual(activity.user_id, self.manager1)
        self.assertEqual(activity.summary, "VIP: no orders for 45 days")
        self.assertEqual(self._schedule(self.client1 | self.client2), 0, "never a second open one")
        self.assertEqual(len(self._no_order_activities(self.client1 | self.client2)), 1)

        # The whole daily action runs the rule too.
        self.Partner._cron_vip_schedule_activities()
        self.assertEqual(len(self._no_order_activities(self.client1 | self.client2)), 1)

    def test_daily_action_queries_do_not_grow_with_clients(self):
        def create_clients(count, start):
            return self.Partner.create(
                [
                    {
                        "name": f"Chain {i}",
                        "is_company": True,
                        "vip_tier_id": self.tier_gold.id,
                        "vip_manager_id": (self.manager1 if i % 2 else self.manager2).id,
                        "vip_since": self._days_ago(100),
                    }
                    for i in range(start, start + count)
                ]
            )

        def count_queries(partners):
            self.env.flush_all()
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            created = self._schedule(partners)
            self.env.flush_all()
            self.assertEqual(created, len(partners))
            return self.env.cr.sql_log_count - before

        few_clients = create_clients(20, 0)
        many_clients = create_clients(400, 20)
        self._schedule(few_clients)  # first run: loads what any run needs once
        self._no_order_activities(few_clients).unlink()
        few = count_queries(few_clients)
        # Four of them claim the run (a savepoint, the lock, the mark, its release).
        with self.assertQueryCount(__system__=34):
            many = count_queries(many_clients)
        # 20 times the clients: the only extra queries are the ORM's chunks of 100 rows when it
        # inserts the activities and stores their computed fields, never one per client.
        self.assertLessEqual(many - few, 4 * (400 // 100), f"{few} queries for 20 clients, {many} for 400")
        self.assertEqual(len(self._no_order_activities(many_clients)), 400)
