import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("vip_sales_add_package_offer", {
    steps: () => [
        {
            content: "Open the package wizard from the quotation",
            trigger: ".o_form_view button:contains(Add package offer)",
            run: "click",
        },
        {
            content: "Add a package offer",
            trigger: ".modal div[name=line_ids] .o_field_x2many_list_row_add a",
            run: "click",
        },
        {
            trigger: ".modal div[name=line_ids] .o_selected_row div[name=package_id] input",
            run: "edit Bedroom",
        },
        {
            trigger: ".ui-menu-item-wrapper:contains(Bedroom Classic)",
            run: "click",
        },
        {
            content: "Two sets",
            trigger: ".modal div[name=line_ids] .o_selected_row div[name=quantity] input",
            run: "edit 2 && press Tab",
        },
        {
            content: "One colour for all packages: white",
            trigger: ".modal div[name=color_value_id] input",
            run: "edit White",
        },
        {
            trigger: ".ui-menu-item-wrapper:contains(White)",
            run: "click",
        },
        {
            content: "The preview lists the white variants of both sets",
            trigger:
                ".modal .o_vip_package_preview:contains(Bedroom Classic × 2):contains(Bed Classic (White)):contains(Chair (White))",
        },
        {
            content: "The preview gives the order's tonnage, cartons and truck plan after adding them",
            trigger: ".modal div[name=tonnage]:contains(0.218)",
        },
        {
            trigger: ".modal div[name=total_cartons]:contains(9)",
        },
        {
            trigger: ".modal div[name=truck_plan]:contains(1 × Gazelle)",
        },
        {
            content: "Add to order",
            trigger: ".modal button[name=action_add]",
            run: "click",
        },
        {
            content: "The order has a section for the package, and its lines",
            trigger: ".o_field_widget[name=order_line] tr.o_is_line_section :value(Bedroom Classic × 2)",
        },
        {
            trigger: ".o_field_widget[name=order_line] .o_data_row:contains(Bed Classic (White)):contains(2.00)",
        },
        {
            trigger: ".o_field_widget[name=order_line] .o_data_row:contains(Chair (White)):contains(4.00)",
        },
        {
            content: "Open the logistics of the order",
            trigger: ".o_notebook a.nav-link:contains(Logistics)",
            run: "click",
        },
        {
            content: "Tonnage and cartons of the whole order",
            trigger: "div[name=vip_tonnage]:contains(0.218)",
        },
        {
            trigger: "div[name=vip_total_cartons]:contains(9)",
        },
    ],
});
