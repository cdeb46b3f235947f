#!/usr/bin/env python3
"""Take the user guide's screenshots from a running demo database (``make run``).

    python3 scripts/screenshots.py [--url http://localhost:8069] [--db vip_demo]

Logs in as each demo user, opens the pages listed in SHOTS in headless Chromium at desktop
and phone size, and writes PNG files into the modules' static/description/ folders, where
Odoo's app page and readme/USAGE.md show them.
"""

import argparse
import base64
import json
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

import requests
import websocket

ROOT = Path(__file__).resolve().parent.parent
DESKTOP = (1366, 860)
PHONE = (390, 844)

# (file, login, path, size, lang[, selector the page shows once loaded[, element to click
# then, e.g. a group to unfold, and the selector that shows once that is done]])
CLIENTS = "/odoo/action-vip_sales.res_partner_action_vip"
VIEW = ".o_action_manager .o_view_controller:not(:has(.o_view_sample_data))"
SHOTS = [
    (
        "vip_sales/static/description/todays_tasks_phone.png",
        "vip_manager1",
        "/odoo/action-vip_sales.mail_activity_action_vip_today",
        PHONE,
        "ru_RU",
    ),
    ("vip_sales/static/description/clients_kanban_phone.png", "vip_manager1", CLIENTS, PHONE, "ru_RU"),
    (
        "vip_sales/static/description/client_card.png",
        "vip_manager1",
        "/odoo/res.partner/{mebelgrad}",
        DESKTOP,
        "ru_RU",
    ),
    (
        "vip_sales/static/description/store_survey_phone.png",
        "vip_manager1",
        "/odoo/action-vip_sales.vip_share_survey_action",
        PHONE,
        "ru_RU",
    ),
    (
        "vip_sales/static/description/visits_phone.png",
        "vip_manager1",
        "/odoo/action-vip_sales.vip_visit_action",
        PHONE,
        "ru_RU",
    ),
    (
        "vip_sales/static/description/plans_list.png",
        "vip_head",
        "/odoo/action-vip_sales.vip_sales_plan_action",
        DESKTOP,
        "en_US",
        VIEW,
        ".o_group_header",
        ".o_data_row",
    ),
    (
        "vip_sales_report/static/description/overview_head.png",
        "vip_head",
        "/odoo/action-vip_sales_report.vip_overview_action",
        DESKTOP,
        "en_US",
    ),
    (
        "vip_sales_report/static/description/overview_manager_phone.png",
        "vip_manager1",
        "/odoo/action-vip_sales_report.vip_overview_action",
        PHONE,
        "ru_RU",
    ),
    (
        "vip_sales_report/static/description/plan_analysis_pivot.png",
        "vip_head",
        "/odoo/action-vip_sales_report.vip_plan_analysis_action",
        DESKTOP,
        "en_US",
        ".o_pivot .o_pivot_cell_value",
    ),
    (
        "vip_sales_report/static/description/share_analysis_pivot.png",
        "vip_head",
        "/odoo/action-vip_sales_report.vip_share_analysis_action",
        DESKTOP,
        "en_US",
        ".o_pivot .o_pivot_cell_value",
    ),
    (
        "vip_sales_report/static/description/best_sellers.png",
        "vip_head",
        "/odoo/action-vip_sales_report.vip_best_seller_action",
        DESKTOP,
        "en_US",
        VIEW,
        ".o_group_header",
        ".o_data_row",
    ),
    (
        "vip_sales_report/static/description/export_wizard.png",
        "vip_manager1",
        "/odoo/action-vip_sales_report.vip_report_export_action",
        DESKTOP,
        "ru_RU",
        ".modal .o_form_view",
    ),
]


def chromium():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        if shutil.which(name):
            return shutil.which(name)
    raise SystemExit("Chromium is needed: apt-get install chromium")


