import { registry } from "@web/core/registry";

// A manager opens the best sellers of a Gold client's tier from its card and keeps those the
// client does not buy yet (the Python test: test_best_seller.py, TestBestSellerTour).
registry.category("web_tour.tours").add("vip_sales_report_best_sellers", {
    steps: () => [
        {
            content: "On the phone, the card's buttons are under More",
            trigger: ".o_form_view .o-form-buttonbox .o_button_more",
            isActive: ["mobile"],
            run: "click",
        },
        {
            content: "Open the best sellers of the client's tier",
            trigger: ".o-form-buttonbox button[name=action_vip_open_best_sellers]",
            run: "click",
        },
        {
            content: "The chair sells best in the tier; the client does not buy it yet",
            trigger: ".o_kanban_record:first:contains(#1):contains(Chair Nordic):contains(Not yet)",
        },
        {
            content: "The bed comes second; the client already buys it",
            trigger: ".o_kanban_record:eq(1):contains(#2):contains(Bed Classic Oak):contains(Already buys)",
        },
        {
            trigger: ".o_control_panel button:has(.fa-search)",
            isActive: ["mobile"],
            run: "click",
        },
        {
            trigger: ".o_control_panel .o_searchview_dropdown_toggler",
            run: "click",
        },
        {
            content: "Keep the models the client does not buy yet",
            trigger: ".o_filter_menu .o_menu_item:contains(Not Bought by This Client)",
            run: "click",
        },
        {
            content: "Only the chair is left to propose for display",
            trigger:
                ".o_kanban_renderer:has(.o_kanban_record:contains(Chair Nordic))" +
                ":not(:has(.o_kanban_record:contains(Bed Classic Oak)))",
        },
    ],
});
