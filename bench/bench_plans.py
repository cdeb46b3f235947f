"""Benchmark: fulfilment of 200 managers x 12 monthly plans over 200,000 confirmed orders.

    python3 bench/bench_plans.py -d <database with vip_sales> [--managers 200] [--orders 200000]

Builds the data inside one transaction (managers, clients and plans with the ORM, the
confirmed orders with one INSERT ... SELECT), computes the plans' actual amounts from a cold
cache, prints the time and the number of queries of each scenario, then rolls back.
"""

import time
from datetime import date

from benchlib import bench_parser, rolled_back_env
from dateutil.relativedelta import relativedelta

from odoo.tools import SQL

CLIENTS_PER_MANAGER = 5
YEAR = 2025


def build(env, managers_count, orders_count):
    """Managers, their clients, a foreign currency, and the orders of one year."""
    started = time.perf_counter()
    company = env.company
    manager_group = env.ref("vip_sales.group_vip_manager")
    managers = (
        env["res.users"]
        .with_context(no_reset_password=True, mail_create_nolog=True)
        .create(
            [
                {
                    "name": f"Bench Manager {i}",
                    "login": f"bench_plans_manager_{i}",
                    "company_id": company.id,
                    "company_ids": [(6, 0, company.ids)],
                    "group_ids": [(6, 0, manager_group.ids)],
                }
                for i in range(managers_count)
            ]
        )
    )
    tier = env["vip.tier"].create({"name": "Bench tier"})
    clients = env["res.partner"].create(
        [
            {
                "name": f"Bench Client {m}-{c}",
                "is_company": True,
                "vip_tier_id": tier.id,
                "vip_manager_id": manager.id,
            }
            for m, manager in enumerate(managers)
            for c in range(CLIENTS_PER_MANAGER)
        ]
    )
    foreign = env.ref("base.EUR") if company.currency_id != env.ref("base.EUR") else env.ref("base.USD")
    # The orders copy a quotation made by the ORM, so that every column other modules add gets
    # its value; they vary only in what the plans read. One in twenty is in a foreign currency
    # at a rate of its own; dates spread over the year; each manager sells to their clients.
    template = env["sale.order"].create({"partner_id": clients[0].id, "user_id": managers[0].id})
    env.flush_all()
    env.cr.execute(
        "SELECT column_name FROM information_schema.columns"
        " WHERE table_name = 'sale_order' AND column_name != 'id' ORDER BY ordinal_position"
    )
    columns = [column for (column,) in env.cr.fetchall()]
    values = {
        "name": SQL("'BENCH/' || n"),
        "partner_id": SQL("c.id"),
        "partner_invoice_id": SQL("c.id"),
        "partner_shipping_id": SQL("c.id"),
        "vip_commercial_partner_id": SQL("c.id"),
        "user_id": SQL("c.vip_manager_id"),
        "date_order": SQL(
            "%s::timestamp + (n %% 365) * INTERVAL '1 day' + (n %% 13) * INTERVAL '1 hour'",
            f"{YEAR}-01-01 06:00:00",
        ),
        "state": SQL("'sale'"),
        "currency_id": SQL("CASE WHEN n %% 20 = 0 THEN %s ELSE %s END", foreign.id, company.currency_id.id),
        "currency_rate": SQL("CASE WHEN n %% 20 = 0 THEN 1.5 + (n %% 7) / 10.0 ELSE 1.0 END"),
        "amount_untaxed": SQL("1000 + n %% 9000"),
        "amount_tax": SQL("0"),
        "amount_total": SQL("1000 + n %% 9000"),
    }
    env.cr.execute(
        SQL(
            """
            INSERT INTO sale_order (%s)
            SELECT %s
              FROM generate_series(1, %s) AS n
              JOIN (SELECT id, vip_manager_id, row_number() OVER (ORDER BY id) - 1 AS k
                      FROM res_partner WHERE id = ANY(%s)) AS c
                ON c.k = (n * 7919) %% %s
              JOIN sale_order AS t ON t.id = %s
            """,
            SQL(", ").join(SQL.identifier(column) for column in columns),
            SQL(", ").join(values.get(column, SQL.identifier("t", column)) for column in columns),
            orders_count,
            clients.ids,
            len(clients),
            template.id,
        )
    )
    env.cr.execute("ANALYZE sale_order")
    return managers, clients, time.perf_counter() - started


def create_plans(env, managers, clients, kind):
    """12 plans a manager: whole months, whole months plus a client's, or half months."""
    values = []
    for manager in managers:
        client = clients.filtered(lambda c, m=manager: c.vip_manager_id == m)[:1]
        for month in range(1, 13):
            start = date(YEAR, month, 1)
            end = (
                start + relativedelta(days=14)
                if kind == "half-months"
                else start + relativedelta(months=1, days=-1)
            )
            plan = {"user_id": manager.id, "date_from": start, "date_to": end, "target_amount": 100_000.0}
            values.append(plan)
            if kind == "with-clients":
                values.append({**plan, "partner_id": client.id})
    return env["vip.sales.plan"].create(values)


def measure(env, plans):
    env.flush_all()
    env.invalidate_all()
    queries = env.cr.sql_log_count
    started = time.perf_counter()
    total = sum(plans.mapped("actual_amount"))
    return time.perf_counter() - started, env.cr.sql_log_count - queries, total


def main():
    parser = bench_parser(__doc__.splitlines()[0])
    parser.add_argument("--managers", type=int, default=200)
    parser.add_argument("--orders", type=int, default=200_000)
    args = parser.parse_args()
    with rolled_back_env(args, {"tz": "Europe/Moscow"}) as env:
        managers, clients, build_time = build(env, args.managers, args.orders)
        print(
            f"data: {len(managers)} managers, {len(clients)} clients, {args.orders} confirmed orders "
            f"(built in {build_time:.1f} s)"
        )
        for kind, label in (
            ("months", "monthly plans over all clients"),
            ("with-clients", "monthly plans, plus one client plan a month per manager"),
            ("half-months", "plans of half a month (daily buckets)"),
        ):
            plans = create_plans(env, managers, clients, kind)
            elapsed, queries, total = measure(env, plans)
            print(
                f"{len(plans):>5} {label:<58} {elapsed:6.2f} s  {queries:>2} queries  "
                f"(actual total {total:,.0f})"
            )
            plans.unlink()


if __name__ == "__main__":
    main()
