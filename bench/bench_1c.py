"""Benchmark of the 1C exchange import (vip_sales_1c) against Odoo's own bulk load().

    python3 bench/bench_1c.py -d <database with vip_sales_1c> [--products 20000]
        [--price-types 3] [--warehouses 5]

Writes a CommerceML 2.08 catalog (import.xml: groups, products) and its offers (offers.xml:
price types, prices, stock per warehouse) of that size, imports them as 1C's exchange does,
imports them again unchanged, then loads the same rows with ``load()`` (products, pricelist
items, inventory quantities applied): the import is timed as a ratio to that load (goal
<= 1x), the unchanged re-import as a ratio to the first import (goal <= 0.2x). Reports the
process's peak memory (max RSS). Everything is rolled back.
"""

import os
import resource
import tempfile
import time

from benchlib import bench_parser, rolled_back_env

GROUPS = 50
HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<КоммерческаяИнформация xmlns="urn:1C.ru:commerceml_210" ВерсияСхемы="2.08">\n'
)


def write_catalog(path, products):
    with open(path, "w", encoding="utf-8") as out:
        out.write(HEAD + "<Классификатор><Ид>bench</Ид><Группы>")
        for g in range(GROUPS):
            out.write(f"<Группа><Ид>bench-group-{g}</Ид><Наименование>Группа {g}</Наименование></Группа>")
        out.write('</Группы></Классификатор><Каталог СодержитТолькоИзменения="false"><Товары>\n')
        for i in range(products):
            out.write(
                f"<Товар><Ид>bench-product-{i}</Ид><Артикул>ART-{i:06d}</Артикул>"
                f"<Наименование>Шкаф {i}</Наименование>"
                '<БазоваяЕдиница Код="796" НаименованиеПолное="Штука">шт</БазоваяЕдиница>'
                f"<Группы><Ид>bench-group-{i % GROUPS}</Ид></Группы><Вес>{10 + i % 90}</Вес></Товар>\n"
            )
        out.write("</Товары></Каталог></КоммерческаяИнформация>\n")


def write_offers(path, products, price_types, warehouses):
    with open(path, "w", encoding="utf-8") as out:
        out.write(HEAD + '<ПакетПредложений СодержитТолькоИзменения="false"><ТипыЦен>')
        for t in range(price_types):
            out.write(
                f"<ТипЦены><Ид>bench-price-{t}</Ид><Наименование>Цена {t}</Наименование>"
                "<Валюта>руб</Валюта></ТипЦены>"
            )
        out.write("</ТипыЦен><Предложения>\n")
        for i in range(products):
            prices = "".join(
                f"<Цена><ИдТипаЦены>bench-price-{t}</ИдТипаЦены>"
                f"<ЦенаЗаЕдиницу>{price(i, t)}</ЦенаЗаЕдиницу></Цена>"
                for t in range(price_types)
            )
            stock = "".join(
                f'<Склад ИдСклада="bench-wh-{w}" КоличествоНаСкладе="{quantity(i, w)}"/>'
                for w in range(warehouses)
            )
            out.write(
                f"<Предложение><Ид>bench-product-{i}</Ид><Наименование>Шкаф {i}</Наименование>"
                f"<Цены>{prices}</Цены>{stock}</Предложение>\n"
            )
        out.write("</Предложения></ПакетПредложений></КоммерческаяИнформация>\n")


def price(i, t):
    return 1000 + i % 500 + t * 100


def quantity(i, w):
    return (i + w) % 7 + 1


def print_counts(exchange):
    counts = (exchange.created_count, exchange.updated_count, exchange.skipped_count)
    print(f"{'':<52} created {counts[0]}, updated {counts[1]}, skipped {counts[2]}")


def max_rss_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def import_files(env, folder):
    exchange = env["vip.1c.exchange"]._open(env.user, "catalog", manual=True)
    for name in ("import.xml", "offers.xml"):
        with open(os.path.join(folder, name), "rb") as data:
            exchange._receive_chunk(name, data)
        answer, message = exchange._import(name)
        if answer != "success":
            raise SystemExit(message)
    env.flush_all()
    return exchange


