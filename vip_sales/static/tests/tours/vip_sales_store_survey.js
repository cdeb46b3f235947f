import { registry } from "@web/core/registry";

// A VIP manager, on the phone or at the desk, opens a client card, surveys one of its
// stores and comes back to the card: the assortment share that said "No survey yet" now
// shows the survey's figure against the tier's target.
registry.category("web_tour.tours").add("vip_sales_store_survey", {
    steps: () => [
        {
            content: "Open the VIP tab of the client card",
            trigger: ".o_notebook_headers a:contains(VIP)",
            run: "click",
        },
        {
            content: "The floor share is there, the assortment share waits for a survey",
            trigger: "div[name=vip_floor_share]:not(:contains(No store yet)) .o_field_widget:contains(12.50)",
        },
        {
            trigger: "div[name=vip_assortment_share]:contains(No survey yet)",
        },
        {
            content: "Open the client's stores",
            trigger: "button[name=action_vip_open_stores]",
            run: "click",
        },
        {
            content: "The store has no survey yet: open it",
            trigger: ".o_kanban_record:contains(Tour Store):contains(No survey yet)",
            run: "click",
        },
        {
            content: "On the phone, each brand section is a card that fits the screen",
            trigger: "div[name=section_ids] .o_kanban_record:contains(Section 25 m²):contains(Installed)",
            isActive: ["mobile"],
        },
        {
            content: "At the desk, a row of the sections' table",
            trigger: "div[name=section_ids] .o_data_row:contains(Section 25 m²)",
            isActive: ["desktop"],
        },
        {
            content: "Start a survey of the store",
            trigger: ".o_form_view button[name=action_new_survey]",
            run: "click",
        },
        {
            content: "Count all the furniture models on the floor",
            trigger: ".modal div[name=total_sku_count] input",
            run: "edit 200",
        },
        {
            content: "Count ours",
            trigger: ".modal div[name=our_sku_count] input",
            run: "edit 50",
        },
        {
            content: "Note what was seen",
            trigger: ".modal div[name=notes] textarea",
            run: "edit Our sofas are at the entrance",
        },
        {
            content: "The survey shows its assortment share",
            trigger: ".modal div[name=assortment_share]:contains(25.00)",
        },
        {
            content: "Save the survey",
            trigger: ".modal-footer button.btn-primary:contains(Save)",
            run: "click",
        },
        {
            content: "The store now shows its assortment share",
            trigger:
                "body:not(:has(.modal)) .o_form_view div[name=assortment_share]:not(:contains(No survey yet))" +
                " .o_field_widget:contains(25.00)",
        },
        {
            content: "Back to the stores",
            trigger: ".o_back_button",
            run: "click",
        },
        {
            trigger: ".o_kanban_record:contains(Tour Store):contains(25.00)",
        },
        {
            content: "Back to the client card",
            trigger: ".o_back_button",
            run: "click",
        },
        {
            trigger: ".o_notebook_headers a:contains(VIP)",
            run: "click",
        },
        {
            content: "The client's assortment share changed: 25 % against a 15 % target",
            trigger: "div[name=vip_assortment_share] .o_field_widget:contains(25.00)",
        },
        {
            trigger: "div[name=vip_assortment_share_gap]:contains(-10.00)",
        },
    ],
});
