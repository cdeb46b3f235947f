{
    "name": "VIP Sales Reports",
    "summary": "Analysis, XLSX and PDF reports of VIP sales for managers and the head of sales",
    "version": "19.0.1.0.0",
    "category": "Sales/Sales",
    "author": "vip_sales developers",
    "website": "https://github.com/vip-sales/vip_sales",
    "license": "AGPL-3",
    "depends": ["vip_sales", "report_xlsx"],
    "external_dependencies": {"python": ["xlsxwriter"]},
    "data": [
        "security/ir.model.access.csv",
        "security/vip_sales_report_security.xml",
        "views/vip_sales_report_menus.xml",
        "report/vip_sales_analysis_views.xml",
        "report/vip_sales_report_reports.xml",
        "wizard/vip_report_export_views.xml",
    ],
}
