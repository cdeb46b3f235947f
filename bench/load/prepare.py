#!/usr/bin/env python3
"""The load bench's database: bench_reports' year of business, committed, once.

    python3 bench/load/prepare.py -d <database with vip_sales_report installed>

Adds the data of ``bench/bench_reports.py`` (1,000 clients of 20 managers, 200,000 order
lines, plans, stores, surveys, visits) unless the database holds them already (its user
``bench_head``). The managers ``bench_manager_0`` … ``bench_manager_19`` and the head
``bench_head`` log in with their login as password.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench_reports import build
from benchlib import bench_parser, committed_env


def main():
    parser = bench_parser(__doc__)
    parser.add_argument("--clients", type=int, default=1000)
    parser.add_argument("--stores", type=int, default=4000)
    parser.add_argument("--lines", type=int, default=200000)
    parser.add_argument("--managers", type=int, default=20)
    args = parser.parse_args()
    with committed_env(args) as env:
        if env["res.users"].search_count([("login", "=", "bench_head")]):
            print(f"{args.database} holds the bench data already")
            return
        build(env, args)
        env.cr.execute("ANALYZE")
        print(f"bench data committed in {args.database}")


if __name__ == "__main__":
    main()
