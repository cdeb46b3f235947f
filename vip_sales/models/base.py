import babel.dates

from odoo import api, models
from odoo.tools import get_lang


class Base(models.AbstractModel):
    _inherit = "base"

    @api.model
    def _web_read_group_groupby_formatter(self, groupby_spec, values):
        """A month of a pivot or a grouped list is named as a month: «Апрель 2026», not Odoo's
        «апреля 2026» (the genitive, "of April", that Russian uses inside a date). Babel's
        standalone month ("LLLL") is the same word as "MMMM" in English."""
        formatter = super()._web_read_group_groupby_formatter(groupby_spec, values)
        if not groupby_spec.endswith(":month"):
            return formatter
        locale = get_lang(self.env).code

        def formatter_standalone_month(value):
            result, domain = formatter(value)
            if not value:
                return result, domain
            key, _label = result
            label = babel.dates.format_date(value, format="LLLL yyyy", locale=locale)
            return (key, label[:1].upper() + label[1:]), domain

        return formatter_standalone_month
