/**
 * The phone's position, as the browser gives it: `{ latitude, longitude }`, or `{ error }`
 * ("refused" when the user or the browser denies it, "unavailable" otherwise). Never throws:
 * a visit goes on without a position.
 */
export function getDevicePosition(timeout = 15000) {
    return new Promise((resolve) => {
        if (!navigator.geolocation) {
            resolve({ error: "unavailable" });
            return;
        }
        navigator.geolocation.getCurrentPosition(
            ({ coords }) => resolve({ latitude: coords.latitude, longitude: coords.longitude }),
            (error) => resolve({ error: error.code === error.PERMISSION_DENIED ? "refused" : "unavailable" }),
            { enableHighAccuracy: true, timeout, maximumAge: 60000 }
        );
    });
}
