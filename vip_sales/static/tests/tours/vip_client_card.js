import { registry } from "@web/core/registry";

// Opened on a client whose card misses only its KPP: fill it in from the VIP tab.
registry.category("web_tour.tours").add("vip_client_card", {
    steps: () => [
        {
            content: "The tier and the card's completeness are in the card's header, above the tabs",
            trigger: ".o_form_sheet .o_vip_badges:contains(Gold):contains(91)",
        },
        {
            content: "The VIP tab is the first one, opened with the card",
            trigger: ".o_notebook .nav-item:first-child .nav-link.active:contains(VIP)",
        },
        {
            content: "Open the VIP tab of the client",
            trigger: ".o_notebook .nav-link:contains(VIP)",
            run: "click",
        },
        {
            content: "The card is 90% complete, the KPP is missing",
            trigger: "div[name=vip_card_missing]:contains(KPP)",
        },
        {
            content: "The client's bank account is on the card, with its BIK: a card on the phone",
            trigger: "div[name=bank_ids] .o_kanban_record:contains(044525225)",
            isActive: ["mobile"],
        },
        {
            content: "The client's bank account is on the card, with its BIK: a row at the desk",
            trigger: "div[name=bank_ids] .o_data_row:contains(044525225)",
            isActive: ["desktop"],
        },
        {
            content: "Enter the KPP",
            trigger: "div[name=vip_kpp] input",
            run: "edit 773601001",
        },
        {
            content: "Save the client",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "The card is complete: nothing is listed as missing any more",
            trigger: ".o_form_saved .o_notebook:not(:has(div[name=vip_card_missing]))",
        },
    ],
});
