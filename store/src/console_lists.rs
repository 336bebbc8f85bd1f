//! What the staff console lists: items, sessions with their counts and booking settings, the
//! door list, facilities to choose from.

use cc_domain::session_change::BookingSettings;
use cc_domain::staff::Reach;

use crate::{Store, StoreError};
use cc_domain::ids::{ItemId, SessionId};

/// A line of the staff console's item list.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct ConsoleItem {
    pub id: i64,
    pub title: String,
    pub status: String,
    pub facility_name: String,
    pub street_id: i64,
    pub facility_id: i64,
    pub created_by: Option<i64>,
    pub review_comment: Option<String>,
}

/// A line of the staff console's session list, with its counts.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct ConsoleSession {
    pub id: i64,
    pub item_title: String,
    pub starts_at: i64,
    pub capacity: i64,
    pub remaining: i64,
    pub attended: i64,
    pub street_id: i64,
    pub facility_id: i64,
    pub booking_opens_at: i64,
    pub booking_closes_at: i64,
    pub waitlist: i64,
    pub ends_at: i64,
    /// Where, beside the facility's address (a move may have set it).
    pub place: Option<String>,
    /// Why it was cancelled; `None` while it takes place.
    pub cancel_reason: Option<String>,
}

/// A [`ConsoleSession`]'s columns and joins; callers add the condition.
const CONSOLE_SESSION: &str = "SELECT s.id, i.title AS item_title, s.starts_at, s.capacity, s.remaining, \
     (SELECT COUNT(*) FROM bookings b WHERE b.session_id = s.id AND b.status = 'attended') AS attended, \
     f.street_id, f.id AS facility_id, s.booking_opens_at, s.booking_closes_at, s.waitlist, s.ends_at, s.place, \
     CASE WHEN s.status = 'cancelled' THEN COALESCE(s.cancel_reason, '') END AS cancel_reason \
     FROM sessions s JOIN service_items i ON i.id = s.item_id JOIN facilities f ON f.id = i.facility_id";

/// A facility as the console offers it to choose.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct FacilityChoice {
    pub id: i64,
    pub name: String,
    pub street_id: i64,
}

impl FacilityChoice {
    /// Where it sits, which is what scopes are about.
    pub fn place(&self) -> cc_domain::staff::Place {
        cc_domain::staff::Place { facility_id: self.id, street_id: self.street_id }
    }
}

/// A booking as the door list shows it (the number masked by the caller).
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct DoorEntry {
    pub booking_id: i64,
    pub phone: String,
    pub status: String,
    pub checked_in_at: Option<i64>,
}

impl Store {
    /// Items written by staff or waiting for review (not the demo catalogue) within `reach`
    /// (`staff_id`: whose own items `Reach::OwnItems` means), latest first.
    pub async fn console_items(
        &self,
        reach: &Reach,
        staff_id: i64,
        limit: i64,
    ) -> Result<Vec<ConsoleItem>, StoreError> {
        Ok(sqlx::query_as(&format!(
            "SELECT i.id, i.title, i.status, f.name AS facility_name, f.street_id, f.id AS facility_id, i.created_by, \
             i.review_comment FROM service_items i JOIN facilities f ON f.id = i.facility_id \
             WHERE (i.created_by IS NOT NULL OR i.status IN ('submitted', 'returned', 'draft')) AND {} \
             ORDER BY i.updated_at DESC, i.id DESC LIMIT $1",
            within(reach, staff_id)
        ))
        .bind(limit)
        .fetch_all(&self.pool)
        .await?)
    }

    /// Published sessions from `from` to `to` (UTC seconds) within `reach`, with their places
    /// and check-ins, soonest first.
    pub async fn console_sessions(
        &self,
        reach: &Reach,
        from: i64,
        to: i64,
        limit: i64,
    ) -> Result<Vec<ConsoleSession>, StoreError> {
        Ok(sqlx::query_as(&format!(
            "{CONSOLE_SESSION} WHERE s.starts_at >= $1 AND s.starts_at < $2 \
                 AND i.status = 'published' AND s.status = 'published' AND {} \
                 ORDER BY s.starts_at, s.id LIMIT $3",
            within(reach, 0)
        ))
        .bind(from)
        .bind(to)
        .bind(limit)
        .fetch_all(&self.pool)
        .await?)
    }

