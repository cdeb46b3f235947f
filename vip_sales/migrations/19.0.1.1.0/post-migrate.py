"""19.0.1.1.0: one activity type for every request; the proposals, trips and hand-overs awaiting
a decision get their request (the activities move from the document to it). A hand-over waiting
to be accepted gets its checklist, to be confirmed by the receiver."""

from odoo import SUPERUSER_ID, api
from odoo.tools.sql import column_exists


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    activity_type = env.ref("vip_sales.mail_act_type_proposal_approval")
    env["mail.activity"].search(
        [("activity_type_id", "=", activity_type.id), ("res_model", "=", "sale.order")]
    ).unlink()
    activity_type.write({"name": "Decide", "res_model": "vip.approval.request"})
    pending = env["sale.order"].search(
        [("vip_approval_state", "=", "to_approve"), ("state", "in", ("draft", "sent"))]
    )
    pending._vip_open_requests()
    trips = env["vip.trip"].search([("state", "=", "submitted")])
    trips._vip_open_requests()
    handovers = env["vip.handover"].search([("state", "=", "draft")])
    env["mail.activity"].search(
        [
            ("res_model", "=", "vip.handover"),
            ("res_id", "in", handovers.ids),
            ("activity_type_id", "=", env.ref("mail.mail_activity_data_todo").id),
        ]
    ).unlink()
    handovers._vip_fill_checklist()
    handovers.check_ids.filtered(lambda check: check.kind == "promises").write(
        {"note": "Handed over before the checklist existed: see the hand-over's notes."}
    )
    handovers.write({"state": "to_accept"})
    handovers._vip_open_requests()
    # The requests were made by the salesperson and the traveller, not by the upgrade; a
    # proposal keeps the date its terms were submitted on (the report module's old column).
    cr.execute(
        """
        UPDATE vip_approval_request r
           SET requester_id = COALESCE(o.user_id, t.user_id, h.from_user_id)
          FROM vip_approval_request q
          LEFT JOIN sale_order o ON q.res_model = 'sale.order' AND o.id = q.res_id
          LEFT JOIN vip_trip t ON q.res_model = 'vip.trip' AND t.id = q.res_id
          LEFT JOIN vip_handover h ON q.res_model = 'vip.handover' AND h.id = q.res_id
         WHERE r.id = q.id AND r.state = 'pending'
        """
    )
    if column_exists(cr, "sale_order", "vip_approval_requested_date"):
        cr.execute(
            """
            UPDATE vip_approval_request r
               SET requested_date = o.vip_approval_requested_date
              FROM sale_order o
             WHERE r.res_model = 'sale.order' AND o.id = r.res_id AND r.state = 'pending'
               AND o.vip_approval_requested_date IS NOT NULL
            """
        )
    env["vip.approval.request"].invalidate_model()
