#!/usr/bin/env python3
"""Side by side: each analysis as the project computes it, and the raw SQL giving its numbers.

    python3 bench/bench_analyses.py -d <database with vip_sales_report> [--repeat 5]
        [--clients 1000] [--stores 4000] [--lines 200000] [--managers 20]

On the bench data of bench_reports (a year of 200,000 order lines of 1,000 clients, monthly
plans over all clients and per client): the data already in the database when it holds them
(``scripts/vip load`` leaves them there), else built in a transaction rolled back at the end.
As the head of sales, in Moscow's timezone, from a cold cache, it times:

- the sales pivot's first load (rows: VIP managers, columns: months of this year);
- the fulfilment of the 12,000 plans of the last 12 months, as the plan list computes it
  (their actual amounts and fulfilments from the ORM, a cold cache);
- the plan analysis pivot's first load (the managers' plans of this year by month).

Each raw SQL query reads the same tables and gives the same figures (checked); it is the
limit of what a hand-written query does. Each job runs ``--repeat`` times, alternately with
its query; the medians are printed with their ratio and the project's query count.
"""

import statistics
import time

import bench_reports
from benchlib import rolled_back_env

TZ = "Europe/Moscow"
MAX_RATIO = 2.0


def main():
    parser = bench_reports.data_parser(__doc__)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with rolled_back_env(args, {"tz": TZ}) as env:
        data = bench_data(env, args)
        env.cr.execute("ANALYZE sale_order, sale_order_line, res_partner, vip_sales_plan")
        print(f"{'job':<44} {'project':>9} {'raw SQL':>9} {'ratio':>6} {'queries':>8}")
        ratios = [compare(env, args.repeat, *job) for job in jobs(env, data)]
        print(f"worst ratio {max(ratios):.2f} (goal: {MAX_RATIO:.0f}×)")


def bench_data(env, args):
    """The head of sales and the first month of the bench data: those in the database, or
    built now (rolled back with the rest)."""
    from odoo import fields  # noqa: PLC0415
    from odoo.tools import date_utils  # noqa: PLC0415

    head = env["res.users"].search([("login", "=", "bench_head")])
    if not head:
        return bench_reports.measure("build the data", lambda: bench_reports.build(env, args))
    today = fields.Date.context_today(head)
    print(f"the bench data already in {env.cr.dbname}")
    return {"head": head, "today": today, "first_month": date_utils.subtract(today.replace(day=1), months=11)}


def compare(env, repeat, label, project, raw):
    """Run ``project`` (from a cold cache) and ``raw`` alternately; print the medians."""
    project_times, raw_times = [], []
    for __ in range(repeat):
        env.invalidate_all()
        queries = env.cr.sql_log_count
        started = time.perf_counter()
        figures = project()
        project_times.append(time.perf_counter() - started)
        queries = env.cr.sql_log_count - queries
        started = time.perf_counter()
        env.cr.execute(raw)
        expected = env.cr.fetchall()
        raw_times.append(time.perf_counter() - started)
    mismatch = figures_differ(figures, expected)
    if mismatch:
        raise AssertionError(f"{label}: the project and the raw SQL differ: {mismatch}")
    project_time, raw_time = statistics.median(project_times), statistics.median(raw_times)
    ratio = project_time / raw_time
    print(
        f"{label:<44} {project_time * 1000:7.0f} ms {raw_time * 1000:6.0f} ms {ratio:6.2f} {queries:>8}"
        f"{'' if ratio <= MAX_RATIO else '  over the goal'}"
    )
    return ratio


def figures_differ(figures, expected):
    """The first of the rows, in order, whose figures differ (fulfilments are rounded to a
    tenth of a percent by their field)."""
    figures, expected = (
        sorted(tuple(float(value or 0) for value in row) for row in rows) for rows in (figures, expected)
    )
    if len(figures) != len(expected):
        return f"{len(figures)} rows against {len(expected)}"
    for row, limit in zip(figures, expected, strict=True):
        if any(abs(value - other) > 0.05 for value, other in zip(row, limit, strict=True)):
            return f"{row} against {limit}"
    return None


# ----------------------------------------------------------------------
# The jobs: (label, the project's way, the raw SQL)
# ----------------------------------------------------------------------


def jobs(env, data):
    head = data["head"]
    year_start = data["today"].replace(month=1, day=1)
    first_month = data["first_month"]
    return [
        ("sales pivot, first load", lambda: sales_pivot(env, head, year_start), raw_sales(year_start)),
        (
            "fulfilment of the plans of 12 months",
            lambda: plan_fulfilment(env, head, first_month),
            raw_plans(first_month),
        ),
        (
            "plan analysis pivot, first load",
            lambda: plan_pivot(env, head, year_start),
            raw_plan_pivot(year_start),
        ),
    ]


def pivot_cells(groups_list, measures):
    """The measures of every cell of a pivot's grouping sets (totals included)."""
    return [tuple(group[measure] for measure in measures) for groups in groups_list for group in groups]


