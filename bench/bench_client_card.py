"""Benchmark of the VIP client card at scale: completeness, last order, no-order search and
the daily "no orders" action, over many VIP clients.

    python3 bench/bench_client_card.py -d <database with vip_sales> [--clients 10000]

Builds the clients inside a transaction, times each step, prints the numbers and rolls
everything back: the database is left as it was.
"""

import time
from datetime import timedelta

from benchlib import bench_parser, rolled_back_env

from odoo import fields
from odoo.fields import Domain


def measure(cr, label, func):
    start, queries = time.perf_counter(), cr.sql_log_count
    result = func()
    print(f"{label:<58} {time.perf_counter() - start:8.2f} s {cr.sql_log_count - queries:7d} queries")
    return result


def run(env, count):
    cr = env.cr
    Partner = env["res.partner"]
    today = fields.Date.context_today(Partner)
    tier = env["vip.tier"].create({"name": "Bench tier", "no_order_days": 45})
    manager_group = env.ref("vip_sales.group_vip_manager")
    managers = env["res.users"].search([("all_group_ids", "in", manager_group.id)])
    print(f"{count} VIP clients, {len(managers)} VIP managers, database {cr.dbname}")

    clients = measure(
        cr,
        "create the clients (with their completeness)",
        lambda: Partner.create(
            [
                {
                    "name": f"Bench chain {i}",
                    "is_company": True,
                    "street": "Lenina 1",
                    "city": "Moscow",
                    "zip": "101000",
                    "vip_tier_id": tier.id,
                    "vip_manager_id": managers[i % len(managers)].id,
                    "vip_since": today - timedelta(days=30 + i % 100),
                }
                for i in range(count)
            ]
        ),
    )
    env.flush_all()
    env.invalidate_all()
    measure(cr, "recompute the card completeness of all", clients._compute_vip_card_completeness)
    env.invalidate_all()
    measure(cr, "recompute the last order date of all", clients._compute_vip_last_order_date)
    scope = Domain("id", "in", clients.ids)
    env.invalidate_all()
    due = measure(
        cr,
        'search "No Recent Orders"',
        lambda: Partner.search(scope & Domain("vip_no_recent_order", "=", True)),
    )
    print(f"{'':<58} {len(due)} clients due")
    env.invalidate_all()

    def schedule():
        created = 0
        for xmlid, domain, summary in Partner._vip_no_order_rules():
            created += Partner._vip_schedule_activity(env.ref(xmlid), Domain(domain) & scope, summary)
        env.flush_all()
        return created

    created = measure(cr, "daily action: no-order activities (batches of 1000)", schedule)
    print(f"{'':<58} {created} activities created")
    measure(cr, "daily action again: no duplicate", schedule)


def main():
    parser = bench_parser(__doc__)
    parser.add_argument("--clients", type=int, default=10000)
    args = parser.parse_args()
    with rolled_back_env(args) as env:
        run(env, args.clients)


if __name__ == "__main__":
    main()
