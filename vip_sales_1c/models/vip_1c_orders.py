from lxml import etree

from odoo import fields, models
from odoo.tools import SQL

from ..tools import commerceml as cml

SCHEMA_VERSION = "2.08"
CURRENCY_NAMES = {"RUB": "руб"}
TRUE = "true"


def _add(parent, tag, value=None, **attrib):
    element = etree.SubElement(parent, tag, attrib)
    if value not in (None, False):
        element.text = value if isinstance(value, str) else _number(value)
    return element


def _number(value):
    return f"{value:.2f}" if isinstance(value, float) else str(value)


def _requisite(block, name, value):
    item = _add(block, "ЗначениеРеквизита")
    _add(item, "Наименование", name)
    _add(item, "Значение", value)


class Vip1cOrders(models.AbstractModel):
    _name = "vip.1c.orders"
    _description = "1C Orders Exchange"

    # === OUT: query === #
    def _orders_to_send(self, company):
        """Confirmed orders, approved or without special terms, never sent to 1C or changed
        since 1C last took them."""
        self.env["sale.order"].flush_model(
            ["write_date", "vip_1c_exported_date", "state", "vip_approval_state", "company_id"]
        )
        self.env.cr.execute(
            SQL(
                """SELECT id FROM sale_order
                    WHERE company_id = %s AND state = 'sale'
                      AND vip_approval_state IN ('not_required', 'approved')
                      AND (vip_1c_exported_date IS NULL OR write_date > vip_1c_exported_date)
                 ORDER BY id""",
                company.id,
            )
        )
        return self.env["sale.order"].browse(row[0] for row in self.env.cr.fetchall())

    def _export(self, exchange):
        """The orders 1C should take, as a CommerceML document (bytes); those of clients whose
        card is incomplete for 1C are left out, logged, and their manager gets an activity.
        The orders sent are kept on ``exchange`` until 1C answers success. Called as superuser
        in the company of ``exchange``."""
        root = etree.Element(
            "КоммерческаяИнформация", ВерсияСхемы=SCHEMA_VERSION, ДатаФормирования=self._now()
        )
        sent = self.env["sale.order"]
        for order in self._orders_to_send(exchange.company_id):
            missing = order.partner_id._vip_1c_missing()
            if missing:
                self._report_incomplete(exchange, order, missing)
                continue
            self._document(root, order)
            sent |= order
        exchange.sudo().write({"order_ids": [fields.Command.set(sent.ids)]})
        exchange._add_counts(updated=len(sent))
        return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)

    def _now(self):
        return fields.Datetime.context_timestamp(self, fields.Datetime.now()).strftime("%Y-%m-%dT%H:%M:%S")

    def _report_incomplete(self, exchange, order, missing):
        client = order.partner_id.commercial_partner_id
        message = self.env._(
            "Order %(order)s is not sent to 1C: the card of %(client)s lacks %(missing)s.",
            order=order.name,
            client=client.display_name,
            missing=", ".join(missing),
        )
        exchange._log_error(message, partner=client, order=order)
        exchange._add_counts(skipped=1)
        activity_type = self.env.ref("vip_sales_1c.mail_activity_type_1c_card")
        if not client.activity_ids.filtered(lambda a: a.activity_type_id == activity_type):
            client.activity_schedule(
                "vip_sales_1c.mail_activity_type_1c_card",
                note=message,
                user_id=(client.vip_manager_id or order.user_id or self.env.user).id,
            )

    def _document(self, root, order):
        client = order.partner_id.commercial_partner_id
        local_date = fields.Datetime.context_timestamp(order, order.date_order)
        doc = _add(root, "Документ")
        _add(doc, "Ид", order.vip_1c_id or order.name)
        _add(doc, "Номер", order.name)
        _add(doc, "Дата", local_date.strftime("%Y-%m-%d"))
        _add(doc, "Время", local_date.strftime("%H:%M:%S"))
        _add(doc, "ХозОперация", "Заказ товара")
        _add(doc, "Роль", "Продавец")
        _add(doc, "Валюта", CURRENCY_NAMES.get(order.currency_id.name, order.currency_id.name))
        _add(doc, "Курс", "1")
        _add(doc, "Сумма", order.amount_total)
        self._counterparty(_add(doc, "Контрагенты"), client, order)
        if order.vip_special_terms_note:
            _add(doc, "Комментарий", order.vip_special_terms_note)
        lines = _add(doc, "Товары")
        for line in order.order_line.filtered(lambda line: not line.display_type):
            self._line(lines, line)
        requisites = _add(doc, "ЗначенияРеквизитов")
        _requisite(requisites, "Статус заказа", "Подтвержден")
        if order.commitment_date:
            _requisite(
                requisites,
                "Дата отгрузки",
                fields.Datetime.context_timestamp(order, order.commitment_date).strftime("%Y-%m-%d"),
            )
        if order.vip_special_terms_note:
            _requisite(requisites, "Особые условия", order.vip_special_terms_note)
        if order.payment_term_id:
            _requisite(requisites, "Условия оплаты", order.payment_term_id.name)

    def _counterparty(self, block, client, order):
        party = _add(block, "Контрагент")
        _add(party, "Ид", client.vip_1c_code or f"odoo-{client.id}")
        _add(party, "Наименование", client.name)
        _add(party, "Роль", "Покупатель")
        _add(party, "ПолноеНаименование", client.vip_legal_name)
        _add(party, "ОфициальноеНаименование", client.vip_legal_name)
        _add(party, "ИНН", client.vat)
        if client.vip_kpp:
            _add(party, "КПП", client.vip_kpp)
        _add(party, "ОГРН", client.vip_ogrn)
        self._address(_add(party, "ЮридическийАдрес"), client)
        delivery = (
            order.partner_shipping_id
            if order.partner_shipping_id != client
            else client.child_ids.filtered(lambda c: c.type == "delivery")[:1]
        )
        self._address(_add(party, "Адрес"), delivery or client)
        accounts = _add(party, "РасчетныеСчета")
        for account in client.bank_ids.filtered(lambda a: a._vip_is_russian_account()):
            entry = _add(accounts, "РасчетныйСчет")
            _add(entry, "НомерСчета", account.acc_number)
            bank = _add(entry, "Банк")
            _add(bank, "Наименование", account.bank_id.name)
            _add(bank, "СчетКорреспондентский", account.bank_id.vip_corr_account)
            _add(bank, "БИК", account.bank_id.vip_bik)
        contacts = _add(party, "Контакты")
        for kind, value in (("Телефон рабочий", client.phone), ("Почта", client.email)):
            if value:
                contact = _add(contacts, "Контакт")
                _add(contact, "Тип", kind)
                _add(contact, "Значение", value)
        people = _add(party, "Представители")
        for person in client.child_ids.filtered(lambda c: c.type == "contact"):
            representative = _add(people, "Представитель")
            _add(representative, "Отношение", "Контактное лицо")
            _add(representative, "Наименование", person.name)
            _add(representative, "Телефон", person.phone or False)
            _add(representative, "Почта", person.email or False)

    def _address(self, block, partner):
        _add(
            block,
            "Представление",
            ", ".join(filter(None, (partner.zip, partner.city, partner.street, partner.street2))),
        )
        for kind, value in (
            ("Почтовый индекс", partner.zip),
            ("Страна", partner.country_id.name),
            ("Регион", partner.state_id.name),
            ("Город", partner.city),
            ("Улица", partner.street),
        ):
            if value:
                field_ = _add(block, "АдресноеПоле")
                _add(field_, "Тип", kind)
                _add(field_, "Значение", value)

    def _line(self, block, line):
        product = line.product_id
        item = _add(block, "Товар")
        _add(item, "Ид", product.vip_1c_id or product.product_tmpl_id.vip_1c_id or f"odoo-{product.id}")
        _add(item, "Артикул", product.default_code or False)
        _add(item, "Наименование", product.name)
        _add(item, "БазоваяЕдиница", line.product_uom_id.name)
        _add(item, "ЦенаЗаЕдиницу", line.price_unit)
        _add(item, "Количество", line.product_uom_qty)
        _add(item, "Сумма", line.price_total)
        if line.discount:
            discounts = _add(item, "Скидки")
            discount = _add(discounts, "Скидка")
            _add(discount, "Наименование", "Скидка")
            _add(discount, "Сумма", line.price_unit * line.product_uom_qty - line.price_subtotal)
            _add(discount, "Процент", line.discount)
            _add(discount, "УчтеноВСумме", TRUE)
        requisites = _add(item, "ЗначенияРеквизитов")
        kind = "Услуга" if product.type == "service" else "Товар"
        _requisite(requisites, "ВидНоменклатуры", kind)
        _requisite(requisites, "ТипНоменклатуры", kind)

    def _confirm_sent(self, exchange):
        """1C took the orders of the last query (mode=success)."""
        exchange.order_ids.sudo().write({"vip_1c_exported_date": self.env.cr.now()})

    # === IN: documents back (type=sale, mode=file) === #
    def _import_documents(self, exchange, path, file_name):
        """1C's documents of orders: its number, posting, payment and shipment, and the code of
        the counterparty. A document of no order of ours is logged and skipped.

        :return: the counts ``updated``, ``skipped``
        """
        updated = skipped = 0
        for _event, doc in cml.iter_elements(path, {("Документ", 0), ("Документ", 1)}):
            order = self._find_order(exchange, doc)
            if not order:
                exchange._log_error(
                    self.env._(
                        "Document %(number)s of 1C matches no order; skipped.",
                        number=cml.text(doc, "Номер") or cml.text(doc, "Ид"),
                    ),
                    file_name,
                    doc.sourceline,
                )
                skipped += 1
                continue
            values = self._document_values(doc)
            if order.vip_1c_exported_date and order.write_date <= order.vip_1c_exported_date:
                # What 1C says back about an order it has is no change to send it again.
                values["vip_1c_exported_date"] = self.env.cr.now()
            order.write(values)
            parties = cml.child(doc, "Контрагенты")
            party = cml.child(doc, "Контрагент") if parties is None else cml.child(parties, "Контрагент")
            code = party is not None and (cml.text(party, "Код") or cml.text(party, "Ид"))
            client = order.partner_id.commercial_partner_id
            if code and client.vip_1c_code != code:
                client.vip_1c_code = code
            updated += 1
        return {"updated": updated, "skipped": skipped}

    def _find_order(self, exchange, doc):
        Order = self.env["sale.order"]
        doc_id, number = cml.text(doc, "Ид"), cml.text(doc, "Номер")
        company = [("company_id", "=", exchange.company_id.id)]
        return (doc_id and Order.search([*company, ("vip_1c_id", "=", doc_id)], limit=1)) or Order.search(
            [*company, ("name", "in", [n for n in (number, doc_id) if n])], limit=1
        )

    def _document_values(self, doc):
        details = cml.requisites(doc)
        values = {"vip_1c_id": cml.text(doc, "Ид") or False}
        if details.get("Номер по 1С"):
            values["vip_1c_number"] = details["Номер по 1С"]
        if "Проведен" in details:
            values["vip_1c_posted"] = details["Проведен"].lower() == TRUE
        if "Дата оплаты по 1С" in details:
            values["vip_1c_payment_state"] = "paid" if details["Дата оплаты по 1С"] else "not_paid"
        if "Дата отгрузки по 1С" in details:
            values["vip_1c_shipment_state"] = "shipped" if details["Дата отгрузки по 1С"] else "not_shipped"
        status = details.get("Статус заказа") or details.get("Статус заказа ИД")
        if details.get("ПометкаУдаления", "").lower() == TRUE:
            status = "Помечен на удаление"
        if status:
            values["vip_1c_status"] = status
        return values
