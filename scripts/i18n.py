#!/usr/bin/env python3
"""Keep the translation files of both modules current.

    python3 scripts/i18n.py export -d DB        write i18n/<module>.pot from a database where
                                                both modules are installed
    python3 scripts/i18n.py merge [--dict F.json ...] [--missing OUT.json]
                                                bring i18n/ru.po in line with the .pot: keep
                                                existing translations, take new ones from the
                                                JSON dictionaries (English -> Russian), drop
                                                obsolete entries, list what is still missing

The module tests check that ru.po translates every term of the code (test_i18n.py).
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
MODULES = ("vip_sales", "vip_sales_report", "vip_sales_1c")
LANG = "ru"


def export(db):
    with tempfile.NamedTemporaryFile("w", suffix=".conf", delete=False) as conf:
        conf.write("[options]\n")
        conf.write(f"addons_path = {ROOT}\n")
        for key, env in (("db_host", "PGHOST"), ("db_port", "PGPORT"), ("db_user", "PGUSER")):
            if os.environ.get(env):
                conf.write(f"{key} = {os.environ[env]}\n")
    try:
        subprocess.run(
            [sys.executable, "-m", "odoo", "i18n", "export", "-c", conf.name, "-d", db, *MODULES],
            check=True,
        )
    finally:
        os.unlink(conf.name)


def merge(dict_files, missing_out):
    known = {}
    for dict_file in dict_files:
        known.update(json.loads(Path(dict_file).read_text(encoding="utf-8")))
    missing = {}
    for module in MODULES:
        pot_path = ROOT / module / "i18n" / f"{module}.pot"
        po_path = ROOT / module / "i18n" / f"{LANG}.po"
        pot = polib.pofile(str(pot_path))
        old = polib.pofile(str(po_path)) if po_path.exists() else polib.POFile()
        previous = {(e.msgctxt, e.msgid): e.msgstr for e in old if e.msgstr and "fuzzy" not in e.flags}
        by_msgid = {e.msgid: e.msgstr for e in old if e.msgstr and "fuzzy" not in e.flags}
        po = polib.POFile(wrapwidth=78)
        po.metadata = dict(pot.metadata)
        po.metadata["Language"] = LANG
        po.metadata["Plural-Forms"] = (
            "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && "
            "(n%100<10 || n%100>=20) ? 1 : 2);"
        )
        po.header = pot.header
        for entry in pot:
            msgstr = (
                previous.get((entry.msgctxt, entry.msgid))
                or by_msgid.get(entry.msgid)
                or known.get(entry.msgid)
            )
            new = polib.POEntry(
                msgid=entry.msgid,
                msgctxt=entry.msgctxt,
                msgstr=msgstr or "",
                occurrences=entry.occurrences,
                comment=entry.comment,
                tcomment=entry.tcomment,
                flags=[f for f in entry.flags if f != "fuzzy"],
            )
            po.append(new)
            if not msgstr:
                missing[entry.msgid] = ""
        po.save(str(po_path))
        untranslated = sum(1 for e in po if not e.msgstr)
        print(f"{po_path.relative_to(ROOT)}: {len(po)} entries, {untranslated} untranslated")
    if missing_out:
        Path(missing_out).write_text(json.dumps(missing, ensure_ascii=False, indent=1), encoding="utf-8")
        print(f"{len(missing)} missing terms written to {missing_out}")
    return 1 if missing else 0


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    sub = parser.add_subparsers(dest="command", required=True)
    exp = sub.add_parser("export")
    exp.add_argument("-d", "--database", required=True)
    mrg = sub.add_parser("merge")
    mrg.add_argument("--dict", action="append", default=[], help="JSON file: English -> Russian")
    mrg.add_argument("--missing", help="write the untranslated terms to this JSON file")
    args = parser.parse_args()
    if args.command == "export":
        export(args.database)
        return 0
    return merge(args.dict, args.missing)


if __name__ == "__main__":
    sys.exit(main())
