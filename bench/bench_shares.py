#!/usr/bin/env python3
"""Benchmark: the floor and assortment share KPIs of 5,000 VIP clients.

Builds 5,000 clients × 4 stores × 12 quarterly surveys (and a few confirmed orders per client
for the "models sold" count) inside one transaction, computes every share KPI of all the
clients at once, as the superuser and as a VIP manager who owns them all (record rules
applied), prints the times and query counts, and rolls everything back.

    python3 bench/bench_shares.py -d <database with vip_sales installed> [--clients 5000]

The database is reached as Odoo's command line would (PGHOST, PGPORT, PGUSER, or
--db_host/--db_port/--db_user).
"""

import statistics
import time

from benchlib import bench_parser, rolled_back_env

from odoo.tests.common import new_test_user

KPI_FIELDS = [
    "vip_store_count",
    "vip_surveyed_store_count",
    "vip_floor_share",
    "vip_floor_share_gap",
    "vip_assortment_share",
    "vip_assortment_share_gap",
    "vip_sku_sold_count",
]


def build(env, args):
    """Create the clients, stores, surveys and orders with set-based SQL (fast), and a few
    records through the ORM (the tier, the owner, the products)."""
    cr = env.cr
    company = env.company
    tier = env["vip.tier"].create(
        {"name": "Bench Gold", "target_floor_share": 20, "target_assortment_share": 15}
    )
    owner = new_test_user(env, login="bench_vip_owner", groups="vip_sales.group_vip_manager")
    products = env["product.product"].create(
        [{"name": f"Bench model {i}", "type": "consu", "list_price": 1000 + i} for i in range(300)]
    )
    env.flush_all()
    cr.execute(
        """
        INSERT INTO res_partner (name, complete_name, is_company, active, type, autopost_bills,
                                 company_id, vip_tier_id, is_vip, vip_manager_id)
             SELECT 'Bench chain ' || n, 'Bench chain ' || n, TRUE, TRUE, 'contact', 'ask',
                    %(company)s, %(tier)s, TRUE, %(owner)s
               FROM generate_series(1, %(clients)s) n
          RETURNING id
        """,
        {"company": company.id, "tier": tier.id, "owner": owner.id, "clients": args.clients},
    )
    partner_ids = [row[0] for row in cr.fetchall()]
    cr.execute("UPDATE res_partner SET commercial_partner_id = id WHERE id = ANY(%s)", [partner_ids])
    # Stores: 300-1,500 m², 0-120 m² of ours installed.
    cr.execute(
        """
        INSERT INTO vip_store (name, partner_id, company_id, active, total_area, our_area,
                               competitor_area, floor_share)
             SELECT 'Store ' || s, p.id, %(company)s, TRUE, 300 + (p.id * 7 + s * 13) %% 1200,
                    (p.id + s * 11) %% 121, 100, 0
               FROM unnest(%(partners)s) p(id), generate_series(1, %(stores)s) s
        """,
        {"company": company.id, "partners": partner_ids, "stores": args.stores},
    )
    cr.execute(
        "UPDATE vip_store SET floor_share = round(100 * our_area / total_area, 2) WHERE partner_id = ANY(%s)",
        [partner_ids],
    )
    # Quarterly surveys going back three years.
    cr.execute(
        """
        INSERT INTO vip_share_survey (store_id, partner_id, company_id, date, user_id,
                                      our_sku_count, total_sku_count, our_area, total_area,
                                      competitor_area, floor_share, assortment_share)
             SELECT st.id, st.partner_id, st.company_id,
                    CURRENT_DATE - (q * 91), %(owner)s,
                    (st.id + q) %% 40, 200 + (st.id %% 100), st.our_area, st.total_area, 100,
                    st.floor_share, round(100.0 * ((st.id + q) %% 40) / (200 + (st.id %% 100)), 2)
               FROM vip_store st, generate_series(0, %(surveys)s - 1) q
              WHERE st.partner_id = ANY(%(partners)s)
        """,
        {"owner": owner.id, "surveys": args.surveys, "partners": partner_ids},
    )
    # What the surveys' stored computes hold: their store's surveys before and after them.
    cr.execute("ANALYZE vip_share_survey")
    cr.execute(
        """
        UPDATE vip_share_survey sv
           SET previous_survey_id = n.previous_id, next_survey_id = n.next_id
          FROM (SELECT id, LAG(id) OVER w AS previous_id, LEAD(id) OVER w AS next_id
                  FROM vip_share_survey WHERE partner_id = ANY(%s)
                WINDOW w AS (PARTITION BY store_id ORDER BY date, id)) n
         WHERE n.id = sv.id
        """,
        [partner_ids],
    )
    # What the stored related fields of the store hold: its latest survey.
    cr.execute(
        """
        UPDATE vip_store st
           SET last_survey_id = last.id, last_survey_date = last.date,
               last_our_sku_count = last.our_sku_count, last_total_sku_count = last.total_sku_count,
               assortment_share = last.assortment_share
          FROM (SELECT DISTINCT ON (store_id) * FROM vip_share_survey
                 WHERE partner_id = ANY(%s) ORDER BY store_id, date DESC, id DESC) last
         WHERE last.store_id = st.id
        """,
        [partner_ids],
    )
    # Confirmed orders over the last 18 months, 4 lines each.
    cr.execute(
        """
        INSERT INTO sale_order (name, partner_id, partner_invoice_id, partner_shipping_id, company_id,
                                date_order, state, user_id, vip_proposal_type, picking_policy,
                                vip_approval_state)
             SELECT 'BENCH/' || p.id || '/' || o, p.id, p.id, p.id, %(company)s,
                    now() - make_interval(days => (p.id * 37 + o * 101) %% 540), 'sale', %(owner)s,
                    'standard', 'direct', 'not_required'
               FROM unnest(%(partners)s) p(id), generate_series(1, %(orders)s) o
          RETURNING id, partner_id
        """,
        {"company": company.id, "partners": partner_ids, "orders": args.orders, "owner": owner.id},
    )
    orders = cr.fetchall()
    cr.execute(
        """
        INSERT INTO sale_order_line (order_id, order_partner_id, company_id, state, name, product_id,
                                     product_uom_qty, price_unit, customer_lead, is_delivery)
             SELECT so.id, so.partner_id, %(company)s, 'sale', 'Bench line',
                    (%(products)s)[1 + (so.id * 7 + l * 31) %% cardinality(%(products)s)], 1, 1000, 0, FALSE
               FROM unnest(%(orders)s, %(partners)s) so(id, partner_id), generate_series(1, 4) l
        """,
        {
            "company": company.id,
            "products": products.ids,
            "orders": [order_id for order_id, _partner in orders],
            "partners": [partner for _order, partner in orders],
        },
    )
    # A live database has planner statistics (autovacuum); freshly inserted rows have none.
    cr.execute("ANALYZE")
    env.invalidate_all()
    return env["res.partner"].browse(partner_ids), owner


