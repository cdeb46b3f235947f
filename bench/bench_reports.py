#!/usr/bin/env python3
"""Benchmark of the VIP reports (vip_sales_report) at scale.

    python3 bench/bench_reports.py -d <database with vip_sales_report installed>
        [--clients 1000] [--stores 4000] [--lines 200000] [--managers 20]

Builds, inside one transaction that is rolled back at the end, a year of VIP business: the
managers and a head of sales, the clients, 50 products, confirmed orders of 10 lines dated
over the last 12 months, monthly plans (over all clients and per client), the stores with
quarterly surveys and the visits. Bulk rows are inserted in SQL (the ORM would spend the
benchmark's time on creating them). Then it times:

- the plan-fulfilment XLSX of the last 12 months, as the head of sales, and its peak memory
  (Python allocations during the render, and the process's peak resident size);
- the other XLSX reports over the same year (the logistics one over the last month);
- the first load of each analysis pivot, as the web client asks it (one grouping-sets query
  with its default rows, columns, measures and filters), as the head and as a manager;
- a client's best sellers as its manager opens them from the card: the tier's rows in rank
  order with the "already buys" flag of the client.
"""

import resource
import time
import tracemalloc

from benchlib import bench_parser, rolled_back_env

PRODUCTS = 50
LINES_PER_ORDER = 10
SURVEYS_PER_STORE = 4
VISITS_PER_CLIENT = 20


def data_parser(doc):
    """The benchmarks' argument parser with the size of the bench data (see :func:`build`)."""
    parser = bench_parser(doc)
    parser.add_argument("--clients", type=int, default=1000)
    parser.add_argument("--stores", type=int, default=4000)
    parser.add_argument("--lines", type=int, default=200000)
    parser.add_argument("--managers", type=int, default=20)
    return parser


def main():
    args = data_parser(__doc__).parse_args()
    with rolled_back_env(args) as env:
        data = measure("build the data", lambda: build(env, args))
        env.cr.execute(
            "ANALYZE sale_order, sale_order_line, res_partner, vip_sales_plan, vip_store, "
            "vip_share_survey, vip_visit"
        )
        time_reports(env, data)
        time_pivots(env, data)
        time_best_sellers(env, data)


def measure(label, func):
    start = time.perf_counter()
    result = func()
    print(f"{label:<66} {time.perf_counter() - start:7.2f} s")
    return result


# ----------------------------------------------------------------------
# Data
# ----------------------------------------------------------------------


