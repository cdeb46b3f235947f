from odoo import api, fields, models


class VipProductPackage(models.Model):
    _name = "vip.product.package"
    _description = "Package Offer"
    _order = "sequence, name, id"
    _check_company_auto = True

    name = fields.Char(required=True, translate=True)
    code = fields.Char(index="btree_not_null")
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    description = fields.Text(translate=True)
    image = fields.Image(max_width=1024, max_height=1024)
    company_id = fields.Many2one("res.company", index=True, default=lambda self: self.env.company)
    currency_id = fields.Many2one("res.currency", compute="_compute_currency_id")
    line_ids = fields.One2many("vip.product.package.line", "package_id", string="Products", copy=True)
    discount = fields.Float(
        string="Discount (%)",
        digits="Discount",
        help="Discount of every line the package adds to an order. Set by the head of sales, it "
        "needs no further approval.",
    )
    color_value_ids = fields.Many2many(
        "product.attribute.value",
        "vip_product_package_color_rel",
        "package_id",
        "value_id",
        string="Colours",
        help="The colours the package comes in: the variants chosen when it is added to an order.",
    )
    weight = fields.Float(string="Weight per Set (kg)", digits="Stock Weight", compute="_compute_set_totals")
    volume = fields.Float(string="Volume per Set (m³)", digits=(16, 3), compute="_compute_set_totals")
    carton_count = fields.Integer(string="Cartons per Set", compute="_compute_set_totals")
    list_price = fields.Monetary(string="List Price per Set", compute="_compute_set_totals")
    price = fields.Monetary(
        string="Package Price per Set",
        compute="_compute_set_totals",
        help="The list price less the discount.",
    )

    _check_discount = models.Constraint(
        "CHECK(discount >= 0 AND discount <= 100)",
        "The discount of a package offer is a percentage between 0 and 100.",
    )
    _code_uniq = models.Constraint(
        "UNIQUE(code, company_id)",
        "Another package offer already has this code.",
    )

    @api.depends("company_id")
    def _compute_currency_id(self):
        for package in self:
            package.currency_id = (package.company_id or self.env.company).currency_id

    @api.depends(
        "discount", "line_ids.weight", "line_ids.volume", "line_ids.carton_count", "line_ids.list_price"
    )
    def _compute_set_totals(self):
        for package in self:
            lines = package.line_ids
            package.weight = sum(lines.mapped("weight"))
            package.volume = sum(lines.mapped("volume"))
            package.carton_count = sum(lines.mapped("carton_count"))
            package.list_price = sum(lines.mapped("list_price"))
            package.price = package.list_price * (1.0 - package.discount / 100.0)

    @api.depends("code")
    def _compute_display_name(self):
        for package in self:
            package.display_name = f"[{package.code}] {package.name}" if package.code else package.name
