from odoo import api, models


class VipContractReport(models.AbstractModel):
    """The printed supply contract (договор поставки) of a VIP client."""

    _name = "report.vip_sales.report_vip_contract"
    _description = "Printed Supply Contract"

    @api.model
    def _get_report_values(self, docids, data=None):
        contracts = self.env["agreement"].browse(docids)
        # Every way of printing (button, Print menu, URL) comes through here.
        contracts._vip_check_print_access()
        return {"doc_ids": contracts.ids, "doc_model": "agreement", "docs": contracts}
