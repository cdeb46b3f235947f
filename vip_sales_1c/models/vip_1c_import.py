import time
from dataclasses import dataclass, field

from odoo import SUPERUSER_ID, Command, models
from odoo.tools import float_compare

from ..tools import commerceml as cml

# Records are read and written by batches of that many 1C items: a few queries per batch,
# whatever the size of the file.
BATCH_SIZE = 500
# Units of 1C by their OKEI code (БазоваяЕдиница/@Код).
OKEI_UOMS = {
    "796": "uom.product_uom_unit",
    "166": "uom.product_uom_kgm",
    "163": "uom.product_uom_gram",
    "168": "uom.product_uom_ton",
    "006": "uom.product_uom_meter",
    "004": "uom.product_uom_cm",
    "055": "uom.product_uom_square_meter",
    "113": "uom.product_uom_cubic_meter",
    "112": "uom.product_uom_litre",
    "111": "uom.product_uom_milliliter",
    "356": "uom.product_uom_hour",
}
SERVICE = "услуга"
# The attribute of characteristics that come with no properties, by their name only.
CHARACTERISTIC = "Характеристика"
CURRENCIES = {"руб": "RUB", "руб.": "RUB", "rur": "RUB"}
# (local name, depth) of what is read: the root is at depth 0.
WANTED = {
    ("Группы", 2),  # Классификатор/Группы, the whole tree at once (it is small)
    ("ТипыЦен", 2),  # ПакетПредложений/ТипыЦен (or Классификатор/ТипыЦен)
    ("Товар", 3),  # Каталог/Товары/Товар
    ("Предложение", 3),  # ПакетПредложений/Предложения/Предложение
}
STARTS = {("Каталог", 1), ("ПакетПредложений", 1)}
# Fields that a template with variants keeps on each variant.
VARIANT_FIELDS = ("default_code", "weight", "volume")
PRODUCT_FIELDS = (
    "name",
    "default_code",
    "categ_id",
    "weight",
    "volume",
    "description_sale",
    "type",
    "active",
)


@dataclass
class ImportRun:
    """What one file's import keeps between its batches."""

    exchange: object
    file_name: str
    created: int = 0
    updated: int = 0
    skipped: int = 0
    full_catalog: bool = False
    products: list = field(default_factory=list)
    offers: list = field(default_factory=list)
    seen_templates: set = field(default_factory=set)
    categories: dict = field(default_factory=dict)
    pricelists: dict | None = None
    warehouses: dict | None = None
    uoms: dict = field(default_factory=dict)
    attributes: dict = field(default_factory=dict)
    unknown: set = field(default_factory=set)

    def error(self, message, line=None):
        self.exchange._log_error(message, self.file_name, line)


