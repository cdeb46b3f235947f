from odoo.exceptions import UserError
from odoo.tests import tagged

from .concurrency_common import ConcurrencyCase


@tagged("post_install", "-at_install")
class TestConcurrentDecisions(ConcurrencyCase):
    """Two heads of sales, or a head and the manager, acting on one proposal at the same time."""

    def setUp(self):
        super().setUp()
        self.order_id = self._committed_proposal(discount=30, request=True)

    def _order_state(self):
        return self._transaction(
            lambda env: (
                env["sale.order"].browse(self.order_id).vip_approval_state,
                env["vip.approval"].search_count([("order_id", "=", self.order_id)]),
                env["sale.order"].browse(self.order_id).order_line.discount,
            )
        )

    def _approve(self, env, key=None):
        order = env["sale.order"].browse(self.order_id)
        return lambda: order.with_context(vip_approval_terms_key=key).action_vip_approve()

    def test_two_heads_approve_at_once(self):
        def approve(env, meet):
            # Both read the proposal (pending) before either decides.
            env["sale.order"].browse(self.order_id).vip_approval_state  # noqa: B018
            meet()
            return self._approve(env)()

        results = self._race((self.head1_id, approve), (self.head2_id, approve))
        errors = [result for result in results if isinstance(result, Exception)]
        self.assertEqual(len(errors), 1, results)
        self.assertIsInstance(errors[0], UserError)
        self.assertIn("is not awaiting approval", str(errors[0]))
        self.assertEqual(self._order_state()[:2], ("approved", 1))

    def test_second_head_read_before_the_first_decided(self):
        """The second head's transaction read the proposal pending; the first one's decision
        commits meanwhile: the second is refused, in words, after the retry."""
        with self._open(self.head2_id) as late:
            order = late["sale.order"].browse(self.order_id)
            self.assertEqual(order.vip_approval_state, "to_approve")
            with self._open(self.head1_id) as first:
                self.assertEqual(
                    self._call(first, self._approve(first)),
                    {"type": "ir.actions.client", "tag": "soft_reload"},
                )
            error = self._call(late, self._approve(late))
        self.assertIsInstance(error, UserError)
        self.assertIn("is not awaiting approval", str(error))
        self.assertEqual(self._order_state()[:2], ("approved", 1))

    def test_terms_changed_while_the_head_read_them(self):
        """The head's form shows the terms; the manager changes a line and saves; the head's
        approval of what he read is refused, and nothing is approved."""
        with self._open(self.head1_id) as head:
            seen = head["sale.order"].browse(self.order_id).vip_approval_terms_key

            def change_line(env):
                env["sale.order"].browse(self.order_id).with_user(self.manager1_id).order_line.discount = 35

            self._transaction(change_line)
            error = self._call(head, self._approve(head, seen))
        self.assertIsInstance(error, UserError)
        self.assertIn("has just changed: read it again before you decide", str(error))
        self.assertEqual(self._order_state(), ("to_approve", 0, 35.0))

    def test_line_changed_while_the_head_approves(self):
        """The head's approval holds the proposal; the manager's change at that moment waits,
        then applies to the approved proposal and sends it back to approval."""

        def change_line(env):
            env["sale.order"].browse(self.order_id).order_line.discount = 35

        with self._open(self.head1_id) as head:
            order = head["sale.order"].browse(self.order_id)
            order.with_context(vip_approval_terms_key=order.vip_approval_terms_key).action_vip_approve()
            # The manager's change at that moment waits for the approval.
            self.assertIsNone(self._waits_for(head, self.manager1_id, change_line))
        state, decisions, discount = self._order_state()
        self.assertEqual((state, decisions, discount), ("to_approve", 1, 35.0))


@tagged("post_install", "-at_install")
class TestConcurrentSurveys(ConcurrencyCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.store_id = cls._transaction(
            lambda env: (
                cls._track(
                    env["vip.store"].create(
                        {
                            "partner_id": cls.client_id,
                            "name": "Store",
                            "total_area": 400,
                        }
                    )
                ).id
            )
        )

    def test_manager_and_head_survey_one_store_at_once(self):
        def survey(skus):
            def call(env, meet):
                env["vip.store"].browse(self.store_id).last_survey_id  # noqa: B018 - read first
                meet()
                env["vip.share.survey"].create(
                    {
                        "store_id": self.store_id,
                        "our_sku_count": skus,
                        "total_sku_count": 100,
                    }
                )

            return call

        results = self._race((self.manager1_id, survey(10)), (self.head1_id, survey(30)))
        self.assertEqual(results, [None, None])

        def check(env):
            store = env["vip.store"].browse(self.store_id)
            surveys = env["vip.share.survey"].search([("store_id", "=", self.store_id)])
            self._track(surveys)
            self.assertEqual(sorted(surveys.mapped("our_sku_count")), [10, 30])
            # The store's last survey is the later of the two, whichever committed first.
            self.assertEqual(store.last_survey_id, surveys[0])
            self.assertEqual(store.last_our_sku_count, surveys[0].our_sku_count)

        self._transaction(check)


@tagged("post_install", "-at_install")
class TestConcurrentDailyActions(ConcurrencyCase):
    """Each daily action started twice at once schedules, mails and records once."""

    DUE = {
        "vip_sales.mail_act_type_vip_call_due": 1,
        "vip_sales.mail_act_type_vip_visit_due": 1,
    }

    def setUp(self):
        super().setUp()
        self._transaction(
            lambda env: (
                env["mail.activity"]
                .search([("res_model", "=", "res.partner"), ("res_id", "=", self.client_id)])
                .unlink()
            )
        )

    def _activities(self):
        def count(env):
            groups = env["mail.activity"]._read_group(
                [("res_model", "=", "res.partner"), ("res_id", "=", self.client_id)],
                ["activity_type_id"],
                ["__count"],
            )
            return {activity_type.get_external_id()[activity_type.id]: n for activity_type, n in groups}

        return self._transaction(count)

    def test_activities_twice_at_once(self):
        partners = self.env["res.partner"]
        with (
            self._open(self.ref("base.user_root")) as first,
            self._open(self.ref("base.user_root")) as late,
        ):
            # The late run's transaction began before the first one ran.
            late["res.partner"].browse(self.client_id).name  # noqa: B018
            first["res.partner"]._cron_vip_schedule_activities()
            # Another run while the first one is under way schedules nothing...
            self._transaction(lambda env: env["res.partner"]._cron_vip_schedule_activities())
            first.cr.commit()
            # ...nor one that began before the first one committed.
            late["res.partner"]._cron_vip_schedule_activities()
            late.cr.flush()
            self.assertFalse(
                late["mail.activity"].search_count(
                    [
                        ("res_model", "=", partners._name),
                        ("res_id", "=", self.client_id),
                    ]
                )
            )
        self.assertEqual(self._activities(), self.DUE)
        # A run after the others finds nothing to add.
        self._transaction(lambda env: env["res.partner"]._cron_vip_schedule_activities())
        self.assertEqual(self._activities(), self.DUE)

    def test_activities_raced_from_two_threads(self):
        def run(env, meet):
            env["res.partner"].browse(self.client_id).name  # noqa: B018
            meet()
            env["res.partner"]._cron_vip_schedule_activities()

        root = self.ref("base.user_root")
        self.assertEqual(self._race((root, run), (root, run)), [None, None])
        self.assertEqual(self._activities(), self.DUE)
