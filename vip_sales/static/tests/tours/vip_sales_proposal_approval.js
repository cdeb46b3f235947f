import { registry } from "@web/core/registry";
import { addPackageOffer, addProductLine, newProposal, sendProposal } from "./vip_tour_utils";

// Three users, three tours, one proposal: the Python test chains them (test_proposal_tour.py).
const tours = registry.category("web_tour.tours");

tours.add("vip_sales_proposal_manager_builds", {
    steps: () => [
        ...newProposal("Mebelgrad", "Mebelgrad LLC"),
        // The wizard saves the new quotation first; the package's own discount is pre-approved.
        ...addPackageOffer({
            packageName: "Bedroom Classic",
            quantity: 2,
            colour: "White",
            products: ["Bed Classic (White)", "Chair (White)", "Table"],
            tonnage: "0.178",
            cartons: 8,
            truckPlan: "1 × Gazelle",
            lines: [
                ["Bed Classic (White)", "2.00"],
                ["Chair (White)", "4.00"],
                ["Table", "2.00"],
            ],
        }),
        ...addProductLine({ product: "Sofa Verona", discount: 15, price: "1,000.00" }),
        {
            content: "The line's card shows the discount",
            trigger: ".o_field_widget[name=order_line] .o_kanban_record:contains(Sofa Verona):contains(15.00)",
            isActive: ["mobile"],
        },
        {
            content: "Open the proposal's terms",
            trigger: ".o_notebook .nav-link:contains(Proposal)",
            run: "click",
        },
        {
            content: "Make it an individual proposal",
            trigger: "div[name=vip_proposal_type] .o_select_menu_toggler",
            run: "click",
        },
        {
            trigger: ".o_select_menu_item:contains(Individual)",
            run: "click",
        },
        {
            content: "The form says why the head of sales must approve it",
            trigger: ".alert-warning:contains(Individual proposal):contains(Discount of 15.00 %)",
        },
        {
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Sending is not offered before approval",
            trigger:
                ".o_statusbar_buttons:has(button[name=action_vip_request_approval]):not(:has(button[name=action_quotation_send].btn-primary))",
        },
        {
            content: "Request the approval",
            trigger: "button[name=action_vip_request_approval]",
            run: "click",
        },
        {
            trigger: ".alert-warning:contains(await the approval of the head of sales)",
        },
    ],
});

tours.add("vip_sales_proposal_head_approves", {
    steps: () => [
        {
            content: "The menu counts the proposals to approve",
            trigger:
                ".o_menu_sections [data-menu-xmlid='vip_sales.vip_sales_menu_to_approve'] .o_vip_menu_counter:contains(1)",
            isActive: ["desktop"],
        },
        {
            content: "The menu counts the proposals to approve (the phone's side menu)",
            trigger: ".o_main_navbar .o_menu_toggle",
            isActive: ["mobile"],
            run: "click",
        },
        {
            trigger: ".o_app_menu_sidebar [data-menu-xmlid='vip_sales.sale_order_menu_vip_to_approve'] .o_vip_menu_counter:contains(1)",
            isActive: ["mobile"],
        },
        {
            trigger: ".o_app_menu_sidebar .o_sidebar_close",
            isActive: ["mobile"],
            run: "click",
        },
        {
            content: "The proposal waits in the head's list",
            trigger: ".o_data_row td:contains(Mebelgrad LLC)",
            isActive: ["desktop"],
            run: "click",
        },
        {
            content: "The proposal waits in the head's list",
            trigger: "body:not(:has(.o_app_menu_sidebar)) .o_kanban_record:contains(Mebelgrad LLC)",
            isActive: ["mobile"],
            run: "click",
        },
        {
            content: "Approve its special terms",
            trigger: "button[name=action_vip_approve]",
            run: "click",
        },
        {
            trigger: ".alert-success:contains(Special terms approved by)",
        },
        {
            content: "Nothing is left to approve",
            trigger: ".o_menu_sections [data-menu-xmlid='vip_sales.vip_sales_menu_to_approve']:not(:has(.o_vip_menu_counter))",
            isActive: ["desktop"],
        },
        {
            content: "Nothing is left to approve",
            trigger: ".o_main_navbar .o_menu_toggle",
            isActive: ["mobile"],
            run: "click",
        },
        {
            trigger:
                ".o_app_menu_sidebar [data-menu-xmlid='vip_sales.sale_order_menu_vip_to_approve']:not(:has(.o_vip_menu_counter))",
            isActive: ["mobile"],
        },
    ],
});

tours.add("vip_sales_proposal_manager_sends", {
    steps: () => [
        {
            content: "Open the approved proposal",
            trigger: ".o_data_row td:contains(Mebelgrad LLC)",
            isActive: ["desktop"],
            run: "click",
        },
        {
            content: "Open the approved proposal",
            trigger: ".o_kanban_record:contains(Mebelgrad LLC)",
            isActive: ["mobile"],
            run: "click",
        },
        ...sendProposal(),
    ],
});
