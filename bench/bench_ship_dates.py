"""Benchmark of the earliest shipping date of commercial proposals: the ORM against one query.

Builds VIP proposals inside a transaction over stored products with free stock, receipts on
their way and production lead times, then times, in the same run, the ORM's
``vip_earliest_ship_date`` of all the proposals (``sale.order._compute_vip_availability``,
from a cold cache) and one SQL query over stock_quant and stock_move that gives the same dates.
It checks that both give the same date for every proposal, prints the numbers and rolls
everything back:

    python3 bench/bench_ship_dates.py -d <database with vip_sales> [--orders 1000] [--lines 5]
"""

import random
from datetime import datetime, timedelta
from datetime import time as daytime

from benchlib import bench_parser, rolled_back_env, timed, vip_clients

from odoo import fields
from odoo.fields import Command

SEED = 20240601
TZ = "UTC"

# One query for the earliest shipping date of the proposals %(order_ids)s, as
# stock.warehouse._vip_availability and the availability computes of the order and its lines
# give it: the warehouse's free stock (Odoo's free_qty), then the receipts on their way by
# day, then the product's production lead time; the earlier lines of a proposal take the
# stock first; a line ships when it is available and its customer lead time has passed.
SHIP_DATES_QUERY = """
WITH goods AS (
    -- every proposal, with its lines of goods (_vip_shipped_lines: no section or note, no
    -- delivery line, goods, a positive quantity), the quantity in the product's unit
    SELECT so.id AS order_id,
           sol.id,
           sol.warehouse_id,
           sol.product_id,
           so.state IN ('draft', 'sent') AND sol.warehouse_id IS NOT NULL AS weighed,
           COALESCE(pt.is_storable, FALSE) AS is_storable,
           COALESCE(pt.vip_production_days, 0) AS production_days,
           %(today)s::date + CEIL(COALESCE(sol.customer_lead, 0))::int AS lead_day,
           view.parent_path AS view_path,
           -- the basket of the proposal in its warehouse: the earlier lines take the stock first
           SUM(
               CASE
                   WHEN sol.product_uom_id IS NULL OR sol.product_uom_id = pt.uom_id THEN sol.product_uom_qty
                   ELSE CEIL(ROUND(sol.product_uom_qty * line_uom.factor / product_uom.factor
                                   / %(rounding)s, 9)) * %(rounding)s
               END
           ) OVER (
               PARTITION BY so.id, sol.warehouse_id, sol.product_id
               ORDER BY sol.sequence, sol.id
           ) AS taken,
           CASE
               WHEN sol.product_uom_id IS NULL OR sol.product_uom_id = pt.uom_id THEN sol.product_uom_qty
               ELSE CEIL(ROUND(sol.product_uom_qty * line_uom.factor / product_uom.factor
                               / %(rounding)s, 9)) * %(rounding)s
           END AS quantity
      FROM sale_order so
      LEFT JOIN (
          sale_order_line sol
          JOIN product_product pp ON pp.id = sol.product_id
          JOIN product_template pt ON pt.id = pp.product_tmpl_id AND pt.type = 'consu'
      )
        ON sol.order_id = so.id
       AND sol.order_id = ANY(%(order_ids)s)
       AND sol.display_type IS NULL
       AND NOT COALESCE(sol.is_delivery, FALSE)
       AND sol.product_uom_qty > 0
      LEFT JOIN uom_uom product_uom ON product_uom.id = pt.uom_id
      LEFT JOIN uom_uom line_uom ON line_uom.id = sol.product_uom_id
      LEFT JOIN stock_warehouse wh ON wh.id = sol.warehouse_id
      LEFT JOIN stock_location view ON view.id = wh.view_location_id
     WHERE so.id = ANY(%(order_ids)s)
),
pairs AS MATERIALIZED (
    SELECT DISTINCT g.warehouse_id, g.product_id, g.view_path
      FROM goods g
     WHERE g.weighed AND g.is_storable
),
free AS MATERIALIZED (
    -- Odoo's free_qty with the warehouse in context: the quants under its view location
    SELECT p.warehouse_id,
           p.product_id,
           ROUND((SUM(q.quantity) - SUM(q.reserved_quantity))::numeric, %(digits)s) AS free
      FROM pairs p
      JOIN stock_quant q ON q.product_id = p.product_id
      JOIN stock_location loc ON loc.id = q.location_id
     WHERE loc.parent_path LIKE p.view_path || '%%'
     GROUP BY p.warehouse_id, p.product_id
),
received AS MATERIALIZED (
    -- the moves on their way into the warehouse from outside it, added up day by day of the
    -- user's calendar
    SELECT warehouse_id,
           product_id,
           day,
           SUM(quantity) OVER (PARTITION BY warehouse_id, product_id ORDER BY day) AS received
      FROM (
          SELECT p.warehouse_id,
                 p.product_id,
                 timezone(%(tz)s, timezone('UTC', m.date))::date AS day,
                 SUM(m.product_qty) AS quantity
            FROM pairs p
            JOIN stock_move m ON m.product_id = p.product_id
            JOIN stock_location dest ON dest.id = m.location_dest_id
            JOIN stock_location src ON src.id = m.location_id
           WHERE m.state IN ('waiting', 'confirmed', 'partially_available', 'assigned')
             AND dest.parent_path LIKE p.view_path || '%%'
             AND src.usage NOT IN ('internal', 'transit')
           GROUP BY p.warehouse_id, p.product_id, day
      ) AS incoming
),
short AS (
    SELECT g.*,
           g.taken - COALESCE(f.free, 0) AS missing,
           LEAST(g.quantity, g.taken - COALESCE(f.free, 0)) AS shortage
      FROM goods g
      LEFT JOIN free f ON f.warehouse_id = g.warehouse_id AND f.product_id = g.product_id
),
ship AS (
    SELECT s.order_id,
           s.id,
           CASE
               WHEN s.id IS NULL OR NOT s.weighed THEN NULL
               WHEN NOT s.is_storable OR ROUND(s.shortage::numeric, %(digits)s) <= 0
                   THEN GREATEST(%(today)s::date, s.lead_day)
               -- the first day the receipts cover what is missing, never before today
               WHEN covered.day IS NOT NULL THEN GREATEST(covered.day, %(today)s::date, s.lead_day)
               WHEN s.production_days > 0
                   THEN GREATEST(%(today)s::date + s.production_days, s.lead_day)
           END AS ship_date
      FROM short s
      LEFT JOIN LATERAL (
          SELECT MIN(r.day) AS day
            FROM received r
           WHERE s.is_storable
             AND r.warehouse_id = s.warehouse_id
             AND r.product_id = s.product_id
             AND ROUND((r.received - s.missing)::numeric, %(digits)s) >= 0
      ) AS covered ON TRUE
)
SELECT order_id,
       CASE WHEN COUNT(id) > 0 AND COUNT(id) = COUNT(ship_date) THEN MAX(ship_date) END AS earliest
  FROM ship
 GROUP BY order_id
"""


