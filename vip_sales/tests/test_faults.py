import threading

from odoo.tests import tagged
from odoo.tools import SQL

from .concurrency_common import MEETING_TIMEOUT, ServerCase


@tagged("post_install", "-at_install")
class TestDatabaseFaults(ServerCase):
    def test_backend_terminated_mid_request(self):
        """The manager requests approval; the database connection serving it is terminated
        while it writes: the manager reads a clear message to try again, nothing is half
        written, and trying again works."""

        order_id = self._committed_proposal(discount=30)
        session = self._session(self._login(self.manager1_id))
        response = {}

        def request_approval():
            response.update(self._call_kw(session, "sale.order", "action_vip_request_approval", [order_id]))

        with self.registry.cursor() as lock_holder:
            # The request's activity for a head of sales waits for this lock, after the
            # proposal's state and its request are written in its transaction.
            lock_holder.execute(SQL("SELECT id FROM res_users WHERE id = %s FOR UPDATE", self.head1_id))
            caller = threading.Thread(target=request_approval)
            caller.start()
            backend = self._backend_waiting_for(lock_holder)
            lock_holder.execute(SQL("SELECT pg_terminate_backend(%s)", backend))
            lock_holder.rollback()
        caller.join(MEETING_TIMEOUT * 2)

        error = response["error"]
        self.assertEqual(error["data"]["name"], "odoo.exceptions.UserError")
        self.assertIn("The connection to the database was lost", error["data"]["message"])
        self.assertNotIn("Traceback", error["data"].get("debug", ""))

        def state(env):
            requests_count = env["vip.approval.request"].search_count(
                [("res_model", "=", "sale.order"), ("res_id", "=", order_id)]
            )
            return env["sale.order"].browse(order_id).vip_approval_state, requests_count

        self.assertEqual(self._transaction(state), ("required", 0))
        # Trying again is safe and works.
        self.assertNotIn(
            "error",
            self._call_kw(session, "sale.order", "action_vip_request_approval", [order_id]),
        )
        self.assertEqual(self._transaction(state), ("to_approve", 1))
