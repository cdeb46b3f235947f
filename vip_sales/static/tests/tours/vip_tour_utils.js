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
