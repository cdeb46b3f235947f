import { onMounted, useRef } from "@odoo/owl";
import { registry } from "@web/core/registry";
import { ImageField, imageField } from "@web/views/fields/image/image_field";
import { getDevicePosition } from "./geolocation";

/**
 * The image field, opening the phone's camera (`capture`) instead of its files, and filling
 * the record's position fields (options `latitude_field`, `longitude_field`) when the browser
 * grants the position. Odoo resizes the photo and keeps it in the filestore.
 */
export class VipPhotoField extends ImageField {
    static template = "vip_sales.VipPhotoField";
    static props = {
        ...ImageField.props,
        latitudeField: { type: String, optional: true },
        longitudeField: { type: String, optional: true },
    };

    setup() {
        super.setup();
        this.root = useRef("root");
        onMounted(() => {
            this.root.el?.querySelector("input[type=file]")?.setAttribute("capture", "environment");
        });
    }

    async onFileUploaded(info) {
        await super.onFileUploaded(info);
        const { latitudeField, longitudeField, record } = this.props;
        if (latitudeField && longitudeField) {
            const position = await getDevicePosition();
            if (!position.error) {
                await record.update({
                    [latitudeField]: position.latitude,
                    [longitudeField]: position.longitude,
                });
            }
        }
    }
}

registry.category("fields").add("vip_photo", {
    ...imageField,
    component: VipPhotoField,
    extractProps: (fieldInfo, dynamicInfo) => ({
        ...imageField.extractProps(fieldInfo, dynamicInfo),
        latitudeField: fieldInfo.options.latitude_field,
        longitudeField: fieldInfo.options.longitude_field,
    }),
});