    /// One session's line, whatever its time.
    pub async fn console_session(
        &self,
        SessionId(id): SessionId,
    ) -> Result<Option<ConsoleSession>, StoreError> {
        Ok(sqlx::query_as(&format!("{CONSOLE_SESSION} WHERE s.id = $1"))
            .bind(id)
            .fetch_optional(&self.pool)
            .await?)
    }

    /// Every session of an item, soonest first (for its edit page).
    pub async fn item_sessions(&self, ItemId(item_id): ItemId) -> Result<Vec<ConsoleSession>, StoreError> {
        Ok(sqlx::query_as(&format!(
            "{CONSOLE_SESSION} WHERE s.item_id = $1 ORDER BY s.starts_at, s.id LIMIT 500"
        ))
        .bind(item_id)
        .fetch_all(&self.pool)
        .await?)
    }

    /// A session's start and booking settings.
    pub async fn booking_settings(
        &self,
        SessionId(session_id): SessionId,
    ) -> Result<Option<(i64, BookingSettings)>, StoreError> {
        let row: Option<(i64, i64, i64, i64)> = sqlx::query_as(
            "SELECT starts_at, booking_opens_at, booking_closes_at, waitlist FROM sessions WHERE id = $1",
        )
        .bind(session_id)
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.map(|(starts_at, opens_at, closes_at, waitlist)| {
            (starts_at, BookingSettings { opens_at, closes_at, waitlist: waitlist == 1 })
        }))
    }

    /// A session's start and end (UTC seconds).
    pub async fn session_times(
        &self,
        SessionId(session_id): SessionId,
    ) -> Result<Option<(i64, i64)>, StoreError> {
        Ok(sqlx::query_as("SELECT starts_at, ends_at FROM sessions WHERE id = $1")
            .bind(session_id)
            .fetch_optional(&self.pool)
            .await?)
    }

    /// Writes a session's booking window and waitlist switch. Residents already waitlisted keep
    /// their place in line when the waitlist is switched off; nobody new joins it.
    pub async fn set_booking_settings(
        &self,
        SessionId(session_id): SessionId,
        settings: BookingSettings,
    ) -> Result<(), StoreError> {
        let mut tx = self.begin().await?;
        sqlx::query(
            "UPDATE sessions SET booking_opens_at = $1, booking_closes_at = $2, waitlist = $3 WHERE id = $4",
        )
        .bind(settings.opens_at)
        .bind(settings.closes_at)
        .bind(i64::from(settings.waitlist))
        .bind(session_id)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        self.announce(cc_domain::live::LiveKind::SessionChanged, session_id);
        Ok(())
    }

    /// The bookings holding places in a session, for the door.
    pub async fn door_list(&self, SessionId(session_id): SessionId) -> Result<Vec<DoorEntry>, StoreError> {
        Ok(sqlx::query_as(
            "SELECT b.id AS booking_id, r.phone, b.status, b.checked_in_at FROM bookings b \
             JOIN residents r ON r.id = b.resident_id WHERE b.session_id = $1 \
             AND b.status IN ('confirmed', 'attended', 'no_show') ORDER BY b.id",
        )
        .bind(session_id)
        .fetch_all(&self.pool)
        .await?)
    }

    /// Every facility, for the console's choices, by street.
    pub async fn facility_choices(&self) -> Result<Vec<FacilityChoice>, StoreError> {
        Ok(sqlx::query_as("SELECT id, name, street_id FROM facilities ORDER BY street_id, id")
            .fetch_all(&self.pool)
            .await?)
    }
}

/// "Within `reach`" as SQL over facilities `f` and items `i`. The numbers are written in rather
/// than bound because a facility list has any length; they are `i64`s from the staff member's
/// stored scope, never text from a request, so nothing can be injected.
fn within(reach: &Reach, staff_id: i64) -> String {
    match reach {
        Reach::Everywhere => "1 = 1".into(),
        Reach::Street(street) => format!("f.street_id = {street}"),
        Reach::Facilities(ids) if !ids.is_empty() => {
            let ids: Vec<String> = ids.iter().map(i64::to_string).collect();
            format!("f.id IN ({})", ids.join(", "))
        }
        Reach::OwnItems => format!("i.created_by = {staff_id}"),
        Reach::Facilities(_) | Reach::Nowhere => "1 = 0".into(),
    }
}