def batch_compute(partners):
    """Both compute methods over the whole recordset at once (as the ORM runs them)."""
    for name in ("vip_floor_share", "vip_sku_sold_count"):
        partners._fields[name].compute_value(partners)
    return {name: partners.mapped(name) for name in KPI_FIELDS}


def field_read(partners):
    """Plain field access: Odoo computes the fields per prefetch batch (1,000 records)."""
    return {name: partners.mapped(name) for name in KPI_FIELDS}


def measure(partners, runs, how):
    """Compute every KPI of all the partners from a cold cache; return times and query counts."""
    env = partners.env
    timings, queries = [], []
    for _run in range(runs):
        env.invalidate_all()
        start_queries, start = env.cr.sql_log_count, time.perf_counter()
        values = how(partners)
        timings.append(time.perf_counter() - start)
        queries.append(env.cr.sql_log_count - start_queries)
    return timings, queries, values


def main():
    parser = bench_parser(__doc__)
    parser.add_argument("--clients", type=int, default=5000)
    parser.add_argument("--stores", type=int, default=4, help="stores per client")
    parser.add_argument("--surveys", type=int, default=12, help="surveys per store")
    parser.add_argument("--orders", type=int, default=3, help="confirmed orders per client")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with rolled_back_env(args) as env:
        start = time.perf_counter()
        partners, owner = build(env, args)
        print(
            f"built {len(partners)} clients × {args.stores} stores × {args.surveys} surveys"
            f" and {args.orders} orders of 4 lines per client in {time.perf_counter() - start:.1f} s"
        )
        for label, batch, how in (
            ("batch compute, superuser", partners, batch_compute),
            ("batch compute, VIP manager", partners.with_user(owner), batch_compute),
            ("batch compute, superuser", partners[:100], batch_compute),
            ("field read, superuser", partners, field_read),
            ("field read, VIP manager", partners.with_user(owner), field_read),
        ):
            timings, queries, values = measure(batch, args.runs, how)
            print(
                f"{label:27} {len(batch):5} clients: median {statistics.median(timings) * 1000:7.1f} ms,"
                f" best {min(timings) * 1000:7.1f} ms, {queries[-1]} queries"
                f" (avg floor share {statistics.fmean(values['vip_floor_share']):.2f} %,"
                f" avg assortment share {statistics.fmean(values['vip_assortment_share']):.2f} %,"
                f" avg models sold {statistics.fmean(values['vip_sku_sold_count']):.1f})"
            )
        # What keeping the latest survey on the stores costs: recompute it for every store.
        stores = env["vip.store"].search([("partner_id", "in", partners.ids)])
        env.invalidate_all()
        start = time.perf_counter()
        env.add_to_compute(stores._fields["last_survey_id"], stores)
        stores.flush_model()
        print(
            f"recomputing the latest survey of {len(stores)} stores"
            f" from {len(stores) * args.surveys} surveys: {time.perf_counter() - start:.1f} s"
        )


if __name__ == "__main__":
    main()
