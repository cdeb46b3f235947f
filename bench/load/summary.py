#!/usr/bin/env python3
"""Requests/s, p50/p95/p99 and failures per action of Locust runs, from their CSV files.

    python3 bench/load/summary.py .vip/load/u20_stats.csv [.vip/load/u50_stats.csv ...]

An action named ``read: ...`` meets its goal with a p95 under 1 s, ``write: ...`` under 2 s
(the "once" requests of a user's start and the login are shown, not judged); a run meets
its goals with no failure. Exits 1 if a run does not.
"""

import csv
import sys

GOALS_MS = {"read": 1000, "write": 2000}


def summarize(path):
    with open(path, newline="") as file:
        rows = list(csv.DictReader(file))
    print(f"\n{path}")
    print(f"{'action':<42} {'requests':>8} {'failed':>6} {'req/s':>6} {'p50':>6} {'p95':>6} {'p99':>6}  goal")
    clean = True
    for row in rows:
        if row["Request Count"] == "0":
            continue  # asked before the figures started again only
        name = row["Name"]
        kind = name.split(":")[0]
        goal = GOALS_MS.get(kind) if "(once)" not in name else None
        p95 = float(row["95%"] or 0)
        verdict = "" if goal is None else ("ok" if p95 < goal else f"p95 over {goal / 1000:.0f} s")
        if name == "Aggregated":
            verdict = "ok" if int(row["Failure Count"]) == 0 else "failures"
        clean &= verdict in ("", "ok")
        print(
            f"{name[:42]:<42} {row['Request Count']:>8} {row['Failure Count']:>6} "
            f"{float(row['Requests/s']):6.1f} {row['50%']:>6} {row['95%']:>6} {row['99%']:>6}  {verdict}"
        )
    return clean


def main():
    results = [summarize(path) for path in sys.argv[1:]]
    sys.exit(0 if all(results) else 1)


if __name__ == "__main__":
    main()
