from collections import defaultdict

from odoo import Command, api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.fields import Domain
from odoo.tools.misc import format_date

from ..models.vip_report_dispatch import XLSX_MIMETYPE

XLSX_REPORT = "vip_sales_report.action_report_vip_price_sheet_xlsx"
PDF_REPORT = "vip_sales_report.action_report_vip_price_sheet"


class VipPriceSheet(models.TransientModel):
    """A VIP client's prices and our stock: the products of its tier's assortment (what the
    VIP clients of the tier bought in the last 365 days) or of chosen categories, at the
    client's pricelist, with the free quantity of the company's main warehouse and, when
    none is free, the day it comes. Downloaded as XLSX, printed as PDF or attached to an
    info letter.

    The record is what both reports print: ``_vip_sheet()`` checks the user may make the
    client's sheet, whichever path asked for it.
    """

    _name = "vip.price.sheet"
    _description = "VIP Price and Stock Sheet"

    # === FIELDS === #

    partner_id = fields.Many2one(
        "res.partner",
        string="Client",
        required=True,
        domain=[("is_vip", "=", True), ("is_company", "=", True)],
    )
    source = fields.Selection(
        selection=[("tier", "Tier Assortment"), ("categories", "Product Categories")],
        string="Products",
        required=True,
        default="tier",
        help="Tier Assortment: the products that the VIP clients of the client's tier bought in "
        "the last 365 days. Product Categories: every product of the chosen categories.",
    )
    categ_ids = fields.Many2many("product.category", string="Product Categories")
    company_id = fields.Many2one("res.company", required=True, default=lambda self: self.env.company)
    pricelist_id = fields.Many2one(
        "product.pricelist",
        compute="_compute_pricelist_id",
        help="The client's pricelist; without one, the company's default pricelist (or the "
        "sales prices when the company uses no pricelist).",
    )
    warehouse_id = fields.Many2one("stock.warehouse", compute="_compute_warehouse_id")
    file_name = fields.Char(compute="_compute_file_name")

    # === COMPUTE METHODS === #

    @api.depends("partner_id", "company_id")
    def _compute_pricelist_id(self):
        for sheet in self:
            # Odoo's own choice: the client's pricelist, else the company's default one.
            sheet.pricelist_id = sheet.partner_id.with_company(sheet.company_id).property_product_pricelist

    @api.depends("company_id")
    def _compute_warehouse_id(self):
        for sheet in self:
            sheet.warehouse_id = self.env["stock.warehouse"].search(
                [("company_id", "=", sheet.company_id.id)], limit=1
            )

    @api.depends("partner_id")
    def _compute_file_name(self):
        today = fields.Date.context_today(self)
        for sheet in self:
            sheet.file_name = self.env._(
                "Prices and Stock %(client)s %(date)s", client=sheet.partner_id.name or "", date=today
            )

    # === ACTION METHODS === #

    def action_download_xlsx(self):
        self.ensure_one()
        self._vip_check_access()
        return self.env.ref(XLSX_REPORT).report_action(self, config=False)

    def action_print_pdf(self):
        self.ensure_one()
        self._vip_check_access()
        return self.env.ref(PDF_REPORT).report_action(self, config=False)

    def action_attach_to_info_letter(self):
        """The info-letter composer of the client, with the sheet's workbook attached."""
        self.ensure_one()
        self._vip_check_access()
        content, __ = self.env["ir.actions.report"]._render(XLSX_REPORT, self.ids)
        # Unlinked like the composer's own uploads: the creator reads it, the mail copies it.
        attachment = self.env["ir.attachment"].create(
            {
                "name": f"{self.file_name}.xlsx",
                "raw": content,
                "mimetype": XLSX_MIMETYPE,
                "res_model": "mail.compose.message",
                "res_id": 0,
            }
        )
        action = self.partner_id.action_vip_send_info_letter()
        action["context"] = {**action["context"], "default_attachment_ids": [Command.set(attachment.ids)]}
        return action

    # === BUSINESS METHODS === #

    def _vip_check_access(self):
        """Only a VIP client has a sheet, made by its VIP manager or the head of sales.

        :raise UserError: the partner is no VIP client, or no category is chosen
        :raise AccessError: the client is another manager's
        """
        for sheet in self:
            client = sheet.partner_id
            if not client.is_vip:
                raise UserError(
                    self.env._(
                        "Price and stock sheets are made for VIP clients only, and %(partner)s is not one.",
                        partner=client.display_name,
                    )
                )
            if client._vip_not_own_clients():
                raise AccessError(
                    self.env._(
                        "Only the VIP manager of %(client)s and the head of sales make its price and "
                        "stock sheet.",
                        client=client.display_name,
                    )
                )
            if sheet.source == "categories" and not sheet.categ_ids:
                raise UserError(self.env._("Choose the product categories of the sheet."))

    def _vip_products(self):
        """The goods of the sheet, as variants: those of the tier's best sellers, or of the
        chosen categories (and their subcategories)."""
        self.ensure_one()
        domain = Domain("sale_ok", "=", True) & Domain("type", "=", "consu")
        if self.source == "tier":
            best_sellers = self.env["vip.best.seller"].search(
                [("tier_id", "=", self.partner_id.vip_tier_id.id), ("company_id", "=", self.company_id.id)]
            )
            domain &= Domain("product_tmpl_id", "in", best_sellers.product_tmpl_id.ids)
        else:
            domain &= Domain("categ_id", "child_of", self.categ_ids.ids)
        domain &= Domain("company_id", "in", [self.company_id.id, False])
        return self.env["product.product"].search(domain, order="categ_id, default_code, name, id")

    def _vip_sheet(self):
        """What both reports print, after the access check: the header's client, pricelist
        (may be empty: sales prices), currency, date and warehouse, and the lines by product
        category. A line gives the product's reference, name (with its colour), unit, price
        for one unit today, free quantity (``None`` for goods that are not stocked) and,
        when less than a unit is free, ``available_on`` (``False``: nobody can say).

        The same queries for any number of products: one price computation, one read of the
        free stock and one of the receipts (``stock.warehouse._vip_availability``)."""
        self.ensure_one()
        self._vip_check_access()
        warehouse = self.warehouse_id
        if not warehouse:
            raise UserError(
                self.env._("The company %(company)s has no warehouse.", company=self.company_id.name)
            )
        pricelist = self.pricelist_id
        currency = pricelist.currency_id or self.company_id.currency_id
        # Named without their reference, which has a column of its own.
        products = self._vip_products().with_context(display_default_code=False)
        prices = pricelist._get_products_price(products, 1.0, currency=currency, date=fields.Datetime.now())
        availability = warehouse._vip_availability([[(product.id, product, 1.0) for product in products]])
        # Read by _vip_availability already: served from the cache, not read again.
        stored = products.filtered("is_storable").with_context(warehouse_id=warehouse.id)
        free_qty = {values["id"]: values["free_qty"] for values in stored.read(["free_qty"])}
        groups = defaultdict(list)
        for product in products:
            shortage, available_on = availability[product.id]
            groups[product.categ_id].append(
                {
                    "product": product,
                    "code": product.default_code,
                    "name": product.display_name,
                    "uom": product.uom_id.name,
                    "price": prices[product.id],
                    "free_qty": free_qty.get(product.id),
                    "short": bool(shortage),
                    "available_on": available_on if shortage else None,
                }
            )
        return {
            "client": self.partner_id,
            "pricelist": pricelist,
            "currency": currency,
            "date": fields.Date.context_today(self),
            "warehouse": warehouse,
            # In the order of the search: by category's full name.
            "groups": list(groups.items()),
        }

    def _vip_description(self):
        """The header line of the workbook's sheet: client, pricelist, date and warehouse."""
        self.ensure_one()
        return self.env._(
            "Client: %(client)s · Pricelist: %(pricelist)s · Date: %(date)s · Warehouse: %(warehouse)s",
            client=self.partner_id.display_name,
            pricelist=self.pricelist_id.display_name or self.env._("Sales Prices"),
            date=format_date(self.env, fields.Date.context_today(self)),
            warehouse=self.warehouse_id.display_name or "-",
        )
