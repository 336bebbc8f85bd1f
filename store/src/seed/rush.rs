//! A session open for booking right now, for load tests and benchmarks (`seed rush`): the kind
//! of popular free event whose places are gone in minutes.

use cc_domain::time::now;
use cc_domain::FacilityLevel;

use crate::items::{insert_item, insert_session, refresh_next_session};
use crate::network::{insert_facility, insert_street};
use crate::{NewFacility, NewItem, NewSession, Store, StoreError};

const HOUR: i64 = 3_600;

impl Store {
    /// Adds a published item with one session starting in an hour, bookable from an hour ago,
    /// at the first facility on record (or a new one when the network is empty). Returns the
    /// session's id.
    pub async fn seed_open_session(
        &self,
        title: &str,
        capacity: i64,
        waitlist: bool,
    ) -> Result<cc_domain::ids::SessionId, StoreError> {
        let mut tx = self.begin().await?;
        let existing: Option<(i64,)> =
            sqlx::query_as("SELECT id FROM facilities ORDER BY id LIMIT 1").fetch_optional(&mut *tx).await?;
        let facility_id = match existing {
            Some((id,)) => id,
            None => {
                insert_street(&mut tx, "rush-street", "测试街道", "Test street", 99, false).await?;
                let facility = NewFacility {
                    name: "测试文化中心",
                    level: FacilityLevel::Street,
                    kind: "street_centre",
                    street_slug: "rush-street",
                    community: None,
                    address: "测试路1号",
                    lat: 39.9067,
                    lng: 116.2231,
                    area_m2: Some(900.0),
                    opening_hours: Some("1-7 09:00-21:00"),
                    free_opening: Some(true),
                    is_demo: false,
                };
                insert_facility(&mut tx, &facility).await?
            }
        };
        let now = now();
        let item = NewItem {
            title,
            description: "热门公益活动，名额有限，先到先得。",
            provider: "石景山区文化馆",
            category_slug: "performance",
            audience_slug: "all",
            facility_id,
            free: true,
            price_cents: None,
            published: true,
            popularity: 0,
            created_at: now,
            is_demo: false,
        };
        let item_id = insert_item(&mut tx, &item).await?;
        let session = NewSession {
            item_id,
            // Soon enough that its door is open (check-in starts two hours ahead).
            starts_at: now + HOUR,
            ends_at: now + 3 * HOUR,
            capacity,
            booking_opens_at: now - HOUR,
            booking_closes_at: now + HOUR,
            waitlist,
        };
        let session_id = insert_session(&mut tx, &session).await?;
        refresh_next_session(&mut tx, item_id, now).await?;
        tx.commit().await?;
        self.announce(cc_domain::live::LiveKind::SessionChanged, session_id);
        Ok(cc_domain::ids::SessionId(session_id))
    }
}
