import base64
import io

from odoo.exceptions import AccessError
from odoo.tests import TransactionCase, new_test_user, tagged

from .common import sample

PENCILS = "ca14e327-9da3-11ee-81ac-b06ebf31a877"
WAREHOUSE_1C = "wh-1c-main"


def offers_with_rests(rows, partial=True):
    """A CommerceML 2.09 offers package (Остатки per Склад) of ``rows``: (Ид, warehouse Ид, qty)."""
    offers = "".join(
        f"<Предложение><Ид>{ident}</Ид><Наименование>x</Наименование><Остатки><Остаток><Склад><Ид>{store}</Ид>"
        f"<Количество>{qty}</Количество></Склад></Остаток></Остатки></Предложение>"
        for ident, store, qty in rows
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><КоммерческаяИнформация ВерсияСхемы="2.09">'
        f'<ПакетПредложений СодержитТолькоИзменения="{str(partial).lower()}">'
        f"<Предложения>{offers}</Предложения></ПакетПредложений></КоммерческаяИнформация>"
    ).encode()


@tagged("post_install", "-at_install")
class TestCatalogImport(TransactionCase):
    """The import behind the protocol, on the real 1C files: cost, partial and full catalogs,
    stock per warehouse, and the manual exchange."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Template = cls.env["product.template"].with_context(active_test=False)
        cls.warehouse = cls.env["stock.warehouse"].search([("company_id", "=", cls.env.company.id)], limit=1)
        cls.warehouse.vip_1c_id = WAREHOUSE_1C

    def _import(self, files):
        exchange = self.env["vip.1c.exchange"]._open(self.env.user, "catalog", manual=True)
        for name, data in files.items():
            exchange._receive_chunk(name, io.BytesIO(data))
            self.assertEqual(exchange._import(name), ("success", ""))
        return exchange

    def test_unchanged_reimport_is_cheap(self):
        files = {"import.xml": sample("import.xml"), "offers.xml": sample("offers.xml")}
        self._import(files)
        self.env.invalidate_all()
        # The same two files: one read per batch of products, of variants and of prices, no write.
        with self.assertQueryCount(40):
            exchange = self._import(files)
        self.assertRecordValues(exchange, [{"created_count": 0, "updated_count": 0, "skipped_count": 0}])

    def test_partial_catalog_keeps_what_it_does_not_list(self):
        self._import({"import.xml": sample("import.xml")})
        catalog = sample("import.xml").decode("utf-8-sig")
        start = catalog.index("<Товар>")
        end = catalog.index("</Товар>") + len("</Товар>")
        only_first = catalog[:end] + catalog[catalog.rindex("</Товары>") :]
        partial = only_first.replace('СодержитТолькоИзменения="false"', 'СодержитТолькоИзменения="true"')
        renamed = partial[:start] + partial[start:].replace(
            "Карандаши деревянные цветные для рисования мягкие", "Карандаши мягкие", 1
        )
        self._import({"import.xml": renamed.encode()})
        self.assertEqual(self.Template.search([("vip_1c_id", "=", PENCILS)]).name, "Карандаши мягкие")
        self.assertEqual(self.Template.search_count([("vip_1c_id", "!=", False), ("active", "=", True)]), 22)
        # The same file as a full catalog: the products it no longer lists are archived.
        self._import({"import.xml": only_first.encode()})
        self.assertEqual(
            self.Template.search([("vip_1c_id", "!=", False), ("active", "=", True)]).vip_1c_id, PENCILS
        )

    def test_stock_per_warehouse(self):
        self._import({"import.xml": sample("import.xml")})
        product = self.Template.search([("vip_1c_id", "=", "21dcb5a0-9e45-11ee-81ac-b06ebf31a877")])
        exchange = self._import(
            {
                "rests.xml": offers_with_rests(
                    [(product.vip_1c_id, WAREHOUSE_1C, 7), (product.vip_1c_id, "wh-unknown", 3)]
                )
            }
        )
        self.assertEqual(product.with_context(warehouse_id=self.warehouse.id).qty_available, 7.0)
        self.assertIn("wh-unknown", exchange.error_ids.message)
        self.assertEqual(exchange.skipped_count, 1)
        # Less in 1C: the adjustment takes the difference out.
        self._import({"rests.xml": offers_with_rests([(product.vip_1c_id, WAREHOUSE_1C, 2)])})
        self.assertEqual(product.with_context(warehouse_id=self.warehouse.id).qty_available, 2.0)

    def test_manual_exchange(self):
        wizard = self.env["vip.1c.manual.exchange"].create(
            {
                "catalog_file": base64.b64encode(sample("import.xml")),
                "catalog_file_name": "import.xml",
                "offers_file": base64.b64encode(sample("offers.xml")),
                "offers_file_name": "offers.xml",
            }
        )
        action = wizard.action_import()
        exchange = self.env["vip.1c.exchange"].browse(action["res_id"])
        self.assertRecordValues(
            exchange, [{"state": "done", "manual": True, "file_names": "import.xml\noffers.xml"}]
        )
        self.assertEqual(self.Template.search_count([("vip_1c_id", "!=", False)]), 22)
        self.assertEqual(self.env["product.pricelist"].search_count([("vip_1c_id", "!=", False)]), 5)
        wizard.action_export_orders()
        self.assertTrue(base64.b64decode(wizard.orders_file).startswith(b"<?xml"))

    def test_the_head_reads_the_log_a_manager_does_not(self):
        exchange = self._import({"import.xml": sample("import.xml")})
        head = new_test_user(self.env, login="head_1c", groups="vip_sales.group_vip_head")
        manager = new_test_user(self.env, login="manager_1c", groups="vip_sales.group_vip_manager")
        self.assertEqual(exchange.with_user(head).created_count, exchange.created_count)
        with self.assertRaises(AccessError):
            exchange.with_user(head).write({"state": "failed"})
        with self.assertRaises(AccessError):
            exchange.with_user(manager).read(["created_count"])
        # The session cookie is for the system only.
        self.assertNotIn("token", exchange.with_user(head).fields_get())

    def test_the_log_of_another_company_is_not_read(self):
        other = self.env["res.company"].create({"name": "Other furniture maker"})
        theirs = self.env["vip.1c.exchange"].create({"company_id": other.id})
        ours = self.env["vip.1c.exchange"].create({"company_id": self.env.company.id})
        head = new_test_user(self.env, login="head_1c_mc", groups="vip_sales.group_vip_head")
        seen = self.env["vip.1c.exchange"].with_user(head).search([("id", "in", (theirs | ours).ids)])
        self.assertEqual(seen, ours)
