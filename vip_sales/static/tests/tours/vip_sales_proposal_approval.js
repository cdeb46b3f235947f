import { registry } from "@web/core/registry";

// Three users, three tours, one proposal: the Python test chains them (test_proposal_tour.py).
const tours = registry.category("web_tour.tours");

tours.add("vip_sales_proposal_manager_builds", {
    steps: () => [
        {
            content: "Create a proposal",
            trigger: ".o_list_button_add",
            run: "click",
        },
        {
            content: "Choose the VIP client",
            trigger: ".o_field_widget[name=partner_id] input",
            run: "edit Mebelgrad",
        },
        {
            trigger: ".ui-autocomplete .ui-menu-item:not(.o_m2o_dropdown_option) a:contains(Mebelgrad LLC)",
            run: "click",
        },
        {
            content: "Add the sofa",
            trigger: ".o_field_x2many_list_row_add a:contains(Add a product)",
            run: "click",
        },
        {
            trigger: ".o_data_row div[name=product_template_id] input",
            run: "edit Sofa Verona",
        },
        {
            trigger: ".ui-autocomplete .ui-menu-item:not(.o_m2o_dropdown_option) a:contains(Sofa Verona)",
            run: "click",
        },
        {
            content: "The sofa's price comes from the product",
            trigger: ".o_data_row div[name=price_unit] input:value(1,000.00)",
        },
        {
            content: "Give it a 15 % discount",
            trigger: ".o_data_row div[name=discount] input",
            run: "edit 15 && press Tab",
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
        },
        {
            content: "The proposal waits in the head's list",
            trigger: ".o_data_row td:contains(Mebelgrad LLC)",
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
            trigger: ".o_menu_sections:not(:has(.o_vip_menu_counter))",
        },
    ],
});

tours.add("vip_sales_proposal_manager_sends", {
    steps: () => [
        {
            content: "Open the approved proposal",
            trigger: ".o_data_row td:contains(Mebelgrad LLC)",
            run: "click",
        },
        {
            content: "Send it to the client",
            trigger: ".o_statusbar_buttons button[name=action_quotation_send].btn-primary",
            run: "click",
        },
        {
            trigger: ".modal-footer button[name=action_send_mail]",
            run: "click",
        },
        {
            content: "The proposal is sent",
            trigger: ".o_statusbar_status .o_arrow_button_current:contains(Quotation Sent)",
        },
    ],
});
