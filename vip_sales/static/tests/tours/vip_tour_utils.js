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
 * Steps opening the VIP Sales app from the home menu: the apps menu at the desk, the side
 * menu's "All Apps" on the phone, as the Odoo mobile app shows them.
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
 * Steps opening the menu `menuXmlid` of the current app: in the top bar at the desk (in the
 * dropdown of its section `sectionXmlid`, if it has one), in the side menu on the phone.
 */
export function openMenu(menuXmlid, sectionXmlid) {
    const openSection = {
        trigger: `.o_menu_sections button[data-menu-xmlid="${sectionXmlid}"]`,
        isActive: ["desktop"],
        run: "click",
    };
    return [
        ...(sectionXmlid ? [openSection] : []),
        {
            trigger: `.o_menu_sections [data-menu-xmlid="${menuXmlid}"], .dropdown-menu [data-menu-xmlid="${menuXmlid}"]`,
            isActive: ["desktop"],
            run: "click",
        },
        {
            trigger: ".o_main_navbar .o_menu_toggle",
            isActive: ["mobile"],
            run: "click",
        },
        {
            trigger: `.o_app_menu_sidebar [data-menu-xmlid="${menuXmlid}"]`,
            isActive: ["mobile"],
            run: "click",
        },
    ];
}