def timed_step(env, label, func):
    start, queries = time.perf_counter(), env.cr.sql_log_count
    result = func()
    env.flush_all()
    elapsed = time.perf_counter() - start
    print(
        f"{label:<52} {elapsed:8.2f} s {env.cr.sql_log_count - queries:8d} queries"
        f"  max RSS {max_rss_mb():7.0f} MB"
    )
    return result, elapsed


def load_baseline(env, products, price_types, warehouses, locations):
    """The same rows through Odoo's own load(): products, then prices, then stock."""
    uom = env.ref("uom.product_uom_unit").id
    categ = env.ref("product.product_category_goods").id
    result = env["product.template"].load(
        [
            "name",
            "default_code",
            "weight",
            "categ_id/.id",
            "uom_id/.id",
            "type",
            "is_storable",
            "company_id/.id",
        ],
        [
            [
                f"Шкаф {i}",
                f"LOAD-{i:06d}",
                str(10 + i % 90),
                str(categ),
                str(uom),
                "consu",
                "1",
                str(env.company.id),
            ]
            for i in range(products)
        ],
    )
    template_ids = result["ids"]
    assert template_ids and not result["messages"], result["messages"][:3]
    pricelists = env["product.pricelist"].create([{"name": f"Load price {t}"} for t in range(price_types)])
    env["product.pricelist.item"].load(
        ["pricelist_id/.id", "applied_on", "product_tmpl_id/.id", "compute_price", "fixed_price"],
        [
            [str(pricelist.id), "1_product", str(tmpl), "fixed", str(price(i, t))]
            for t, pricelist in enumerate(pricelists)
            for i, tmpl in enumerate(template_ids)
        ],
    )
    variants = env["product.template"].browse(template_ids).product_variant_id
    quants = (
        env["stock.quant"]
        .with_context(inventory_mode=True)
        .load(
            ["product_id/.id", "location_id/.id", "inventory_quantity"],
            [
                [str(variant.id), str(location), str(quantity(i, w))]
                for i, variant in enumerate(variants)
                for w, location in enumerate(locations)
            ],
        )
    )
    env["stock.quant"].browse(quants["ids"])._apply_inventory()


def run(env, args):
    company = env.company
    warehouses = env["stock.warehouse"].create(
        [
            {
                "name": f"Bench 1C {w}",
                "code": f"B1C{w}",
                "vip_1c_id": f"bench-wh-{w}",
                "company_id": company.id,
            }
            for w in range(args.warehouses)
        ]
    )
    env.flush_all()
    print(
        f"{args.products} products, {args.price_types} price types, {args.warehouses} warehouses, "
        f"database {env.cr.dbname}; max RSS before: {max_rss_mb():.0f} MB"
    )
    with tempfile.TemporaryDirectory() as folder:
        write_catalog(os.path.join(folder, "import.xml"), args.products)
        write_offers(os.path.join(folder, "offers.xml"), args.products, args.price_types, args.warehouses)
        sizes = sum(os.path.getsize(os.path.join(folder, name)) for name in ("import.xml", "offers.xml"))
        print(f"files: {sizes / 1024**2:.1f} MB")
        env.invalidate_all()
        first, first_time = timed_step(
            env, "1C import (catalog + offers), first", lambda: import_files(env, folder)
        )
        print_counts(first)
        env.invalidate_all()
        again, again_time = timed_step(env, "1C import again, unchanged", lambda: import_files(env, folder))
        print_counts(again)
    env.invalidate_all()
    _result, load_time = timed_step(
        env,
        "Odoo load() of the same rows (products, prices, stock)",
        lambda: load_baseline(
            env, args.products, args.price_types, args.warehouses, warehouses.lot_stock_id.ids
        ),
    )
    print(f"first import / load():        {first_time / load_time:6.2f}x   (goal <= 1)")
    print(f"unchanged re-import / first:  {again_time / first_time:6.2f}x   (goal <= 0.2)")
    print(f"peak memory (max RSS):        {max_rss_mb():6.0f} MB  (goal <= 300 MB during the import)")


def main():
    parser = bench_parser(__doc__)
    parser.add_argument("--products", type=int, default=20000)
    parser.add_argument("--price-types", type=int, default=3)
    parser.add_argument("--warehouses", type=int, default=5)
    args = parser.parse_args()
    with rolled_back_env(args) as env:
        run(env, args)


if __name__ == "__main__":
    main()
