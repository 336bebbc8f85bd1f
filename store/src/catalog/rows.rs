//! Rows as the catalogue queries return them, and their conversion into read models.

use cc_domain::time::local;
use cc_domain::{FacilityDetail, FacilityLevel, FacilityRef, ItemDetail, ItemSummary, Named, SessionInfo};
use sqlx::FromRow;

use super::sql::NO_SESSION;

#[derive(FromRow)]
pub(super) struct SummaryRow {
    id: i64,
    title: String,
    free: i64,
    popularity: i64,
    #[sqlx(flatten)]
    labels: LabelColumns,
    facility_id: i64,
    facility_name: String,
    /// [`NO_SESSION`] when there is no upcoming session.
    next_start: i64,
}

/// The category, audience and street of an item, as every item query selects them.
#[derive(FromRow)]
struct LabelColumns {
    category_slug: String,
    category_name: String,
    category_name_en: String,
    audience_slug: String,
    audience_name: String,
    audience_name_en: String,
    street_slug: String,
    street_name: String,
    street_name_en: String,
}

impl LabelColumns {
    /// (category, audience, street)
    fn into_named(self) -> (Named, Named, Named) {
        (
            named(self.category_slug, self.category_name, self.category_name_en),
            named(self.audience_slug, self.audience_name, self.audience_name_en),
            named(self.street_slug, self.street_name, self.street_name_en),
        )
    }
}

impl SummaryRow {
    pub(super) fn into_summary(self) -> ItemSummary {
        let (category, audience, street) = self.labels.into_named();
        ItemSummary {
            id: self.id,
            title: self.title,
            category,
            street,
            facility: FacilityRef { id: self.facility_id, name: self.facility_name },
            audience,
            free: self.free == 1,
            popularity: self.popularity,
            next_session: (self.next_start != NO_SESSION).then(|| local(self.next_start)),
        }
    }
}

pub(super) fn named(slug: String, name: String, name_en: String) -> Named {
    Named { slug, name, name_en }
}

#[derive(FromRow)]
pub(super) struct DetailRow {
    id: i64,
    title: String,
    description: String,
    provider: String,
    free: i64,
    price_cents: Option<i64>,
    #[sqlx(flatten)]
    labels: LabelColumns,
    facility_id: i64,
    facility_name: String,
    facility_level: String,
    facility_address: String,
    facility_lat: f64,
    facility_lng: f64,
    image_token: Option<String>,
    image_type: Option<String>,
}

impl DetailRow {
    pub(super) fn into_detail(self, sessions: Vec<SessionInfo>) -> ItemDetail {
        let (category, audience, street) = self.labels.into_named();
        ItemDetail {
            id: self.id,
            title: self.title,
            description: self.description,
            provider: self.provider,
            category,
            street,
            audience,
            facility: FacilityDetail {
                id: self.facility_id,
                name: self.facility_name,
                // The column's CHECK constraint admits only the three levels.
                level: FacilityLevel::parse(&self.facility_level).unwrap_or(FacilityLevel::Community),
                address: self.facility_address,
                lat: self.facility_lat,
                lng: self.facility_lng,
            },
            free: self.free == 1,
            price_cents: self.price_cents,
            image: crate::media::image_path(self.image_token.as_deref(), self.image_type.as_deref()),
            sessions,
            rating: None,
            heritage: None,
        }
    }
}

#[derive(FromRow)]
pub(super) struct SessionRow {
    id: i64,
    starts_at: i64,
    ends_at: i64,
    capacity: i64,
    remaining: i64,
    booking_opens_at: i64,
    booking_closes_at: i64,
    waitlist: i64,
}

impl SessionRow {
    pub(super) fn into_info(self) -> SessionInfo {
        SessionInfo {
            id: self.id,
            starts_at: local(self.starts_at),
            ends_at: local(self.ends_at),
            capacity: self.capacity,
            remaining: self.remaining,
            booking_opens_at: local(self.booking_opens_at),
            booking_closes_at: local(self.booking_closes_at),
            waitlist: self.waitlist == 1,
        }
    }
}
