import { registry } from "@web/core/registry";
import { openMenu, openVipSalesApp } from "./vip_tour_utils";

registry.category("web_tour.tours").add("vip_visit_done_no_order", {
    url: "/odoo",
    steps: () => [
        ...openVipSalesApp(),
        {
            content: "The menu counts the two tasks of the day",
            trigger: ".o_menu_sections [data-menu-xmlid='vip_sales.mail_activity_menu_vip_today'] .o_vip_menu_counter:contains(2)",
            isActive: ["desktop"],
        },
        ...openMenu("vip_sales.mail_activity_menu_vip_today"),
        {
            content: "Mebelgrad is due for a visit today: log it from the task",
            trigger:
                ".o_kanban_record:contains(Mebelgrad LLC):contains(VIP: visit due) button[name=action_vip_log_contact]:contains(Log Visit)",
            run: "click",
        },
        {
            content: "The dialog is the client's visit",
            trigger: ".modal div[name=partner_id]:contains(Mebelgrad LLC)",
        },
        {
            content: "The visit ended without an order",
            trigger: ".modal div[name=result] input[data-value=no_order]",
            run: "click",
        },
        {
            content: "A reason is asked for",
            trigger: ".modal div[name=no_order_reason_id] .o_select_menu_toggler",
            run: "click",
        },
        {
            // "body": on a phone the choices open in a bottom sheet, outside the dialog.
            content: "Pick one of the configured reasons",
            trigger: "body .o_select_menu_item:contains(Client overstocked)",
            run: "click",
        },
        {
            content: "Note what the client needs",
            trigger: ".modal div[name=needs] textarea",
            run: "edit Back in two weeks for the spring collection",
        },
        {
            content: "Confirm",
            trigger: ".modal .o_vip_visit_confirm_done",
            run: "click",
        },
        {
            content: "The task left today's list; the other client's call is still to do, another manager's task never showed",
            trigger:
                "body:not(:has(.modal)) .o_kanban_renderer:not(:has(.o_kanban_record:contains(Mebelgrad LLC))):not(:has(.o_kanban_record:contains(Dom Divanov JSC))) .o_kanban_record:contains(Uyutny Dom LLC) button:contains(Log Call)",
        },
        ...openMenu("vip_sales.vip_visit_menu", "vip_sales.vip_sales_menu_visits"),
        {
            content: "One task of the day is left",
            trigger: ".o_menu_sections [data-menu-xmlid='vip_sales.mail_activity_menu_vip_today'] .o_vip_menu_counter:contains(1)",
            isActive: ["desktop"],
        },
        {
            isActive: ["mobile"],
            content: "Show the search bar (folded on the phone)",
            trigger: ".o_control_panel_navigation button:has(.fa-search)",
            run: "click",
        },
        {
            content: "Show every visit, not only the planned ones",
            trigger: ".o_searchview_facet:contains(Planned) .o_facet_remove",
            run: "click",
        },
        {
            content: "The visit shows as done without an order",
            trigger: ".o_kanban_record:contains(Mebelgrad LLC):contains(No order):contains(Done)",
        },
    ],
});
