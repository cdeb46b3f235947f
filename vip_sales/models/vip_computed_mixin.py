from odoo import api, models
from odoo.exceptions import AccessError


class VipComputedMixin(models.AbstractModel):
    """Computed fields that users read but never enter, whatever the client sends.

    The ORM writes a computed field without inverse when it is given (over RPC, say), and a
    stored one keeps the value until its dependencies change: a share or an area would then
    lie in every report. Models inheriting this mixin refuse such values from users; computed
    fields that may be edited (``readonly=False``) are left to their models' own rules. On a
    core model that inherits it (sale.order, res.partner, ...), only the fields that these
    add-ons define are guarded: Odoo's own fields keep Odoo's behaviour.
    """

    _name = "vip.computed.mixin"
    _description = "Computed Fields Refused from Users"

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._vip_check_computed_fields(vals)
        return super().create(vals_list)

    def write(self, vals):
        self._vip_check_computed_fields(vals)
        return super().write(vals)

    @api.model
    def _vip_check_computed_fields(self, vals):
        if self.env.su:
            return
        computed = [
            field
            for name in vals
            if (field := self._fields.get(name))
            and field.compute
            and field.readonly
            and (field._module or "").startswith("vip_sales")
        ]
        if computed:
            raise AccessError(
                self.env._(
                    "These fields are computed, not entered: %(fields)s. Change the data they are"
                    " computed from instead.",
                    fields=", ".join(field._description_string(self.env) for field in computed),
                )
            )
