from odoo import models

from .mail_message import message_spec


class MailThread(models.AbstractModel):
    _inherit = "mail.thread"

    def _get_message_create_valid_field_names(self):
        return super()._get_message_create_valid_field_names() | {"vip_body_spec"}

    def _vip_message_post(self, *parts, partner_ids=None, subtype_xmlid="mail.mt_note"):
        """Post a message (a note by default) of the modules that each reader reads in his own
        language, not in the language of whoever acted: ``parts`` are its paragraphs, lazy
        translations (``_lt``) whose arguments may be records' translatable fields
        (``RecordText``), dates, markup as a user typed it, or nested lazy translations."""
        self.ensure_one()
        spec = [message_spec(part) for part in parts if part]
        return self.message_post(
            body=self.env["mail.message"]._vip_render(spec, self.env.lang or "en_US"),
            partner_ids=partner_ids or [],
            subtype_xmlid=subtype_xmlid,
            vip_body_spec=spec,
        )