class Vip1cImport(models.AbstractModel):
    _name = "vip.1c.import"
    _description = "1C Catalog and Offers Import"

    def _import_file(self, exchange, path, file_name, skip=0, deadline=None):
        """Import a CommerceML file of 1C (a catalog, offers, or both in one) into the company of
        ``exchange``; the caller holds the savepoint that undoes it all on a CommerceMLError.

        :param skip: how many products and offers an earlier call imported already
        :param deadline: a ``time.monotonic()`` after which the import stops at the end of a
            batch, to go on at the next call
        :return: the counts ``created``, ``updated``, ``skipped``, and ``position`` (products
            and offers imported so far) when the import stopped before the end
        """
        importer = (
            self.sudo()
            .with_company(exchange.company_id)
            .with_context(active_test=False, tracking_disable=True)
        )
        run = ImportRun(exchange, file_name)
        index = 0
        for event, element in cml.iter_elements(path, WANTED, STARTS):
            name = cml.local(element.tag)
            if event == "start":
                if name == "Каталог":
                    run.full_catalog = not cml.only_changes(element.attrib)
            elif name == "Группы":
                importer._import_groups(run, element)
            elif name == "ТипыЦен":
                importer._import_price_types(run, element)
            else:
                index += 1
                if index <= skip:  # imported by an earlier call
                    if name == "Товар":
                        run.seen_templates.add(cml.text(element, "Ид"))
                elif (
                    importer._add_item(run, name, element)
                    and deadline is not None
                    and time.monotonic() > deadline
                ):
                    return {
                        "created": run.created,
                        "updated": run.updated,
                        "skipped": run.skipped,
                        "position": index,
                    }
        importer._flush_products(run)
        importer._flush_offers(run)
        if run.full_catalog:
            importer._archive_missing(run)
        return {"created": run.created, "updated": run.updated, "skipped": run.skipped}

    def _add_item(self, run, name, element):
        """Read a Товар or Предложение into its batch; import the batch once it is full, then
        forget the records read for it (the cache of a big file's import stays the size of a
        batch).

        :return: whether a batch was imported
        """
        if name == "Товар":
            run.products.append(self._read_product(element))
            if len(run.products) < BATCH_SIZE:
                return False
            self._flush_products(run)
        else:
            run.offers.append(self._read_offer(element))
            if len(run.offers) < BATCH_SIZE:
                return False
            self._flush_offers(run)
        self.env.flush_all()
        self.env.invalidate_all()
        return True

    # === CATALOG (import.xml) === #
    def _import_groups(self, run, element):
        """Groups of the Классификатор -> product categories (by Ид), parents first."""
        rows = []

        def walk(groups, parent):
            for group in cml.children(groups, "Группа"):
                rows.append((cml.text(group, "Ид"), cml.text(group, "Наименование"), parent))
                sub = cml.child(group, "Группы")
                if sub is not None:
                    walk(sub, rows[-1][0])

        walk(element, None)
        Category = self.env["product.category"]
        existing = {
            c.vip_1c_id: c
            for c in Category.search_fetch(
                [("vip_1c_id", "in", [r[0] for r in rows])], ["vip_1c_id", "name", "parent_id"]
            )
        }
        for group_id, name, parent in rows:
            parent_id = existing[parent].id if parent else False
            category = existing.get(group_id)
            if not category:
                existing[group_id] = Category.create(
                    {"name": name, "parent_id": parent_id, "vip_1c_id": group_id}
                )
                run.created += 1
            elif (category.name, category.parent_id.id) != (name, parent_id):
                category.write({"name": name, "parent_id": parent_id})
                run.updated += 1
        run.categories.update({key: category.id for key, category in existing.items()})

    def _read_product(self, element):
        details = cml.requisites(element)
        kind = (details.get("ТипНоменклатуры") or details.get("ВидНоменклатуры") or "").lower()
        unit = cml.child(element, "БазоваяЕдиница")
        status = cml.text(element, "Статус").lower()
        return {
            "id": cml.text(element, "Ид"),
            "line": element.sourceline,
            "name": cml.text(element, "Наименование"),
            "default_code": cml.text(element, "Артикул") or False,
            "group": cml.text(element, "Группы/Ид"),
            "weight": cml.number(cml.text(element, "Вес") or details.get("Вес")) or 0.0,
            "volume": cml.number(cml.text(element, "Объем") or details.get("Объем")) or 0.0,
            "description_sale": cml.text(element, "Описание") or False,
            "type": "service" if kind == SERVICE else "consu",
            "active": status != "удален" and cml.text(element, "ПометкаУдаления").lower() != "true",
            "unit": (unit.get("Код", ""), unit.get("НаименованиеПолное", ""), (unit.text or "").strip())
            if unit is not None
            else None,
        }

    def _flush_products(self, run):
        batch, run.products = run.products, []
        if not batch:
            return
        Template = self.env["product.template"]
        company = self.env.company
        ids = [row["id"] for row in batch]
        existing = {
            t.vip_1c_id: t
            for t in Template.search_fetch(
                [("vip_1c_id", "in", ids), ("company_id", "=", company.id)],
                ["vip_1c_id", "product_variant_count", *PRODUCT_FIELDS],
            )
        }
        missing_groups = {row["group"] for row in batch if row["group"]} - run.categories.keys()
        if missing_groups:
            run.categories.update(
                {
                    c.vip_1c_id: c.id
                    for c in self.env["product.category"].search_fetch(
                        [("vip_1c_id", "in", list(missing_groups))], ["vip_1c_id"]
                    )
                }
            )
        to_create = []
        for row in batch:
            if not row["id"] or not row["name"] or "#" in row["id"]:
                # A characteristic listed as a product: its offer makes the variant.
                if "#" not in row["id"]:
                    run.error(self.env._("A product without Ид or name is skipped."), row["line"])
                run.skipped += 1
                continue
            run.seen_templates.add(row["id"])
            vals = {fname: row[fname] for fname in PRODUCT_FIELDS if fname != "categ_id"}
            vals["categ_id"] = run.categories.get(row["group"]) or False
            template = existing.get(row["id"])
            if template is None:
                vals["categ_id"] = vals["categ_id"] or self.env.ref("product.product_category_goods").id
                vals.update(
                    vip_1c_id=row["id"],
                    company_id=company.id,
                    is_storable=row["type"] == "consu",
                    uom_id=self._uom(run, row["unit"]),
                )
                to_create.append(vals)
                existing[row["id"]] = Template  # a second row of the same Ид updates nothing
                continue
            if not template:
                continue
            if not vals["categ_id"]:
                del vals["categ_id"]  # a product of no 1C group keeps the category given in Odoo
            if template.product_variant_count > 1:
                for fname in VARIANT_FIELDS:  # each variant (characteristic) has its own
                    del vals[fname]
            changed = {fname: value for fname, value in vals.items() if self._differs(template, fname, value)}
            if changed:
                template.write(changed)
                run.updated += 1
        if to_create:
            Template.create(to_create)
            run.created += len(to_create)

    def _differs(self, record, fname, value):
        current = record[fname]
        if isinstance(current, models.BaseModel):
            return current.id != (value or False)
        if isinstance(current, float):
            return float_compare(current, value or 0.0, precision_digits=6) != 0
        return (current or False) != (value or False)

    def _uom(self, run, unit):
        """The unit of 1C's БазоваяЕдиница (code, full name, short name): by OKEI code, else by
        name, else a new unit."""
        if not unit:
            return self.env.ref("uom.product_uom_unit").id
        if unit not in run.uoms:
            code, full_name, short_name = unit
            uom = self.env.ref(OKEI_UOMS[code], raise_if_not_found=False) if code in OKEI_UOMS else None
            if not uom:
                names = [name for name in (short_name, full_name) if name]
                uom = self.env["uom.uom"].search([("name", "in", names)], limit=1) if names else None
            if not uom:
                uom = self.env["uom.uom"].create({"name": short_name or full_name or code})
            run.uoms[unit] = uom.id
        return run.uoms[unit]

    def _archive_missing(self, run):
        """A full catalog (СодержитТолькоИзменения=false) lists every product: those of 1C it no
        longer lists are archived."""
        gone = self.env["product.template"].search(
            [
                ("vip_1c_id", "!=", False),
                ("vip_1c_id", "not in", list(run.seen_templates)),
                ("company_id", "=", self.env.company.id),
                ("active", "=", True),
            ]
        )
        if gone:
            gone.action_archive()
            run.updated += len(gone)

    # === OFFERS (offers.xml): price types, prices, stock === #
    def _import_price_types(self, run, element):
        """ТипыЦен -> one pricelist per price type, by its Ид."""
        Pricelist = self.env["product.pricelist"]
        self._load_pricelists(run)
        for price_type in cml.children(element, "ТипЦены"):
            type_id = cml.text(price_type, "Ид")
            name = cml.text(price_type, "Наименование")
            currency = self._currency(cml.text(price_type, "Валюта"))
            pricelist = run.pricelists.get(type_id)
            if not pricelist:
                run.pricelists[type_id] = Pricelist.create(
                    {
                        "name": name,
                        "vip_1c_id": type_id,
                        "currency_id": currency.id,
                        "company_id": self.env.company.id,
                    }
                )
                run.created += 1
            elif pricelist.name != name or pricelist.currency_id != currency:
                pricelist.write({"name": name, "currency_id": currency.id})
                run.updated += 1

    def _load_pricelists(self, run):
        if run.pricelists is None:
            run.pricelists = {
                p.vip_1c_id: p
                for p in self.env["product.pricelist"].search_fetch(
                    [("vip_1c_id", "!=", False), ("company_id", "=", self.env.company.id)],
                    ["vip_1c_id", "name", "currency_id"],
                )
            }

    def _currency(self, code):
        code = CURRENCIES.get(code.lower(), code.upper())
        return self.env["res.currency"].search([("name", "=", code)], limit=1) or self.env.company.currency_id

    def _load_warehouses(self, run):
        if run.warehouses is None:
            warehouses = self.env["stock.warehouse"].search_fetch(
                [("company_id", "=", self.env.company.id)], ["vip_1c_id", "lot_stock_id"]
            )
            run.warehouses = {w.vip_1c_id: w.lot_stock_id.id for w in warehouses if w.vip_1c_id}
            # What 1C gives as one total (Количество) goes to the company's first warehouse.
            run.warehouses[None] = warehouses[:1].lot_stock_id.id

    def _read_offer(self, element):
        stock = {}
        for store in cml.children(element, "Склад"):  # 2.08+: <Склад ИдСклада="…" КоличествоНаСкладе="…"/>
            stock[store.get("ИдСклада", "")] = cml.number(store.get("КоличествоНаСкладе")) or 0.0
        rests = cml.child(element, "Остатки")  # 2.09+: Остатки/Остаток/Склад/(Ид, Количество)
        for rest in cml.children(rests, "Остаток") if rests is not None else []:
            store = cml.child(rest, "Склад")
            if store is not None:
                stock[cml.text(store, "Ид")] = cml.number(cml.text(store, "Количество")) or 0.0
        total = cml.number(cml.text(element, "Количество"))
        if not stock and total is not None:
            stock[None] = total
        prices = cml.child(element, "Цены")
        features = cml.child(element, "ХарактеристикиТовара")
        return {
            "id": cml.text(element, "Ид"),
            "name": cml.text(element, "Наименование"),
            "line": element.sourceline,
            "prices": [
                (cml.text(price, "ИдТипаЦены"), cml.number(cml.text(price, "ЦенаЗаЕдиницу")) or 0.0)
                for price in (cml.children(prices, "Цена") if prices is not None else [])
            ],
            "stock": stock,
            "features": [
                (cml.text(feature, "Наименование"), cml.text(feature, "Значение"))
                for feature in (
                    cml.children(features, "ХарактеристикаТовара") if features is not None else []
                )
            ],
        }

    def _flush_offers(self, run):
        batch, run.offers = run.offers, []
        if not batch:
            return
        self._load_pricelists(run)
        self._load_warehouses(run)
        company = self.env.company
        template_ids = {row["id"].partition("#")[0] for row in batch}
        templates = {
            t.vip_1c_id: t
            for t in self.env["product.template"].search_fetch(
                [("vip_1c_id", "in", list(template_ids)), ("company_id", "=", company.id)],
                ["vip_1c_id", "is_storable", "product_variant_ids"],
            )
        }
        variants = {
            (v.product_tmpl_id.id, v.vip_1c_id): v
            for v in self.env["product.product"].search_fetch(
                [
                    ("vip_1c_id", "in", [row["id"] for row in batch if "#" in row["id"]]),
                    ("product_tmpl_id", "in", [t.id for t in templates.values()]),
                ],
                ["vip_1c_id", "product_tmpl_id"],
            )
        }
        new_features = {}
        targets = []
        for row in batch:
            template = templates.get(row["id"].partition("#")[0])
            if not template:
                run.error(
                    self.env._(
                        "Offer %(id)s (%(name)s): no product of 1C with this Ид; skipped.",
                        id=row["id"],
                        name=row["name"],
                    ),
                    row["line"],
                )
                run.skipped += 1
                continue
            if "#" in row["id"] and (template.id, row["id"]) not in variants:
                if not row["features"]:
                    # A characteristic of no properties: its name is all there is ("Шарик (Желтый)").
                    name = row["name"]
                    value = name[name.rindex("(") + 1 : -1] if name.endswith(")") and "(" in name else name
                    row["features"] = [(CHARACTERISTIC, value or row["id"])]
                new_features.setdefault(template, []).append(row)
            targets.append((row, template))
        for template, rows in new_features.items():
            variants.update(
                {
                    (template.id, key): variant
                    for key, variant in self._make_variants(run, template, rows).items()
                }
            )
        prices, stock = [], []
        for row, template in targets:
            if "#" in row["id"]:
                variant = variants.get((template.id, row["id"]))
                if not variant:
                    continue
                item_key = ("0_product_variant", variant.id)
            else:
                # The product itself, when 1C gives it no characteristics: its one variant.
                variant = template.product_variant_ids
                variant = variant if len(variant) == 1 and not variant.vip_1c_id else None
                item_key = ("1_product", template.id)
            prices += [(row, price_type, price, item_key) for price_type, price in row["prices"]]
            if variant and template.is_storable:
                stock += [(row, store, qty, variant) for store, qty in row["stock"].items()]
        self._import_prices(run, prices)
        self._import_stock(run, stock)

    def _make_variants(self, run, template, rows):
        """Variants of ``template`` for characteristics of 1C it has not yet: their values
        (ХарактеристикиТовара: colour, size…) become attributes of the template, created on
        demand (dynamic), so that the variants are the characteristics of 1C and no other
        combination.

        :return: {characteristic Ид: variant}
        """
        names = {name for row in rows for name, _value in row["features"]} - run.attributes.keys()
        if names:
            Attribute = self.env["product.attribute"]
            found = {
                a.name: a
                for a in Attribute.search_fetch([("name", "in", list(names))], ["name", "value_ids"])
            }
            for name in names:
                found[name] = found.get(name) or Attribute.create({"name": name, "create_variant": "dynamic"})
            run.attributes.update(found)
        wanted = {}
        for row in rows:
            row["values"] = self._attribute_values(run, row["features"])
            for value in row["values"]:
                wanted[value.attribute_id] = wanted.get(value.attribute_id, value.browse()) | value
        # What 1C gave the product (Артикул, weight) each of its characteristics has too.
        alone = template.product_variant_ids
        defaults = (
            {fname: alone[fname] for fname in VARIANT_FIELDS}
            if len(alone) == 1 and not alone.vip_1c_id
            else {}
        )
        lines = {line.attribute_id: line for line in template.attribute_line_ids}
        commands = []
        for attribute, values in wanted.items():
            line = lines.get(attribute)
            if not line:
                commands.append(
                    Command.create({"attribute_id": attribute.id, "value_ids": [Command.set(values.ids)]})
                )
            elif values - line.value_ids:
                commands.append(
                    Command.update(
                        line.id, {"value_ids": [Command.link(v.id) for v in values - line.value_ids]}
                    )
                )
        if commands:
            template.write({"attribute_line_ids": commands})
        template_values = template.attribute_line_ids.product_template_value_ids
        made = {}
        for row in rows:
            combination = template_values.filtered(
                lambda ptav, row=row: ptav.product_attribute_value_id in row["values"]
            )
            variant = None
            if len(combination) == len(template.attribute_line_ids):
                variant = template._create_product_variant(combination)
            if not variant or variant.vip_1c_id:
                run.error(
                    self.env._(
                        "Characteristic %s lacks a property the other characteristics of its "
                        "product have, or repeats one of them; skipped.",
                        row["id"],
                    ),
                    row["line"],
                )
                run.skipped += 1
                continue
            variant.write({**defaults, "vip_1c_id": row["id"]})
            made[row["id"]] = variant
            run.created += 1
        return made

    def _attribute_values(self, run, features):
        """The attribute values of the (property, value) pairs of a characteristic, created as
        needed."""
        values = self.env["product.attribute.value"]
        for name, value_name in features:
            attribute = run.attributes[name]
            value = attribute.value_ids.filtered(lambda v, value_name=value_name: v.name == value_name)[:1]
            if not value:
                value = values.create({"attribute_id": attribute.id, "name": value_name})
                attribute.invalidate_recordset(["value_ids"])
            values |= value
        return values

    def _import_prices(self, run, prices):
        """Prices (row, price type Ид, price, (applied_on, record id)) -> fixed-price items of the
        pricelist of each price type: created, changed, or left alone when equal."""
        if not prices:
            return
        Item = self.env["product.pricelist.item"]
        pricelists = [p.id for p in run.pricelists.values()]
        items = Item.search_fetch(
            [
                ("pricelist_id", "in", pricelists),
                ("compute_price", "=", "fixed"),
                "|",
                "&",
                ("applied_on", "=", "1_product"),
                ("product_tmpl_id", "in", [key[1] for *_r, key in prices if key[0] == "1_product"]),
                "&",
                ("applied_on", "=", "0_product_variant"),
                ("product_id", "in", [key[1] for *_r, key in prices if key[0] == "0_product_variant"]),
            ],
            ["pricelist_id", "applied_on", "product_tmpl_id", "product_id", "fixed_price"],
        )
        existing = {
            (
                item.pricelist_id.id,
                item.applied_on,
                (item.product_id if item.applied_on == "0_product_variant" else item.product_tmpl_id).id,
            ): item
            for item in items
        }
        digits = self.env["decimal.precision"].precision_get("Product Price")
        to_create = []
        skipped_rows = set()
        for row, price_type, price, (applied_on, res_id) in prices:
            pricelist = run.pricelists.get(price_type)
            if not pricelist:
                if row["id"] not in skipped_rows:
                    run.error(
                        self.env._(
                            "Offer %(id)s: unknown price type %(type)s; price skipped.",
                            id=row["id"],
                            type=price_type,
                        ),
                        row["line"],
                    )
                    run.skipped += 1
                    skipped_rows.add(row["id"])
                continue
            item = existing.get((pricelist.id, applied_on, res_id))
            if item is None:
                target = "product_id" if applied_on == "0_product_variant" else "product_tmpl_id"
                to_create.append(
                    {
                        "pricelist_id": pricelist.id,
                        "applied_on": applied_on,
                        target: res_id,
                        "compute_price": "fixed",
                        "fixed_price": price,
                    }
                )
                existing[(pricelist.id, applied_on, res_id)] = Item
            elif item and float_compare(item.fixed_price, price, precision_digits=digits):
                item.fixed_price = price
                run.updated += 1
        if to_create:
            Item.create(to_create)
            run.created += len(to_create)

    def _import_stock(self, run, stock):
        """Stock (row, 1C warehouse Ид or None for the total, quantity, variant) -> the on-hand
        quantity of the warehouse's stock location, through an inventory adjustment."""
        if not stock:
            return
        Quant = self.env["stock.quant"].with_user(SUPERUSER_ID).with_context(inventory_mode=True)
        rows = []
        for row, store, qty, variant in stock:
            location = run.warehouses.get(store)
            if not location:
                if store not in run.unknown:
                    run.error(
                        self.env._(
                            "Warehouse %s of 1C is no warehouse's 1C Warehouse ID; its stock is skipped.",
                            store,
                        ),
                        row["line"],
                    )
                    run.unknown.add(store)
                run.skipped += 1
                continue
            rows.append((variant.id, location, qty))
        on_hand = {
            (product.id, location.id): quantity
            for product, location, quantity in Quant._read_group(
                [
                    ("product_id", "in", [r[0] for r in rows]),
                    ("location_id", "in", list({r[1] for r in rows})),
                ],
                ["product_id", "location_id"],
                ["quantity:sum"],
            )
        }
        changed = [
            {"product_id": product, "location_id": location, "inventory_quantity": qty}
            for product, location, qty in rows
            if float_compare(on_hand.get((product, location), 0.0), qty, precision_digits=6)
        ]
        if changed:
            Quant.create(changed)._apply_inventory()
            run.updated += len(changed)
