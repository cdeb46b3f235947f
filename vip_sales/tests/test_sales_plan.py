from datetime import date

from dateutil.relativedelta import relativedelta

from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, new_test_user, tagged

from odoo.addons.mail.tools.discuss import Store

from .common import load_russian
from .common_visits import VipVisitsCommon


@tagged("post_install", "-at_install")
class TestSalesPlan(VipVisitsCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tz="UTC"))
        cls.plan_all = cls._plan(cls.manager1, "2025-01-01", "2025-01-31", 1000.0)
        cls.plan_client = cls._plan(cls.manager1, "2025-01-01", "2025-01-31", 500.0, partner=cls.client1)

    @classmethod
    def _plan(cls, user, date_from, date_to, target, partner=None):
        return cls.env["vip.sales.plan"].create(
            {
                "user_id": user.id,
                "partner_id": partner.id if partner else False,
                "date_from": date_from,
                "date_to": date_to,
                "target_amount": target,
            }
        )

    def _foreign_pricelist(self):
        """A pricelist in another currency worth 2 units per company unit in January 2025 but 4
        units today: an order converts at the rate of its own date."""
        company_currency = self.env.company.currency_id
        currency = self.env.ref("base.EUR" if company_currency != self.env.ref("base.EUR") else "base.USD")
        currency.active = True
        self.env["res.currency.rate"].search([("currency_id", "=", currency.id)]).unlink()
        self.env["res.currency.rate"].create(
            [
                {
                    "currency_id": currency.id,
                    "name": "2024-12-01",
                    "rate": 2.0,
                    "company_id": self.env.company.id,
                },
                {
                    "currency_id": currency.id,
                    "name": "2025-06-01",
                    "rate": 4.0,
                    "company_id": self.env.company.id,
                },
            ]
        )
        return self.env["product.pricelist"].create({"name": "Foreign", "currency_id": currency.id})

    def test_actual_amount_formula(self):
        counted = [
            self._order(self.client1, self.manager1, 300.0, "2025-01-10 10:00:00"),
            self._order(self.client1_contact, self.manager1, 200.0, "2025-01-20 10:00:00"),
            self._order(
                self.client1, self.manager1, 200.0, "2025-01-25 10:00:00", pricelist=self._foreign_pricelist()
            ),
        ]
        self.assertEqual(counted[2].currency_rate, 2.0)
        other_client = self._order(self.non_vip, self.manager1, 100.0, "2025-01-15 10:00:00")
        # Not counted: outside the period, not confirmed, another salesperson.
        self._order(self.client1, self.manager1, 1000.0, "2025-02-01 00:30:00")
        self._order(self.client1, self.manager1, 1000.0, "2024-12-31 23:30:00")
        self._order(self.client1, self.manager1, 700.0, "2025-01-12 10:00:00", state="draft")
        self._order(self.client1, self.manager1, 800.0, "2025-01-12 10:00:00", state="cancel")
        self._order(self.client1, self.manager2, 900.0, "2025-01-12 10:00:00")

        # 300 + 200 (its contact) + 200 / 2 (foreign currency at January's rate), + 100 (another client)
        self.assertAlmostEqual(self.plan_client.actual_amount, 600.0)
        self.assertAlmostEqual(self.plan_client.fulfillment, 120.0)
        self.assertAlmostEqual(self.plan_all.actual_amount, 700.0)
        self.assertAlmostEqual(self.plan_all.fulfillment, 70.0)

        # Always current: cancelling an order takes it out at once.
        other_client.action_cancel()
        self.env.invalidate_all()
        self.assertAlmostEqual(self.plan_all.actual_amount, 600.0)

    def test_period_in_users_timezone(self):
        # 22:30 UTC on 31 January is already 1 February in Moscow.
        self._order(self.client1, self.manager1, 400.0, "2025-01-31 22:30:00")
        february = self._plan(self.manager1, "2025-02-01", "2025-02-28", 1000.0)
        plans = self.plan_all | february
        self.assertEqual(plans.mapped("actual_amount"), [400.0, 0.0])
        self.assertEqual(plans.with_context(tz="Europe/Moscow").mapped("actual_amount"), [0.0, 400.0])

    def test_periods_of_any_length(self):
        # Days buckets when a plan does not cover whole months.
        self._order(self.client1, self.manager1, 100.0, "2025-01-10 10:00:00")
        self._order(self.client1, self.manager1, 50.0, "2025-01-20 10:00:00")
        first_half = self._plan(self.manager1, "2025-01-01", "2025-01-15", 100.0)
        year = self._plan(self.manager1, "2025-01-01", "2025-12-31", 1000.0)
        self.assertEqual((first_half | year | self.plan_all).mapped("actual_amount"), [100.0, 150.0, 150.0])
        self.assertAlmostEqual(year.fulfillment, 15.0)

    def test_a_plan_is_named_by_its_period(self):
        names = {
            (date_from, date_to): self._plan(self.manager1, date_from, date_to, 1.0).display_name
            for date_from, date_to in (
                ("2025-04-01", "2025-04-30"),
                ("2025-04-01", "2025-06-30"),
                ("2025-01-01", "2025-12-31"),
                ("2025-04-10", "2025-04-20"),
            )
        }
        self.assertEqual(
            list(names.values()),
            [
                f"{self.manager1.name} · April 2025",
                f"{self.manager1.name} · Q2 2025",
                f"{self.manager1.name} · 2025",
                f"{self.manager1.name} · 04/10/2025 – 04/20/2025",
            ],
        )
        self.env["res.lang"]._activate_lang("ru_RU")
        plan = self._plan(self.manager1, "2025-05-01", "2025-05-31", 1.0)
        self.assertEqual(plan.with_context(lang="ru_RU").display_name, f"{self.manager1.name} · Май 2025")

    def test_the_decision_reads_in_each_readers_language(self):
        """The head decides in English; the note of his decision reads in Russian to a manager
        who works in Russian, and in English to him, from the same message."""
        load_russian(self.env)
        self.head.lang, self.manager1.lang = "en_US", "ru_RU"
        self.plan_all.with_user(self.head).with_context(lang="en_US").action_approve()
        message = self.plan_all.message_ids.filtered("vip_body_spec")
        self.assertEqual(len(message), 1)

        def body_for(user):
            data = Store().add(message.with_user(user).with_context(lang=user.lang), ["body"]).get_result()
            return str(data["mail.message"][0]["body"])

        self.assertIn(f"Approved by {self.head.name}.", body_for(self.head))
        self.assertIn(f"Согласовано: {self.head.name}.", body_for(self.manager1))
        self.assertIn("Approved by", message.body, "what mails and searches read: the author's language")

    def test_groups_do_not_add_overlapping_plans(self):
        """A manager's monthly plan and his clients' plans of the month overlap: the list's
        groups by manager show no total target that would count the same sales twice."""
        description = self.env["vip.sales.plan"].fields_get(["target_amount"], ["aggregator"])
        self.assertFalse(description["target_amount"].get("aggregator"))

    def test_plan_being_edited_shows_its_actual(self):
        # A new plan, and a saved one whose period is being changed, count from what the form holds.
        self._order(self.client1, self.manager1, 300.0, "2025-02-10 10:00:00")
        self._order(self.non_vip, self.manager1, 100.0, "2025-02-12 10:00:00")
        with Form(self.env["vip.sales.plan"]) as plan:
            plan.user_id = self.manager1
            plan.partner_id = self.client1
            plan.date_from = date(2025, 2, 1)
            plan.date_to = date(2025, 2, 28)
            plan.target_amount = 600.0
            self.assertEqual((plan.actual_amount, plan.fulfillment), (300.0, 50.0))
            plan.partner_id = self.env["res.partner"]
            self.assertEqual((plan.actual_amount, plan.fulfillment), (400.0, 66.7))
        with Form(self.plan_all) as plan:
            self.assertEqual(plan.actual_amount, 0.0)
            plan.date_to = date(2025, 2, 28)
            self.assertEqual(plan.actual_amount, 400.0)
            plan.date_from = date(2025, 2, 11)
            self.assertEqual(plan.actual_amount, 100.0, "a period of days")

    def test_zero_target(self):
        plan = self._plan(self.manager1, "2025-03-01", "2025-03-31", 0.0)
        self._order(self.client1, self.manager1, 100.0, "2025-03-10 10:00:00")
        self.assertEqual(plan.actual_amount, 100.0)
        self.assertEqual(plan.fulfillment, 0.0)

    def test_query_count_does_not_grow_with_managers(self):
        managers = [
            new_test_user(self.env, login=f"plan_mgr_{i}", groups="vip_sales.group_vip_manager")
            for i in range(4)
        ]
        plans_by_manager = []
        for manager in managers:
            client = self.env["res.partner"].create(
                {
                    "name": f"Client of {manager.login}",
                    "is_company": True,
                    "vip_tier_id": self.tier_gold.id,
                    "vip_manager_id": manager.id,
                }
            )
            plans = self.env["vip.sales.plan"]
            for month in range(1, 13):
                start = date(2025, month, 1)
                end = start + relativedelta(months=1, days=-1)
                plans |= self._plan(manager, start, end, 100.0)
                plans |= self._plan(manager, start, end, 50.0, partner=client)
                self._order(client, manager, 10.0 * month, f"2025-{month:02d}-15 10:00:00")
            plans_by_manager.append(plans)
        one, four = plans_by_manager[0][:1], self.env["vip.sales.plan"].union(*plans_by_manager)
        self.env.flush_all()
        for plans in (one, four):
            self.env.invalidate_all()
            # one query joins the plans to their orders' sums, however many of either
            with self.assertQueryCount(1):
                amounts = plans.mapped("actual_amount")
            self.assertEqual(amounts[:1], [10.0])
        self.assertEqual(sum(four.mapped("actual_amount")), 2 * 4 * sum(10.0 * m for m in range(1, 13)))

    def test_access(self):
        other_plan = self._plan(self.manager2, "2025-01-01", "2025-01-31", 800.0)
        plans = self.env["vip.sales.plan"].with_user(self.manager1).search([])
        self.assertEqual(plans, self.plan_all | self.plan_client, "a manager reads their own plans only")
        self.assertEqual(plans[0].actual_amount, 0.0)
        with self.assertRaises(AccessError):
            other_plan.with_user(self.manager1).read(["target_amount"])
        with self.assertRaises(AccessError):
            self.plan_all.with_user(self.manager1).write({"target_amount": 1.0})
        with self.assertRaises(AccessError):
            self.plan_all.with_user(self.manager1).action_approve()
        with self.assertRaises(AccessError):
            self._plan(self.manager1, "2025-02-01", "2025-02-28", 1.0).with_user(self.manager1).unlink()
        with self.assertRaises(AccessError):
            self.env["vip.sales.plan"].with_user(self.manager1).create(
                {"user_id": self.manager1.id, "date_from": "2025-02-01", "date_to": "2025-02-28"}
            )
        self.assertEqual(self.plan_all.target_amount, 1000.0)
        self.assertEqual(self.plan_all.state, "draft")

    def test_head_approves_and_approved_plan_is_frozen(self):
        plan = self.plan_all.with_user(self.head)
        plan.action_approve()
        self.assertEqual(plan.state, "approved")
        with self.assertRaises(UserError):
            plan.write({"target_amount": 2000.0})
        with self.assertRaises(UserError):
            plan.unlink()
        with self.assertRaises(UserError):
            plan.action_approve()
        plan.action_draft()
        plan.write({"target_amount": 2000.0})
        self.assertEqual(plan.target_amount, 2000.0)
        self.assertEqual(plan.state, "draft")

    def test_split_evenly_replaces_the_plan(self):
        year = self._plan(self.manager1, "2025-01-01", "2025-12-31", 10000.0, partner=self.client1)
        form = Form(
            self.env["vip.sales.plan.split"].with_user(self.head).with_context(default_plan_id=year.id)
        )
        self.assertEqual(form.target_amount, 10000.0)
        self.assertEqual(len(form.line_ids), 12)
        action = form.save().action_split()
        monthly = self.env["vip.sales.plan"].browse(action["domain"][0][2]).sorted("date_from")
        self.assertFalse(year.exists())
        self.assertEqual(len(monthly), 12)
        self.assertEqual(monthly.mapped("user_id"), self.manager1)
        self.assertEqual(monthly.mapped("partner_id"), self.client1)
        self.assertEqual(monthly[0].date_from, date(2025, 1, 1))
        self.assertEqual(monthly[1].date_to, date(2025, 2, 28))
        self.assertEqual(monthly[-1].date_to, date(2025, 12, 31))
        self.assertEqual(monthly[:11].mapped("target_amount"), [833.33] * 11)
        self.assertAlmostEqual(sum(monthly.mapped("target_amount")), 10000.0)
        self.assertEqual(set(monthly.mapped("state")), {"draft"})

    def test_split_by_seasonality(self):
        form = Form(self.env["vip.sales.plan.split"].with_user(self.head))
        form.user_id = self.manager2
        form.date_from = date(2025, 4, 1)
        form.date_to = date(2025, 6, 30)
        form.target_amount = 9000.0
        form.method = "seasonality"
        for index, percent in enumerate((50.0, 30.0, 10.0)):
            with form.line_ids.edit(index) as line:
                line.percent = percent
        wizard = form.save()
        with self.assertRaisesRegex(UserError, "add up to 90.0"):
            wizard.action_split()
        wizard.line_ids.sorted("month")[2].percent = 20.0
        action = wizard.action_split()
        plans = self.env["vip.sales.plan"].browse(action["domain"][0][2]).sorted("date_from")
        self.assertEqual(plans.mapped("target_amount"), [4500.0, 2700.0, 1800.0])
        self.assertEqual(plans.mapped("date_to"), [date(2025, 4, 30), date(2025, 5, 31), date(2025, 6, 30)])

    def test_split_refusals(self):
        wizard_model = self.env["vip.sales.plan.split"].with_user(self.head)
        odd_period = wizard_model.create(
            {
                "user_id": self.manager1.id,
                "date_from": "2025-01-15",
                "date_to": "2025-03-31",
                "target_amount": 1.0,
            }
        )
        with self.assertRaisesRegex(UserError, "first day of a month"):
            odd_period.action_split()
        self.plan_all.with_user(self.head).action_approve()
        with self.assertRaises(UserError):
            self.plan_all.with_user(self.head).action_split()
        with self.assertRaises(AccessError):
            self.env["vip.sales.plan.split"].with_user(self.manager1).create(
                {"user_id": self.manager1.id, "date_from": "2025-01-01", "date_to": "2025-03-31"}
            )
