#!/usr/bin/env python3
"""Benchmark of the package wizard and of the order logistics (vip_sales).

    python3 bench/bench_packages.py -d <database with vip_sales installed> [--db_host 127.0.0.1]

Builds, inside one transaction that is rolled back at the end: 100 furniture models in three
colours with two cartons each, 50 package offers of 20 lines, a fleet of three vehicle types
and a quotation. Then it times:

- the wizard's live preview of the 50 packages × 20 lines (1,000 lines resolved to variants,
  totals, truck plan, HTML), from a cold cache (product data read from the database) and warm;
- "Add to order" of those 1,000 lines;
- the logistics totals of a 500-line order (time and number of queries).
"""

import statistics
import sys
import time

from benchlib import bench_parser, rolled_back_env

from odoo.fields import Command


def main():
    parser = bench_parser(__doc__)
    parser.add_argument("--repeat", type=int, default=5, help="runs of the preview timing")
    args = parser.parse_args()
    with rolled_back_env(args) as env:
        run(env, args.repeat)


def run(env, repeat):
    colour = env["product.attribute"].create(
        {
            "name": "Bench colour",
            "value_ids": [Command.create({"name": n}) for n in ("Oak", "Walnut", "White")],
        }
    )
    white = colour.value_ids[2]
    templates = env["product.template"].create(
        [
            {
                "name": f"Bench model {i}",
                "type": "consu",
                "list_price": 1000 + i,
                "attribute_line_ids": [
                    Command.create(
                        {"attribute_id": colour.id, "value_ids": [Command.set(colour.value_ids.ids)]}
                    )
                ],
                "vip_carton_ids": [
                    Command.create(
                        {
                            "name": "Body",
                            "length": 200,
                            "width": 60,
                            "height": 20 + i % 7,
                            "gross_weight": 30 + i % 11,
                        }
                    ),
                    Command.create(
                        {"name": "Doors", "length": 190, "width": 45, "height": 8, "gross_weight": 12}
                    ),
                ],
            }
            for i in range(100)
        ]
    )
    packages = env["vip.product.package"].create(
        [
            {
                "name": f"Bench package {p}",
                "discount": 5,
                "color_value_ids": [Command.set(colour.value_ids.ids)],
                "line_ids": [
                    Command.create(
                        {"product_tmpl_id": templates[(p * 7 + k) % 100].id, "quantity": 1 + k % 2}
                    )
                    for k in range(20)
                ],
            }
            for p in range(50)
        ]
    )
    for name, weight, volume, trip, km in (
        ("Van", 1.5, 9, 4500, 35),
        ("Truck", 5, 36, 9000, 55),
        ("Eurotruck", 20, 82, 20000, 95),
    ):
        env["vip.vehicle.type"].create(
            {
                "name": name,
                "max_weight": weight,
                "max_volume": volume,
                "cost_per_trip": trip,
                "cost_per_km": km,
            }
        )
    partner = env["res.partner"].create({"name": "Bench client", "is_company": True})
    order = env["sale.order"].create({"partner_id": partner.id, "vip_delivery_distance_km": 300})
    wizard = env["vip.package.add"].create(
        {
            "order_id": order.id,
            "color_value_id": white.id,
            "line_ids": [Command.create({"package_id": package.id, "quantity": 2}) for package in packages],
        }
    )
    env.flush_all()

    preview_fields = [
        "preview_html",
        "total_weight",
        "total_volume",
        "total_cartons",
        "truck_plan",
        "delivery_cost",
    ]

    def timed(function):
        """Run ``function``; return its wall time and CPU time (ms, this process) and queries."""
        queries, wall, cpu = env.cr.sql_log_count, time.perf_counter(), time.process_time()
        function()
        env.flush_all()
        return (
            (time.perf_counter() - wall) * 1000,
            (time.process_time() - cpu) * 1000,
            env.cr.sql_log_count - queries,
        )

    def preview(cold):
        if cold:
            env.invalidate_all()
        else:
            wizard.invalidate_recordset(preview_fields)
        return timed(lambda: wizard.read(preview_fields))

    cold = [preview(cold=True) for _i in range(repeat)]
    warm = [preview(cold=False) for _i in range(repeat)]
    assert not wizard.problems, wizard.problems
    print(f"Preview of 50 packages x 20 lines (1,000 lines), median of {repeat} runs (wall / CPU):")
    for label, runs in (("cold cache", cold), ("warm cache", warm)):
        wall, cpu = statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs)
        print(f"  {label}: {wall:.1f} ms / {cpu:.1f} ms, {runs[0][2]} queries")
    print(
        f"  order after adding: {wizard.tonnage:.3f} t, {wizard.total_volume:.2f} m3, {wizard.total_cartons} "
        f"cartons, {wizard.truck_plan}, delivery {wizard.delivery_cost:.0f}"
    )

    env.invalidate_all()
    wall, cpu, queries = timed(wizard.action_add)
    print(
        f"Add to order: {len(order.order_line)} lines (with 50 sections) in {wall / 1000:.2f} s "
        f"(CPU {cpu / 1000:.2f} s), {queries} queries"
    )

    big = env["sale.order"].create(
        {
            "partner_id": partner.id,
            "order_line": [
                Command.create(
                    {
                        "product_id": templates[i % 100].product_variant_ids[i % 3].id,
                        "product_uom_qty": 1 + i % 4,
                    }
                )
                for i in range(500)
            ],
        }
    )
    env.flush_all()
    env.invalidate_all()
    wall, cpu, queries = timed(big._compute_vip_logistics)
    print(
        f"Totals of a 500-line order: {wall:.1f} ms (CPU {cpu:.1f} ms), {queries} queries "
        f"({big.vip_tonnage:.3f} t, {big.vip_total_volume:.2f} m3, {big.vip_total_cartons} cartons)"
    )


if __name__ == "__main__":
    sys.exit(main())
