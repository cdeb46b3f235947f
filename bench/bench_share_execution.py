#!/usr/bin/env python3
"""Benchmark: the share analysis with the store execution score against the raw SQL.

Builds 1,000 clients × 4 stores × 12 quarterly surveys (bench_shares.build) and 8 audited
visits per store, then reads, as a VIP manager who owns every client (record rules applied):

- the latest survey of each store per client: floor, assortment and execution scores;
- the trend per quarter over every survey;

through the share analysis (``_read_group``) and through hand-written SQL that computes the
same figures from the tables, checks that they agree, and prints both times and their ratio.
Everything is rolled back.

    python3 bench/bench_share_execution.py -d <database with both modules> [--clients 1000]
"""

import statistics
import time

from bench_shares import build
from benchlib import bench_parser, rolled_back_env

AGGREGATES = ["floor_share:avg", "assortment_share:avg", "execution_score:avg"]

# The same figures from the tables: the latest audited visit of the store up to each survey.
RAW_SURVEYS = """
    WITH rows AS (
        SELECT client.id AS partner_id, sv.date, sv.our_area, sv.total_area,
               sv.our_sku_count, sv.total_sku_count, audit.execution_points, audit.execution_max_points,
               store.active AND store.last_survey_id = sv.id AS is_latest
          FROM vip_share_survey sv
          JOIN vip_store store ON store.id = sv.store_id
          JOIN res_partner store_partner ON store_partner.id = store.partner_id
          JOIN res_partner client ON client.id = store_partner.commercial_partner_id
          LEFT JOIN LATERAL (
                SELECT v.execution_points, v.execution_max_points FROM vip_visit v
                 WHERE v.store_id = sv.store_id AND v.execution_max_points > 0
                   AND v.state != 'cancelled' AND v.date < sv.date + 1
                 ORDER BY v.date DESC, v.id DESC LIMIT 1
          ) audit ON TRUE
         WHERE client.vip_manager_id = %(owner)s AND sv.company_id = %(company)s
    )
"""
RAW_FIGURES = """
    100.0 * SUM(our_area) / NULLIF(SUM(total_area), 0),
    100.0 * SUM(our_sku_count) / NULLIF(SUM(total_sku_count), 0),
    100.0 * SUM(execution_points) / NULLIF(SUM(execution_max_points), 0)
"""
RAW_LATEST = f"{RAW_SURVEYS} SELECT partner_id, {RAW_FIGURES} FROM rows WHERE is_latest GROUP BY partner_id"
RAW_TREND = (
    f"{RAW_SURVEYS} SELECT date_trunc('quarter', date)::date, {RAW_FIGURES} FROM rows GROUP BY 1 ORDER BY 1"
)


def build_audits(env, partners, owner, visits):
    """``visits`` done visits per store, one every 45 days, each with a section audit's
    points (of 4 checks per section, 1 to 3 sections)."""
    env.cr.execute(
        """
        INSERT INTO vip_visit (partner_id, store_id, user_id, company_id, date, duration, kind, state,
                               result, execution_points, execution_max_points, execution_score)
             SELECT st.partner_id, st.id, %(owner)s, st.company_id,
                    now() - make_interval(days => 45 * n + st.id %% 30), 1, 'onsite', 'done', 'info',
                    pts, mx, round(100.0 * pts / mx, 1)
               FROM vip_store st, generate_series(0, %(visits)s - 1) n,
                    LATERAL (SELECT 4 * (1 + (st.id + n) %% 3) AS mx) m,
                    LATERAL (SELECT (st.id * 7 + n * 3) %% (m.mx + 1) AS pts) p
              WHERE st.partner_id = ANY(%(partners)s)
        """,
        {"owner": owner.id, "visits": visits, "partners": partners.ids},
    )
    env.cr.execute("ANALYZE vip_visit")


def median_time(func, runs):
    timings, result = [], None
    for _run in range(runs):
        start = time.perf_counter()
        result = func()
        timings.append(time.perf_counter() - start)
    return statistics.median(timings), result


def main():
    parser = bench_parser(__doc__)
    parser.add_argument("--clients", type=int, default=1000)
    parser.add_argument("--stores", type=int, default=4, help="stores per client")
    parser.add_argument("--surveys", type=int, default=12, help="surveys per store")
    parser.add_argument("--visits", type=int, default=8, help="audited visits per store")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    args.orders = 1  # bench_shares.build wants orders; they play no part here
    with rolled_back_env(args) as env:
        start = time.perf_counter()
        partners, owner = build(env, args)
        build_audits(env, partners, owner, args.visits)
        stores = len(partners) * args.stores
        print(
            f"built {len(partners)} clients, {stores} stores, {stores * args.surveys} surveys and"
            f" {stores * args.visits} audited visits in {time.perf_counter() - start:.1f} s"
        )
        analysis = env["vip.share.analysis"].with_user(owner)
        params = {"owner": owner.id, "company": env.company.id}

        def raw(query):
            def run():
                env.cr.execute(query, params)
                return env.cr.fetchall()

            return run

        cases = [
            (
                "latest survey per client",
                lambda: analysis._read_group([("is_latest", "=", True)], ["partner_id"], AGGREGATES),
                raw(RAW_LATEST),
                lambda rows: {partner.id: figures for partner, *figures in rows},
                lambda rows: {partner_id: figures for partner_id, *figures in rows},
            ),
            (
                "trend per quarter",
                lambda: analysis._read_group([], ["date:quarter"], AGGREGATES),
                raw(RAW_TREND),
                lambda rows: {day.replace(day=1): figures for day, *figures in rows},
                lambda rows: {day: figures for day, *figures in rows},
            ),
        ]
        for label, project, sql, key_project, key_sql in cases:
            env.invalidate_all()
            project_time, project_rows = median_time(project, args.runs)
            sql_time, sql_rows = median_time(sql, args.runs)
            expected, got = key_sql(sql_rows), key_project(project_rows)
            assert expected.keys() == got.keys(), f"{label}: the groups differ"
            for key, figures in expected.items():
                assert all(
                    (a is None and not b) or abs(float(a or 0) - (b or 0)) < 1e-6
                    for a, b in zip(figures, got[key], strict=True)
                ), f"{label}: {key}: {figures} != {got[key]}"
            print(
                f"{label:26} {len(got):5} groups: project {project_time * 1000:8.1f} ms,"
                f" raw SQL {sql_time * 1000:8.1f} ms, ratio {project_time / sql_time:5.2f}"
            )


if __name__ == "__main__":
    main()
