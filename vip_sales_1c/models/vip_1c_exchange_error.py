from odoo import fields, models


class Vip1cExchangeError(models.Model):
    _name = "vip.1c.exchange.error"
    _description = "1C Exchange Error"
    _order = "id"
    _check_company_auto = True

    exchange_id = fields.Many2one("vip.1c.exchange", required=True, index=True, ondelete="cascade")
    company_id = fields.Many2one(related="exchange_id.company_id", store=True, index=True)
    file_name = fields.Char(string="File")
    line = fields.Integer(help="Line of the XML file the error comes from.")
    message = fields.Text(string="Error", required=True)
    partner_id = fields.Many2one("res.partner", string="Client", check_company=True, index="btree_not_null")
    order_id = fields.Many2one("sale.order", check_company=True, index="btree_not_null")
