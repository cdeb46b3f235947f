"""Positions on the Earth: validity and great-circle distance."""

import math

EARTH_RADIUS_KM = 6371.0088


def is_valid_position(latitude, longitude):
    """Whether ``latitude``, ``longitude`` are degrees of a point on the Earth; (0, 0), which a
    failed reading gives, is refused (no store stands in the Gulf of Guinea)."""
    if not all(isinstance(value, (int, float)) and math.isfinite(value) for value in (latitude, longitude)):
        return False
    return -90 <= latitude <= 90 and -180 <= longitude <= 180 and (latitude, longitude) != (0, 0)


def haversine_km(latitude1, longitude1, latitude2, longitude2):
    """The great-circle distance in kilometres between two positions given in degrees."""
    phi1, phi2 = math.radians(latitude1), math.radians(latitude2)
    delta_phi = phi2 - phi1
    delta_lambda = math.radians(longitude2 - longitude1)
    a = math.sin(delta_phi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(delta_lambda / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(a))
