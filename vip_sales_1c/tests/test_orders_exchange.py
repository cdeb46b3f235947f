from lxml import etree

from odoo.tests import tagged

from .common import OneCExchangeCommon, sample

DOC_1C_ID = "25b54e86-e909-11e3-b256-00248cae1f0f"
COUNTERPARTY_1C_ID = "4659b786-be79-11e3-826d-00248cae1f0f"


@tagged("post_install", "-at_install")
class TestOrdersExchange(OneCExchangeCommon):
    """Orders out to 1C (query, success) and 1C's documents back (type=sale, mode=file)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._complete_card(cls.client1)
        cls.client1.vip_1c_code = False  # 1C gives it back
        cls.product.write({"vip_1c_id": False, "default_code": "BRG-1"})
        cls.order = cls._order(cls.client1, confirmed_days_ago=0)
        cls._sign_contract(cls._create_contract(cls.client1))
        cls.order.write({"vip_special_terms_note": "Free lifting to the 3rd floor"})
        cls.order.order_line.discount = 10.0
        cls.incomplete_order = cls._order(cls.client2, confirmed_days_ago=0)
        cls.quotation = cls._order(cls.client1)

    def query(self):
        cookie = self.login("sale")
        xml = self.call("sale", "query", cookie=cookie)
        return cookie, etree.fromstring(xml)

    def test_query_then_success(self):
        cookie, root = self.query()
        self.assertEqual(root.get("ВерсияСхемы"), "2.08")
        documents = root.findall("Документ")
        self.assertEqual(
            [d.findtext("Номер") for d in documents],
            [self.order.name],
            "only the confirmed order of a complete card",
        )
        doc = documents[0]
        party = doc.find("Контрагенты/Контрагент")
        self.assertEqual(
            [party.findtext(tag) for tag in ("ИНН", "КПП", "ОГРН", "ПолноеНаименование")],
            [self.client1.vat, self.client1.vip_kpp, self.client1.vip_ogrn, self.client1.vip_legal_name],
        )
        self.assertEqual(party.findtext("РасчетныеСчета/РасчетныйСчет/Банк/БИК"), self.sberbank.vip_bik)
        self.assertIn("101000", party.findtext("ЮридическийАдрес/Представление"))
        self.assertEqual(party.findtext("Представители/Представитель/Наименование"), "Buyer")
        line = doc.find("Товары/Товар")
        self.assertEqual(line.findtext("Артикул"), "BRG-1")
        self.assertEqual(line.findtext("Скидки/Скидка/Процент"), "10.00")
        self.assertEqual(float(line.findtext("Сумма")), self.order.order_line.price_total)
        self.assertEqual(float(doc.findtext("Сумма")), self.order.amount_total)
        requisites = {
            r.findtext("Наименование"): r.findtext("Значение")
            for r in doc.findall("ЗначенияРеквизитов/ЗначениеРеквизита")
        }
        self.assertEqual(requisites["Особые условия"], "Free lifting to the 3rd floor")
        # The incomplete client: logged, its manager asked to complete the card.
        session = self.Exchange.search([("exchange_type", "=", "sale")], limit=1)
        self.assertEqual(session.error_ids.order_id, self.incomplete_order)
        self.assertIn("INN", session.error_ids.message)
        activity_type = self.env.ref("vip_sales_1c.mail_activity_type_1c_card")
        activity = self.client2.activity_ids.filtered(lambda a: a.activity_type_id == activity_type)
        self.assertEqual(activity.user_id, self.manager2)

        self.assertEqual(self.call("sale", "success", cookie=cookie), ["success"])
        self.assertTrue(self.order.vip_1c_exported_date)
        _cookie, root = self.query()
        self.assertFalse(root.findall("Документ"), "1C took it: not sent again")
        self.assertEqual(
            len(self.client2.activity_ids.filtered(lambda a: a.activity_type_id == activity_type)), 1
        )
        # A change sends it again (later than 1C took it: this test runs in one transaction).
        self.env.flush_all()
        self.env.cr.execute(
            "UPDATE sale_order SET write_date = write_date - interval '2 hours', "
            "vip_1c_exported_date = vip_1c_exported_date - interval '1 hour' WHERE id = %s",
            [self.order.id],
        )
        self.order.invalidate_recordset()
        _cookie, root = self.query()
        self.assertFalse(root.findall("Документ"))
        self.order.client_order_ref = "PO-77"
        _cookie, root = self.query()
        self.assertEqual([d.findtext("Номер") for d in root.findall("Документ")], [self.order.name])

    def test_documents_back(self):
        cookie, _root = self.query()
        self.call("sale", "success", cookie=cookie)
        document = sample("orders_from_1c.xml").replace(
            "09.04.2014 0:46:38</Номер>".encode(), f"{self.order.name}</Номер>".encode()
        )
        answer = self.call("sale", "file", data=document, cookie=cookie, filename="documents.xml")
        self.assertEqual(answer, ["success"])
        self.assertRecordValues(
            self.order, [{"vip_1c_id": DOC_1C_ID, "vip_1c_number": "ТДЦБ-000015", "vip_1c_posted": True}]
        )
        self.assertEqual(self.client1.vip_1c_code, COUNTERPARTY_1C_ID)
        self.assertEqual(self.client1.vip_card_completeness, 100)
        # What 1C says back is no change to send the order again.
        _cookie, root = self.query()
        self.assertFalse(root.findall("Документ"))

    def test_document_of_no_order_is_skipped(self):
        cookie = self.login("sale")
        answer = self.call(
            "sale", "file", data=sample("orders_from_1c.xml"), cookie=cookie, filename="documents.xml"
        )
        self.assertEqual(answer, ["success"])
        session = self.Exchange.search([("exchange_type", "=", "sale")], limit=1)
        self.assertEqual(session.skipped_count, 1)
        self.assertEqual(session.error_ids.line, 1)

    def test_catalog_cookie_does_not_open_orders(self):
        cookie = self.login("catalog")
        self.assertEqual(self.call("sale", "success", cookie=cookie)[0], "failure")
        self.assertFalse(self.order.vip_1c_exported_date)
