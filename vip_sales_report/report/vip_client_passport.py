from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError


class VipClientPassport(models.AbstractModel):
    """The printable "VIP client passport" a manager takes to a meeting with the client."""

    _name = "report.vip_sales_report.report_vip_client_passport"
    _description = "VIP Client Passport"

    @api.model
    def _get_report_values(self, docids, data=None):
        clients = self.env["res.partner"].browse(docids).commercial_partner_id
        self._vip_check_clients(clients)
        return {
            "doc_ids": clients.ids,
            "doc_model": "res.partner",
            "docs": clients,
            "passports": {client.id: self._vip_passport(client) for client in clients},
        }

    def _vip_check_clients(self, clients):
        """Only VIP clients have a passport, and a manager prints only their own clients'."""
        if not_vip := clients.filtered(lambda client: not client.is_vip):
            raise UserError(
                self.env._(
                    "Only VIP clients have a passport: %(clients)s.",
                    clients=", ".join(not_vip.mapped("display_name")),
                )
            )
        if others := clients._vip_not_own_clients():
            raise AccessError(
                self.env._(
                    "You can only print the passport of your own clients, not of %(clients)s.",
                    clients=", ".join(others.mapped("display_name")),
                )
            )

    def _vip_passport(self, client):
        """What the passport shows of one client. The client is the user's own (or the user
        is the head), so its whole order history is read, whoever the salesperson was."""
        orders = self.env["sale.order"].sudo()
        client_orders = [("partner_id", "child_of", client.id)]
        today = fields.Date.context_today(self)
        year_start = today - relativedelta(years=1)
        sales = (
            self.env["vip.sales.analysis"]
            .sudo()
            ._read_group(
                [("partner_id", "=", client.id), ("date", ">=", year_start)],
                aggregates=["amount_untaxed:sum", "order_id:count_distinct"],
            )[0]
        )
        # The signed contract of the company printing, and what the client owes against it.
        contract = self.env["agreement"].sudo()._vip_signed_contract(client, self.env.company, today)
        return {
            "today": today,
            "contract": contract,
            "contract_credit_used": contract._vip_credit_used() if contract else 0.0,
            "sales_12_months": sales[0],
            "orders_12_months": sales[1],
            "last_orders": orders.search(
                [*client_orders, ("state", "=", "sale")], order="date_order desc", limit=10
            ),
            "open_proposals": orders.search(
                [*client_orders, ("state", "in", ("draft", "sent"))], order="date_order desc"
            ),
            "contacts": client.child_ids.filtered(lambda contact: contact.type == "contact"),
            "plans": self.env["vip.plan.analysis"]
            .sudo()
            .search([("partner_id", "=", client.id), ("date_from", "<=", today), ("date_to", ">=", today)]),
            "stores": self.env["vip.store"].sudo().search([("partner_id", "=", client.id)]),
            "samples": self.env["vip.display.sample"]
            .sudo()
            .search([("partner_id", "=", client.id), ("state", "in", ("ordered", "display"))]),
            "recent_visits": self.env["vip.visit"]
            .sudo()
            .search([("partner_id", "=", client.id), ("state", "=", "done")], order="date desc", limit=5),
            # What to propose for display: the tier's best sellers the client does not buy yet.
            "best_sellers_to_propose": self.env["vip.best.seller"]
            .with_context(vip_client_id=client.id)
            .search(
                [("tier_id", "=", client.vip_tier_id.id), ("client_buys", "=", False)], order="rank", limit=5
            ),
        }
