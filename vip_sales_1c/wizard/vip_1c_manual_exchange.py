import base64
import io

from odoo import fields, models
from odoo.exceptions import UserError


class Vip1cManualExchange(models.TransientModel):
    """The exchange with 1C by hand, for a company whose 1C cannot reach Odoo: the files 1C
    writes (Обмен с сайтом ▸ выгрузка в каталог) are uploaded here and imported by the very
    code of the HTTP exchange; the orders are downloaded as the file 1C loads."""

    _name = "vip.1c.manual.exchange"
    _description = "Manual Exchange with 1C"

    catalog_file = fields.Binary(string="Catalog (import.xml)")
    catalog_file_name = fields.Char()
    offers_file = fields.Binary(string="Prices and Stock (offers.xml)")
    offers_file_name = fields.Char()
    orders_file = fields.Binary(string="Orders for 1C", readonly=True)
    orders_file_name = fields.Char(readonly=True)

    def action_import(self):
        """Import the uploaded files, the catalog first; open the log of the exchange."""
        self.ensure_one()
        files = [
            (name or default, data)
            for name, data, default in (
                (self.catalog_file_name, self.catalog_file, "import.xml"),
                (self.offers_file_name, self.offers_file, "offers.xml"),
            )
            if data
        ]
        if not files:
            raise UserError(self.env._("Upload the catalog or the offers file of 1C first."))
        exchange = self.env["vip.1c.exchange"]._open(self.env.user, "catalog", manual=True)
        for name, data in files:
            exchange._receive_chunk(name, io.BytesIO(base64.b64decode(data)))
            if exchange._import(name)[0] == "failure":
                break  # the log says why; what follows needs what failed
        return exchange._action_open()

    def action_export_orders(self):
        """The orders to send to 1C as a file; they count as sent once downloaded."""
        self.ensure_one()
        exchange = self.env["vip.1c.exchange"]._open(self.env.user, "sale", manual=True)
        orders = exchange._orders()
        xml = orders._export(exchange)
        orders._confirm_sent(exchange)
        exchange._finish()
        self.write({"orders_file": base64.b64encode(xml), "orders_file_name": "orders.xml"})
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "new",
        }
