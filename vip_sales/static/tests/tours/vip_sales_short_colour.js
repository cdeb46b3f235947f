import { registry } from "@web/core/registry";
import { pickMany2one, sendProposal } from "./vip_tour_utils";

const { DateTime } = luxon;

/**
 * On the phone: the white beds of a package are short, the wizard says so and offers the oak
 * ones in stock; the manager takes oak, agrees the shipping date and the lines with the
 * client, and sends the proposal.
 */
registry.category("web_tour.tours").add("vip_sales_short_colour", {
    steps: () => [
        {
            content: "Open the package wizard from the quotation",
            trigger: ".o_form_view button:contains(Add package offer)",
            run: "click",
        },
        {
            trigger: ".modal div[name=line_ids] .o_field_x2many_list_row_add a",
            run: "click",
        },
        ...pickMany2one(
            ".modal div[name=line_ids] .o_selected_row div[name=package_id] input",
            "Bedroom Classic",
            "Bedroom Classic",
            "Package Offer"
        ),
        {
            trigger: ".modal div[name=line_ids] .o_selected_row div[name=quantity] input",
            run: "edit 2 && press Tab",
        },
        ...pickMany2one(".modal .o_inner_group div[name=color_value_id] input", "White", "White", "Colour"),
        {
            content: "The white beds are short; the oak ones are in stock",
            trigger:
                ".modal .o_vip_package_preview:contains(Bed Classic (White)):has(.o_vip_short:contains(2 short))" +
                ":contains(In stock in the quantity wanted: Bed Classic (Oak))",
        },
        ...pickMany2one(".modal .o_inner_group div[name=color_value_id] input", "Oak", "Oak", "Colour"),
        {
            content: "In oak nothing is short",
            trigger: ".modal .o_vip_package_preview:contains(Bed Classic (Oak)):not(:has(.o_vip_short))",
        },
        {
            trigger: ".modal button[name=action_add]",
            run: "click",
        },
        {
            content: "The line's card shows the oak beds free in the warehouse and when they can ship",
            trigger:
                ".o_field_widget[name=order_line] .o_kanban_record:contains(Bed Classic (Oak))" +
                ":contains(Free in stock: 5.00):contains(Can ship on)",
        },
        {
            content: "Open the proposal's terms",
            trigger: ".o_notebook a.nav-link:contains(Proposal)",
            run: "click",
        },
        {
            content: "Agree the shipping date with the client: ten days from today",
            trigger: ".o_notebook div[name=commitment_date] input",
            run: `edit ${DateTime.now().plus({ days: 10 }).toFormat("MM/dd/yyyy")} 10:00:00 && press Tab`,
        },
        {
            content: "The client agreed the lines: record it",
            trigger: ".o_statusbar_buttons button[title=More]",
            run: "click",
        },
        {
            trigger: ".o-dropdown--menu button[name=action_vip_agree_nomenclature]",
            run: "click",
        },
        {
            trigger: ".modal div[name=channel] input[data-value=phone]",
            run: "click",
        },
        {
            trigger: ".modal button[name=action_agree]",
            run: "click",
        },
        ...sendProposal(),
    ],
});
