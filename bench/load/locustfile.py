"""Simulated VIP managers and heads of sales, calling Odoo over JSON-RPC as the web client does.

Run by ``scripts/vip load`` (Locust, from its own virtualenv), against a database prepared
by ``bench/load/prepare.py``. Each simulated user logs in once (password hashing is slow),
loads the views of its screens once (the web client caches them), then works with a pause
of 1-3 s between actions. Request names start with ``read`` or ``write``: the goals differ.

The statistics start again once every user has logged in and loaded its views: the figures
are those of a working day, the burst of logins is printed apart (a morning's logins are
spread over an hour, not a few seconds).

Environment: VIP_LOAD_DB (the database), VIP_LOAD_MANAGERS (how many bench managers the data
has, default 20).
"""

import datetime
import itertools
import os
import random

from locust import HttpUser, between, events, task

DB = os.environ.get("VIP_LOAD_DB", "vip_load")
MANAGERS = int(os.environ.get("VIP_LOAD_MANAGERS", "20"))
TZ = "Europe/Moscow"

_manager_numbers = itertools.count()
_head_numbers = itertools.count()
_started = []


@events.test_start.add_listener
def _on_test_start(environment, **kwargs):
    environment.vip_login_started = datetime.datetime.now()


def _user_ready(user):
    """Count a user that logged in and loaded its views; reset the figures once all have."""
    _started.append(user)
    runner = user.environment.runner
    if len(_started) == runner.target_user_count:
        login = runner.stats.get("login", "POST")
        elapsed = (datetime.datetime.now() - user.environment.vip_login_started).total_seconds()
        print(
            f"all {len(_started)} users logged in and ready after {elapsed:.0f} s; logins: "
            f"p50 {login.get_response_time_percentile(0.5):.0f} ms, max {login.max_response_time:.0f} ms, "
            f"failed {login.num_failures}; figures from now on",
            flush=True,
        )
        runner.stats.reset_all()


class RpcError(Exception):
    """The server answered with a JSON-RPC error (already counted as a failure)."""


class OdooUser(HttpUser):
    abstract = True
    wait_time = between(1, 3)

    def login_name(self):
        raise NotImplementedError

    def on_start(self):
        self.request_id = itertools.count(1)
        self.today = datetime.date.today()
        login = self.login_name()
        try:
            session = self.rpc(
                "/web/session/authenticate", {"db": DB, "login": login, "password": login}, "login"
            )
            self.uid = session["uid"]
            self.odoo_context = {"lang": "ru_RU", "tz": TZ, "uid": self.uid, "allowed_company_ids": [1]}
            self.prepare()
        finally:
            _user_ready(self)

    def prepare(self):
        """What the user loads once after logging in."""

    def rpc(self, url, params, name):
        payload = {"jsonrpc": "2.0", "method": "call", "id": next(self.request_id), "params": params}
        with self.client.post(url, json=payload, name=name, catch_response=True) as response:
            try:
                body = response.json()
            except ValueError:
                response.failure(f"HTTP {response.status_code}, not JSON")
                raise RpcError(name) from None
            if "error" in body:
                error = body["error"].get("data", {})
                response.failure(f"{error.get('name')}: {error.get('message', '')[:200]}")
                raise RpcError(name)
            return body["result"]

    def call(self, name, model, method, *args, **kwargs):
        kwargs.setdefault("context", self.odoo_context)
        return self.rpc(
            f"/web/dataset/call_kw/{model}/{method}",
            {"model": model, "method": method, "args": list(args), "kwargs": kwargs},
            name,
        )

    def specification(self, model, view_type, action=None):
        """The fields spec the web client reads a view with (many2one: their names)."""
        views = self.call(
            f"read: {model} views (once)",
            model,
            "get_views",
            views=[[False, view_type]],
            options={"action_id": action, "load_filters": False, "toolbar": False},
        )
        fields = views["models"][model]["fields"]
        return {
            name: {"fields": {"display_name": {}}} if field["type"] == "many2one" else {}
            for name, field in fields.items()
            if field["type"] not in ("one2many", "many2many", "binary", "properties", "html")
        }

    def pivot(self, name, model, domain, *, rows, cols, measures):
        return self.call(
            name,
            model,
            "formatted_read_grouping_sets",
            domain,
            [[], [rows], [cols], [rows, cols]],
            measures,
        )


