from datetime import datetime, time, timedelta

import pytz

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError


class VipTrip(models.Model):
    _name = "vip.trip"
    _description = "Business Trip"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date_from desc, id desc"

    # The request the head approves: it can only change while the trip is a draft.
    _REQUEST_FIELDS = frozenset(
        {"name", "user_id", "company_id", "destination", "date_from", "date_to", "partner_ids", "budget"}
    )
    _NOTES_STATES = frozenset({"draft", "approved", "done"})
    _TRANSITIONS = {
        "draft": {"submitted"},
        "submitted": {"approved", "refused"},
        "refused": {"draft"},
        "approved": {"done"},
        "done": set(),
    }

    name = fields.Char(string="Purpose", required=True, tracking=True)
    user_id = fields.Many2one(
        "res.users",
        string="VIP Manager",
        required=True,
        index=True,
        tracking=True,
        default=lambda self: self.env.user,
        domain=lambda self: self.env["res.users"]._vip_manager_domain(),
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    destination = fields.Char(required=True, tracking=True)
    date_from = fields.Date(string="From", required=True, tracking=True)
    date_to = fields.Date(string="To", required=True, tracking=True)
    partner_ids = fields.Many2many(
        "res.partner",
        string="Clients to Visit",
        domain=[("is_vip", "=", True), "|", ("is_company", "=", True), ("parent_id", "=", False)],
    )
    budget = fields.Monetary(
        tracking=True, help="Expected cost of the trip: travel, lodging, daily allowance."
    )
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("submitted", "Submitted"),
            ("approved", "Approved"),
            ("refused", "Refused"),
            ("done", "Done"),
        ],
        string="Status",
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
    )
    approved_by_id = fields.Many2one(
        "res.users",
        string="Reviewed By",
        readonly=True,
        copy=False,
        tracking=True,
        help="The head of sales who approved or refused the trip.",
    )
    refusal_comment = fields.Text(
        copy=False, tracking=True, help="Why the head of sales refuses the trip: required to refuse it."
    )
    can_review = fields.Boolean(
        string="Can Decide",
        compute="_compute_can_review",
        help="The current user is a head of sales who may decide on this trip.",
    )
    visit_ids = fields.One2many("vip.visit", "trip_id", string="Visits")
    notes = fields.Html(string="Trip Notes", help="What came out of the trip, for the head of sales.")
    visit_count = fields.Integer(string="Visits Planned", compute="_compute_report")
    visit_done_count = fields.Integer(string="Visits Done", compute="_compute_report")
    order_count = fields.Integer(string="Orders Taken", compute="_compute_report")
    installed_section_ids = fields.Many2many(
        "vip.brand.section",
        string="Sections Installed",
        compute="_compute_installed_section_ids",
        help="Brand sections installed in the stores of the trip's clients during the trip.",
    )
    order_amount = fields.Monetary(
        string="Orders Amount",
        compute="_compute_report",
        help="Untaxed amount, in company currency, of the confirmed orders taken in the trip's visits.",
    )

    _check_dates = models.Constraint("CHECK(date_from <= date_to)", "A trip cannot end before it starts.")
    _check_budget = models.Constraint("CHECK(budget >= 0)", "The budget of a trip cannot be negative.")

    @api.depends("user_id")
    @api.depends_context("uid")
    def _compute_can_review(self):
        is_head = self.env.user.has_group("vip_sales.group_vip_head")
        for trip in self:
            trip.can_review = is_head and trip.user_id != self.env.user

    def _compute_report(self):
        visits = self.env["vip.visit"]._read_group(
            [("trip_id", "in", self.ids)], ["trip_id", "state"], ["__count"]
        )
        orders_domain = [("vip_visit_id.trip_id", "in", self.ids), ("state", "=", "sale")]
        order_counts = dict(
            self.env["sale.order"]._read_group(orders_domain, ["vip_visit_id.trip_id"], ["__count"])
        )
        amounts = self.env["sale.order"]._vip_untaxed_amounts(orders_domain, ["vip_visit_id.trip_id"])
        for trip in self:
            trip_visits = {state: count for visit_trip, state, count in visits if visit_trip == trip}
            trip.visit_count = sum(trip_visits.values()) - trip_visits.get("cancelled", 0)
            trip.visit_done_count = trip_visits.get("done", 0)
            trip.order_count = order_counts.get(trip, 0)
            trip.order_amount = amounts.get((trip,), 0.0)

    @api.depends("partner_ids", "date_from", "date_to")
    def _compute_installed_section_ids(self):
        trips = self.filtered(lambda t: t.partner_ids and t.date_from and t.date_to)
        sections = self.env["vip.brand.section"]
        if trips:
            sections = sections.search(
                [
                    ("partner_id", "in", trips.partner_ids.ids),
                    ("date_installed", ">=", min(trips.mapped("date_from"))),
                    ("date_installed", "<=", max(trips.mapped("date_to"))),
                ]
            )
        for trip in self:
            trip.installed_section_ids = sections.filtered(
                lambda s, t=trip: (
                    s.partner_id in t.partner_ids and t.date_from <= s.date_installed <= t.date_to
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        # A trip starts as a draft; only trusted code (demo data, imports) records past decisions.
        if not self.env.su and any(
            vals.get("state", "draft") != "draft" or vals.get("approved_by_id") for vals in vals_list
        ):
            raise AccessError(
                self.env._("A business trip starts as a draft and follows its approval workflow.")
            )
        return super().create(vals_list)

    def write(self, vals):
        vals = self._check_write(vals)
        return super().write(vals)

    def _check_write(self, vals):
        """The server-side rules of the trip's workflow; returns the values to write.

        The request changes only in draft; the state moves only along the workflow; a head of
        sales who is not the trip's manager approves or refuses it, with a comment to refuse.
        """
        if self._REQUEST_FIELDS.intersection(vals) and any(trip.state != "draft" for trip in self):
            raise UserError(
                self.env._("Only a draft trip can be changed. A refused trip can be reset to draft.")
            )
        if "notes" in vals and any(trip.state not in self._NOTES_STATES for trip in self):
            raise UserError(
                self.env._("The notes of a trip cannot be changed while it waits for a decision.")
            )
        if "approved_by_id" in vals:
            raise AccessError(
                self.env._("The reviewer of a trip is set when the head of sales decides on it.")
            )
        if "refusal_comment" in vals:
            self._check_reviewer()
        new_state = vals.get("state")
        if not new_state:
            return vals
        for trip in self:
            if new_state not in self._TRANSITIONS[trip.state]:
                states = dict(self._fields["state"]._description_selection(self.env))
                raise UserError(
                    self.env._(
                        "Trip %(trip)s cannot go from %(old)s to %(new)s.",
                        trip=trip.display_name,
                        old=states[trip.state],
                        new=states[new_state],
                    )
                )
        if new_state == "submitted" and any(not trip.partner_ids for trip in self):
            raise UserError(self.env._("Add the clients you will visit before submitting the trip."))
        if new_state in ("approved", "refused"):
            self._check_reviewer()
            if new_state == "refused" and not all(
                vals.get("refusal_comment", trip.refusal_comment) for trip in self
            ):
                raise UserError(self.env._("Explain in the refusal comment why the trip is refused."))
            vals = {**vals, "approved_by_id": self.env.uid}
        return vals

    def _check_reviewer(self):
        if not self.env.user.has_group("vip_sales.group_vip_head"):
            raise AccessError(self.env._("Only the head of sales approves or refuses business trips."))
        if any(trip.user_id == self.env.user for trip in self):
            raise UserError(
                self.env._("You cannot decide on your own business trip: another head of sales does.")
            )
        if any(trip.state != "submitted" for trip in self):
            raise UserError(self.env._("Only a submitted trip awaits a decision."))

    @api.ondelete(at_uninstall=False)
    def _unlink_except_draft(self):
        if any(trip.state not in ("draft", "refused") for trip in self):
            raise UserError(self.env._("Only draft or refused trips can be deleted."))

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    def action_submit(self):
        return self.write({"state": "submitted"})

    def action_approve(self):
        """Approve the trips and plan an onsite visit of each of their clients (with its event)."""
        self.write({"state": "approved"})
        self._create_visits()
        return True

    def action_refuse(self):
        """Refuse the trips; the reason is their refusal comment."""
        return self.write({"state": "refused"})

    def action_draft(self):
        return self.write({"state": "draft"})

    def action_done(self):
        return self.write({"state": "done"})

    def action_view_visits(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("vip_sales.vip_visit_action")
        action.update(
            domain=[("trip_id", "=", self.id)],
            context={"default_trip_id": self.id, "default_user_id": self.user_id.id},
        )
        return action

    def _create_visits(self):
        """One planned onsite visit per client not visited yet on the trip, spread over its days.

        Clients are dealt out over the days of the trip, from 10:00 (the manager's time) every
        two hours: the manager moves them as the meetings are agreed.
        """
        values = []
        for trip in self:
            tz = pytz.timezone(trip.user_id.tz or "UTC")
            days = (trip.date_to - trip.date_from).days + 1
            clients = trip.partner_ids - trip.visit_ids.partner_id
            for index, client in enumerate(clients):
                day = trip.date_from + timedelta(days=index % days)
                local_start = tz.localize(datetime.combine(day, time(10 + (2 * (index // days)) % 12)))
                values.append(
                    {
                        "trip_id": trip.id,
                        "partner_id": client.id,
                        "user_id": trip.user_id.id,
                        "company_id": trip.company_id.id,
                        "kind": "onsite",
                        "date": local_start.astimezone(pytz.utc).replace(tzinfo=None),
                    }
                )
        return self.env["vip.visit"].create(values)