def sales_pivot(env, head, year_start):
    groups = (
        env["vip.sales.analysis"]
        .with_user(head)
        .formatted_read_grouping_sets(
            [("date", ">=", year_start)],
            [[], ["manager_id"], ["date:month"], ["manager_id", "date:month"]],
            ["amount_untaxed:sum"],
        )
    )
    return pivot_cells(groups, ["amount_untaxed:sum"])


def plan_fulfilment(env, head, first_month):
    plans = env["vip.sales.plan"].with_user(head).search_fetch([("date_from", ">=", first_month)], ["state"])
    return [(plan.id, plan.actual_amount, plan.fulfillment) for plan in plans]


def plan_pivot(env, head, year_start):
    measures = ["target_amount:sum", "actual_amount:sum", "fulfillment:avg"]
    groups = (
        env["vip.plan.analysis"]
        .with_user(head)
        .formatted_read_grouping_sets(
            [("date_from", ">=", year_start), ("level", "=", "manager")],
            [[], ["user_id"], ["date_from:month"], ["user_id", "date_from:month"]],
            measures,
        )
    )
    return pivot_cells(groups, measures)


def raw_sales(year_start):
    from odoo.tools import SQL  # noqa: PLC0415

    month = f"date_trunc('month', s.date_order AT TIME ZONE 'UTC' AT TIME ZONE '{TZ}')"
    return SQL(
        f"""
        SELECT SUM(l.price_subtotal / COALESCE(NULLIF(s.currency_rate, 0), 1))
          FROM sale_order_line l
          JOIN sale_order s ON s.id = l.order_id
          JOIN res_partner client ON client.id = s.vip_commercial_partner_id
         WHERE s.state = 'sale' AND client.is_vip AND l.display_type IS NULL
           AND l.is_downpayment IS NOT TRUE
           AND s.date_order >= (%s::timestamp AT TIME ZONE '{TZ}') AT TIME ZONE 'UTC'
         GROUP BY GROUPING SETS ((), (client.vip_manager_id), ({month}), (client.vip_manager_id, {month}))
        """,
        year_start,
    )


def monthly_sums(keys):
    """The confirmed orders' untaxed amounts in company currency by ``keys`` (columns of the
    orders) and month of Moscow."""
    return f"""
        SELECT {keys}, date_trunc('month', date_order AT TIME ZONE 'UTC' AT TIME ZONE '{TZ}')::date AS month,
               SUM(amount_untaxed / COALESCE(NULLIF(currency_rate, 0), 1)) AS amount
          FROM sale_order
         WHERE state = 'sale'
         GROUP BY {keys}, month
    """


def raw_plan_actuals(where):
    """Each plan of ``where`` with its actual amount: the monthly sums joined to the plans."""
    return f"""
        WITH by_client AS ({monthly_sums("user_id, company_id, vip_commercial_partner_id")}),
             by_manager AS ({monthly_sums("user_id, company_id")})
        SELECT plan.id, plan.user_id, plan.date_from, plan.target_amount, COALESCE(SUM(s.amount), 0) AS actual
          FROM vip_sales_plan plan
          JOIN res_partner client ON client.id = plan.partner_id
          LEFT JOIN by_client s ON s.user_id = plan.user_id AND s.company_id = plan.company_id
                               AND s.vip_commercial_partner_id = client.commercial_partner_id
                               AND s.month BETWEEN plan.date_from AND plan.date_to
         WHERE {where}
         GROUP BY plan.id
         UNION ALL
        SELECT plan.id, plan.user_id, plan.date_from, plan.target_amount, COALESCE(SUM(s.amount), 0)
          FROM vip_sales_plan plan
          LEFT JOIN by_manager s ON s.user_id = plan.user_id AND s.company_id = plan.company_id
                                AND s.month BETWEEN plan.date_from AND plan.date_to
         WHERE plan.partner_id IS NULL AND {where}
         GROUP BY plan.id
    """


def raw_plans(first_month):
    from odoo.tools import SQL  # noqa: PLC0415

    return SQL(
        f"""
        SELECT id, actual, CASE WHEN target_amount > 0 THEN 100 * actual / target_amount ELSE 0 END
          FROM ({raw_plan_actuals("plan.date_from >= %(first)s")}) plans
        """,
        first=first_month,
    )


def raw_plan_pivot(year_start):
    from odoo.tools import SQL  # noqa: PLC0415

    month = "date_trunc('month', date_from)"
    return SQL(
        f"""
        SELECT SUM(target_amount), SUM(actual),
               100.0 * SUM(actual) / NULLIF(SUM(target_amount), 0)
          FROM ({raw_plan_actuals("plan.partner_id IS NULL AND plan.date_from >= %(start)s")}) plans
         GROUP BY GROUPING SETS ((), (user_id), ({month}), (user_id, {month}))
        """,
        start=year_start,
    )


if __name__ == "__main__":
    main()
