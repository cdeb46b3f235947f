import { registry } from "@web/core/registry";
import { openVipSalesApp } from "./vip_tour_utils";

registry.category("web_tour.tours").add("vip_sales_open_app", {
    url: "/odoo",
    steps: () => [
        ...openVipSalesApp(),
        {
            content: "The manager lands on their VIP clients and sees their own client",
            trigger: ".o_kanban_record:contains(Mebelgrad LLC):contains(Gold Tier)",
        },
        {
            content: "The configuration menu is not offered to a VIP manager",
            trigger: ".o_main_navbar:not(:has([data-menu-xmlid='vip_sales.vip_sales_menu_config']))",
        },
    ],
});
