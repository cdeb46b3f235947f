#!/usr/bin/env python3
"""The load bench's database: bench_reports' year of business, committed, once.

    python3 bench/load/prepare.py -d <database with vip_sales_report installed>

Adds the data of ``bench/bench_reports.py`` (1,000 clients of 20 managers, 200,000 order
lines, plans, stores, surveys, visits) unless the database holds them already (its user
``bench_head``). The managers ``bench_manager_0`` … ``bench_manager_19`` and the head
``bench_head`` log in with their login as password. Also three package offers of the bench
models for the package wizard, and a company limit of 10 % on discounts, so that a deeper
discount needs the head's approval; and the Russian language, which the users read.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench_reports import build, data_parser
from benchlib import committed_env


def main():
    args = data_parser(__doc__).parse_args()
    with committed_env(args) as env:
        if env["res.users"].search_count([("login", "=", "bench_head")]):
            print(f"{args.database} holds the bench data already")
        else:
            build(env, args)
        if not env["vip.product.package"].search_count([("name", "=like", "Bench bedroom %")]):
            add_packages(env)
        env.company.vip_max_discount = 10.0
        if not env["res.lang"]._lang_get("ru_RU"):
            # The users read Russian: their requests are served in it (translated terms cost).
            env["res.lang"]._activate_lang("ru_RU")
            env["ir.module.module"].search([("state", "=", "installed")])._update_translations("ru_RU")
        env.flush_all()
        env.cr.execute("ANALYZE")
        print(f"bench data committed in {args.database}")


def add_packages(env):
    """Package offers of three bench models each, for the managers' quotations."""
    templates = env["product.template"].search([("name", "=like", "Bench model %")], order="id", limit=9)
    env["vip.product.package"].create(
        [
            {
                "name": f"Bench bedroom {i + 1}",
                "line_ids": [
                    (0, 0, {"product_tmpl_id": template.id, "quantity": 1 + k})
                    for k, template in enumerate(templates[3 * i : 3 * i + 3])
                ],
            }
            for i in range(3)
        ]
    )


if __name__ == "__main__":
    main()