def build(env, args):
    from dateutil.relativedelta import relativedelta  # noqa: PLC0415

    from odoo import fields  # noqa: PLC0415
    from odoo.tests import new_test_user  # noqa: PLC0415

    cr = env.cr
    company = env.company
    today = fields.Date.context_today(env.user)
    managers = env["res.users"].union(
        *(
            new_test_user(env, login=f"bench_manager_{i}", groups="vip_sales.group_vip_manager")
            for i in range(args.managers)
        )
    )
    head = new_test_user(env, login="bench_head", groups="vip_sales.group_vip_head")
    tier = env["vip.tier"].create(
        {"name": "Bench tier", "target_floor_share": 20.0, "target_assortment_share": 15.0}
    )
    clients = env["res.partner"].create(
        [
            {
                "name": f"Bench chain {i:04d}",
                "is_company": True,
                "city": "Moscow",
                "vip_tier_id": tier.id,
                "vip_manager_id": managers[i % len(managers)].id,
            }
            for i in range(args.clients)
        ]
    )
    categ = env["product.category"].create({"name": "Bench furniture"})
    products = env["product.product"].create(
        [
            {
                "name": f"Bench model {i}",
                "type": "consu",
                "categ_id": categ.id,
                "list_price": 10000.0 + 1000 * i,
                "weight": 20.0 + i,
                "volume": 0.2 + i / 100,
            }
            for i in range(PRODUCTS)
        ]
    )
    env.flush_all()
    orders = args.lines // LINES_PER_ORDER
    first_month = today.replace(day=1) - relativedelta(months=11)
    params = {
        "company": company.id,
        "currency": company.currency_id.id,
        "warehouse": env["stock.warehouse"].search([("company_id", "=", company.id)], limit=1).id,
        "clients": clients.ids,
        "managers": [client.vip_manager_id.id for client in clients],
        "products": products.ids,
        "prices": products.mapped("list_price"),
        "uom": env.ref("uom.product_uom_unit").id,
        "orders": orders,
        "lines": LINES_PER_ORDER,
        "n_clients": len(clients),
        "n_products": PRODUCTS,
        "stores_per_client": max(1, args.stores // len(clients)),
        "surveys": SURVEYS_PER_STORE,
        "visits": VISITS_PER_CLIENT,
        "first_month": first_month,
        "today": today,
    }
    # Orders: each client in turn, its owner as salesperson, dated over the last 365 days.
    cr.execute(
        """
        INSERT INTO sale_order (name, partner_id, partner_invoice_id, partner_shipping_id,
                                vip_commercial_partner_id, company_id, currency_id, user_id,
                                date_order, state, currency_rate, amount_untaxed, amount_tax,
                                amount_total, invoice_status, vip_delivery_distance_km,
                                vip_is_vip_client, vip_proposal_type, vip_approval_state,
                                vip_sent_date, picking_policy, warehouse_id, create_date,
                                write_date, create_uid, write_uid)
        SELECT 'BENCH/' || n, client, client, client, client, %(company)s, %(currency)s,
               (%(managers)s::int[])[1 + n %% %(n_clients)s],
               now() - (n %% 365) * interval '1 day' - (n %% 24) * interval '1 hour',
               'sale', 1, 0, 0, 0, 'no', 50 + n %% 500, true,
               CASE WHEN n %% 10 = 0 THEN 'individual' ELSE 'standard' END,
               CASE WHEN n %% 10 = 0 THEN 'approved' ELSE 'not_required' END,
               now() - (n %% 365) * interval '1 day', 'direct', %(warehouse)s, now(), now(), 1, 1
          FROM generate_series(0, %(orders)s - 1) n,
               LATERAL (SELECT (%(clients)s::int[])[1 + n %% %(n_clients)s] AS client) c
        RETURNING id
        """,
        params,
    )
    order_ids = [row[0] for row in cr.fetchall()]
    cr.execute(
        """
        INSERT INTO sale_order_line (order_id, name, product_id, product_uom_id, product_uom_qty,
                                     price_unit, price_subtotal, price_tax, price_total, discount,
                                     customer_lead, company_id, currency_id, order_partner_id,
                                     salesman_id, state, is_downpayment, is_delivery, sequence,
                                     create_date, write_date, create_uid, write_uid)
        SELECT o.id, 'Bench line', p.product, %(uom)s, q.qty, p.price, q.qty * p.price, 0,
               q.qty * p.price, 0, 0, o.company_id, o.currency_id, o.partner_id, o.user_id, 'sale',
               false, false, k, now(), now(), 1, 1
          FROM sale_order o
          CROSS JOIN generate_series(1, %(lines)s) k
          CROSS JOIN LATERAL (SELECT 1 + (o.id * 7 + k * 13) %% %(n_products)s AS i) pick
          CROSS JOIN LATERAL (SELECT (%(products)s::int[])[pick.i] AS product,
                                     (%(prices)s::numeric[])[pick.i] AS price) p
          CROSS JOIN LATERAL (SELECT 1 + (o.id + k) %% 5 AS qty) q
         WHERE o.id = ANY(%(order_ids)s)
        """,
        {**params, "order_ids": order_ids},
    )
    cr.execute(
        """
        UPDATE sale_order o
           SET amount_untaxed = t.amount, amount_total = t.amount, vip_total_weight = t.weight,
               vip_tonnage = t.weight / 1000, vip_total_volume = t.volume, vip_total_cartons = t.qty
          FROM (SELECT l.order_id, SUM(l.price_subtotal) AS amount,
                       SUM(l.product_uom_qty * p.vip_shipping_weight) AS weight,
                       SUM(l.product_uom_qty * p.vip_shipping_volume) AS volume,
                       SUM(l.product_uom_qty) AS qty
                  FROM sale_order_line l JOIN product_product p ON p.id = l.product_id
                 WHERE l.order_id = ANY(%(order_ids)s)
                 GROUP BY l.order_id) t
         WHERE o.id = t.order_id
        """,
        {"order_ids": order_ids},
    )
    # The head's decisions on the individual proposals, 3 hours after their request.
    cr.execute(
        """
        INSERT INTO vip_approval (res_model, res_id, res_name, order_id, company_id, user_id, decision,
                                  date, requested_date, amount_total, currency_id, create_date,
                                  write_date, create_uid, write_uid)
        SELECT 'sale.order', o.id, o.name, o.id, o.company_id, %(head)s, 'approved',
               o.date_order + interval '3 hours', o.date_order, o.amount_total, o.currency_id,
               now(), now(), 1, 1
          FROM sale_order o
         WHERE o.id = ANY(%(order_ids)s) AND o.vip_proposal_type = 'individual'
        """,
        {"head": head.id, "order_ids": order_ids},
    )
    # Monthly plans of the last 12 months (and this one): over all clients, and per client.
    cr.execute(
        """
        WITH months AS (
            SELECT month::date AS date_from, (month + interval '1 month - 1 day')::date AS date_to
              FROM generate_series(%(first_month)s::date, %(today)s::date, interval '1 month') month
        )
        INSERT INTO vip_sales_plan (user_id, partner_id, company_id, state, date_from, date_to,
                                    target_amount, create_date, write_date, create_uid, write_uid)
        SELECT manager, NULL, %(company)s, 'approved', date_from, date_to, 5000000, now(), now(), 1, 1
          FROM unnest(%(manager_ids)s::int[]) manager, months
         UNION ALL
        SELECT c.vip_manager_id, c.id, %(company)s, 'approved', date_from, date_to, 250000,
               now(), now(), 1, 1
          FROM res_partner c, months
         WHERE c.id = ANY(%(clients)s)
        """,
        {**params, "manager_ids": managers.ids},
    )
    # Stores with quarterly surveys (the last one this quarter), and each store's latest.
    cr.execute(
        """
        INSERT INTO vip_store (company_id, partner_id, name, city, total_area, our_area,
                               competitor_area, floor_share, active, create_date, write_date,
                               create_uid, write_uid)
        SELECT %(company)s, c.id, 'Store ' || s, 'Moscow', 300 + (c.id * s) %% 1700,
               (300 + (c.id * s) %% 1700) * ((c.id + s) %% 30) / 100.0, 50, (c.id + s) %% 30, true,
               now(), now(), 1, 1
          FROM res_partner c, generate_series(1, %(stores_per_client)s) s
         WHERE c.id = ANY(%(clients)s)
        """,
        params,
    )
    cr.execute(
        """
        INSERT INTO vip_share_survey (store_id, partner_id, company_id, user_id, date, our_sku_count,
                                      total_sku_count, our_area, total_area, competitor_area,
                                      floor_share, assortment_share, create_date, write_date,
                                      create_uid, write_uid)
        SELECT st.id, st.partner_id, st.company_id, c.vip_manager_id,
               %(today)s::date - (q * 91), 5 + (st.id + q) %% 40, 200, GREATEST(0, st.our_area - q * 5),
               st.total_area, 50, 0, 0, now(), now(), 1, 1
          FROM vip_store st
          JOIN res_partner c ON c.id = st.partner_id
         CROSS JOIN generate_series(0, %(surveys)s - 1) q
         WHERE st.partner_id = ANY(%(clients)s)
        """,
        params,
    )
    cr.execute(
        """
        UPDATE vip_store st SET last_survey_id = sv.id, last_survey_date = sv.date
          FROM vip_share_survey sv
         WHERE sv.store_id = st.id AND sv.date = %(today)s AND st.partner_id = ANY(%(clients)s)
        """,
        params,
    )
    cr.execute(
        """
        INSERT INTO vip_visit (partner_id, user_id, company_id, kind, state, result, date, duration,
                               create_date, write_date, create_uid, write_uid)
        SELECT c.id, c.vip_manager_id, %(company)s,
               (ARRAY['onsite', 'phone', 'video'])[1 + v %% 3],
               CASE WHEN v %% 10 = 0 THEN 'planned' ELSE 'done' END,
               CASE WHEN v %% 10 = 0 THEN NULL ELSE (ARRAY['order', 'info', 'info'])[1 + v %% 3] END,
               now() - (v * 18) * interval '1 day', 1, now(), now(), 1, 1
          FROM res_partner c, generate_series(0, %(visits)s - 1) v
         WHERE c.id = ANY(%(clients)s)
        """,
        params,
    )
    env.invalidate_all()
    cr.execute("SELECT count(*) FROM sale_order_line WHERE order_id = ANY(%s)", [order_ids])
    lines = cr.fetchone()[0]
    cr.execute("SELECT count(*) FROM vip_store WHERE partner_id = ANY(%s)", [clients.ids])
    stores = cr.fetchone()[0]
    print(
        f"{len(clients)} clients, {len(managers)} managers, {stores} stores, "
        f"{len(order_ids)} orders, {lines} order lines"
    )
    return {
        "head": head,
        "manager": managers[0],
        "client": clients.filtered(lambda c: c.vip_manager_id == managers[0])[:1],
        "today": today,
        "first_month": first_month,
    }


# ----------------------------------------------------------------------
# Timings
# ----------------------------------------------------------------------


def render(env, user, report, date_from, date_to):
    export = (
        env["vip.report.export"]
        .with_user(user)
        .create({"report": report, "date_from": date_from, "date_to": date_to, "user_ids": []})
    )
    action = export.action_export()
    content, __ = env["ir.actions.report"].with_user(user)._render(action["report_name"], export.ids)
    return content


def time_reports(env, data):
    head, today = data["head"], data["today"]
    year = (data["first_month"], today)
    env.invalidate_all()
    content = measure(
        "plan fulfilment XLSX, 12 months, as the head of sales",
        lambda: render(env, head, "plan", *year),
    )
    print(f"{'  its size':<66} {len(content) / 1024:7.0f} KB")
    env.invalidate_all()
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    tracemalloc.start()
    render(env, head, "plan", *year)
    __, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rss_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{'  its peak Python allocations (tracemalloc)':<66} {peak / 1024 / 1024:7.1f} MB")
    print(f"{'  peak resident size of the whole process (data build included)':<66} {rss_after:7.0f} MB")
    print(f"{'  of which during the render':<66} {max(0.0, rss_after - rss_before):7.0f} MB")
    for report, label in (("shares", "shares XLSX"), ("manager", "manager's report XLSX")):
        env.invalidate_all()
        measure(
            f"{label}, 12 months, as the head of sales",
            lambda report=report: render(env, head, report, *year),
        )
    env.invalidate_all()
    month = (today.replace(day=1), today)
    measure(
        "logistics XLSX, this month, as the head of sales", lambda: render(env, head, "logistics", *month)
    )


def time_pivots(env, data):
    year_start = data["today"].replace(month=1, day=1)
    # The pivots' default rows, columns and measures, under their actions' default filters.
    pivots = [
        (
            "vip.sales.analysis",
            [("date", ">=", year_start)],
            "manager_id",
            "date:month",
            ["amount_untaxed:sum"],
        ),
        (
            "vip.plan.analysis",
            [("date_from", ">=", year_start), ("level", "=", "manager")],
            "user_id",
            "date_from:month",
            ["target_amount:sum", "actual_amount:sum", "fulfillment:avg"],
        ),
        (
            "vip.share.analysis",
            [("is_latest", "=", True)],
            "manager_id",
            None,
            [
                "floor_share:avg",
                "target_floor_share:avg",
                "assortment_share:avg",
                "target_assortment_share:avg",
            ],
        ),
        (
            "vip.proposal.analysis",
            [("date", ">=", year_start)],
            "manager_id",
            "outcome",
            ["proposal_count:sum", "amount_untaxed:sum", "conversion:avg"],
        ),
        (
            "vip.overview",
            [],
            "manager_id",
            None,
            ["plan_fulfillment:avg", "floor_share:avg", "assortment_share:avg", "visit_overdue_count:sum"],
        ),
        (
            "vip.best.seller",
            [],
            "tier_id",
            None,
            ["quantity:sum", "amount_untaxed:sum", "client_count:max"],
        ),
        (
            "vip.visit.analysis",
            [("date", ">=", data["today"].replace(day=1)), ("state", "=", "done")],
            "user_id",
            "kind",
            ["done_count:sum", "order_rate:avg"],
        ),
    ]
    for user, who in ((data["head"], "head"), (data["manager"], "manager")):
        for model, domain, row, col, measures in pivots:
            env.invalidate_all()
            grouping_sets = [[], [row]] + ([[col], [row, col]] if col else [])
            groups = measure(
                f"pivot {model}, first load, as the {who}",
                lambda model=model, domain=domain, sets=grouping_sets, measures=measures, user=user: (
                    env[model].with_user(user).formatted_read_grouping_sets(domain, sets, measures)
                ),
            )
            print(f"{'  groups':<66} {sum(len(group) for group in groups):7d}")


def time_best_sellers(env, data):
    client = data["client"].with_user(data["manager"])
    env.invalidate_all()

    def open_from_the_card():
        # What the web client asks: the fields of the cards, for the rows of the client's tier.
        action = client.action_vip_open_best_sellers()
        rows = env["vip.best.seller"].with_user(data["manager"]).with_context(**action["context"])
        fields = rows.get_views([(False, "kanban")])["models"]["vip.best.seller"]["fields"]
        return rows.web_search_read(action["domain"], {name: {} for name in fields}, limit=80)["records"]

    rows = measure("best sellers of a client's tier with its flags, as its manager", open_from_the_card)
    bought = sum(row["client_buys"] for row in rows)
    print(f"{'  rows, of which the client buys':<66} {len(rows):4d} {bought:4d}")


if __name__ == "__main__":
    main()
