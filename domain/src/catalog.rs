//! The public catalogue as residents and the open-data API see it.
//!
//! These are read models: what a page or an API response carries, already joined and named.

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

use crate::Locale;

/// Something with a stable slug and a name in both languages: a category, an audience, a street.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Named {
    /// Stable identifier used in URLs and filters, e.g. `feiyi`, `bajiao`.
    pub slug: String,
    /// Chinese name, e.g. 非遗体验.
    pub name: String,
    /// English name; empty when nobody translated it.
    pub name_en: String,
}

impl Named {
    /// The name in the given language (falls back to Chinese).
    pub fn label(&self, locale: Locale) -> &str {
        locale.pick(&self.name, &self.name_en)
    }
}

/// A street (街道) with its communities (社区).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StreetWithCommunities {
    #[serde(flatten)]
    pub street: Named,
    pub communities: Vec<CommunityRef>,
}

/// A community (社区), the third level of the network.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CommunityRef {
    pub id: i64,
    pub name: String,
}

/// The level of a facility in the 区—街道—社区 network.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum FacilityLevel {
    /// 区级: district library, cultural centre, museum.
    District,
    /// 街道级: street comprehensive cultural centre.
    Street,
    /// 社区级: community cultural room.
    Community,
}

impl FacilityLevel {
    /// The value stored in the database and used in URLs.
    pub fn as_str(self) -> &'static str {
        match self {
            FacilityLevel::District => "district",
            FacilityLevel::Street => "street",
            FacilityLevel::Community => "community",
        }
    }

    /// Reads a stored or typed level.
    pub fn parse(s: &str) -> Option<FacilityLevel> {
        match s {
            "district" => Some(FacilityLevel::District),
            "street" => Some(FacilityLevel::Street),
            "community" => Some(FacilityLevel::Community),
            _ => None,
        }
    }
}

/// A facility as far as a catalogue entry needs it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FacilityRef {
    pub id: i64,
    pub name: String,
}

/// Where a service takes place, with enough to find the door.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FacilityDetail {
    pub id: i64,
    pub name: String,
    pub level: FacilityLevel,
    pub address: String,
    pub lat: f64,
    pub lng: f64,
}

/// One line of the catalogue list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ItemSummary {
    pub id: i64,
    pub title: String,
    pub category: Named,
    pub street: Named,
    pub facility: FacilityRef,
    pub audience: Named,
    pub free: bool,
    /// Bookings and views, used to sort by popularity.
    pub popularity: i64,
    /// Start of the next session that has not begun, if any.
    pub next_session: Option<DateTime<FixedOffset>>,
}

/// One occurrence (场次) of a service item.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SessionInfo {
    pub id: i64,
    pub starts_at: DateTime<FixedOffset>,
    pub ends_at: DateTime<FixedOffset>,
    pub capacity: i64,
    pub remaining: i64,
    pub booking_opens_at: DateTime<FixedOffset>,
    pub booking_closes_at: DateTime<FixedOffset>,
    /// Whether residents can join a waitlist when it is full.
    pub waitlist: bool,
}

/// Whether a resident could book a session at a given moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum BookingState {
    NotYetOpen,
    Open,
    Full,
    Closed,
}

impl SessionInfo {
    /// The booking state at `now` (UTC seconds): the window first, then the places left.
    pub fn booking_state(&self, now: i64) -> BookingState {
        let window = crate::booking::BookingWindow {
            opens_at: self.booking_opens_at.timestamp(),
            closes_at: self.booking_closes_at.timestamp(),
            starts_at: self.starts_at.timestamp(),
        };
        match window.state_at(now) {
            crate::booking::WindowState::NotYetOpen => BookingState::NotYetOpen,
            crate::booking::WindowState::Closed => BookingState::Closed,
            crate::booking::WindowState::Open if self.remaining <= 0 => BookingState::Full,
            crate::booking::WindowState::Open => BookingState::Open,
        }
    }
}

/// A catalogue entry with everything its page shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ItemDetail {
    pub id: i64,
    pub title: String,
    pub description: String,
    pub provider: String,
    pub category: Named,
    pub street: Named,
    pub audience: Named,
    pub facility: FacilityDetail,
    pub free: bool,
    /// Price in fen (分) when the service is not free.
    pub price_cents: Option<i64>,
    /// Where its picture is served (`/media/…`), when it has one.
    #[serde(default)]
    pub image: Option<String>,
    /// Upcoming sessions, earliest first.
    pub sessions: Vec<SessionInfo>,
    /// Residents' average stars and how many reviews, once there are some.
    #[serde(default)]
    pub rating: Option<crate::review::Rating>,
    /// The intangible-heritage project it lets residents experience or see, if any.
    #[serde(default)]
    pub heritage: Option<crate::heritage::HeritageRef>,
}

/// One page of results and where it sits in the whole.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Page<T> {
    pub items: Vec<T>,
    pub total: u64,
    pub page: u32,
    pub per_page: u32,
    /// Where the next page starts, for a listing without search text that has more: pass it as
    /// `cursor` to walk every result, past the page-number cap, with nothing skipped or repeated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_cursor: Option<String>,
}

impl<T> Page<T> {
    /// How many pages the links reach: the whole result (at least one, so "page 1 of 1" reads
    /// right), up to the cap of `CatalogQuery::MAX_RESULTS`.
    pub fn page_count(&self) -> u32 {
        let per = u64::from(self.per_page.max(1));
        (self.total.div_ceil(per).max(1) as u32).min(crate::CatalogQuery::last_page(self.per_page))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::time::local;

    fn session(opens: i64, closes: i64, starts: i64, remaining: i64) -> SessionInfo {
        SessionInfo {
            id: 1,
            starts_at: local(starts),
            ends_at: local(starts + 3600),
            capacity: 10,
            remaining,
            booking_opens_at: local(opens),
            booking_closes_at: local(closes),
            waitlist: true,
        }
    }

    #[test]
    fn booking_follows_the_window_then_the_places_left() {
        let s = session(100, 200, 300, 3);
        assert_eq!(s.booking_state(99), BookingState::NotYetOpen);
        assert_eq!(s.booking_state(100), BookingState::Open);
        assert_eq!(s.booking_state(200), BookingState::Closed);
        assert_eq!(session(100, 200, 300, 0).booking_state(150), BookingState::Full);
    }

    #[test]
    fn page_count_rounds_up_is_never_zero_and_stops_at_the_cap() {
        let page = |total| Page::<()> { items: vec![], total, page: 1, per_page: 20, next_cursor: None };
        assert_eq!(page(0).page_count(), 1);
        assert_eq!(page(20).page_count(), 1);
        assert_eq!(page(21).page_count(), 2);
        assert_eq!(page(100_000).page_count(), 500, "links reach the first 10,000 results");
    }
}