def make_stock(env, rng, today):
    """Stored products in every situation: free stock (some of it reserved), receipts on their
    way (some late, some into a sublocation), production lead times, nothing at all; and a few
    goods that are not stored."""
    warehouse = env["stock.warehouse"].search([("company_id", "=", env.company.id)], limit=1)
    stock = warehouse.lot_stock_id
    shelf = env["stock.location"].create({"name": "Bench shelf", "location_id": stock.id})
    supplier = env.ref("stock.stock_location_suppliers")
    customer = env.ref("stock.stock_location_customers")
    production = env["stock.location"].search([("usage", "=", "production")], limit=1)
    kinds = [
        "stock",
        "receipts",
        "stock+receipts",
        "production",
        "stock+production",
        "stock+receipts",
        "receipts",
        "stock+production",
        "nothing",
        "stock",
    ]
    count = 40
    stored = env["product.product"].create(
        [
            {
                "name": f"Bench sofa {i} ({kind})",
                "type": "consu",
                "is_storable": True,
                "list_price": 1000.0 + i,
                "vip_production_days": rng.choice((10, 21, 45)) if "production" in kind else 0,
            }
            for i, kind in ((i, kinds[i % len(kinds)]) for i in range(count))
        ]
    )
    loose = env["product.product"].create(
        [{"name": f"Bench cushion {i}", "type": "consu", "list_price": 50.0 + i} for i in range(4)]
    )
    service = env["product.product"].create({"name": "Bench assembly", "type": "service", "list_price": 80.0})
    Quant = env["stock.quant"]
    moves_vals = []

    def move(product, quantity, days, source, dest):
        moves_vals.append(
            {
                "product_id": product.id,
                "product_uom_qty": quantity,
                "location_id": source.id,
                "location_dest_id": dest.id,
                "date": datetime.combine(today + timedelta(days=days), daytime(rng.choice((1, 12, 23)))),
            }
        )

    for i, product in enumerate(stored):
        kind = kinds[i % len(kinds)]
        if "stock" in kind:
            Quant._update_available_quantity(product, stock, float(rng.randint(2, 40)))
            if i % 4 == 0:
                Quant._update_available_quantity(product, shelf, float(rng.randint(1, 6)))
        if "receipts" in kind:
            for _receipt in range(rng.randint(1, 4)):
                move(product, rng.randint(3, 25), rng.randint(-3, 40), supplier, rng.choice((stock, shelf)))
            if i % 3 == 0:
                move(product, rng.randint(2, 8), rng.randint(1, 15), production, stock)
        if kind == "production" and i % 2:
            # Goods the warehouse sends out do not come in: no date from them.
            move(product, rng.randint(5, 10), rng.randint(1, 10), stock, customer)
    moves = env["stock.move"].create(moves_vals)
    moves._action_confirm()
    # Deliveries of confirmed orders hold part of the stock: not free any more.
    reserving = env["stock.move"].create(
        [
            {
                "product_id": product.id,
                "product_uom_qty": rng.randint(1, 6),
                "location_id": stock.id,
                "location_dest_id": customer.id,
            }
            for i, product in enumerate(stored)
            if "stock" in kinds[i % len(kinds)] and i % 3 == 1
        ]
    )
    reserving._action_confirm()
    reserving._action_assign()
    # A receipt already done, one cancelled: neither is on its way.
    done = env["stock.move"].create(
        {
            "product_id": stored[1].id,
            "product_uom_qty": 4,
            "location_id": supplier.id,
            "location_dest_id": stock.id,
        }
    )
    done._action_confirm()
    done.quantity = 4
    done.picked = True
    done._action_done()
    cancelled = env["stock.move"].create(
        {
            "product_id": stored[5].id,
            "product_uom_qty": 50,
            "location_id": supplier.id,
            "location_dest_id": stock.id,
            "date": datetime.combine(today + timedelta(days=2), daytime(12)),
        }
    )
    cancelled._action_confirm()
    cancelled._action_cancel()
    env.flush_all()
    return warehouse, stored, loose, service


