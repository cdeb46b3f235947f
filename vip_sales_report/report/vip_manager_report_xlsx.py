from collections import defaultdict

from odoo import fields, models
from odoo.fields import Domain

from .vip_report_xlsx import VipColumn


class VipManagerReportXlsx(models.AbstractModel):
    """The manager's periodic report to the head of sales, one sheet per part."""

    _name = "report.vip_sales_report.manager_report_xlsx"
    _inherit = ["report.vip_sales_report.xlsx_base"]
    _description = "VIP Manager's Report (XLSX)"

    def _vip_generate(self, book, scope, records=None):
        self._vip_write_sales(book, scope)
        self._vip_write_proposals(book, scope)
        self._vip_write_refusals(book, scope)

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
                VipColumn(self.env._("Open"), "integer"),
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
