from unittest.mock import patch

from odoo.tests import tagged

from ..models import vip_1c_import
from .common import OneCExchangeCommon, sample, zipped

PENCILS = "ca14e327-9da3-11ee-81ac-b06ebf31a877"
PENCILS_12 = f"{PENCILS}#ca14e32b-9da3-11ee-81ac-b06ebf31a877"
OZON_BEFORE_DISCOUNT = "ca14e339-9da3-11ee-81ac-b06ebf31a877"
RETAIL = "7481362d-b5b8-11e4-8355-74d02b7dfd8c"
GROUP_SWEETS = "1d805d41-c34c-426d-a3b2-a2c2c35c96de"
GROUP_FOOD = "51acb768-c753-412e-bc02-ac3825010f69"


@tagged("post_install", "-at_install")
class TestExchangeProtocol(OneCExchangeCommon):
    """1C:УНФ's real catalog and offers, sent over HTTP exactly as 1C sends them."""

    def _catalog_state(self):
        templates = self.Template.search([("vip_1c_id", "!=", False)])
        items = self.env["product.pricelist.item"].search([("pricelist_id.vip_1c_id", "!=", False)])
        return (
            len(templates),
            len(templates.product_variant_ids),
            sorted(
                items.mapped(
                    lambda i: (
                        i.pricelist_id.vip_1c_id,
                        i.product_id.id or i.product_tmpl_id.id,
                        i.fixed_price,
                    )
                )
            ),
            sum(templates.product_variant_ids.mapped("qty_available")),
        )

    def test_catalog_and_offers_twice(self):
        files = {"import.xml": sample("import.xml"), "offers.xml": sample("offers.xml")}
        answers, session = self.exchange_catalog(files, chunk=16384)
        self.assertEqual(answers, [["success"], ["success"]])
        self.assertRecordValues(
            session, [{"state": "done", "exchange_type": "catalog", "direction": "from_1c"}]
        )
        self.assertEqual(session.file_names.split("\n"), ["import.xml", "offers.xml"])
        self.assertGreater(session.created_count, 22)
        # Groups -> categories, with their tree.
        sweets = self.env["product.category"].search([("vip_1c_id", "=", GROUP_SWEETS)])
        self.assertEqual(sweets.name, "Кондитерка")
        self.assertEqual(sweets.parent_id.vip_1c_id, GROUP_FOOD)
        # 22 products with their unit (Артикул and weight: on each variant, below).
        templates = self.Template.search([("vip_1c_id", "!=", False)])
        self.assertEqual(len(templates), 22)
        pencils = templates.filtered(lambda t: t.vip_1c_id == PENCILS)
        self.assertRecordValues(
            pencils, [{"uom_id": self.env.ref("uom.product_uom_unit").id, "is_storable": True}]
        )
        # One pricelist per price type, by Ид.
        pricelists = self.env["product.pricelist"].search([("vip_1c_id", "!=", False)])
        self.assertEqual(len(pricelists), 5)
        self.assertIn("Розничная", pricelists.mapped("name"))
        # Characteristics -> variants with attributes; their price and stock.
        variant = self.env["product.product"].search([("vip_1c_id", "=", PENCILS_12)])
        self.assertRecordValues(
            variant, [{"product_tmpl_id": pencils.id, "default_code": "1234", "weight": 0.05}]
        )
        self.assertIn("Карандаш", variant.product_template_attribute_value_ids.mapped("name"))
        active_variants = pencils.with_context(active_test=True).product_variant_ids
        self.assertEqual(len(active_variants), 3, "one active variant per characteristic of 1C")
        ozon = pricelists.filtered(lambda p: p.vip_1c_id == OZON_BEFORE_DISCOUNT)
        self.assertEqual(ozon._get_product_price(variant, 1.0), 29900.0)
        self.assertEqual(variant.qty_available, 16.0)
        self.assertTrue(
            self.env["stock.move"].search(
                [("product_id", "=", variant.id), ("is_inventory", "=", True), ("state", "=", "done")]
            ),
            "stock came through an inventory adjustment",
        )
        before = self._catalog_state()

        # The same files again: nothing created, nothing changed.
        answers, again = self.exchange_catalog(files)
        self.assertEqual(answers, [["success"], ["success"]])
        self.assertNotEqual(again, session)
        self.assertRecordValues(again, [{"created_count": 0, "updated_count": 0, "skipped_count": 0}])
        self.assertEqual(self._catalog_state(), before)

    def test_zip_archive(self):
        archive = zipped({"import.xml": sample("import.xml"), "offers.xml": sample("offers.xml")})
        answers, _session = self.exchange_catalog(
            {"catalog.zip": archive}, imports=["import.xml", "offers.xml"]
        )
        self.assertEqual(answers, [["success"], ["success"]])
        self.assertEqual(self.Template.search_count([("vip_1c_id", "!=", False)]), 22)

    def test_windows_1251(self):
        text = sample("import.xml").decode("utf-8-sig").replace('encoding="UTF-8"', 'encoding="windows-1251"')
        answers, _session = self.exchange_catalog({"import.xml": text.encode("cp1251", "xmlcharrefreplace")})
        self.assertEqual(answers, [["success"]])
        self.assertTrue(self.Template.search([("vip_1c_id", "=", PENCILS), ("name", "like", "Карандаши")]))

    def test_wrong_password_is_logged_and_refused(self):
        answer = self.call("catalog", "checkauth", auth=("onec_exchange", "wrong"))
        self.assertEqual(answer[0], "failure")
        refusal = self.Exchange.search([], limit=1)
        self.assertRecordValues(refusal, [{"state": "failed", "user_id": False}])
        self.assertIn("onec_exchange", refusal.error_ids.message)
        # No cookie, no exchange.
        self.assertEqual(self.call("catalog", "init", cookie=("vip_1c_session", "forged"))[0], "failure")
        self.assertEqual(self.call("catalog", "checkauth")[0], "failure")

    def test_user_outside_the_group_is_refused(self):
        answer = self.call("catalog", "checkauth", auth=(self.manager1.login, self.manager1.login))
        self.assertEqual(answer[0], "failure")
        self.assertIn("not a user of the 1C exchange", self.Exchange.search([], limit=1).error_ids.message)

    def test_api_key_in_place_of_the_password(self):
        key = self.env["res.users.apikeys"].with_user(self.onec_user).sudo()._generate(None, "1C", None)
        answer = self.call("catalog", "checkauth", auth=("onec_exchange", key))
        self.assertEqual(answer[0], "success")

    def test_bad_files_write_nothing(self):
        catalog = sample("import.xml")
        bomb = (
            '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>'
            '<КоммерческаяИнформация ВерсияСхемы="2.08">&lol2;</КоммерческаяИнформация>'
        ).encode()
        cases = {
            "truncated": (catalog[: len(catalog) // 2], "not well-formed"),
            "malformed": (catalog.replace("</Товар>".encode(), b"</Product>", 1), "not well-formed"),
            "entity bomb": (bomb, "DTD"),
            "unknown version": (
                catalog.replace('ВерсияСхемы="2.08"'.encode(), 'ВерсияСхемы="3.1"'.encode()),
                "3.1",
            ),
        }
        for case, (data, reason) in cases.items():
            with self.subTest(case=case):
                answers, session = self.exchange_catalog({"import.xml": data})
                self.assertEqual(answers[0][0], "failure")
                self.assertIn(reason, "\n".join(answers[0]))
                self.assertEqual(session.state, "failed")
                self.assertTrue(session.error_ids.filtered("line"), "the error names its line")
                self.assertFalse(self.Template.search([("vip_1c_id", "!=", False)]))
                self.assertFalse(self.env["product.category"].search([("vip_1c_id", "!=", False)]))

    def test_price_for_an_unknown_product_is_skipped(self):
        offers = sample("offers.xml").replace(PENCILS_12.encode(), b"00000000-0000-0000-0000-000000000000")
        answers, session = self.exchange_catalog({"import.xml": sample("import.xml"), "offers.xml": offers})
        self.assertEqual(answers, [["success"], ["success"]])
        error = session.error_ids
        self.assertEqual(len(error), 1)
        self.assertIn("00000000-0000-0000-0000-000000000000", error.message)
        self.assertEqual(error.line, 253, "the line of its Предложение")
        self.assertEqual(session.skipped_count, 1)
        # The other characteristics of the same product are there.
        self.assertEqual(self.env["product.product"].search_count([("vip_1c_id", "like", f"{PENCILS}#")]), 2)

    def test_long_import_answers_progress(self):
        """An import that takes longer than vip_sales_1c.import_seconds answers progress after a
        batch; 1C calls again and it goes on where it stopped, to the same result."""
        self.env["ir.config_parameter"].set_param("vip_sales_1c.import_seconds", "0")
        cookie = self.login()
        self.send(cookie, {"import.xml": sample("import.xml")})
        answers = []
        with patch.object(vip_1c_import, "BATCH_SIZE", 5):
            while not answers or answers[-1][0] == "progress":
                answers.append(self.call("catalog", "import", cookie=cookie, filename="import.xml"))
                self.assertLess(len(answers), 10)
        self.assertEqual([a[0] for a in answers], ["progress"] * 4 + ["success"])
        self.assertIn("imported: 5", answers[0][1])
        self.assertEqual(self.Template.search_count([("vip_1c_id", "!=", False)]), 22)
        session = self.Exchange.search([("user_id", "=", self.onec_user.id)], limit=1)
        self.assertEqual(
            session.created_count,
            self.env["product.category"].search_count([("vip_1c_id", "!=", False)]) + 22,
        )