def make_orders(env, rng, orders_count, lines_count, goods):
    """VIP proposals mixing the goods in varied quantities, some lines in dozens, some with a
    customer lead time, some products twice, a few sections and service lines."""
    warehouse, stored, loose, service = goods
    clients = vip_clients(env)
    term = env.ref("account.account_payment_term_30days")
    dozen = env.ref("uom.product_uom_dozen")

    def line_vals(index):
        product = rng.choice(loose) if rng.random() < 0.12 else rng.choice(stored)
        vals = {"product_id": product.id, "product_uom_qty": rng.choice((1, 1, 2, 3, 4, 6, 10, 15))}
        if product in stored and rng.random() < 0.03:
            vals.update(product_uom_id=dozen.id, product_uom_qty=1)
        lead = rng.random()
        if lead < 0.25:
            vals["customer_lead"] = rng.choice((3.0, 7.0, 14.0, 2.5, 30.0))
        elif lead < 0.5:
            vals["customer_lead"] = 0.0
        # A line moved up the proposal now and then: the stock goes by sequence, then id.
        vals["sequence"] = 10 + index if rng.random() < 0.9 else 5
        return vals

    def order_vals(i):
        lines = [line_vals(index) for index in range(lines_count)]
        if lines and rng.random() < 0.3:
            # The same product again later in the proposal: the earlier line takes the stock.
            lines.append({**lines[0], "sequence": 10 + lines_count, "product_uom_qty": rng.choice((2, 5, 8))})
        extra = []
        if rng.random() < 0.1:
            extra.append(Command.create({"display_type": "line_section", "name": "Bench section"}))
        if rng.random() < 0.1:
            extra.append(Command.create({"product_id": service.id, "product_uom_qty": 1}))
        return {
            "partner_id": clients[i % len(clients)].id,
            "payment_term_id": term.id,
            "warehouse_id": warehouse.id,
            "order_line": extra + [Command.create(vals) for vals in lines],
        }

    orders = env["sale.order"].create([order_vals(i) for i in range(orders_count)])
    env.flush_all()
    return orders


