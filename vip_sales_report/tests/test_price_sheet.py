import base64
from datetime import datetime, time, timedelta

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged

from ..wizard.vip_price_sheet import PDF_REPORT, XLSX_REPORT
from .common import VipReportCommon


@tagged("post_install", "-at_install")
class TestPriceSheet(VipReportCommon):
    """The price and stock sheet of a VIP client, from its wizard, as XLSX, PDF and an
    attachment of the info letter.

    Gold's assortment (common fixtures): the bed and the chair, not stocked. Wardrobes: the
    Wardrobe Marco in oak (4 free) and in white (none, 5 arrive in 10 days), the Shelf Nova
    (none, nothing on its way). ``client1`` has the pricelist "VIP -10 %", ``client2`` the
    company's default one.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.user.group_ids += cls.env.ref("product.group_product_pricelist")
        cls.today = fields.Date.context_today(cls.env.user)
        cls.warehouse = cls.env["stock.warehouse"].search([("company_id", "=", cls.company.id)], limit=1)
        cls.stock = cls.warehouse.lot_stock_id
        cls.categ_wardrobes = cls.env["product.category"].create({"name": "Wardrobes"})
        colour = cls.env["product.attribute"].create(
            {
                "name": "Colour",
                "value_ids": [Command.create({"name": "Oak"}), Command.create({"name": "White"})],
            }
        )
        wardrobe = cls.env["product.template"].create(
            {
                "name": "Wardrobe Marco",
                "type": "consu",
                "is_storable": True,
                "categ_id": cls.categ_wardrobes.id,
                "list_price": 30000.0,
                "attribute_line_ids": [
                    Command.create(
                        {"attribute_id": colour.id, "value_ids": [Command.set(colour.value_ids.ids)]}
                    )
                ],
            }
        )
        cls.wardrobe_oak, cls.wardrobe_white = wardrobe.product_variant_ids.sorted(
            lambda variant: variant.product_template_attribute_value_ids.name
        )
        cls.wardrobe_oak.default_code = "WM-OAK"
        cls.wardrobe_white.default_code = "WM-WHT"
        cls.shelf = cls._create_stocked("Shelf Nova", 5000.0, default_code="SN-01")
        cls.env["stock.quant"]._update_available_quantity(cls.wardrobe_oak, cls.stock, 4.0)
        cls._receipt(cls.wardrobe_white, 5.0, days=10)
        cls.pricelist_default, cls.pricelist_vip = cls.env["product.pricelist"].create(
            [
                {"name": "Company Default", "sequence": 0},
                {
                    "name": "VIP -10 %",
                    "sequence": 20,
                    "item_ids": [
                        Command.create(
                            {"applied_on": "3_global", "compute_price": "percentage", "percent_price": 10}
                        )
                    ],
                },
            ]
        )
        cls.client1.property_product_pricelist = cls.pricelist_vip

    @classmethod
    def _create_stocked(cls, name, price, **values):
        return cls.env["product.product"].create(
            {
                "name": name,
                "type": "consu",
                "is_storable": True,
                "categ_id": cls.categ_wardrobes.id,
                "list_price": price,
                **values,
            }
        )

    @classmethod
    def _receipt(cls, product, quantity, days):
        move = cls.env["stock.move"].create(
            {
                "product_id": product.id,
                "product_uom_qty": quantity,
                "location_id": cls.env.ref("stock.stock_location_suppliers").id,
                "location_dest_id": cls.stock.id,
                "date": datetime.combine(cls.today + timedelta(days=days), time(12)),
            }
        )
        move._action_confirm()
        return move

    def _sheet(self, user, client, categories=None):
        """The wizard of ``user`` for ``client``: its tier's assortment, or ``categories``."""
        values = {"source": "categories", "categ_ids": [Command.set(categories.ids)]} if categories else {}
        return self.env["vip.price.sheet"].with_user(user).create({"partner_id": client.id, **values})

    @staticmethod
    def _lines(data):
        return {line["product"]: line for __, lines in data["groups"] for line in lines}

    def _render_xlsx(self, sheet):
        action = sheet.action_download_xlsx()
        self.assertEqual(action["report_type"], "xlsx")
        content, __ = (
            self.env["ir.actions.report"].with_user(sheet.env.user)._render(action["report_name"], sheet.ids)
        )
        return self._load(content)

    def _render_html(self, sheet):
        html, __ = (
            self.env["ir.actions.report"].with_user(sheet.env.user)._render_qweb_html(PDF_REPORT, sheet.ids)
        )
        return html.decode()

    def test_tier_assortment_at_the_clients_pricelist(self):
        sheet = self._sheet(self.manager1, self.client1)
        self.assertEqual(sheet.pricelist_id, self.pricelist_vip)
        self.assertEqual(sheet.warehouse_id, self.warehouse)
        data = sheet._vip_sheet()
        self.assertEqual(
            [(category, [line["name"] for line in lines]) for category, lines in data["groups"]],
            [(self.categ_beds, ["Bed Classic Oak"]), (self.categ_chairs, ["Chair Nordic"])],
            "what Gold's clients bought in the last 365 days, by category",
        )
        lines = self._lines(data)
        self.assertAlmostEqual(lines[self.bed]["price"], 45000.0, msg="90 % of the list price")
        self.assertAlmostEqual(lines[self.chair]["price"], 3600.0)
        self.assertIsNone(lines[self.bed]["free_qty"], "the bed is not stocked")
        self.assertFalse(lines[self.bed]["short"])

    def test_client_without_pricelist_gets_the_company_default(self):
        sheet = self._sheet(self.manager2, self.client2, self.categ_wardrobes)
        self.assertEqual(sheet.pricelist_id, self.pricelist_default)
        self.assertAlmostEqual(self._lines(sheet._vip_sheet())[self.shelf]["price"], 5000.0)
        # Without pricelists in the company: the sales prices, in the company's currency.
        self.env.user.group_ids -= self.env.ref("product.group_product_pricelist")
        self.env.invalidate_all()
        sheet = self._sheet(self.manager1, self.client1, self.categ_wardrobes)
        self.assertFalse(sheet.pricelist_id)
        data = sheet._vip_sheet()
        self.assertEqual(data["currency"], self.company.currency_id)
        self.assertAlmostEqual(self._lines(data)[self.wardrobe_oak]["price"], 30000.0)

    def test_free_quantity_and_when_the_rest_comes(self):
        lines = self._lines(self._sheet(self.manager1, self.client1, self.categ_wardrobes)._vip_sheet())
        self.assertEqual(
            [
                (line["code"], line["name"], line["free_qty"], line["short"], line["available_on"])
                for line in lines.values()
            ],
            [
                ("SN-01", "Shelf Nova", 0.0, True, False),
                ("WM-OAK", "Wardrobe Marco (Oak)", 4.0, False, None),
                ("WM-WHT", "Wardrobe Marco (White)", 0.0, True, self.today + timedelta(days=10)),
            ],
        )
        self.assertAlmostEqual(lines[self.wardrobe_oak]["price"], 27000.0)
        self.assertEqual(lines[self.wardrobe_oak]["uom"], "Units")

    def test_xlsx_has_the_header_and_the_rows(self):
        workbook = self._render_xlsx(self._sheet(self.manager1, self.client1, self.categ_wardrobes))
        sheet = workbook["Price and Stock Sheet"]
        self.assertEqual(sheet["A1"].value, "Price and Stock Sheet")
        for text in ("Mebelgrad LLC", "VIP -10 %", self.warehouse.name):
            self.assertIn(text, sheet["A2"].value)
        self.assertEqual(
            [cell.value for cell in sheet[4]],
            [
                "Product Category",
                "Internal Reference",
                "Product",
                "Unit",
                f"Price ({self.company.currency_id.name})",
                "Free Quantity",
                "Available On",
            ],
        )
        self.assertEqual(sheet.freeze_panes, "D5")
        in_ten_days = datetime.combine(self.today + timedelta(days=10), time())
        self.assertEqual(
            self._rows(sheet, 5),
            [
                ("Wardrobes", None, None, None, None, None, None),
                ("Wardrobes", "SN-01", "Shelf Nova", "Units", 5000.0 * 0.9, 0, "On request"),
                ("Wardrobes", "WM-OAK", "Wardrobe Marco (Oak)", "Units", 27000.0, 4, None),
                ("Wardrobes", "WM-WHT", "Wardrobe Marco (White)", "Units", 27000.0, 0, in_ten_days),
            ],
        )

    def test_pdf_has_the_header_and_the_rows(self):
        sheet = self._sheet(self.manager1, self.client1, self.categ_wardrobes)
        action = sheet.action_print_pdf()
        self.assertEqual(action["report_name"], "vip_sales_report.report_vip_price_sheet")
        html = self._render_html(sheet)
        for text in (
            "Prices and Stock",
            "Mebelgrad LLC",
            "VIP -10 %",
            self.warehouse.name,
            "Wardrobes",
            "WM-WHT",
            "Wardrobe Marco (White)",
            "27,000.00",
            "On request",
        ):
            self.assertTrue(text in html, f"{text!r} is not in the sheet")

    def test_manager_makes_sheets_for_his_own_clients_only(self):
        sheet = self._sheet(self.manager2, self.client1)
        for action in (
            sheet.action_download_xlsx,
            sheet.action_print_pdf,
            sheet.action_attach_to_info_letter,
        ):
            with self.subTest(action=action.__name__), self.assertRaises(AccessError):
                action()
        # Nor by printing the wizard's record without its buttons.
        reports = self.env["ir.actions.report"].with_user(self.manager2)
        with self.assertRaises(AccessError):
            reports._render(XLSX_REPORT, sheet.ids)
        with self.assertRaises(AccessError):
            reports._render_qweb_html(PDF_REPORT, sheet.ids)
        # The head makes any client's sheet.
        self.assertIn("Mebelgrad LLC", self._render_html(self._sheet(self.head, self.client1)))

    def test_only_vip_clients_and_chosen_categories(self):
        with self.assertRaisesText(UserError, "Walk-in Customer"):
            self._sheet(self.head, self.non_vip).action_download_xlsx()
        sheet = (
            self.env["vip.price.sheet"]
            .with_user(self.manager1)
            .create({"partner_id": self.client1.id, "source": "categories"})
        )
        with self.assertRaisesText(UserError, "Choose the product categories"):
            sheet.action_print_pdf()

    def test_attach_to_info_letter_in_one_click(self):
        sheet = self._sheet(self.manager1, self.client1, self.categ_wardrobes)
        action = sheet.action_attach_to_info_letter()
        self.assertEqual(action["res_model"], "mail.compose.message")
        self.assertEqual(action["context"]["default_res_ids"], self.client1.ids)
        composer = Form(
            self.env["mail.compose.message"].with_user(self.manager1).with_context(**action["context"])
        ).save()
        attachment = composer.attachment_ids
        self.assertEqual(len(attachment), 1)
        self.assertEqual(attachment.name, f"{sheet.file_name}.xlsx")
        rows = self._rows(self._load(base64.b64decode(attachment.datas))["Price and Stock Sheet"], 5)
        self.assertIn("Wardrobe Marco (White)", {row[2] for row in rows})
        composer._action_send_mail()
        letter = self.client1.message_ids.filtered(lambda message: message.message_type == "email_outgoing")
        self.assertEqual(letter.attachment_ids.mapped("name"), [attachment.name])

    def test_client_card_opens_the_wizard(self):
        arch = self.env["res.partner"].with_user(self.manager1).get_view(view_type="form")["arch"]
        action = self.env.ref("vip_sales_report.vip_price_sheet_action")
        self.assertIn(f'name="{action.id}"', arch)
        form = Form(
            self.env["vip.price.sheet"]
            .with_user(self.manager1)
            .with_context(default_partner_id=self.client1.id)
        )
        self.assertEqual(form.source, "tier")
        self.assertEqual(form.pricelist_id, self.pricelist_vip)

    def test_queries_do_not_grow_with_the_products(self):
        category = self.env["product.category"].create({"name": "Chests"})
        products = self.env["product.product"].create(
            [
                {"name": f"Chest {n}", "type": "consu", "is_storable": True, "categ_id": category.id}
                for n in range(50)
            ]
        )
        for product in products[::2]:
            self.env["stock.quant"]._update_available_quantity(product, self.stock, 3.0)
        for product in products[1::4]:
            self._receipt(product, 2.0, days=5)
        small, large = self.env["product.category"].create([{"name": "Small"}, {"name": "Large"}])
        products[:5].categ_id = small
        products[5:].categ_id = large

        def queries(categories):
            sheet = self._sheet(self.manager1, self.client1, categories)
            self.env.invalidate_all()
            before = self.cr.sql_log_count
            lines = self._lines(sheet._vip_sheet())
            return self.cr.sql_log_count - before, len(lines)

        queries(small)  # the registry's caches (units, precisions, rules) are filled once
        (five_queries, five), (fifty_queries, fifty) = queries(small), queries(small | large)
        self.assertEqual((five, fifty), (5, 50))
        self.assertEqual(five_queries, fifty_queries, "a query more per product would show here")
        self.assertLessEqual(fifty_queries, 30)
