from datetime import timedelta

from odoo import Command, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from .vip_section_audit import AUDIT_CHECKS

VISIT_KINDS = [("onsite", "Onsite visit"), ("phone", "Phone call"), ("video", "Video call")]
VISIT_STATES = [("planned", "Planned"), ("done", "Done"), ("cancelled", "Cancelled")]
VISIT_RESULTS = [("order", "Order taken"), ("no_order", "No order"), ("info", "Information only")]
CALL_KINDS = ("phone", "video")


class VipVisit(models.Model):
    _name = "vip.visit"
    _description = "Client Visit or Call"
    _inherit = ["mail.thread", "vip.computed.mixin", "vip.visit.checkin.mixin"]
    _order = "date desc, id desc"

    # Changes that the visit's calendar event follows.
    _CALENDAR_FIELDS = frozenset({"partner_id", "store_id", "user_id", "date", "duration", "kind", "state"})
    # What happened stays as it was once the visit is done or cancelled; a cancelled visit is
    # planned again before it moves (a done visit's event may still move in the calendar).
    _PLANNED_FIELDS = frozenset({"partner_id", "kind", "user_id", "trip_id"})
    _CANCELLED_FIELDS = frozenset({"store_id", "date", "duration"})
    # The state each state is reached from, through the visit's buttons.
    _STATE_SOURCES = {"done": "planned", "cancelled": "planned", "planned": "cancelled"}

    partner_id = fields.Many2one(
        "res.partner",
        string="Client",
        required=True,
        index=True,
        tracking=True,
        domain=[("is_vip", "=", True), "|", ("is_company", "=", True), ("parent_id", "=", False)],
    )
    store_id = fields.Many2one(
        "vip.store",
        index="btree_not_null",
        tracking=True,
        domain="[('partner_id', '=', partner_id)]",
        help="The client's store the visit takes place in, if any.",
    )
    partner_phone = fields.Char(related="partner_id.phone", string="Phone")
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
    date = fields.Datetime(required=True, default=fields.Datetime.now, tracking=True)
    duration = fields.Float(string="Duration (hours)", default=1.0)
    kind = fields.Selection(
        VISIT_KINDS,
        required=True,
        default="onsite",
        tracking=True,
    )
    state = fields.Selection(
        VISIT_STATES,
        string="Status",
        default="planned",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
    )
    result = fields.Selection(
        VISIT_RESULTS,
        copy=False,
        tracking=True,
    )
    no_order_reason_id = fields.Many2one(
        "vip.no.order.reason",
        string="No-Order Reason",
        compute="_compute_no_order_reason_id",
        store=True,
        readonly=False,
        copy=False,
        tracking=True,
    )
    needs = fields.Text(
        string="Client Needs", help="What the client needs and can afford: models, volumes, terms."
    )
    competitor_notes = fields.Text(string="Competitor Findings")
    order_ids = fields.One2many("sale.order", "vip_visit_id", string="Orders")
    order_count = fields.Integer(string="Orders Taken", compute="_compute_order_count")
    trip_id = fields.Many2one("vip.trip", string="Business Trip", index="btree_not_null", ondelete="set null")
    calendar_event_id = fields.Many2one("calendar.event", string="In the Calendar", readonly=True, copy=False)
    audit_ids = fields.One2many("vip.section.audit", "visit_id", string="Section Audits")
    execution_points = fields.Integer(
        compute="_compute_execution", store=True, help="Checks passed in the sections audited."
    )
    execution_max_points = fields.Integer(
        compute="_compute_execution", store=True, help="Checks made in the sections audited."
    )
    execution_score = fields.Float(
        string="Execution Score (%)",
        digits=(5, 1),
        compute="_compute_execution",
        store=True,
        aggregator="avg",
        help="Share of the checklist passed in the brand sections audited during the visit.",
    )

    @api.depends("partner_id", "kind")
    def _compute_display_name(self):
        kinds = dict(self._fields["kind"]._description_selection(self.env))
        for visit in self:
            visit.display_name = " · ".join(filter(None, [kinds.get(visit.kind), visit.partner_id.name]))

    @api.depends("result")
    def _compute_no_order_reason_id(self):
        self.filtered(lambda v: v.result != "no_order").no_order_reason_id = False

    @api.depends(*(f"audit_ids.{check}" for check in AUDIT_CHECKS))
    def _compute_execution(self):
        for visit in self:
            visit.execution_points = sum(audit[check] for audit in visit.audit_ids for check in AUDIT_CHECKS)
            visit.execution_max_points = len(visit.audit_ids) * len(AUDIT_CHECKS)
            visit.execution_score = (
                visit.execution_max_points and 100.0 * visit.execution_points / visit.execution_max_points
            )

    def _compute_order_count(self):
        counts = dict(
            self.env["sale.order"]._read_group(
                [("vip_visit_id", "in", self.ids)], ["vip_visit_id"], ["__count"]
            )
        )
        for visit in self:
            visit.order_count = counts.get(visit, 0)

    # The latest audit of a store (store card, share analysis) is read from this index.
    _store_audit_idx = models.Index("(store_id, date DESC, id DESC) WHERE execution_max_points > 0")

    @api.constrains("partner_id")
    def _check_partner_is_client(self):
        for visit in self:
            if visit.partner_id != visit.partner_id.commercial_partner_id:
                raise ValidationError(
                    self.env._(
                        "Log the visit on the client company %(client)s, not on its contact.",
                        client=visit.partner_id.commercial_partner_id.display_name,
                    )
                )

    @api.constrains("partner_id", "store_id")
    def _check_store_of_client(self):
        for visit in self.filtered("store_id"):
            if visit.store_id.partner_id != visit.partner_id:
                raise ValidationError(
                    self.env._(
                        "The store %(store)s is not one of %(client)s's stores.",
                        store=visit.store_id.display_name,
                        client=visit.partner_id.display_name,
                    )
                )

    @api.constrains("state", "result", "no_order_reason_id")
    def _check_done_outcome(self):
        self.filtered(lambda v: v.state == "done")._check_outcome()

    def _check_outcome(self):
        """A visit is done with a result, and with a reason when it ended without an order."""
        for visit in self:
            if not visit.result:
                raise ValidationError(
                    self.env._(
                        "Give the result of %(visit)s before marking it done.", visit=visit.display_name
                    )
                )
            if visit.result == "no_order" and not visit.no_order_reason_id:
                raise ValidationError(
                    self.env._("%(visit)s ended without an order: give the reason.", visit=visit.display_name)
                )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._check_calendar_event_vals(vals)
            self._vip_check_position_vals(vals)
        visits = super().create(vals_list)
        visits._sync_calendar_events()
        # A contact logged once it happened answers the client's due activity too.
        visits.filtered(lambda v: v.state == "done")._close_due_activities()
        return visits

    def write(self, vals):
        self._check_write(vals)
        res = super().write(vals)
        if vals.get("state") == "done":
            self._close_due_activities()
        # A move made in the calendar (vip_visit_sync) is already in the event.
        if self._CALENDAR_FIELDS.intersection(vals) and not self.env.context.get("vip_visit_sync"):
            self._sync_calendar_events()
        return res

    def _check_write(self, vals):
        """The server-side rules of the visit's life, whoever writes: the state moves along the
        buttons only, what happened stays, and the calendar event is the visit's own."""
        self._check_calendar_event_vals(vals)
        self._vip_check_position_vals(vals)
        new_state = vals.get("state")
        if new_state and any(visit.state != self._STATE_SOURCES[new_state] for visit in self):
            raise UserError(
                {
                    "done": self.env._("Only planned visits can be marked done."),
                    "cancelled": self.env._("Only planned visits can be cancelled."),
                    "planned": self.env._("Only cancelled visits can be planned again."),
                }[new_state]
            )
        if self._PLANNED_FIELDS.intersection(vals) and (
            past := self.filtered(lambda v: v.state != "planned")
        ):
            raise UserError(
                self.env._(
                    "%(visit)s is done or cancelled: its client, kind, manager and trip can no longer"
                    " change. Log a new visit instead.",
                    visit=past[0].display_name,
                )
            )
        if self._CANCELLED_FIELDS.intersection(vals) and (
            cancelled := self.filtered(lambda v: v.state == "cancelled")
        ):
            raise UserError(
                self.env._(
                    "%(visit)s is cancelled: plan it again before you change its store, date or duration.",
                    visit=cancelled[0].display_name,
                )
            )

    @api.model
    def _check_calendar_event_vals(self, vals):
        # The visit writes and deletes its event as superuser: no user points it at another one.
        if "calendar_event_id" in vals and not self.env.su:
            raise AccessError(
                self.env._(
                    "The calendar event of a visit follows the visit: change the visit, or move its"
                    " event in the calendar."
                )
            )

    @api.ondelete(at_uninstall=False)
    def _unlink_except_done(self):
        if any(visit.state == "done" for visit in self):
            raise UserError(self.env._("A done visit is part of the client's history: it cannot be deleted."))

    def unlink(self):
        events = self.calendar_event_id
        res = super().unlink()
        events.sudo().unlink()
        return res

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    def action_done(self):
        """Mark planned visits done: they need a result (and a reason when there is no order).

        The open "call due" / "visit due" activity of the client is closed with it.
        """
        # Refused before anything is written; the constraint holds for any other write.
        self._check_outcome()
        return self.write({"state": "done"})

    def action_cancel(self):
        return self.write({"state": "cancelled"})

    def action_plan(self):
        return self.write({"state": "planned"})

    def action_open_done(self):
        """Quick "Done" (kanban, phone): a small dialog that asks for the result."""
        self.ensure_one()
        return self._done_dialog_action()

    def _done_dialog_action(self, **defaults):
        """The "Visit Done" ("Call Done") dialog of this visit, or of a new one with the field
        values ``defaults`` when ``self`` is empty."""
        kind = self.kind or defaults.get("kind")
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Call Done") if kind in CALL_KINDS else self.env._("Visit Done"),
            "res_model": "vip.visit",
            "res_id": self.id,
            "view_mode": "form",
            "views": [(self.env.ref("vip_sales.vip_visit_view_form_done").id, "form")],
            "target": "new",
            "context": {f"default_{name}": value for name, value in defaults.items()},
        }

    def action_start_audit(self):
        """Add the audit of each installed brand section of the visit's store not audited yet."""
        self.ensure_one()
        if self.state == "cancelled":
            raise UserError(
                self.env._("%(visit)s is cancelled: plan it again first.", visit=self.display_name)
            )
        sections = self.store_id.section_ids.filtered(lambda s: s.state == "installed")
        if not sections:
            raise UserError(
                self.env._("Choose the store of the visit: its installed brand sections are audited.")
            )
        self.env["vip.section.audit"].create(
            [
                {"visit_id": self.id, "section_id": section.id}
                for section in sections - self.audit_ids.section_id
            ]
        )
        return True

    def action_new_sample(self):
        """A display sample planned in the visit's store (a dialog, from the store audit)."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("New Display Sample"),
            "res_model": "vip.display.sample",
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
            "context": {"default_store_id": self.store_id.id},
        }

    def action_new_quotation(self):
        """A quotation for the client, linked to this visit."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("New Quotation"),
            "res_model": "sale.order",
            "view_mode": "form",
            "views": [(False, "form")],
            "context": {
                "default_partner_id": self.partner_id.id,
                "default_user_id": self.user_id.id,
                "default_vip_visit_id": self.id,
            },
        }

    def action_view_orders(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("sale.action_orders")
        action.update(
            domain=[("vip_visit_id", "=", self.id)],
            context={"default_partner_id": self.partner_id.id, "default_vip_visit_id": self.id},
        )
        return action

    # ------------------------------------------------------------------
    # Calendar and activities
    # ------------------------------------------------------------------

    def _sync_calendar_events(self):
        """Keep one event in the manager's calendar per onsite visit that is not cancelled.

        The event mirrors the visit, whose own access rules decide who may change it: it is
        written as superuser so that a private calendar of the manager does not block the head.
        """
        in_calendar = self.filtered(lambda v: v.kind == "onsite" and v.state != "cancelled")
        (self - in_calendar).calendar_event_id.sudo().unlink()
        event_model = self.env["calendar.event"].sudo().with_context(no_mail_to_attendees=True)
        for visit in in_calendar.filtered("calendar_event_id"):
            visit.calendar_event_id.with_env(event_model.env).write(
                {
                    **visit._calendar_event_values(),
                    "partner_ids": [Command.link(visit.user_id.partner_id.id)],
                }
            )
        to_create = in_calendar.filtered(lambda v: not v.calendar_event_id)
        if to_create:
            new_events = event_model.create(
                [
                    {
                        **visit._calendar_event_values(),
                        "partner_ids": [Command.set(visit.user_id.partner_id.ids)],
                        "res_model_id": self.env["ir.model"]._get_id(self._name),
                        "res_id": visit.id,
                    }
                    for visit in to_create
                ]
            )
            for visit, event in zip(to_create, new_events, strict=True):
                visit.sudo().calendar_event_id = event

    def _calendar_event_values(self):
        self.ensure_one()
        return {
            "name": self.env._("Visit: %(client)s", client=self.partner_id.name),
            "start": self.date,
            "stop": self.date + timedelta(hours=self.duration or 1.0),
            "allday": False,
            "user_id": self.user_id.id,
            "location": (self.store_id.address_id or self.partner_id)
            .contact_address.replace("\n", ", ")
            .strip(", "),
        }

    def _close_due_activities(self):
        """Close the client's open "call due" or "visit due" activity that this contact answers."""
        call_type = self.env.ref("vip_sales.mail_act_type_vip_call_due")
        visit_type = self.env.ref("vip_sales.mail_act_type_vip_visit_due")
        activities = self.env["mail.activity"].search(
            [
                ("res_model", "=", "res.partner"),
                ("res_id", "in", self.partner_id.ids),
                ("activity_type_id", "in", (call_type | visit_type).ids),
            ]
        )
        for visit in self:
            activity_type = call_type if visit.kind in CALL_KINDS else visit_type
            answered = activities.filtered(
                lambda a, v=visit, t=activity_type: a.res_id == v.partner_id.id and a.activity_type_id == t
            )
            if answered:
                answered.action_feedback(feedback=visit.display_name)
                activities -= answered
