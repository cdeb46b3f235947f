import { stepUtils } from "@web_tour/tour_utils";

/**
 * Steps choosing `value` in the many2one field whose input is `inputTrigger`: at the desk by
 * typing `search` in the field's autocomplete, on the phone through the search dialog the
 * field opens (`modalTitle` names it in the tour's help).
 */
export function pickMany2one(inputTrigger, search, value, modalTitle) {
    return [
        {
            trigger: inputTrigger,
            isActive: ["desktop"],
            run: `edit ${search}`,
        },
        {
            trigger: `.ui-autocomplete .ui-menu-item:not(.o_m2o_dropdown_option) a:contains(${value})`,
            isActive: ["desktop"],
            run: "click",
        },
        {
            trigger: inputTrigger,
            isActive: ["mobile"],
            run: "click",
        },
        ...stepUtils.mobileKanbanSearchMany2X(modalTitle, value),
    ];
}

/**
 * Steps checking that the form's status bar shows `state` as the current stage (`content`
 * says what that means to the user); the phone shows only the current stage, in a dropdown.
 */
export function checkStatus(state, content) {
    return [
        {
            content,
            trigger: `.o_form_view .o_statusbar_status button.o_arrow_button_current:contains(${state})`,
            isActive: ["desktop"],
        },
        {
            content,
            trigger: `.o_form_view .o_statusbar_status .dropdown-toggle:contains(${state})`,
            isActive: ["mobile"],
        },
    ];
}

/**
 * Steps opening the VIP Sales app from the apps menu (at the desk) or the side menu's list
 * of apps (on the phone).
 */
export function openVipSalesApp() {
    return [
        stepUtils.showAppsMenuItem(),
        ...stepUtils.toggleHomeMenu(),
        {
            content: "Open the VIP Sales app",
            trigger: '.o_app[data-menu-xmlid="vip_sales.vip_sales_menu_root"]',
            run: "click",
        },
    ];
}

/**
 * Steps opening the menu `xmlid` of the current app: at the desk from the top bar, through
 * the dropdown of its parent section `sectionXmlid` when it is in one; on the phone from the
 * side menu, which lists every menu of the app.
 */
export function openMenu(xmlid, sectionXmlid) {
    const desktopSteps = sectionXmlid
        ? [
              {
                  trigger: `.o_menu_sections button[data-menu-xmlid='${sectionXmlid}']`,
                  isActive: ["desktop"],
                  run: "click",
              },
              {
                  trigger: `.o-dropdown--menu .dropdown-item[data-menu-xmlid='${xmlid}']`,
                  isActive: ["desktop"],
                  run: "click",
              },
          ]
        : [
              {
                  trigger: `.o_menu_sections [data-menu-xmlid='${xmlid}']`,
                  isActive: ["desktop"],
                  run: "click",
              },
          ];
    return [
        ...desktopSteps,
        {
            trigger: ".o_main_navbar .o_menu_toggle",
            isActive: ["mobile"],
            run: "click",
        },
        {
            trigger: `.o_app_menu_sidebar li[data-menu-xmlid='${xmlid}']`,
            isActive: ["mobile"],
            run: "click",
        },
    ];
}

/**
 * Steps adding `quantity` sets of the package offer `packageName` in `colour` to the open
 * quotation through its "Add package offer" wizard. The wizard's preview must list the
 * `products` of the sets in that colour and give the order's `tonnage`, `cartons` and
 * `truckPlan` once they are added; the order must then show the package's section and its
 * `lines` ([product, quantity as displayed]).
 */
export function addPackageOffer({ packageName, quantity, colour, products, tonnage, cartons, truckPlan, lines }) {
    const section = `${packageName} × ${quantity}`;
    const orderLines = ".o_field_widget[name=order_line]";
    return [
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
        ...pickMany2one(
            ".modal div[name=line_ids] .o_selected_row div[name=package_id] input",
            packageName,
            packageName,
            "Package Offer"
        ),
        {
            content: `${quantity} sets`,
            trigger: ".modal div[name=line_ids] .o_selected_row div[name=quantity] input",
            run: `edit ${quantity} && press Tab`,
        },
        ...pickMany2one(".modal .o_inner_group div[name=color_value_id] input", colour, colour, "Colour"),
        {
            content: `The preview lists the products of the sets in ${colour}`,
            trigger: `.modal .o_vip_package_preview:contains(${section})${products
                .map((product) => `:contains(${product})`)
                .join("")}`,
        },
        {
            content: "The preview gives the order's tonnage, cartons and truck plan after adding them",
            trigger: `.modal div[name=tonnage]:contains(${tonnage})`,
        },
        {
            trigger: `.modal div[name=total_cartons]:contains(${cartons})`,
        },
        {
            trigger: `.modal div[name=truck_plan]:contains(${truckPlan})`,
        },
        {
            content: "Add to order",
            trigger: ".modal button[name=action_add]",
            run: "click",
        },
        {
            content: "The order has a section for the package, and its lines",
            trigger: `${orderLines} tr.o_is_line_section :value(${section})`,
            isActive: ["desktop"],
        },
        {
            content: "The order has a section for the package (the phone shows the lines as cards)",
            trigger: `${orderLines} .o_kanban_record .fw-bolder:contains(${section})`,
            isActive: ["mobile"],
        },
        ...lines.map(([product, shownQuantity]) => ({
            trigger:
                `${orderLines} .o_data_row:contains(${product}):contains(${shownQuantity}), ` +
                `${orderLines} .o_kanban_record:contains(${product}):contains(${shownQuantity})`,
        })),
    ];
}
