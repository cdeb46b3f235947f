{
    "name": "VIP Sales: 1C Exchange",
    "summary": "Exchange with 1C:Enterprise as a site (CommerceML 2): catalog, prices and stock "
    "in; counterparties and orders out; statuses back",
    "version": "19.0.1.0.0",
    "category": "Sales/Sales",
    "author": "vip_sales developers",
    "website": "https://github.com/vip-sales/vip_sales",
    "license": "AGPL-3",
    "depends": ["vip_sales", "sale_stock"],
    "external_dependencies": {"python": ["lxml"]},
    "data": [
        "security/vip_sales_1c_groups.xml",
        "security/ir.model.access.csv",
        "security/vip_1c_exchange_security.xml",
        "data/mail_activity_type_data.xml",
        "views/vip_1c_exchange_views.xml",
        "wizard/vip_1c_manual_exchange_views.xml",
        "views/vip_sales_1c_menus.xml",
        "views/product_views.xml",
        "views/stock_warehouse_views.xml",
        "views/sale_order_views.xml",
    ],
}
