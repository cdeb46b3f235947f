{
    "name": "VIP Sales",
    "summary": "Key-account (VIP client) sales: tiers, stores and brand sections, "
    "plans, visits, trips, approved proposals and package offers",
    "version": "19.0.1.0.0",
    "category": "Sales/Sales",
    "author": "vip_sales developers",
    "website": "https://github.com/vip-sales/vip_sales",
    "license": "AGPL-3",
    "application": True,
    "depends": ["sale_management", "delivery", "calendar", "contacts"],
    "external_dependencies": {"python": ["python-stdnum"]},
    "data": [
        "security/vip_sales_groups.xml",
        "security/ir.model.access.csv",
        "data/ir_cron_data.xml",
        "views/vip_sales_menus.xml",
        "views/vip_tier_views.xml",
        "views/res_partner_views.xml",
        # Package offers and order logistics
        "security/vip_product_package_security.xml",
        "security/vip_vehicle_type_security.xml",
        "wizard/vip_package_add_views.xml",
        "views/product_template_views.xml",
        "views/vip_product_package_views.xml",
        "views/vip_vehicle_type_views.xml",
        "views/delivery_carrier_views.xml",
        "views/sale_order_logistics_views.xml",
        "report/sale_order_logistics_templates.xml",
        # VIP client card: hand-over, Russian requisites, no-order watch, info letters
        "security/vip_handover_security.xml",
        "data/mail_activity_type_data.xml",
        "data/mail_template_data.xml",
        "views/vip_handover_views.xml",
        "views/res_bank_views.xml",
    ],
    "demo": [
        "demo/vip_sales_demo.xml",
        "demo/vip_client_demo.xml",
        "demo/vip_package_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "vip_sales/static/tests/tours/**/*",
        ],
    },
}
