//! Facilities (公共文化设施) as residents and the open-data API see them, and the query that
//! selects them on `/facilities`, `/map` and `GET /api/v1/facilities`.

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

use crate::compliance::Compliance;
use crate::geo::LatLng;
use crate::opening::WeeklyHours;
use crate::query::{ParamError, ParamProblem};
use crate::{FacilityLevel, Named};

/// A session to be held at a facility, as a facility page or map card lists it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SessionAtFacility {
    pub session_id: i64,
    pub item_id: i64,
    pub title: String,
    pub starts_at: DateTime<FixedOffset>,
}

/// A facility on a list or a map.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FacilitySummary {
    pub id: i64,
    pub name: String,
    pub level: FacilityLevel,
    /// What sort of place: `library`, `cultural_centre`, `museum`, `square`, `street_centre`,
    /// `community_room`.
    pub kind: String,
    pub street: Named,
    pub community: Option<String>,
    pub address: String,
    pub position: LatLng,
    /// `None` when the opening hours are not on record.
    pub open_now: Option<bool>,
    pub compliant: bool,
    /// From the `near` position, when one was given.
    pub distance_m: Option<f64>,
    /// Sessions in the coming seven days, earliest first (at most five).
    pub this_week: Vec<SessionAtFacility>,
}

/// Everything a facility's own page shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FacilityProfile {
    pub summary: FacilitySummary,
    pub opening_hours: Option<WeeklyHours>,
    pub area_m2: Option<f64>,
    pub free_opening: Option<bool>,
    pub compliance: Compliance,
    /// Upcoming sessions held here (at most twenty).
    pub upcoming: Vec<SessionAtFacility>,
    /// Residents' average stars over every service held here, once there are reviews.
    #[serde(default)]
    pub rating: Option<crate::review::Rating>,
}

/// Which facilities to show.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct FacilityQuery {
    /// Part of the name or address.
    pub q: Option<String>,
    pub level: Option<FacilityLevel>,
    pub street: Option<String>,
    /// Only facilities holding published services of this category.
    pub category: Option<String>,
    /// Sort by distance from here (and report it).
    pub near: Option<LatLng>,
}

impl FacilityQuery {
    /// Parses URL pairs; unknown parameters are ignored, a bad one is named.
    pub fn parse<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Result<Self, ParamError> {
        let mut query = FacilityQuery::default();
        let bad = |param: &str, problem| ParamError { param: param.into(), problem };
        for (key, value) in pairs {
            let value = value.trim();
            match key {
                "q" if value.chars().count() > 40 => return Err(bad("q", ParamProblem::TooLong { max: 40 })),
                "q" => query.q = (!value.is_empty()).then(|| value.to_lowercase()),
                "level" if value.is_empty() => query.level = None,
                "level" => {
                    query.level = Some(
                        FacilityLevel::parse(value).ok_or_else(|| bad("level", ParamProblem::NotALevel))?,
                    )
                }
                "street" => query.street = crate::query::parse_slug("street", value)?,
                "category" => query.category = crate::query::parse_slug("category", value)?,
                "near" if value.is_empty() => query.near = None,
                "near" => {
                    query.near =
                        Some(LatLng::parse(value).map_err(|_| bad("near", ParamProblem::NotAPosition))?)
                }
                _ => {}
            }
        }
        Ok(query)
    }

    /// Parses a raw query string (percent-decoded here).
    pub fn parse_query_string(qs: &str) -> Result<Self, ParamError> {
        let pairs = crate::query::decode_pairs(qs);
        Self::parse(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())))
    }

    /// The same query as URL pairs, leaving out what is not set.
    pub fn to_query_string(&self) -> String {
        let mut pairs: Vec<(&str, String)> = Vec::new();
        if let Some(q) = &self.q {
            pairs.push(("q", q.clone()));
        }
        if let Some(level) = self.level {
            pairs.push(("level", level.as_str().into()));
        }
        for (key, value) in [("street", &self.street), ("category", &self.category)] {
            if let Some(v) = value {
                pairs.push((key, v.clone()));
            }
        }
        if let Some(p) = self.near {
            pairs.push(("near", format!("{:.5},{:.5}", p.lat, p.lng)));
        }
        pairs
            .iter()
            .map(|(k, v)| format!("{k}={}", crate::query::percent_encode(v)))
            .collect::<Vec<_>>()
            .join("&")
    }

    /// Whether a facility's name or address contains the search text.
    pub fn matches_text(&self, name: &str, address: &str) -> bool {
        self.q
            .as_deref()
            .is_none_or(|q| name.to_lowercase().contains(q) || address.to_lowercase().contains(q))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_filter_is_read_and_round_trips() {
        let q = FacilityQuery::parse([
            ("level", "community"),
            ("street", "bajiao"),
            ("near", "39.9,116.2"),
            ("q", "文化"),
        ])
        .unwrap();
        assert_eq!(q.level, Some(FacilityLevel::Community));
        assert_eq!(q.near, Some(LatLng { lat: 39.9, lng: 116.2 }));
        let qs = q.to_query_string();
        let pairs: Vec<(&str, &str)> = qs.split('&').filter_map(|p| p.split_once('=')).collect();
        let again = FacilityQuery::parse(pairs.iter().copied()).unwrap();
        assert_eq!((again.level, again.street, again.near), (q.level, q.street.clone(), q.near));
    }

    #[test]
    fn bad_levels_and_positions_are_named() {
        assert_eq!(FacilityQuery::parse([("level", "city")]).unwrap_err().param, "level");
        assert_eq!(FacilityQuery::parse([("near", "200,1")]).unwrap_err().param, "near");
        assert_eq!(FacilityQuery::parse([("near", "here")]).unwrap_err().problem, ParamProblem::NotAPosition);
    }

    #[test]
    fn text_matches_name_or_address() {
        let q = FacilityQuery::parse([("q", "八角")]).unwrap();
        assert!(q.matches_text("八角街道综合文化中心", ""));
        assert!(q.matches_text("图书馆", "石景山区八角北路12号"));
        assert!(!q.matches_text("图书馆", "古城大街"));
    }
}
