import { registry } from "@web/core/registry";
import { pickMany2one } from "./vip_tour_utils";

// A 1×1 JPEG: what the phone's camera gives, in small.
const PHOTO =
    "/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////" +
    "////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQAB" +
    "PxA=";

// The phone at the GUM, across the Red Square from the store (the Python test: test_store_audit.py).
function stubPosition() {
    navigator.geolocation.getCurrentPosition = (success) =>
        success({ coords: { latitude: 55.7547, longitude: 37.6215 } });
}

async function takePhoto(input) {
    const blob = await (await fetch(`data:image/jpeg;base64,${PHOTO}`)).blob();
    const transfer = new DataTransfer();
    transfer.items.add(new File([blob], "section.jpg", { type: "image/jpeg" }));
    input.files = transfer.files;
    input.dispatchEvent(new Event("change", { bubbles: true }));
}

function auditSection(section, checks) {
    return [
        {
            content: `Open the audit of the section ${section}`,
            trigger: `div[name=audit_ids] .o_kanban_record:contains(${section})`,
            run: "click",
        },
        {
            content: "The photo opens the phone's camera",
            trigger: ".modal .o_field_vip_photo input[type=file][capture=environment]:not(:visible)",
            run() {
                return takePhoto(this.anchor);
            },
        },
        {
            content: "The photo is taken",
            trigger: ".modal .o_field_vip_photo img[src^='data:image']",
        },
        ...checks.map((check) => ({
            content: `Tick ${check}`,
            trigger: `.modal div[name=${check}] input`,
            run: "click",
        })),
        {
            content: "Save the section's audit",
            trigger: ".modal .o_form_button_save",
            run: "click",
        },
        {
            trigger: `body:not(:has(.modal)) div[name=audit_ids] .o_kanban_record:contains(${section}) img`,
        },
    ];
}

registry.category("web_tour.tours").add("vip_store_audit", {
    steps: () => [
        {
            content: "Check in from the store: the phone gives its position",
            trigger: ".o_form_view .o_vip_check_in_button[name=action_check_in]",
            run() {
                stubPosition();
                this.anchor.click();
            },
        },
        {
            content: "Checked in: audit the installed sections of the store",
            trigger:
                ".o_form_view .o_statusbar_buttons:not(:has([name=action_check_in])) button[name=action_start_audit]",
            run: "click",
        },
        ...auditSection("Bedrooms", ["check_branding", "check_price_tags", "check_samples", "check_furniture"]),
        ...auditSection("Sofas", ["check_branding", "check_price_tags"]),
        {
            content: "Save the visit",
            trigger: ".o_form_view .o_form_button_save",
            run: "click",
        },
        {
            content: "The visit's execution score",
            trigger: ".o_form_view div[name=execution_score]:contains(75)",
        },
        {
            content: "Add a display sample to the store",
            trigger: ".o_form_view button[name=action_new_sample]",
            run: "click",
        },
        ...pickMany2one(".modal div[name=product_id] input", "Nordic", "Chair Nordic", "Product"),
        {
            content: "Save the sample",
            trigger: ".modal .o_form_button_save",
            run: "click",
        },
        {
            trigger: "body:not(:has(.modal)) .o_form_view",
        },
        {
            content: "On the phone, the check-out is under More",
            trigger: ".o_statusbar_buttons button[title=More]",
            isActive: ["mobile"],
            run: "click",
        },
        {
            content: "Check out when leaving",
            trigger: ".o_vip_check_in_button[name=action_check_out]",
            run() {
                stubPosition();
                this.anchor.click();
            },
        },
        {
            content: "Checked out: the check-in page shows where",
            trigger: ".o_notebook_headers a:contains(Check-in)",
            run: "click",
        },
        {
            trigger: ".o_form_view div[name=checkout_distance]:not(:contains(0.00))",
        },
    ],
});
