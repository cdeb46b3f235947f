from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError


class VipHandover(models.Model):
    """The hand-over of a client by its owner (active sales, its VIP manager, or the head) to
    another VIP manager.

    Accepting it is the one controlled exception to "only the head changes a client's owner":
    the receiving manager, who does not own the client yet, accepts it, and the acceptance
    applies the change as superuser once it has checked who gives and who accepts. A prospect
    gets the tier its salesperson proposes; a VIP client keeps its tier (the head changes it).
    """

    _name = "vip.handover"
    _description = "Client Hand-over"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date desc, id desc"
    _check_company_auto = True

    partner_id = fields.Many2one(
        "res.partner",
        string="Client",
        required=True,
        index=True,
        tracking=True,
        check_company=True,
        domain=[("is_company", "=", True)],
    )
    from_user_id = fields.Many2one(
        "res.users",
        string="Handed Over By",
        required=True,
        default=lambda self: self.env.user,
        domain=[("share", "=", False)],
    )
    to_user_id = fields.Many2one(
        "res.users",
        string="VIP Manager",
        required=True,
        index=True,
        tracking=True,
        domain=lambda self: self.env["res.users"]._vip_manager_domain(),
        help="The VIP manager who takes the client over and becomes its owner.",
    )
    tier_id = fields.Many2one("vip.tier", string="VIP Tier", required=True, tracking=True)
    date = fields.Date(string="Hand-over Date", required=True, default=fields.Date.context_today)
    notes = fields.Html(
        string="Agreed Terms and Notes",
        help="What the VIP manager needs to know: agreed terms, key contacts, open quotations, debts.",
    )
    state = fields.Selection(
        [("draft", "To Accept"), ("done", "Accepted")],
        string="Status",
        required=True,
        default="draft",
        readonly=True,
        copy=False,
        tracking=True,
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )

    _one_open_handover = models.UniqueIndex(
        "(partner_id) WHERE state = 'draft'",
        "This client already has a hand-over waiting to be accepted.",
    )

    @api.depends("partner_id", "to_user_id")
    def _compute_display_name(self):
        for handover in self:
            handover.display_name = self.env._(
                "%(client)s to %(manager)s",
                client=handover.partner_id.name or "",
                manager=handover.to_user_id.name or "",
            )

    @api.constrains("to_user_id", "from_user_id", "partner_id", "tier_id")
    def _check_to_user_id(self):
        for handover in self.filtered(lambda h: h.state == "draft"):
            receiver = handover.to_user_id
            if not receiver._has_group("vip_sales.group_vip_manager"):
                raise ValidationError(
                    self.env._(
                        "%(user)s is not a VIP manager: a client is handed over to a VIP manager.",
                        user=receiver.name,
                    )
                )
            if receiver == handover.from_user_id:
                raise ValidationError(
                    self.env._(
                        "A hand-over moves %(client)s to another person: %(user)s cannot hand it "
                        "over to themselves. Choose the VIP manager who takes it over.",
                        client=handover.partner_id.display_name,
                        user=receiver.name,
                    )
                )
            if receiver == handover._vip_owner():
                raise ValidationError(
                    self.env._(
                        "%(user)s already owns %(client)s: choose the VIP manager who takes it over.",
                        client=handover.partner_id.display_name,
                        user=receiver.name,
                    )
                )
            client = handover.partner_id.commercial_partner_id
            if client.is_vip and handover.tier_id != client.vip_tier_id:
                raise ValidationError(
                    self.env._(
                        "%(client)s keeps its tier %(tier)s when it changes hands: only the head of "
                        "sales changes a tier, on the client's card.",
                        client=client.display_name,
                        tier=client.vip_tier_id.name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        handovers = super().create(vals_list)
        handovers._check_can_hand_over()
        for handover in handovers:
            handover.activity_schedule(
                "mail.mail_activity_data_todo",
                user_id=handover.to_user_id.id,
                summary=self.env._("Accept the hand-over of %(client)s", client=handover.partner_id.name),
            )
        return handovers

    def write(self, vals):
        if not self.env.su:
            if "state" in vals:
                raise UserError(self.env._("A hand-over is accepted with its Accept button."))
            if any(handover.state == "done" for handover in self):
                raise UserError(self.env._("An accepted hand-over cannot be changed."))
            if not self.env.user.has_group("vip_sales.group_vip_head") and (
                others := self.filtered(lambda handover: handover.from_user_id != self.env.user)
            ):
                raise AccessError(
                    self.env._(
                        "Only %(user)s, who hands the client over, or the head of sales changes "
                        "this hand-over.",
                        user=others[0].from_user_id.name,
                    )
                )
        result = super().write(vals)
        if {"partner_id", "from_user_id", "tier_id"} & set(vals):
            self._check_can_hand_over()
        return result

    @api.ondelete(at_uninstall=False)
    def _unlink_except_done(self):
        if any(handover.state == "done" for handover in self):
            raise UserError(
                self.env._("An accepted hand-over is the client's history: it cannot be deleted.")
            )

    def _vip_owner(self):
        """Who owns the client now: its VIP manager, or the salesperson of a prospect."""
        self.ensure_one()
        client = self.partner_id.commercial_partner_id
        return client.vip_manager_id if client.is_vip else client.user_id

    def _check_can_hand_over(self):
        """Who gives a client away: its owner (or the head), in his own name, with its tier."""
        if self.env.su:
            return
        for handover in self:
            if handover.from_user_id != self.env.user and not self.env.user.has_group(
                "vip_sales.group_vip_head"
            ):
                raise AccessError(
                    self.env._(
                        "You hand over clients in your own name, not in the name of %(user)s.",
                        user=handover.from_user_id.name,
                    )
                )
            if problem := handover._vip_giver_problem():
                raise AccessError(problem)

    def _vip_giver_problem(self):
        """Why the giving user may not (or no longer) hand the client over, or False: the owner
        of the client or the head of sales gives it."""
        self.ensure_one()
        giver = self.from_user_id
        owner = self._vip_owner()
        if not owner or owner == giver or giver._has_group("vip_sales.group_vip_head"):
            return False
        return self.env._(
            "%(client)s belongs to %(owner)s: only they or the head of sales can hand it over.",
            client=self.partner_id.commercial_partner_id.display_name,
            owner=owner.name,
        )

    def action_accept(self):
        """Accept the hand-over: the client gets its tier, owner and salesperson.

        Only the receiving VIP manager or the head may accept; the changes to the client and
        to its open quotations are then made as superuser, since the receiver does not own
        the client yet.
        """
        self.ensure_one()
        if self.state != "draft":
            raise UserError(self.env._("This hand-over has already been accepted."))
        if self.env.user != self.to_user_id and not self.env.user.has_group("vip_sales.group_vip_head"):
            raise AccessError(
                self.env._(
                    "Only %(manager)s, who takes the client over, or the head of sales can accept "
                    "this hand-over.",
                    manager=self.to_user_id.name,
                )
            )
        # The client may have changed hands or tier since the hand-over was made.
        if problem := self._vip_giver_problem():
            raise UserError(problem)
        self.sudo()._apply()
        return True

    def _apply(self):
        self.ensure_one()
        client = self.partner_id.commercial_partner_id
        if client.is_vip:
            # The head may have changed the tier on the card since: that tier stays.
            self.tier_id = client.vip_tier_id
        client.write(
            {
                "vip_tier_id": self.tier_id.id,
                "vip_manager_id": self.to_user_id.id,
                "vip_since": client.vip_since or self.date,
            }
        )
        quotations = self.env["sale.order"].search(
            [("partner_id", "child_of", client.id), ("state", "in", ("draft", "sent"))]
        )
        quotations.write({"user_id": self.to_user_id.id})
        self.write({"state": "done"})
        self.activity_feedback(["mail.mail_activity_data_todo"], feedback=self.env._("Accepted"))
        body = Markup("<p>%s</p>") % self.env._(
            "Handed over by %(from_user)s to %(to_user)s, tier %(tier)s (%(handover)s); "
            "%(count)s open quotation(s) moved to the new owner.",
            from_user=self.from_user_id.name,
            to_user=self.to_user_id.name,
            tier=self.tier_id.name,
            handover=self._get_html_link(title=self.env._("hand-over")),
            count=len(quotations),
        )
        client.message_post(body=body + (self.notes or ""), subtype_xmlid="mail.mt_note")
