import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("vip_visit_done_no_order", {
    url: "/odoo/action-vip_sales.vip_visit_action",
    steps: () => [
        {
            content: "The manager's planned visits: mark the Mebelgrad one done",
            trigger: ".o_kanban_record:contains(Mebelgrad LLC) button.o_vip_visit_done",
            run: "click",
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
            content: "The visit left the planned ones; the other planned visit is still there",
            trigger:
                ".o_kanban_renderer:not(:has(.o_kanban_record:contains(Mebelgrad LLC))) .o_kanban_record:contains(Uyutny Dom LLC)",
        },
        {
            isActive: ["desktop"],
            content: "Show every visit, not only the planned ones",
            trigger: ".o_searchview_facet:contains(Planned) .o_facet_remove",
            run: "click",
        },
        {
            isActive: ["desktop"],
            content: "The visit shows as done without an order",
            trigger: ".o_kanban_record:contains(Mebelgrad LLC):contains(No order):contains(Done)",
        },
    ],
});
