//! Places on the map: coordinates as typed in a URL, and distances between them.

use serde::{Deserialize, Serialize};

/// A point in WGS 84 degrees.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct LatLng {
    pub lat: f64,
    pub lng: f64,
}

/// Why a `lat,lng` text was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{0}` is not a position: expected lat,lng in degrees, e.g. 39.9125,116.2")]
pub struct LatLngError(pub String);

impl LatLng {
    /// Parses `lat,lng`; latitude must lie in ±90°, longitude in ±180°.
    pub fn parse(text: &str) -> Result<LatLng, LatLngError> {
        let err = || LatLngError(text.to_string());
        let (lat, lng) = text.split_once(',').ok_or_else(err)?;
        let (lat, lng): (f64, f64) =
            (lat.trim().parse().map_err(|_| err())?, lng.trim().parse().map_err(|_| err())?);
        if !lat.is_finite() || !lng.is_finite() || lat.abs() > 90.0 || lng.abs() > 180.0 {
            return Err(err());
        }
        Ok(LatLng { lat, lng })
    }

    /// Great-circle distance in metres (haversine on a 6,371 km sphere: a few metres off at
    /// city scale, which is all "near me" needs).
    pub fn distance_m(&self, other: &LatLng) -> f64 {
        const EARTH_RADIUS_M: f64 = 6_371_000.0;
        let (p1, p2) = (self.lat.to_radians(), other.lat.to_radians());
        let dp = p2 - p1;
        let dl = (other.lng - self.lng).to_radians();
        let a = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
        2.0 * EARTH_RADIUS_M * a.sqrt().asin()
    }
}

/// "350 米" / "1.2 公里", "350 m" / "1.2 km".
pub fn format_distance(metres: f64, locale: crate::Locale) -> String {
    match (metres < 1000.0, locale) {
        (true, crate::Locale::Zh) => format!("{:.0} 米", metres),
        (true, crate::Locale::En) => format!("{:.0} m", metres),
        (false, crate::Locale::Zh) => format!("{:.1} 公里", metres / 1000.0),
        (false, crate::Locale::En) => format!("{:.1} km", metres / 1000.0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Locale;

    #[test]
    fn positions_parse_and_bad_ones_are_refused() {
        assert_eq!(LatLng::parse("39.9125, 116.2").unwrap(), LatLng { lat: 39.9125, lng: 116.2 });
        for bad in ["", "39.9", "abc,def", "91,0", "0,181", "NaN,1", "inf,0"] {
            assert!(LatLng::parse(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn distances_are_right_at_city_scale() {
        // Tian'anmen to the Shijingshan amusement park is about 16.9 km.
        let a = LatLng { lat: 39.9087, lng: 116.3975 };
        let b = LatLng { lat: 39.9066, lng: 116.2010 };
        let d = a.distance_m(&b);
        assert!((16_600.0..17_100.0).contains(&d), "{d}");
        assert_eq!(a.distance_m(&a), 0.0);
    }

    #[test]
    fn distances_read_in_metres_or_kilometres() {
        assert_eq!(format_distance(350.4, Locale::Zh), "350 米");
        assert_eq!(format_distance(1234.0, Locale::En), "1.2 km");
    }
}