def print_mix(orders, dates, today):
    """What the proposals hold: every case of the computation should occur."""
    lines = orders.order_line._vip_shipped_lines()
    short = lines.filtered(lambda line: line.vip_shortage_qty > 0)
    made = short.filtered(
        lambda line: (
            line.vip_available_date
            and line.product_id.vip_production_days
            and line.vip_available_date == today + timedelta(days=line.product_id.vip_production_days)
        )
    )
    undated = short.filtered(lambda line: not line.vip_available_date)
    dated = [order for order, day in dates.items() if day]
    for label, value in (
        ("goods lines", len(lines)),
        ("  short of free stock", len(short)),
        ("    covered by receipts", len(short) - len(made) - len(undated)),
        ("    after the production lead time", len(made)),
        ("    without a date", len(undated)),
        ("proposals with a shipping date", len(dated)),
        ("proposals without one", len(dates) - len(dated)),
        ("distinct shipping dates", len(set(filter(None, dates.values())))),
    ):
        print(f"{label:<58} {value:8d}")


def run(env, orders_count, lines_count):
    rng = random.Random(SEED)
    today = fields.Date.context_today(env["sale.order"])
    goods = make_stock(env, rng, today)
    orders, _elapsed = timed(
        f"create {orders_count} VIP proposals ({lines_count} lines each)",
        lambda: make_orders(env, rng, orders_count, lines_count, goods),
        orders_count,
    )

    def orm():
        env.invalidate_all()
        return dict(zip(orders.ids, orders.mapped("vip_earliest_ship_date"), strict=True))

    env.cr.execute("SELECT 1")
    queries_before = env.cr.sql_log_count
    orm_dates, orm_time = timed("ORM: vip_earliest_ship_date of all proposals", orm, orders_count)
    print(f"{'  queries':<58} {env.cr.sql_log_count - queries_before:8d}")

    params = {
        "order_ids": orders.ids,
        "today": today,
        "tz": env.tz.zone,
        "digits": env["decimal.precision"].precision_get("Product Unit"),
        "rounding": env.ref("uom.product_uom_unit").rounding,
    }

    def sql():
        env.cr.execute(SHIP_DATES_QUERY, params)
        return dict(env.cr.fetchall())

    sql_dates, sql_time = timed("SQL: one query over stock_quant and stock_move", sql, orders_count)
    print_mix(orders, orm_dates, today)
    wrong = [
        (order_id, day, sql_dates.get(order_id))
        for order_id, day in orm_dates.items()
        if (day or None) != sql_dates.get(order_id)
    ]
    if wrong or len(sql_dates) != len(orm_dates):
        sample = ", ".join(f"order {o}: ORM {d}, SQL {s}" for o, d, s in wrong[:5])
        raise SystemExit(f"the SQL dates differ from the ORM's for {len(wrong)} proposals: {sample}")
    print(f"{'SQL dates equal to the ORM dates, proposals':<58} {len(orm_dates):8d}")
    print(f"ratio ORM / SQL: {orm_time / sql_time:.1f}")


def main():
    parser = bench_parser(__doc__)
    parser.add_argument("--orders", type=int, default=1000)
    parser.add_argument("--lines", type=int, default=5)
    args = parser.parse_args()
    with rolled_back_env(args, {"tz": TZ}) as env:
        env.user.tz = TZ
        run(env, args.orders, args.lines)


if __name__ == "__main__":
    main()
