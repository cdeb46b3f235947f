import os
import socket
import subprocess
import sys
import threading
import time
import uuid
from contextlib import contextmanager
from functools import partial
from unittest.mock import patch

import requests

from odoo import SUPERUSER_ID, Command, api
from odoo.orm.registry import DummyRLock, Registry
from odoo.service.model import retrying
from odoo.tests import TransactionCase, new_test_user
from odoo.tools import SQL, config

# How long a thread waits for the others at a meeting point before the test gives up.
MEETING_TIMEOUT = 30
SERVER_START_TIMEOUT = 300
# What the racers hang on a record (by model and id), removed with it.
HUNG_TABLES = (
    "vip_approval",
    "vip_approval_request",
    "mail_activity",
    "mail_message",
    "mail_followers",
    "ir_attachment",
)


class ConcurrencyCase(TransactionCase):
    """Real transactions at once: set-up data committed in a cursor of its own (the test's
    transaction stays invisible to other connections) and removed after the class; each
    racer runs in a thread with its own cursor, as a worker serving one RPC call does
    (``odoo.service.model.retrying``: serialization failures retried, then commit).

    The test's own cursor began before the set-up was committed: read and prepare with
    ``_transaction``, never with ``self.env``.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # The thread running the tests holds the registries' lock, which the racers' threads
        # take to look up the registry (as HttpCase does, for its server's threads).
        cls.startClassPatcher(patch.object(Registry, "_lock", DummyRLock()))
        cls._created = []  # (model, ids) in creation order, removed in reverse
        cls.addClassCleanup(cls._purge)
        cls._transaction(cls._committed_setup)

    @classmethod
    def _committed_setup(cls, env):
        """Build the shared records in ``env`` (superuser, committed after it); a subclass
        adds its own with ``_transaction`` after ``setUpClass`` and registers them with
        ``_track``."""
        cls.company_id = env.company.id
        # Unique logins: a run killed before its clean-up leaves its users behind.
        run = uuid.uuid4().hex[:8]
        users = [
            ("head1", "vip_sales.group_vip_head"),
            ("head2", "vip_sales.group_vip_head"),
            ("manager1", "vip_sales.group_vip_manager"),
            ("manager2", "vip_sales.group_vip_manager"),
        ]
        for name, group in users:
            user = new_test_user(
                env,
                login=f"vip_race_{name}_{run}",
                groups=group,
                email=f"vip_race_{name}_{run}@example.com",
                company_id=env.company.id,
            )
            cls._track(user.partner_id)
            cls._track(user)
            setattr(cls, f"{name}_id", user.id)
        tier = cls._track(env["vip.tier"].create({"name": "Race Gold", "call_interval_days": 7}))
        cls.client_id = cls._track(
            env["res.partner"].create(
                {
                    "name": "Race Furniture LLC",
                    "is_company": True,
                    "vip_tier_id": tier.id,
                    "vip_manager_id": cls.manager1_id,
                }
            )
        ).id
        cls.product_id = cls._track(
            env["product.product"].create(
                {
                    "name": "Race Sofa",
                    "type": "consu",
                    "list_price": 1000.0,
                    "taxes_id": [Command.clear()],
                }
            )
        ).id

    @classmethod
    def _committed_proposal(cls, discount, request=False):
        """A proposal of the client by its manager, with one discounted line, committed (and
        submitted for approval with ``request``): its id."""

        def create(env):
            order = (
                env["sale.order"]
                .with_user(cls.manager1_id)
                .create(
                    {
                        "partner_id": cls.client_id,
                        "order_line": [
                            Command.create(
                                {
                                    "product_id": cls.product_id,
                                    "product_uom_qty": 2,
                                    "discount": discount,
                                }
                            )
                        ],
                    }
                )
            )
            if request:
                order.action_vip_request_approval()
            return cls._track(order).id

        return cls._transaction(create)

    @classmethod
    def _track(cls, records):
        cls._created.append((records._name, records.ids))
        return records

    @classmethod
    def _purge(cls):
        """Remove the committed records and everything the racers hung on them (logs,
        requests and their mails, messages, activities, followers, attachments), in SQL: the
        business guards refuse to delete a decided proposal, rightly."""
        with cls.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            for model, ids in reversed(cls._created):
                if not ids:
                    continue
                cr.execute(
                    SQL(
                        "SELECT id FROM vip_approval_request WHERE res_model = %s AND res_id IN %s",
                        model,
                        tuple(ids),
                    )
                )
                cls._purge_hung(
                    cr,
                    "vip.approval.request",
                    [request_id for (request_id,) in cr.fetchall()],
                )
                cls._purge_hung(cr, model, ids)
                cr.execute(
                    SQL(
                        "DELETE FROM %s WHERE id IN %s",
                        SQL.identifier(env[model]._table),
                        tuple(ids),
                    )
                )

    @classmethod
    def _purge_hung(cls, cr, model, ids):
        for table in HUNG_TABLES if ids else ():
            column = "model" if table == "mail_message" else "res_model"
            cr.execute(
                SQL(
                    "DELETE FROM %s WHERE %s = %s AND res_id IN %s",
                    SQL.identifier(table),
                    SQL.identifier(column),
                    model,
                    tuple(ids),
                )
            )

    # ------------------------------------------------------------------
    # Racing
    # ------------------------------------------------------------------

    def _race(self, *calls):
        """Run the ``(uid, func)`` calls at once, each ``func(env, meet)`` in its own thread,
        transaction and environment of ``uid``. ``meet()`` waits until every racer reaches it
        (first try only): a racer that reads there before it writes makes every racer read the
        same state. Returns what each call returned, or the exception it ended with."""
        meeting = threading.Barrier(len(calls), timeout=MEETING_TIMEOUT)
        results = [None] * len(calls)

        def meet(tries):
            tries.append(1)
            if len(tries) == 1:
                meeting.wait()

        def run(index, uid, func):
            with self.registry.cursor() as cr:
                env = api.Environment(cr, uid, {})
                results[index] = self._call(env, partial(func, env, partial(meet, [])))

        threads = [threading.Thread(target=run, args=(i, *call)) for i, call in enumerate(calls)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(MEETING_TIMEOUT * 4)
            self.assertFalse(thread.is_alive(), "a racer hangs")
        return results

    def _waits_for(self, holder, uid, func):
        """Call ``func(env)`` as ``uid`` in another thread (as the RPC layer does) while the
        transaction of ``holder`` (an environment) is open: check that the call waits for it,
        commit ``holder``, and return what the call ended with."""
        holder.flush_all()
        done = threading.Event()
        outcome = []

        def run():
            with self.registry.cursor() as cr:
                env = api.Environment(cr, uid, {})
                outcome.append(self._call(env, partial(func, env)))
            done.set()

        thread = threading.Thread(target=run)
        thread.start()
        self.assertFalse(done.wait(2), "the call does not wait for the open transaction")
        holder.cr.commit()
        thread.join(MEETING_TIMEOUT)
        self.assertTrue(done.is_set(), "the call hangs")
        return outcome[0]

    @contextmanager
    def _open(self, uid):
        """An environment of ``uid`` on a cursor of its own, rolled back at the end: a
        transaction kept open while others commit."""
        with self.registry.cursor() as cr:
            yield api.Environment(cr, uid, {})
            cr.rollback()

    def _call(self, env, func):
        """``func()`` as the RPC layer runs a call in ``env``: retried on serialization
        failures, then committed. Returns the result or the exception it ended with."""
        try:
            return retrying(func, env)
        except Exception as error:  # the test asserts what the caller got
            return error

    @classmethod
    def _transaction(cls, func):
        """``func(env)`` in a transaction of its own (superuser), committed: it sees what the
        racers committed, and they see what it does."""
        with cls.registry.cursor() as cr:
            return func(api.Environment(cr, SUPERUSER_ID, {}))


class ServerCase(ConcurrencyCase):
    """Faults under a real Odoo server of its own (another process, on a free port, serving
    this database with real transactions), driven over HTTP as the web client does."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._start_server()

    @classmethod
    def _start_server(cls):
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            cls.port = probe.getsockname()[1]
        db = cls.registry.db_name
        args = [
            f"--addons-path={','.join(config['addons_path'])}",
            f"--database={db}",
            f"--db-filter=^{db}$",
            "--http-interface=127.0.0.1",
            f"--http-port={cls.port}",
            "--workers=0",
            "--max-cron-threads=0",
            "--log-level=warn",
        ]
        for option in ("db_host", "db_port", "db_user", "db_password"):
            if config[option]:
                args.append(f"--{option}={config[option]}")
        cls.server_log = open(os.path.join(config["data_dir"], f"vip_faults_{cls.port}.log"), "w+")  # noqa: SIM115
        cls.server = subprocess.Popen(
            [sys.executable, "-c", "import odoo.cli; odoo.cli.main()", "server", *args],
            stdout=cls.server_log,
            stderr=subprocess.STDOUT,
        )
        cls.addClassCleanup(cls._stop_server)
        deadline = time.monotonic() + SERVER_START_TIMEOUT
        while time.monotonic() < deadline:
            if cls._serves():
                return
            time.sleep(1)
        raise AssertionError("the Odoo server of the fault tests did not start")

    @classmethod
    def _serves(cls):
        """Whether the server answers: until its registry is loaded it refuses, times out or
        fails requests."""
        try:
            return requests.get(cls._url("/web/login"), timeout=30).ok
        except requests.RequestException:
            return False

    @classmethod
    def _stop_server(cls):
        if cls.server.poll() is None:
            cls.server.terminate()
            cls.server.wait(30)
        cls.server_log.close()

    @classmethod
    def _url(cls, path):
        return f"http://127.0.0.1:{cls.port}{path}"

    def _session(self, login):
        session = requests.Session()
        response = session.post(
            self._url("/web/session/authenticate"),
            json={
                "params": {
                    "db": self.registry.db_name,
                    "login": login,
                    "password": login,
                }
            },
            timeout=30,
        )
        self.assertNotIn("error", response.json())
        return session

    def _call_kw(self, session, model, method, *args):
        """``model.method(*args)`` as the web client calls it: the JSON-RPC response."""
        return session.post(
            self._url(f"/web/dataset/call_kw/{model}/{method}"),
            json={
                "params": {
                    "model": model,
                    "method": method,
                    "args": list(args),
                    "kwargs": {},
                }
            },
            timeout=MEETING_TIMEOUT * 2,
        ).json()

    def _login(self, uid):
        return self._transaction(lambda env: env["res.users"].browse(uid).login)

    def _backend_waiting_for(self, lock_holder):
        """The pid of the server's database connection blocked behind ``lock_holder``'s locks."""
        deadline = time.monotonic() + MEETING_TIMEOUT
        while time.monotonic() < deadline:
            lock_holder.execute(
                SQL(
                    "SELECT pid FROM pg_stat_activity WHERE %s = ANY(pg_blocking_pids(pid))",
                    lock_holder.connection.info.backend_pid,
                )
            )
            if row := lock_holder.fetchone():
                return row[0]
            time.sleep(0.1)
        raise AssertionError("the request never reached the locked row")
