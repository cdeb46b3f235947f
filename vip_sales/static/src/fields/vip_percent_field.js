import { registry } from "@web/core/registry";
import { FloatField, floatField } from "@web/views/fields/float/float_field";

/**
 * A share kept in percent (0–100), read with its sign: «7,00 %» (Odoo's "percentage" widget
 * expects a fraction). Typed without it.
 */
export class VipPercentField extends FloatField {
    get formattedValue() {
        const value = super.formattedValue;
        return this.props.readonly && value !== "" ? `${value}\u00a0%` : value;
    }
}

registry.category("fields").add("vip_percent", { ...floatField, component: VipPercentField });
