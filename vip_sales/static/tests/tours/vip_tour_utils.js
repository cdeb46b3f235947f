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

/**
 * Steps creating a proposal (from the list at the desk, the cards on the phone) for the
 * customer found by typing `search`, whose name is `client`.
 */
export function newProposal(search, client) {
    return [
        {
            content: "Create a proposal",
            trigger: ".o_list_button_add",
            isActive: ["desktop"],
            run: "click",
        },
        {
            content: "Create a proposal (the phone lists them as cards)",
            trigger: ".o-kanban-button-new",
            isActive: ["mobile"],
            run: "click",
        },
        ...pickMany2one(".o_field_widget[name=partner_id] input", search, client, "Customer"),
        {
            trigger: `.o_field_widget[name=partner_id] input:value(${client})`,
        },
    ];
}

/**
 * Steps adding a line of `product` with `discount` % to the open quotation: in the list at the
 * desk, in a dialog on the phone. `price`, when given, is the unit price the line must show
 * from the product before the discount is typed.
 */
export function addProductLine({ product, discount, price }) {
    return [
        {
            content: `Add ${product}`,
            trigger: ".o_field_x2many_list_row_add a:contains(Add a product)",
            isActive: ["desktop"],
            run: "click",
        },
        {
            content: `Add ${product} (on the phone the line opens in a dialog)`,
            trigger: ".o_field_widget[name=order_line] .o_x2m_control_panel button:contains(Add product)",
            isActive: ["mobile"],
            run: "click",
        },
        ...pickMany2one(
            ".o_selected_row div[name=product_template_id] input, .modal div[name=product_id] input",
            product,
            product,
            "Product"
        ),
        ...(price
            ? [
                  {
                      content: `The price of ${product} comes from the product`,
                      trigger:
                          `.o_selected_row div[name=price_unit] input:value(${price}), ` +
                          `.modal div[name=price_unit] input:value(${price})`,
                  },
              ]
            : []),
        {
            content: `A discount of ${discount} %`,
            trigger: ".o_selected_row div[name=discount] input, .modal div[name=discount] input",
            run: `edit ${discount} && press Tab`,
        },
        {
            trigger: ".modal .o_form_button_save",
            isActive: ["mobile"],
            run: "click",
        },
        {
            content: "The line's card shows it",
            trigger: `body:not(:has(.modal)) .o_field_widget[name=order_line] .o_kanban_record:contains(${product})`,
            isActive: ["mobile"],
        },
    ];
}

/** Steps sending the open proposal to the client by e-mail, until it is marked sent. */
export function sendProposal() {
    return [
        {
            content: "Send it to the client",
            trigger: ".o_statusbar_buttons button[name=action_quotation_send].btn-primary",
            run: "click",
        },
        {
            trigger: ".modal-footer button[name=action_send_mail]",
            run: "click",
        },
        ...checkStatus("Quotation Sent", "The proposal is sent"),
    ];
}
