"""Benchmark of the approval of commercial proposals.

Builds VIP proposals inside a transaction, times what grows with their number, prints the
numbers and rolls everything back:

    python3 bench/bench_approval.py -d <database with vip_sales> [--orders 1000] [--lines 5]
"""

from benchlib import bench_parser, rolled_back_env, timed, vip_clients

from odoo.fields import Command


def run(env, orders_count, lines_count):
    env.company.write({"vip_max_discount": 10.0, "vip_max_deferral_days": 30})
    clients = vip_clients(env)
    non_vip = env["res.partner"].create({"name": "Bench walk-in", "is_company": True})
    products = env["product.product"].create(
        [{"name": f"Bench sofa {i}", "list_price": 1000.0 + i} for i in range(lines_count)]
    )
    term = env.ref("account.account_payment_term_30days")

    def order_vals(partner, index):
        return {
            "partner_id": partner.id,
            "payment_term_id": term.id,
            "order_line": [
                Command.create(
                    {"product_id": product.id, "product_uom_qty": 2, "discount": 15.0 if index % 2 else 5.0}
                )
                for product in products
            ],
        }

    orders = env["sale.order"]

    def create_vip():
        nonlocal orders
        orders = env["sale.order"].create(
            [order_vals(clients[i % len(clients)], i) for i in range(orders_count)]
        )
        env.flush_all()

    def create_non_vip():
        env["sale.order"].create([order_vals(non_vip, i) for i in range(orders_count)])
        env.flush_all()

    timed(f"create {orders_count} VIP proposals ({lines_count} lines each)", create_vip, orders_count)
    timed(f"create {orders_count} non-VIP quotations (same lines)", create_non_vip, orders_count)
    needing = orders.filtered("vip_needs_approval")
    print(f"{'proposals needing approval':<58} {len(needing):8d}")

    def recompute():
        # Needs-approval and its reasons are computed where they are read, from a cold cache.
        env.invalidate_all()
        orders.mapped("vip_needs_approval")
        orders.mapped("vip_approval_reasons")

    env.cr.execute("SELECT 1")
    queries_before = env.cr.sql_log_count
    timed("compute needs-approval and reasons of all proposals", recompute, orders_count)
    print(f"{'  queries':<58} {env.cr.sql_log_count - queries_before:8d}")

    def policy_change():
        env.company.vip_max_discount = 20.0
        env.flush_all()

    timed("head raises the maximum discount (open quotations follow)", policy_change, orders_count)
    print(
        f"{'proposals needing approval after the change':<58} {len(orders.filtered('vip_needs_approval')):8d}"
    )

    env.company.vip_max_discount = 10.0
    approved = orders.filtered("vip_needs_approval")[:100]
    approved.sudo().write({"vip_approval_state": "approved"})
    env.flush_all()

    def edit_approved_lines():
        for order in approved:
            order.order_line[:1].product_uom_qty = 3
        env.flush_all()

    timed(
        f"edit a line of {len(approved)} approved proposals (re-approval)", edit_approved_lines, len(approved)
    )
    plain = env["sale.order"].search([("partner_id", "=", non_vip.id)], limit=100)

    def edit_plain_lines():
        for order in plain:
            order.order_line[:1].product_uom_qty = 3
        env.flush_all()

    timed(f"edit a line of {len(plain)} non-VIP quotations", edit_plain_lines, len(plain))
    reopened = approved.filtered(lambda o: o.vip_approval_state == "to_approve")
    print(f"{'re-opened for approval':<58} {len(reopened):8d}")


def main():
    parser = bench_parser(__doc__)
    parser.add_argument("--orders", type=int, default=1000)
    parser.add_argument("--lines", type=int, default=5)
    args = parser.parse_args()
    # Tracking and logging stay on: they are part of what an approval costs.
    with rolled_back_env(args, {"tracking_disable": False, "mail_create_nolog": False}) as env:
        run(env, args.orders, args.lines)


if __name__ == "__main__":
    main()
