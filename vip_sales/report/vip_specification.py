from odoo import api, models
from odoo.exceptions import UserError


class VipSpecificationReport(models.AbstractModel):
    """The specification (спецификация) of an order: the appendix of its supply contract.

    An order awaiting the approval of its special terms is refused before this is reached
    (``ir.actions.report._vip_check_printable``), as for every client document of an order.
    """

    _name = "report.vip_sales.report_vip_specification"
    _description = "Specification to the Supply Contract"

    @api.model
    def _get_report_values(self, docids, data=None):
        orders = self.env["sale.order"].browse(docids)
        if without := orders.filtered(lambda order: not order.agreement_id):
            raise UserError(
                self.env._(
                    "A specification is printed for an order under a supply contract; %(orders)s has none.",
                    orders=", ".join(without.mapped("name")),
                )
            )
        return {"doc_ids": orders.ids, "doc_model": "sale.order", "docs": orders}
