from odoo import models


class CalendarEvent(models.Model):
    _inherit = "calendar.event"

    def write(self, vals):
        res = super().write(vals)
        if {"start", "stop"} & set(vals) and not self.env.context.get("vip_visit_sync"):
            self._vip_move_visits()
        return res

    def _vip_move_visits(self):
        """A visit's event moved in the calendar moves the visit: its date and duration follow.

        The visit is written with the rights of whoever moves the event, so that somebody who may
        not change the visit cannot move it through the calendar either.
        """
        # A visit's event points at its visit (vip.visit._sync_calendar_events): other events
        # of the calendar, which most moves are, cost no query.
        for event in self.sudo().filtered(lambda event: event.res_model == "vip.visit" and event.res_id):
            visit = self.env["vip.visit"].browse(event.res_id)
            visit.with_context(vip_visit_sync=True).write(
                {"date": event.start, "duration": (event.stop - event.start).total_seconds() / 3600}
            )