class Manager(OdooUser):
    """A VIP manager on their day: tasks, clients, a store survey, a quotation."""

    weight = 4

    def login_name(self):
        return f"bench_manager_{next(_manager_numbers) % MANAGERS}"

    def prepare(self):
        self.client_spec = self.specification("res.partner", "kanban")
        self.card_spec = self.specification("res.partner", "form")
        self.clients = self.call(
            "read: VIP clients", "res.partner", "search", [("vip_manager_id", "=", self.uid)], limit=50
        )
        self.stores = self.call("read: stores", "vip.store", "search", [], limit=50)
        self.packages = self.call(
            "read: package offers", "vip.product.package", "search", [("name", "=like", "Bench bedroom %")]
        )

    @task(3)
    def todays_tasks(self):
        self.call(
            "read: today's tasks",
            "mail.activity",
            "web_search_read",
            [("user_id", "=", self.uid), ("date_deadline", "<=", self.today.isoformat())],
            {
                "res_name": {},
                "summary": {},
                "date_deadline": {},
                "activity_type_id": {"fields": {"display_name": {}}},
                "res_model": {},
                "res_id": {},
            },
            limit=80,
        )

    @task(3)
    def client_list(self):
        self.call(
            "read: VIP client list",
            "res.partner",
            "web_search_read",
            [("is_vip", "=", True), ("is_company", "=", True)],
            self.client_spec,
            limit=80,
        )

    @task(3)
    def client_card(self):
        self.call(
            "read: client card", "res.partner", "web_read", [random.choice(self.clients)], self.card_spec
        )

    @task(1)
    def store_survey(self):
        self.call(
            "write: store survey",
            "vip.share.survey",
            "web_save",
            [],
            {
                "store_id": random.choice(self.stores),
                "date": self.today.isoformat(),
                "our_sku_count": random.randint(5, 40),
                "total_sku_count": 200,
            },
            specification={"floor_share": {}, "assortment_share": {}},
        )

    @task(1)
    def quotation(self):
        """A quotation of a package offer, a deeper discount on one line, submitted to the head."""
        try:
            [order] = self.call(
                "write: quotation",
                "sale.order",
                "web_save",
                [],
                {"partner_id": random.choice(self.clients)},
                specification={"name": {}},
            )
            [wizard] = self.call(
                "write: package wizard, open",
                "vip.package.add",
                "web_save",
                [],
                {"order_id": order["id"], "line_ids": [[0, 0, {"package_id": random.choice(self.packages)}]]},
                specification={"preview_html": {}, "problems": {}},
            )
            self.call("write: package wizard, add", "vip.package.add", "action_add", [wizard["id"]])
            [saved] = self.call(
                "read: quotation", "sale.order", "web_read", [order["id"]], {"order_line": {}}
            )
            self.call(
                "write: quotation, discount",
                "sale.order",
                "web_save",
                [order["id"]],
                {"order_line": [[1, saved["order_line"][-1], {"discount": 25.0}]]},
                specification={"vip_approval_state": {}},
            )
            self.call("write: request approval", "sale.order", "action_vip_request_approval", [order["id"]])
        except RpcError:
            pass  # counted as a failure of its step; the next steps make no sense

    @task(2)
    def sales_pivot(self):
        self.pivot(
            "read: sales pivot",
            "vip.sales.analysis",
            [("date", ">=", self.today.replace(month=1, day=1).isoformat())],
            rows="manager_id",
            cols="date:month",
            measures=["amount_untaxed:sum"],
        )


class Head(OdooUser):
    """A head of sales: the proposals to approve, the overview, a pivot, an XLSX."""

    weight = 1

    def login_name(self):
        self.number = next(_head_numbers)
        return "bench_head"

    def prepare(self):
        self.overview_spec = self.specification("vip.overview", "list")

    def to_approve(self):
        return self.call(
            "read: to approve",
            "sale.order",
            "web_search_read",
            [("vip_approval_state", "=", "to_approve"), ("state", "in", ["draft", "sent"])],
            {"name": {}, "partner_id": {"fields": {"display_name": {}}}, "amount_untaxed": {}, "user_id": {}},
            limit=80,
        )["records"]

    @task(3)
    def list_to_approve(self):
        self.to_approve()

    @task(2)
    def approve(self):
        # Heads share the proposals by their ids, so that two never decide the same one.
        heads = max(1, self.environment.runner.user_classes_count.get("Head", 1))
        mine = [order["id"] for order in self.to_approve() if order["id"] % heads == self.number % heads]
        if mine:
            self.call("write: approve", "sale.order", "action_vip_approve", [mine[0]])

    @task(2)
    def overview(self):
        self.call("read: overview", "vip.overview", "web_search_read", [], self.overview_spec, limit=80)

    @task(2)
    def plan_pivot(self):
        self.pivot(
            "read: plan analysis pivot",
            "vip.plan.analysis",
            [("date_from", ">=", self.today.replace(month=1, day=1).isoformat()), ("level", "=", "manager")],
            rows="user_id",
            cols="date_from:month",
            measures=["target_amount:sum", "actual_amount:sum", "fulfillment:avg"],
        )

    @task(1)
    def xlsx(self):
        try:
            [export] = self.call(
                "write: XLSX export",
                "vip.report.export",
                "web_save",
                [],
                {"report": "manager", "date_from": self.today.replace(day=1).isoformat()},
                specification={},
            )
            action = self.call("write: XLSX export", "vip.report.export", "action_export", [export["id"]])
        except RpcError:
            return
        with self.client.get(
            f"/report/xlsx/{action['report_name']}/{export['id']}",
            name="read: XLSX download",
            catch_response=True,
        ) as response:
            if response.status_code != 200 or not response.content.startswith(b"PK"):
                response.failure(f"HTTP {response.status_code}: no XLSX")
