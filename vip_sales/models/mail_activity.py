from datetime import timedelta

from odoo import fields, models
from odoo.exceptions import AccessError, UserError

from ..tools.dates import user_day_start
from .vip_visit import CALL_KINDS

# The tasks of the daily action that a contact answers: the kind of a new contact, and the
# kinds of planned contacts that answer it (vip.visit._close_due_activities closes them).
DUE_CONTACT_KINDS = {
    "vip_sales.mail_act_type_vip_call_due": ("phone", CALL_KINDS),
    "vip_sales.mail_act_type_vip_visit_due": ("onsite", ("onsite",)),
}


class MailActivity(models.Model):
    _inherit = "mail.activity"

    def _action_done(self, feedback=False, attachment_ids=None):
        """The reminder of a request for a decision closes with the decision: "Mark Done" on
        it would close the reminder and decide nothing. Its Approve and Reject buttons decide."""
        pending = self.filtered(lambda activity: activity.res_model == "vip.approval.request")
        if pending and self.env["vip.approval.request"].browse(pending.mapped("res_id")).filtered(
            lambda request: request.state == "pending"
        ):
            raise UserError(
                self.env._("Approve or reject the request: marking its reminder done would decide nothing.")
            )
        return super()._action_done(feedback=feedback, attachment_ids=attachment_ids)

    def action_vip_log_contact(self):
        """Log the call or visit that a "call due" / "visit due" task of a VIP client asks for.

        Opens the "Visit Done" dialog on the client's earliest planned call (or onsite visit) of
        the current user dated today at the latest, or on a new one of the client, of that kind,
        now: a contact planned for a later day is another one. Marking it done closes
        the task. Only the user the task is assigned to logs it.
        """
        self.ensure_one()
        due_types = {self.env.ref(xmlid): kinds for xmlid, kinds in DUE_CONTACT_KINDS.items()}
        kinds = due_types.get(self.activity_type_id)
        if self.res_model != "res.partner" or not kinds:
            raise UserError(
                self.env._(
                    "Only due calls and visits are logged from a task, not “%(type)s”.",
                    type=self.activity_type_id.name,
                )
            )
        if self.user_id != self.env.user:
            raise AccessError(self.env._("Only the person the task is assigned to logs its call or visit."))
        new_kind, planned_kinds = kinds
        visit = self.env["vip.visit"].search(
            [
                ("partner_id", "=", self.res_id),
                ("user_id", "=", self.env.uid),
                ("state", "=", "planned"),
                ("kind", "in", planned_kinds),
                ("date", "<", user_day_start(self.env, fields.Date.context_today(self) + timedelta(days=1))),
            ],
            order="date, id",
            limit=1,
        )
        if visit:
            return visit._done_dialog_action()
        return visit._done_dialog_action(partner_id=self.res_id, kind=new_kind)
