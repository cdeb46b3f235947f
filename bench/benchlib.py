"""What the benchmarks share: their database arguments and a transaction that is rolled back.

parser = bench_parser(__doc__)
parser.add_argument("--clients", type=int, default=1000)
args = parser.parse_args()
with rolled_back_env(args) as env:
    ...
"""

import argparse
import os
import time
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def bench_parser(doc):
    """An argument parser with the database to run in (``-d``) and how to reach PostgreSQL."""
    parser = argparse.ArgumentParser(description=doc, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-d", "--database", required=True, help="a database with both modules installed")
    parser.add_argument("--db_host", default=os.environ.get("PGHOST", "127.0.0.1"))
    parser.add_argument("--db_port", default=os.environ.get("PGPORT", "5432"))
    parser.add_argument("--db_user", default=os.environ.get("PGUSER"))
    return parser


@contextmanager
def rolled_back_env(args, context=None):
    """The superuser's environment on ``args.database``, in a transaction rolled back at the
    end: a benchmark leaves the database as it found it. Chatter tracking is off, since it
    would only slow the creation of the bench records down."""
    with _superuser_env(args, context) as env:
        try:
            yield env
        finally:
            env.cr.rollback()
            print("rolled back")


@contextmanager
def committed_env(args, context=None):
    """As :func:`rolled_back_env`, but what is done is committed at the end (the load bench's
    data stay in its database)."""
    with _superuser_env(args, context) as env:
        yield env
        env.flush_all()
        env.cr.commit()


@contextmanager
def _superuser_env(args, context):
    from odoo import SUPERUSER_ID, api  # noqa: PLC0415 (Odoo is configured once the arguments are valid)
    from odoo.modules.registry import Registry  # noqa: PLC0415
    from odoo.tools import config  # noqa: PLC0415

    config.parse_config(
        [
            "-d",
            args.database,
            f"--addons-path={ROOT}",
            f"--db_host={args.db_host}",
            f"--db_port={args.db_port}",
            *([f"--db_user={args.db_user}"] if args.db_user else []),
            "--log-level=warn",
        ]
    )
    registry = Registry(args.database)
    with registry.cursor() as cr:
        yield api.Environment(
            cr, SUPERUSER_ID, {"tracking_disable": True, "mail_create_nolog": True, **(context or {})}
        )


def timed(label, func, count, unit="order"):
    """Run ``func``, print its time in all and per ``unit`` (``count`` of them); return what it
    returned and the seconds it took."""
    start = time.perf_counter()
    result = func()
    elapsed = time.perf_counter() - start
    print(f"{label:<58} {elapsed:8.3f} s  {elapsed / count * 1000:8.3f} ms/{unit}")
    return result, elapsed


def vip_clients(env, count=50):
    """``count`` VIP client companies of a bench tier, owned by the administrator."""
    tier = env["vip.tier"].create({"name": "Bench tier"})
    manager = env.ref("base.user_admin")
    return env["res.partner"].create(
        [
            {
                "name": f"Bench client {i}",
                "is_company": True,
                "vip_tier_id": tier.id,
                "vip_manager_id": manager.id,
            }
            for i in range(count)
        ]
    )
