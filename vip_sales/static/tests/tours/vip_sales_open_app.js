import { registry } from "@web/core/registry";
import { openMenu, openVipSalesApp } from "./vip_tour_utils";

registry.category("web_tour.tours").add("vip_sales_open_app", {
    url: "/odoo",
    steps: () => [
        ...openVipSalesApp(),
        {
            content: "The manager's day starts on today's tasks",
            trigger: '.o_breadcrumb:contains("Today\'s Tasks")',
        },
        ...openMenu("vip_sales.res_partner_menu_vip", "vip_sales.vip_sales_menu_clients"),
        {
            content: "The manager sees their own VIP client",
            trigger: ".o_kanban_record:contains(Mebelgrad LLC):contains(Gold Tier)",
        },
        {
            content: "The configuration menu is not offered to a VIP manager",
            trigger: ".o_main_navbar:not(:has([data-menu-xmlid='vip_sales.vip_sales_menu_config']))",
        },
    ],
});
