"""Data and figures of the upgrade test (``scripts/vip test-upgrade``), run by ``odoo shell``.

VIP_UPGRADE_STEP=create (on the released code, demo database): adds records of every kind
through the models as users make them, then writes the figures to VIP_UPGRADE_FIGURES.
VIP_UPGRADE_STEP=check (after ``-u`` with the current code): computes the figures again and
exits non-zero, listing the differences, unless every record and figure survived.

Only fields and actions that both versions have are used: keep it so when models change
(a renamed field gets its migration script, and its new name here).
"""

import json
import os
import sys
from datetime import timedelta

from odoo import Command, fields

# The records counted and compared, field by field (stored business fields).
FIGURES = {
    "res.partner": ["name", "vip_tier_id", "vip_manager_id", "vip_floor_share", "vip_assortment_share"],
    "vip.store": ["name", "partner_id", "total_area", "our_area", "last_survey_id"],
    "vip.share.survey": ["store_id", "date", "our_sku_count", "total_sku_count", "floor_share"],
    "vip.brand.section": ["store_id", "area", "state"],
    "vip.sales.plan": ["user_id", "partner_id", "date_from", "date_to", "target_amount", "actual_amount"],
    "vip.visit": ["partner_id", "date", "kind", "state"],
    "vip.trip": ["name", "destination", "date_from", "date_to", "state"],
    "sale.order": ["name", "partner_id", "state", "vip_approval_state", "amount_untaxed", "amount_total"],
    "sale.order.line": ["order_id", "product_id", "product_uom_qty", "discount", "price_subtotal"],
    "vip.approval": ["res_model", "res_id", "decision", "user_id"],
    "vip.approval.request": ["res_model", "res_id", "state"],
    "vip.proposal.revision": ["order_id", "revision", "amount_total"],
    "vip.product.package": ["name", "code", "discount", "price"],
    "vip.product.package.line": ["package_id", "product_tmpl_id", "quantity"],
    "agreement": ["code", "name", "partner_id", "start_date", "end_date", "vip_state"],
}


def user(env, login, group):
    """A user of ``group`` of its own (the release's demo data may be missing or differ)."""
    return env["res.users"].create(
        {
            "name": login.replace("_", " ").title(),
            "login": login,
            "email": f"{login}@example.com",
            "group_ids": [Command.link(env.ref(group).id)],
        }
    )


def create(env):
    """Records of each kind besides the demo's, made as their users make them."""
    manager = user(env, "upgrade_manager", "vip_sales.group_vip_manager")
    head = user(env, "upgrade_head", "vip_sales.group_vip_head")
    today = fields.Date.today()
    tier = env["vip.tier"].create({"name": "Upgrade Gold", "call_interval_days": 7})
    client = env["res.partner"].create(
        {"name": "Upgrade LLC", "is_company": True, "vip_tier_id": tier.id, "vip_manager_id": manager.id}
    )
    store = (
        env["vip.store"]
        .with_user(manager)
        .create({"partner_id": client.id, "name": "Upgrade Store", "total_area": 500})
    )
    env["vip.brand.section"].with_user(manager).create(
        {
            "store_id": store.id,
            "name": "Upgrade Section",
            "area": 60,
            "state": "installed",
            "date_installed": today,
        }
    )
    env["vip.share.survey"].with_user(manager).create(
        {"store_id": store.id, "our_sku_count": 12, "total_sku_count": 80}
    )
    env["vip.visit"].with_user(manager).create({"partner_id": client.id, "date": fields.Datetime.now()})
    env["vip.trip"].with_user(manager).create(
        {
            "name": "Upgrade trip",
            "destination": "Kazan",
            "date_from": today + timedelta(days=7),
            "date_to": today + timedelta(days=9),
            "partner_ids": [Command.link(client.id)],
        }
    ).action_submit()
    env["vip.sales.plan"].with_user(head).create(
        {
            "user_id": manager.id,
            "partner_id": client.id,
            "date_from": today.replace(day=1),
            "date_to": today.replace(day=28),
            "target_amount": 50000,
        }
    )
    product = env["product.product"].create({"name": "Upgrade Sofa", "type": "consu", "list_price": 900.0})
    env["vip.product.package"].create(
        {
            "name": "Upgrade set",
            "code": "UPG",
            "discount": 5,
            "line_ids": [Command.create({"product_tmpl_id": product.product_tmpl_id.id, "quantity": 2})],
        }
    )
    order = (
        env["sale.order"]
        .with_user(manager)
        .create(
            {
                "partner_id": client.id,
                "order_line": [
                    Command.create({"product_id": product.id, "product_uom_qty": 3, "discount": 25})
                ],
            }
        )
    )
    # Requested, rejected, revised, requested again and approved: every kind of decision.
    order.action_vip_request_approval()
    env["vip.approval.reject"].with_user(head).create(
        {"request_id": order.vip_approval_request_id.id, "comment": "Too deep"}
    ).action_reject()
    order.action_vip_new_revision()
    order.order_line.discount = 15
    order.action_vip_request_approval()
    order.with_user(head).action_vip_approve()
    env["agreement"].with_user(manager).create(
        {
            "code": "ДП-UPG",
            "name": "Upgrade contract",
            "partner_id": client.id,
            "start_date": today,
            "end_date": today + timedelta(days=365),
        }
    )


def figures(env):
    """Every record of the kinds above, by id, with its fields as plain values."""
    result = {}
    for model, fnames in FIGURES.items():
        records = env[model].with_context(active_test=False).search([], order="id")
        rows = records.read([f for f in fnames if f in records._fields])
        result[model] = {
            str(row.pop("id")): {
                key: (value[0] if isinstance(value, tuple) else value) for key, value in row.items()
            }
            for row in rows
        }
    return json.loads(json.dumps(result, default=str))


def main(env):
    step, path = os.environ["VIP_UPGRADE_STEP"], os.environ["VIP_UPGRADE_FIGURES"]
    if step == "create":
        create(env)
        env.cr.commit()
        with open(path, "w", encoding="utf-8") as file:
            json.dump(figures(env), file, indent=1, sort_keys=True)
        counts = ", ".join(f"{model}: {len(rows)}" for model, rows in figures(env).items())
        print(f"[upgrade] created and recorded: {counts}")
        return
    with open(path, encoding="utf-8") as file:
        before = json.load(file)
    after = figures(env)
    differences = []
    for model, rows in before.items():
        for rid, values in rows.items():
            now = after.get(model, {}).get(rid)
            if now is None:
                differences.append(f"{model} {rid} is gone")
                continue
            for fname, value in values.items():
                if fname in now and now[fname] != value:
                    differences.append(f"{model} {rid} {fname}: {value!r} -> {now[fname]!r}")
    for difference in differences:
        print(f"[upgrade] {difference}")
    total = sum(len(rows) for rows in before.values())
    print(f"[upgrade] {total} records checked, {len(differences)} differences")
    sys.exit(1 if differences else 0)


main(env)  # noqa: F821 - odoo shell gives ``env``
