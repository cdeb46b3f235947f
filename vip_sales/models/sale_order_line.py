import math
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import float_compare, formatLang


class SaleOrderLine(models.Model):
    _name = "sale.order.line"
    _inherit = ["sale.order.line", "vip.computed.mixin"]

    vip_package_id = fields.Many2one(
        "vip.product.package",
        string="Package Offer",
        readonly=True,
        index="btree_not_null",
        ondelete="restrict",
        help="The package offer this line came from (package wizard).",
    )
    # Read from the package whenever the approval is evaluated: whatever was written on the
    # line, the pre-approved discount is the one the head of sales configured in the package.
    vip_package_discount = fields.Float(
        related="vip_package_id.discount",
        string="Package Discount (%)",
        help="Discount of the package offer this line came from: set by the head of sales in "
        "the package, it is pre-approved. Only a higher discount on the line needs approval.",
    )

    vip_display_sample_ids = fields.One2many(
        "vip.display.sample", "sale_line_id", string="Display Samples", readonly=True
    )

    @api.depends("vip_package_id")
    def _compute_discount(self):
        res = super()._compute_discount()
        # A line of a package offer keeps the package's discount when its quantity changes.
        for line in self.filtered("vip_package_id"):
            line.discount = line.vip_package_id.discount
        return res

    @api.constrains("vip_package_id", "product_id")
    def _check_vip_package_id(self):
        for line in self.filtered("vip_package_id"):
            if line.product_id.product_tmpl_id not in line.vip_package_id.line_ids.product_tmpl_id:
                raise ValidationError(
                    self.env._(
                        "“%(product)s” is not part of the package offer “%(package)s”: only the "
                        "package's own products get its discount. Add the package with the "
                        "Add Package Offers button.",
                        product=line.product_id.display_name,
                        package=line.vip_package_id.display_name,
                    )
                )

    # ------------------------------------------------------------------
    # Availability (sale_stock): what the order's warehouse lacks, and when it comes
    # ------------------------------------------------------------------

    vip_shortage_qty = fields.Float(
        string="Short",
        digits="Product Unit",
        compute="_compute_vip_availability",
        help="What the order's warehouse cannot give from its free stock now, in the line's unit; "
        "the earlier lines of the proposal take the stock first.",
    )
    vip_available_date = fields.Date(
        string="Available On",
        compute="_compute_vip_availability",
        help="When the line's whole quantity is in the warehouse: today from free stock, else the "
        "day the receipts on their way cover it, else today plus the product's production lead "
        "time. Empty: nobody can say yet.",
    )
    vip_ship_date = fields.Date(
        string="Can Ship On",
        compute="_compute_vip_availability",
        help="The earliest day the line can ship: when it is available, and not before its "
        "customer lead time from today.",
    )

    @api.depends(
        "state",
        "display_type",
        "product_id",
        "product_uom_qty",
        "product_uom_id",
        "customer_lead",
        "warehouse_id",
        "order_id.order_line",
    )
    def _compute_vip_availability(self):
        """Batched over every order of the lines: per warehouse, two queries whatever the number
        of lines (``stock.warehouse._vip_availability``)."""
        self.vip_shortage_qty = 0.0
        self.vip_available_date = False
        self.vip_ship_date = False
        today = fields.Date.context_today(self)
        weighed = self._vip_shipped_lines().filtered(lambda line: line.state in ("draft", "sent"))
        for warehouse, lines in weighed.grouped("warehouse_id").items():
            if not warehouse:
                continue
            wanted = set(lines._ids)
            baskets = [
                [
                    (
                        line,
                        line.product_id,
                        line.product_uom_id._compute_quantity(line.product_uom_qty, line.product_id.uom_id),
                    )
                    for line in order.order_line
                    if line.id in wanted
                ]
                for order in lines.order_id
            ]
            for line, (shortage, available_on) in warehouse._vip_availability(baskets).items():
                line.vip_shortage_qty = line.product_id.uom_id._compute_quantity(
                    shortage, line.product_uom_id
                )
                line.vip_available_date = available_on
                if available_on:
                    # A lead time of 2.5 days is kept by the third day, not the second.
                    lead_days = math.ceil(line.customer_lead)
                    line.vip_ship_date = max(available_on, today + timedelta(days=lead_days))

    @api.constrains("product_uom_qty", "product_id")
    def _check_vip_quantity(self):
        for line in self:
            order = line.order_id
            if (
                order.vip_is_vip_client
                and order.state in ("draft", "sent")
                and line.product_id
                and not line.display_type
                and not line.is_downpayment
                and line.product_uom_qty <= 0
            ):
                raise ValidationError(
                    self.env._(
                        "The quantity of “%(product)s” in %(order)s must be greater than zero.",
                        product=line.product_id.display_name,
                        order=order.name,
                    )
                )

    def _vip_shipped_lines(self):
        """The lines of goods that travel: no section or note, delivery, service or combo line."""
        return self.filtered(
            lambda line: (
                not line.display_type
                and not line.is_delivery
                and line.product_id.type == "consu"
                and line.product_uom_qty > 0
            )
        )

    # ------------------------------------------------------------------
    # Commercial proposals: re-approval and agreement on line changes
    # ------------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        orders = self.env["sale.order"].browse(
            {vals["order_id"] for vals in vals_list if vals.get("order_id")}
        )
        with orders._vip_watch_approval():
            lines = super().create(vals_list)
        lines.filtered(lambda line: not line.display_type).order_id._vip_clear_nomenclature_agreement()
        return lines

    def write(self, vals):
        commercial = set(self._vip_commercial_fields()) & set(vals)
        if not commercial and "name" not in vals:
            return super().write(vals)
        orders = self.order_id
        if commercial:
            with orders._vip_watch_approval():
                res = super().write(vals)
        else:
            res = super().write(vals)
        # The description may carry what was agreed (fabric, colour): it clears the agreement too.
        self.filtered(lambda line: not line.display_type).order_id._vip_clear_nomenclature_agreement()
        return res

    def unlink(self):
        orders = self.filtered(lambda line: not line.display_type).order_id
        with orders._vip_watch_approval():
            res = super().unlink()
        orders.exists()._vip_clear_nomenclature_agreement()
        return res

    @api.model
    def _vip_commercial_fields(self):
        """Line fields whose change alters the offer: re-approval, nomenclature agreement."""
        return [
            "product_id",
            "product_no_variant_attribute_value_ids",
            "product_uom_qty",
            "product_uom_id",
            "price_unit",
            "discount",
        ]

    def _vip_effective_discount(self):
        """The discount the client gets on the line, whatever gives it: the line's discount (by
        hand, a package's or a pricelist's), or a unit price below the product's sales price
        (by hand, or a pricelist that lowers the price itself), in percent of the sales price."""
        self.ensure_one()
        if self.display_type or self.is_delivery or self.combo_item_id or not self.product_id:
            return self.discount
        order = self.order_id
        company = order.company_id or self.env.company
        product = self.product_id.with_context(**self._get_product_price_context())
        list_price = product._price_compute(
            "list_price",
            uom=self.product_uom_id,
            currency=order.currency_id or company.currency_id,
            company=company,
            date=fields.Date.to_date(order.date_order or fields.Datetime.now()),
        )[product.id]
        if list_price <= 0:
            return self.discount
        net_price = self.price_unit * (1.0 - self.discount / 100.0)
        return max(self.discount, 100.0 * (1.0 - net_price / list_price))

    def _vip_discount_needs_approval(self):
        """A discount above the company's maximum and above the pre-approved package discount."""
        self.ensure_one()
        if self.display_type:
            return False
        digits = self.env["decimal.precision"].precision_get("Discount")
        discount = self._vip_effective_discount()
        max_discount = self.order_id._vip_max_discount()
        return (
            float_compare(discount, max_discount, precision_digits=digits) > 0
            and float_compare(discount, self.vip_package_discount, precision_digits=digits) > 0
        )

    def _vip_snapshot(self):
        self.ensure_one()
        return {
            "product": self.product_id.display_name or self.name,
            "quantity": self.product_uom_qty,
            "uom": self.product_uom_id.name or "",
            "price_unit": self.price_unit,
            "discount": self.discount,
        }

    @api.model
    def _vip_describe_snapshot(self, line):
        description = self.env._(
            "%(product)s, %(quantity)s %(uom)s at %(price)s",
            product=line["product"],
            quantity=formatLang(self.env, line["quantity"], dp="Product Unit"),
            uom=line["uom"],
            price=formatLang(self.env, line["price_unit"], dp="Product Price"),
        )
        if line["discount"]:
            description = self.env._(
                "%(line)s, discount %(discount)s %%",
                line=description,
                discount=formatLang(self.env, line["discount"], dp="Discount"),
            )
        return description

    @api.model
    def _vip_diff_snapshots(self, old, new):
        """What changed on a line between two snapshots, as short readable phrases."""
        changes = []
        for key, fname, dp in (
            ("product", "product_id", None),
            ("quantity", "product_uom_qty", "Product Unit"),
            ("uom", "product_uom_id", None),
            ("price_unit", "price_unit", "Product Price"),
            ("discount", "discount", "Discount"),
        ):
            before, after = old[key], new[key]
            if dp:
                digits = self.env["decimal.precision"].precision_get(dp)
                if not float_compare(before, after, precision_digits=digits):
                    continue
                before, after = formatLang(self.env, before, dp=dp), formatLang(self.env, after, dp=dp)
            elif before == after:
                continue
            changes.append(
                self.env._(
                    "%(what)s %(before)s → %(after)s",
                    what=self._fields[fname]._description_string(self.env),
                    before=before,
                    after=after,
                )
            )
        return changes
