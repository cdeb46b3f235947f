from collections import defaultdict

from odoo import fields, models
from odoo.fields import Domain

from odoo.addons.vip_sales.models.vip_visit import CALL_KINDS

from .vip_report_xlsx import VipColumn


class VipManagerReportXlsx(models.AbstractModel):
    """The manager's periodic report to the head of sales, one sheet per part."""

    _name = "report.vip_sales_report.manager_report_xlsx"
    _inherit = ["report.vip_sales_report.xlsx_base"]
    _description = "VIP Manager's Report (XLSX)"

    def _vip_generate(self, book, scope, records=None):
        self._vip_write_sales(book, scope)
        self._vip_write_contacts(book, scope)
        self._vip_write_findings(book, scope)
        self._vip_write_no_order_reasons(book, scope)
        self._vip_write_proposals(book, scope)
        self._vip_write_refusals(book, scope)
        self._vip_write_trips(book, scope)

    def _vip_write_sales(self, book, scope):
        """Sales by client, grouped by manager, with the manager's and the grand totals."""
        rows = self.env["vip.sales.analysis"]._read_group(
            scope._vip_domain("vip.sales.analysis", "date"),
            ["manager_id", "partner_id", "tier_id"],
            ["order_id:count_distinct", "amount_untaxed:sum", "weight:sum", "volume:sum"],
            order="manager_id, amount_untaxed:sum desc",
        )
        sheet = book.add_sheet(
            self.env._("Sales by Client"),
            [
                VipColumn(self.env._("VIP Manager"), width=24),
                VipColumn(self.env._("Client"), width=32),
                VipColumn(self.env._("VIP Tier"), width=14),
                VipColumn(self.env._("Orders"), "integer"),
                VipColumn(self.env._("Untaxed Amount"), "money", 18),
                VipColumn(self.env._("Share of Sales"), "percent"),
                VipColumn(self.env._("Weight"), "weight", 14),
                VipColumn(self.env._("Volume"), "volume", 14),
            ],
            freeze_cols=2,
        )
        grand_total = sum(amount for __, __, __, __, amount, __, __ in rows)
        groups = defaultdict(list)
        for manager, partner, tier, orders, amount, weight, volume in rows:
            share = amount / grand_total if grand_total else None
            groups[manager.name or self.env._("No manager")].append(
                [partner.name, tier.name, orders, amount, share, weight, volume]
            )
        sheet.write_groups(groups, self.env._("All clients"), self.env._("Total"))
        sheet.close()

    def _vip_write_contacts(self, book, scope):
        """Calls and visits by manager and client: done, planned, cancelled, and their outcome."""
        rows = self.env["vip.visit.analysis"]._read_group(
            scope._vip_domain("vip.visit.analysis", "date", manager_field="user_id"),
            ["user_id", "partner_id", "kind", "state", "result"],
            ["__count", "order_count:sum", "order_amount:sum"],
            order="user_id, partner_id",
        )
        sheet = book.add_sheet(
            self.env._("Calls and Visits"),
            [
                VipColumn(self.env._("VIP Manager"), width=24),
                VipColumn(self.env._("Client"), width=32),
                VipColumn(self.env._("Calls Done"), "integer"),
                VipColumn(self.env._("Visits Done"), "integer"),
                VipColumn(self.env._("Planned"), "integer"),
                VipColumn(self.env._("Cancelled"), "integer"),
                VipColumn(self.env._("Without an Order"), "integer", 12),
                VipColumn(self.env._("Orders Taken"), "integer", 12),
                VipColumn(self.env._("Orders Amount"), "money", 18),
            ],
            freeze_cols=2,
        )
        by_client = defaultdict(lambda: [0, 0, 0, 0, 0, 0, 0.0])
        for user, partner, kind, state, result, count, orders, amount in rows:
            counts = by_client[user, partner]
            if state == "done":
                counts[0 if kind in CALL_KINDS else 1] += count
                counts[4] += count if result == "no_order" else 0
                counts[5] += orders
                counts[6] += amount
            else:
                counts[2 if state == "planned" else 3] += count
        groups = defaultdict(list)
        for (user, partner), counts in by_client.items():
            groups[user.name].append([partner.name, *counts])
        sheet.write_groups(groups, self.env._("All clients"), self.env._("Total"))
        sheet.close()

    def _vip_write_findings(self, book, scope):
        """What the clients need and what the competitors do, as noted in the done contacts."""
        visits = self.env["vip.visit"].search_fetch(
            scope._vip_domain("vip.visit", "date", manager_field="user_id")
            & Domain("state", "=", "done")
            & (Domain("needs", "!=", False) | Domain("competitor_notes", "!=", False)),
            ["date", "user_id", "partner_id", "kind", "needs", "competitor_notes"],
            order="date",
        )
        sheet = book.add_sheet(
            self.env._("Needs and Competitors"),
            [
                VipColumn(self.env._("Date"), "datetime"),
                VipColumn(self.env._("VIP Manager"), width=24),
                VipColumn(self.env._("Client"), width=30),
                VipColumn(self.env._("Kind"), width=14),
                VipColumn(self.env._("Client Needs"), "note"),
                VipColumn(self.env._("Competitor Findings"), "note"),
            ],
        )
        for visit in visits:
            sheet.write_row(
                [
                    self._vip_local(visit.date),
                    visit.user_id.name,
                    visit.partner_id.name,
                    self._vip_selection_label("vip.visit", "kind", visit.kind),
                    visit.needs,
                    visit.competitor_notes,
                ]
            )
        sheet.close()

    def _vip_write_no_order_reasons(self, book, scope):
        """Why contacts ended without an order, by reason and client."""
        rows = self.env["vip.visit.analysis"]._read_group(
            scope._vip_domain("vip.visit.analysis", "date", manager_field="user_id")
            & Domain("state", "=", "done")
            & Domain("result", "=", "no_order"),
            ["no_order_reason_id", "partner_id"],
            ["__count"],
            order="no_order_reason_id, partner_id",
        )
        sheet = book.add_sheet(
            self.env._("No-Order Reasons"),
            [
                VipColumn(self.env._("No-Order Reason"), width=30),
                VipColumn(self.env._("Client"), width=32),
                VipColumn(self.env._("Contacts without an Order"), "integer", 16),
            ],
        )
        groups = defaultdict(list)
        for reason, partner, count in rows:
            groups[reason.name or self.env._("No reason given")].append([partner.name, count])
        sheet.write_groups(groups, self.env._("All clients"), self.env._("Total"))
        sheet.close()

    def _vip_write_trips(self, book, scope):
        """Business trips overlapping the period, with their visits and the orders taken."""
        trips = self.env["vip.trip"].search(
            Domain("date_from", "<=", scope.date_to)
            & Domain("date_to", ">=", scope.date_from)
            & scope._vip_domain("vip.trip", manager_field="user_id", partner_field="partner_ids"),
            order="user_id, date_from",
        )
        sheet = book.add_sheet(
            self.env._("Business Trips"),
            [
                VipColumn(self.env._("VIP Manager"), width=24),
                VipColumn(self.env._("Purpose"), width=30),
                VipColumn(self.env._("Destination"), width=20),
                VipColumn(self.env._("Departure"), "date"),
                VipColumn(self.env._("Return"), "date"),
                VipColumn(self.env._("Status"), width=12),
                VipColumn(self.env._("Clients to Visit"), "note", 40),
                VipColumn(self.env._("Visits Planned"), "integer"),
                VipColumn(self.env._("Visits Done"), "integer"),
                VipColumn(self.env._("Orders Taken"), "integer"),
                VipColumn(self.env._("Orders Amount"), "money", 16),
                VipColumn(self.env._("Budget"), "money", 16),
            ],
        )
        groups = defaultdict(list)
        for trip in trips:
            groups[trip.user_id.name].append(
                [
                    trip.name,
                    trip.destination,
                    trip.date_from,
                    trip.date_to,
                    self._vip_selection_label("vip.trip", "state", trip.state),
                    ", ".join(trip.partner_ids.mapped("name")),
                    trip.visit_count,
                    trip.visit_done_count,
                    trip.order_count,
                    trip.order_amount,
                    trip.budget,
                ]
            )
        sheet.write_groups(groups, self.env._("All trips"), self.env._("Total"))
        sheet.close()

    def _vip_write_proposals(self, book, scope):
        """Proposals dated in the period by manager and client: sent, viewed, approved or
        rejected by the head of sales, confirmed, refused by the client, still open."""
        rows = self.env["vip.proposal.analysis"]._read_group(
            scope._vip_domain("vip.proposal.analysis", "date"),
            ["manager_id", "partner_id", "approval_state", "outcome"],
            ["proposal_count:sum", "sent_count:sum", "viewed_count:sum", "amount_untaxed:sum"],
            order="manager_id, partner_id",
        )
        sheet = book.add_sheet(
            self.env._("Proposals"),
            [
                VipColumn(self.env._("VIP Manager"), width=24),
                VipColumn(self.env._("Client"), width=32),
                VipColumn(self.env._("Proposals"), "integer"),
                VipColumn(self.env._("Sent"), "integer"),
                VipColumn(self.env._("Viewed"), "integer"),
                VipColumn(self.env._("Approved"), "integer"),
                VipColumn(self.env._("Rejected by the Head"), "integer", 12),
                VipColumn(self.env._("Confirmed"), "integer"),
                VipColumn(self.env._("Refused by the Client"), "integer", 12),
                VipColumn(self.env._("Still Open"), "integer"),
                VipColumn(self.env._("Amount"), "money", 16),
                VipColumn(self.env._("Confirmed Amount"), "money", 16),
            ],
            freeze_cols=2,
        )
        by_client = defaultdict(lambda: [0] * 8 + [0.0, 0.0])
        outcomes = {"confirmed": 5, "refused": 6, "open": 7}
        for manager, partner, approval, outcome, count, sent, viewed, amount in rows:
            figures = by_client[manager, partner]
            figures[0] += count
            figures[1] += sent
            figures[2] += viewed
            figures[3] += count if approval == "approved" else 0
            figures[4] += count if approval == "rejected" else 0
            figures[outcomes[outcome]] += count
            figures[8] += amount
            figures[9] += amount if outcome == "confirmed" else 0.0
        groups = defaultdict(list)
        for (manager, partner), figures in by_client.items():
            groups[manager.name or self.env._("No manager")].append([partner.name, *figures])
        sheet.write_groups(groups, self.env._("All clients"), self.env._("Total"))
        sheet.close()

    def _vip_write_refusals(self, book, scope):
        """Proposals of the period refused by the client (reason and comment) or whose special
        terms the head of sales rejected (the head's comment)."""
        refused = self.env["vip.proposal.analysis"].search(
            scope._vip_domain("vip.proposal.analysis", "date")
            & (Domain("outcome", "=", "refused") | Domain("approval_state", "=", "rejected")),
            order="date, id",
        )
        # The last rejection's comment of each proposal; the rows the user may see tell which
        # proposals are read (their salesperson may be someone else, e.g. before a hand-over).
        rejections = {
            approval.order_id.id: approval.comment
            for approval in self.env["vip.approval"]
            .sudo()
            .search(
                [("order_id", "in", refused.order_id.ids), ("decision", "=", "rejected")], order="date, id"
            )
        }
        sheet = book.add_sheet(
            self.env._("Refusals"),
            [
                VipColumn(self.env._("Date"), "date"),
                VipColumn(self.env._("VIP Manager"), width=22),
                VipColumn(self.env._("Client"), width=28),
                VipColumn(self.env._("Proposal"), width=12),
                VipColumn(self.env._("Amount"), "money", 16),
                VipColumn(self.env._("Refused By"), width=16),
                VipColumn(self.env._("Reason"), width=22),
                VipColumn(self.env._("Comment"), "note", 50),
            ],
        )
        client, head = self.env._("Client"), self.env._("Head of Sales")
        for row in refused:
            order = row.order_id.sudo()
            by_client = row.outcome == "refused"
            sheet.write_row(
                [
                    fields.Date.context_today(self, row.date),
                    row.manager_id.name,
                    row.partner_id.name,
                    order.name,
                    row.amount_untaxed,
                    client if by_client else head,
                    row.refusal_reason_id.name if by_client else None,
                    order.vip_refusal_comment if by_client else rejections.get(order.id),
                ]
            )
        sheet.close()
