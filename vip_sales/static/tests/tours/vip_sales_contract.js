import { registry } from "@web/core/registry";
import { addProductLine, checkStatus, newProposal, pickMany2one } from "./vip_tour_utils";

const { DateTime } = luxon;
const tours = registry.category("web_tour.tours");

/** The manager prepares the supply contract of Mebelgrad and submits its terms. */
tours.add("vip_sales_contract_manager_prepares", {
    steps: () => [
        {
            content: "New supply contract",
            trigger: ".o_list_button_add",
            isActive: ["desktop"],
            run: "click",
        },
        {
            content: "New supply contract (the phone lists them as cards)",
            trigger: ".o-kanban-button-new",
            isActive: ["mobile"],
            run: "click",
        },
        {
            trigger: ".o_form_view div[name=code] input",
            run: "edit ДП-2026/014",
        },
        {
            trigger: ".o_form_view div[name=name] input",
            run: "edit Supply contract with Mebelgrad",
        },
        ...pickMany2one(".o_form_view div[name=partner_id] input", "Mebelgrad", "Mebelgrad LLC", "Client"),
        {
            content: "Valid from yesterday",
            trigger: ".o_form_view div[name=start_date] input",
            run: `edit ${DateTime.now().minus({ days: 1 }).toFormat("MM/dd/yyyy")} && press Tab`,
        },
        {
            content: "15 % on every line",
            trigger: ".o_form_view div[name=vip_discount] input",
            run: "edit 15 && press Tab",
        },
        {
            content: "Deferred payment",
            trigger: ".o_form_view div[name=vip_payment_form] .o_select_menu_toggler",
            run: "click",
        },
        {
            trigger: ".o_select_menu_item:contains(Deferred Payment)",
            run: "click",
        },
        {
            content: "30 % in advance",
            trigger: ".o_form_view div[name=vip_prepayment_share] input",
            run: "edit 30 && press Tab",
        },
        {
            content: "Credit up to 100,000",
            trigger: ".o_form_view div[name=vip_credit_limit] input",
            run: "edit 100000 && press Tab",
        },
        {
            content: "Submit the terms to the head of sales",
            trigger: ".o_form_view .o_statusbar_buttons button[name=action_vip_request_approval]",
            run: "click",
        },
        ...checkStatus("To Approve", "The terms await the head of sales"),
    ],
});

/** Under the signed contract: a proposal within its terms, then one beyond them. */
tours.add("vip_sales_contract_orders", {
    steps: () => [
        ...newProposal("Mebelgrad", "Mebelgrad LLC"),
        // The contract's 15 %.
        ...addProductLine({ product: "Sofa Verona", discount: 15 }),
        {
            content: "Open the proposal's terms",
            trigger: ".o_notebook .nav-link:contains(Proposal)",
            run: "click",
        },
        {
            content: "The client's signed contract applies, with its payment form",
            trigger: ".o_notebook div[name=agreement_id] input:value(ДП-2026/014)",
        },
        {
            trigger: ".o_notebook div[name=vip_payment_form] input:value(Deferred Payment)",
        },
        {
            content: "Within the contract's terms: nothing to approve",
            trigger: ".o_form_view:not(:has(.alert-warning:contains(exceeds))) .o_form_button_save",
            run: "click",
        },
        {
            trigger: ".o_form_view .o_form_saved",
        },
        {
            trigger: ".o_notebook .nav-link:contains(Order Lines)",
            run: "click",
        },
        {
            content: "Open the sofa's line",
            trigger: ".o_field_widget[name=order_line] .o_data_row:contains(Sofa Verona) td[name=discount]",
            isActive: ["desktop"],
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=order_line] .o_kanban_record:contains(Sofa Verona)",
            isActive: ["mobile"],
            run: "click",
        },
        {
            content: "20 %: beyond the contract",
            trigger: ".o_selected_row div[name=discount] input, .modal div[name=discount] input",
            run: "edit 20 && press Tab",
        },
        {
            trigger: ".modal .o_form_button_save",
            isActive: ["mobile"],
            run: "click",
        },
        {
            content: "The form says the contract's discount is exceeded",
            trigger: ".alert-warning:contains(exceeds the 15.00 % allowed)",
        },
        {
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            trigger: ".o_form_view .o_form_saved",
        },
    ],
});