class Browser:
    def __init__(self):
        self.profile = tempfile.mkdtemp()
        self.proc = subprocess.Popen(
            [
                chromium(),
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--remote-debugging-port=9333",
                f"--user-data-dir={self.profile}",
                "about:blank",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for _ in range(50):
            try:
                pages = requests.get("http://127.0.0.1:9333/json", timeout=1).json()
                break
            except requests.RequestException:
                time.sleep(0.2)
        page = next(p for p in pages if p["type"] == "page")
        self.ws = websocket.create_connection(page["webSocketDebuggerUrl"], timeout=30)
        self.next_id = 0

    def call(self, method, **params):
        self.next_id += 1
        self.ws.send(json.dumps({"id": self.next_id, "method": method, "params": params}))
        while True:
            message = json.loads(self.ws.recv())
            if message.get("id") == self.next_id:
                return message.get("result", {})

    def shot(self, url, cookie, size, out, *, selector=VIEW, click=None, clicked=None):
        width, height = size
        mobile = width < 600
        self.call(
            "Emulation.setDeviceMetricsOverride",
            width=width,
            height=height,
            deviceScaleFactor=1,
            mobile=mobile,
        )
        self.call("Emulation.setTouchEmulationEnabled", enabled=mobile)
        self.call("Network.enable")
        # Only this user's session: no cookie of the previous user (e.g. their language).
        self.call("Network.clearBrowserCookies")
        self.call("Network.setCookie", name="session_id", value=cookie, url=url)
        self.call("Page.navigate", url=url)
        self.wait_for(selector)
        if click:
            self.call("Runtime.evaluate", expression=f"document.querySelector({json.dumps(click)}).click()")
            self.wait_for(clicked)
        data = self.call("Page.captureScreenshot", format="png")["data"]
        out.write_bytes(base64.b64decode(data))

    def wait_for(self, selector, timeout=90):
        """Wait until the web client shows ``selector`` and has stopped loading."""
        script = (
            f"!!document.querySelector({json.dumps(selector)})"
            " && !document.querySelector('.o_loading_indicator')"
        )
        deadline = time.time() + timeout
        while time.time() < deadline:
            if self.call("Runtime.evaluate", expression=script).get("result", {}).get("value"):
                time.sleep(1)  # let images and fonts settle
                return
            time.sleep(0.5)
        raise TimeoutError(f"{selector} did not show within {timeout} s")

    def close(self):
        self.ws.close()
        self.proc.terminate()
        shutil.rmtree(self.profile, ignore_errors=True)


def session(base, db, login, lang):
    s = requests.Session()
    r = s.post(
        f"{base}/web/session/authenticate",
        json={"jsonrpc": "2.0", "params": {"db": db, "login": login, "password": login}},
        timeout=30,
    )
    r.raise_for_status()
    uid = r.json()["result"]["uid"]
    s.post(
        f"{base}/web/dataset/call_kw/res.users/write",
        json={
            "jsonrpc": "2.0",
            "params": {
                "model": "res.users",
                "method": "write",
                "args": [[uid], {"lang": lang}],
                "kwargs": {},
            },
        },
        timeout=30,
    ).raise_for_status()
    return s.cookies["session_id"]


def demo_id(base, db, xmlid):
    """The id of a demo record, read as the administrator."""
    s = requests.Session()
    s.post(
        f"{base}/web/session/authenticate",
        json={"jsonrpc": "2.0", "params": {"db": db, "login": "admin", "password": "admin"}},
        timeout=30,
    ).raise_for_status()
    module, name = xmlid.split(".")
    r = s.post(
        f"{base}/web/dataset/call_kw/ir.model.data/search_read",
        json={
            "jsonrpc": "2.0",
            "params": {
                "model": "ir.model.data",
                "method": "search_read",
                "args": [[("module", "=", module), ("name", "=", name)], ["res_id"]],
                "kwargs": {},
            },
        },
        timeout=30,
    )
    return r.json()["result"][0]["res_id"]


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--url", default="http://localhost:8069")
    parser.add_argument("--db", default="vip_demo")
    args = parser.parse_args()
    browser = Browser()
    try:
        mebelgrad = demo_id(args.url, args.db, "vip_sales.partner_mebelgrad")
        for out, login, path, size, lang, *waits in SHOTS:
            cookie = session(args.url, args.db, login, lang)
            url = f"{args.url}{path.format(mebelgrad=mebelgrad)}"
            options = dict(zip(("selector", "click", "clicked"), waits, strict=False))
            browser.shot(url, cookie, size, ROOT / out, **options)
            print(out)
    finally:
        browser.close()


if __name__ == "__main__":
    main()
