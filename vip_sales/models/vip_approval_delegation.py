from odoo import api, fields, models
from odoo.exceptions import AccessError, ValidationError


class VipApprovalDelegation(models.Model):
    """A head of sales away names a stand-in for a period: the requests that would go to the
    head go to the stand-in during it, and back to the head after it."""

    _name = "vip.approval.delegation"
    _description = "Stand-in of a Head of Sales"
    _order = "date_from desc, id desc"
    _check_company_auto = True

    user_id = fields.Many2one(
        "res.users",
        string="Head of Sales",
        required=True,
        index=True,
        default=lambda self: self.env.user,
        domain=lambda self: [("group_ids", "in", self.env.ref("vip_sales.group_vip_head").ids)],
    )
    delegate_id = fields.Many2one(
        "res.users",
        string="Stand-in",
        required=True,
        domain=[("share", "=", False)],
        help="Decides in the head's place during the period.",
    )
    date_from = fields.Date(string="From", required=True, default=fields.Date.context_today)
    date_to = fields.Date(string="To", required=True)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    note = fields.Char()

    _check_dates = models.Constraint(
        "CHECK(date_from <= date_to)", "A stand-in's period cannot end before it starts."
    )

    @api.constrains("user_id", "delegate_id", "date_from", "date_to", "company_id")
    def _check_delegation(self):
        for delegation in self:
            if delegation.delegate_id == delegation.user_id:
                raise ValidationError(self.env._("A head of sales names someone else as stand-in."))
            if not delegation.delegate_id._has_group("vip_sales.group_vip_manager"):
                raise ValidationError(
                    self.env._(
                        "%(user)s is not in VIP Sales: a stand-in decides on VIP proposals and trips.",
                        user=delegation.delegate_id.name,
                    )
                )
            overlapping = self.search_count(
                [
                    ("id", "!=", delegation.id),
                    ("user_id", "=", delegation.user_id.id),
                    ("company_id", "=", delegation.company_id.id),
                    ("date_from", "<=", delegation.date_to),
                    ("date_to", ">=", delegation.date_from),
                ]
            )
            if overlapping:
                raise ValidationError(
                    self.env._(
                        "%(user)s already has a stand-in for part of this period.",
                        user=delegation.user_id.name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        delegations = super().create(vals_list)
        delegations._check_own()
        delegations._reroute()
        return delegations

    def write(self, vals):
        self._check_own()
        res = super().write(vals)
        self._check_own()
        self._reroute()
        return res

    def unlink(self):
        self._check_own()
        companies = self.company_id
        res = super().unlink()
        self.env["vip.approval.request"].sudo().search(
            [("state", "=", "pending"), ("company_id", "in", companies.ids)]
        )._vip_route()
        return res

    def _check_own(self):
        """A head names his own stand-in; the sales director names anyone's."""
        if self.env.su or self.env.user.has_group("vip_sales.group_vip_director"):
            return
        if any(delegation.user_id != self.env.user for delegation in self):
            raise AccessError(
                self.env._("You name a stand-in for yourself only; the sales director names others'.")
            )

    def _reroute(self):
        self.env["vip.approval.request"].sudo().search(
            [("state", "=", "pending"), ("company_id", "in", self.company_id.ids)]
        )._vip_route()

    @api.model
    def _vip_active(self, company, date=None):
        """The delegations of ``company`` in force on ``date`` (today)."""
        day = date or fields.Date.context_today(self)
        return self.search(
            [("company_id", "=", company.id), ("date_from", "<=", day), ("date_to", ">=", day)]
        )

    @api.model
    def _vip_stand_ins(self, heads, company):
        """``{head: stand-in}`` for the heads of ``heads`` away today."""
        return {
            delegation.user_id: delegation.delegate_id
            for delegation in self.sudo()._vip_active(company)
            if delegation.user_id in heads
        }
