import datetime

from markupsafe import Markup

from odoo import fields, models
from odoo.tools import format_date
from odoo.tools.translate import LazyGettext, get_translation

from odoo.addons.mail.tools.discuss import Store


class RecordText:
    """A translatable field of a record as an argument of a message: read in the reader's
    language (a tier's name, a selection's label...)."""

    def __init__(self, record, field_name):
        self.spec = {"f": [record._name, record.id, field_name]}


def message_spec(part):
    """The JSON form of a part of a message: a lazy translation with its arguments, or markup
    written as is (what a user typed)."""
    if isinstance(part, LazyGettext):
        args = part._args
        return {
            "s": part._source,
            "m": part._module,
            "a": {name: message_spec(value) for name, value in args.items()}
            if isinstance(args, dict)
            else [message_spec(value) for value in args],
        }
    if isinstance(part, RecordText):
        return part.spec
    if isinstance(part, Markup):
        return {"h": str(part)}
    if isinstance(part, datetime.date):
        return {"d": fields.Date.to_string(part)}
    return part


class MailMessage(models.Model):
    _inherit = "mail.message"

    # What the modules wrote, kept to be written again in each reader's language.
    vip_body_spec = fields.Json(string="Text for Each Reader", copy=False, readonly=True)

    def _vip_render(self, spec, lang):
        if isinstance(spec, list):  # the paragraphs of a body; markup as it was typed
            return Markup().join(
                self._vip_render(part, lang)
                if "h" in part
                else Markup("<p>%s</p>") % self._vip_render(part, lang)
                for part in spec
            )
        if not isinstance(spec, dict):
            return spec
        if "h" in spec:
            return Markup(spec["h"])
        if "d" in spec:
            return format_date(self.with_context(lang=lang).env, spec["d"])
        if "f" in spec:
            model, res_id, field_name = spec["f"]
            # sudo: the name was in the message the reader may read; only its language changes
            return self.env[model].sudo().with_context(lang=lang).browse(res_id).exists()[field_name] or ""
        args = spec["a"]
        if isinstance(args, dict):
            args = {name: self._vip_render(value, lang) for name, value in args.items()}
        else:
            args = tuple(self._vip_render(value, lang) for value in args)
        return get_translation(spec["m"], lang, spec["s"], args)

    def _vip_reader_body(self):
        if not self.vip_body_spec:
            return self.body
        return self._vip_render(self.vip_body_spec, self.env.lang or self.env.user.lang or "en_US")

    def _to_store(self, store: Store, fields, **kwargs):
        if "body" in fields and any(self.mapped("vip_body_spec")):
            fields = [
                Store.Attr("body", lambda m: m._vip_reader_body()) if f == "body" else f for f in fields
            ]
        return super()._to_store(store, fields, **kwargs)
