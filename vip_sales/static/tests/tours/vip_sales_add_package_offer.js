import { registry } from "@web/core/registry";
import { addPackageOffer } from "./vip_tour_utils";

registry.category("web_tour.tours").add("vip_sales_add_package_offer", {
    steps: () => [
        // The quotation already holds a table: the preview counts it in the order's logistics.
        ...addPackageOffer({
            packageName: "Bedroom Classic",
            quantity: 2,
            colour: "White",
            products: ["Bed Classic (White)", "Chair (White)"],
            tonnage: "0.218",
            cartons: 9,
            truckPlan: "1 × Gazelle",
            lines: [
                ["Bed Classic (White)", "2.00"],
                ["Chair (White)", "4.00"],
            ],
        }),
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
