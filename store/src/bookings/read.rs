//! Reading bookings: a resident's own list and ticket, and a session's counts.

use cc_domain::ids::{BookingId, ResidentId, SessionId};
use cc_domain::booking::{BookingStatus, BookingSummary};
use cc_domain::time::local;
use sqlx::FromRow;

use super::HOLDS_A_PLACE;
use crate::{Store, StoreError};

/// A booking row with what its ticket and the resident's list show.
#[derive(Debug, Clone, PartialEq, FromRow)]
struct BookingRow {
    pub id: i64,
    #[sqlx(try_from = "String")]
    status: StoredStatus,
    pub code: String,
    pub created_at: i64,
    pub session_id: i64,
    pub starts_at: i64,
    pub ends_at: i64,
    pub item_id: i64,
    pub item_title: String,
    pub facility_name: String,
    pub facility_address: String,
    /// 1 for the first on the waitlist; 0 unless waitlisted.
    pub waitlist_position: i64,
    /// The session's places left now.
    pub places_left: i64,
    /// Until when an offered place is held for it.
    pub offered_until: Option<i64>,
}

/// A status column read into [`BookingStatus`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct StoredStatus(BookingStatus);

impl BookingRow {
    fn summary(self) -> BookingSummary {
        let status = self.status.0;
        let holds_ticket = matches!(status, BookingStatus::Confirmed | BookingStatus::Attended);
        BookingSummary {
            id: BookingId(self.id),
            status,
            code: holds_ticket.then_some(self.code),
            session_id: SessionId(self.session_id),
            starts_at: local(self.starts_at),
            ends_at: local(self.ends_at),
            item_id: self.item_id,
            item_title: self.item_title,
            facility_name: self.facility_name,
            facility_address: self.facility_address,
            waitlist_position: (self.waitlist_position > 0).then_some(self.waitlist_position as u32),
            offered_until: self.offered_until.filter(|_| status == BookingStatus::Offered).map(local),
            created_at: local(self.created_at),
        }
    }
}

impl TryFrom<String> for StoredStatus {
    type Error = String;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        BookingStatus::parse(&value).map(StoredStatus).ok_or(value)
    }
}

/// A session's places as the database holds them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SessionCounts {
    pub capacity: i64,
    pub remaining: i64,
    /// Bookings holding a place: confirmed, attended or no-show.
    pub held: i64,
    pub confirmed: i64,
    pub waitlisted: i64,
}

const VIEW_SELECT: &str = "SELECT b.id, b.status, b.code, b.created_at, b.session_id, s.starts_at, s.ends_at, \
    i.id AS item_id, i.title AS item_title, f.name AS facility_name, \
    CASE WHEN s.place IS NULL THEN f.address ELSE f.address || ' · ' || s.place END AS facility_address, \
    s.remaining AS places_left, b.offered_until, \
    CASE WHEN b.status = 'waitlisted' THEN (SELECT COUNT(*) FROM bookings w WHERE w.session_id = b.session_id \
    AND w.status = 'waitlisted' AND w.id <= b.id) ELSE 0 END AS waitlist_position \
    FROM bookings b JOIN sessions s ON s.id = b.session_id JOIN service_items i ON i.id = s.item_id \
    JOIN facilities f ON f.id = i.facility_id";

impl Store {
    /// A resident's bookings, latest session first.
    pub async fn bookings_of(&self, resident_id: ResidentId) -> Result<Vec<BookingSummary>, StoreError> {
        let rows: Vec<BookingRow> = sqlx::query_as(&format!(
            "{VIEW_SELECT} WHERE b.resident_id = $1 ORDER BY s.starts_at DESC, b.id DESC"
        ))
        .bind(resident_id.0)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.into_iter().map(BookingRow::summary).collect())
    }

    /// One booking if it is this resident's; another resident's booking is `None` as if it did not exist.
    pub async fn booking_of(
        &self,
        resident_id: ResidentId,
        booking_id: BookingId,
    ) -> Result<Option<BookingSummary>, StoreError> {
        Ok(self.booked(resident_id, booking_id).await?.map(|(summary, _)| summary))
    }

    /// A booking if it is this resident's, with its session's places left now: what the answer
    /// to a booking shows, in one read (a rush asks it thousands of times).
    pub async fn booked(
        &self,
        resident_id: ResidentId,
        booking_id: BookingId,
    ) -> Result<Option<(BookingSummary, i64)>, StoreError> {
        let row: Option<BookingRow> =
            sqlx::query_as(&format!("{VIEW_SELECT} WHERE b.id = $1 AND b.resident_id = $2"))
                .bind(booking_id.0)
                .bind(resident_id.0)
                .fetch_optional(&self.pool)
                .await?;
        Ok(row.map(|row| {
            let places_left = row.places_left;
            (row.summary(), places_left)
        }))
    }

    /// The ticket code of a booking that holds a place (for signing its ticket), if it is this resident's.
    pub async fn ticket_code_of(
        &self,
        resident_id: ResidentId,
        booking_id: BookingId,
    ) -> Result<Option<String>, StoreError> {
        Ok(self.booking_of(resident_id, booking_id).await?.and_then(|b| b.code))
    }

    /// A session's capacity and bookings, counted.
    pub async fn session_counts(&self, session: SessionId) -> Result<Option<SessionCounts>, StoreError> {
        let session_id = session.0;
        let row: Option<(i64, i64, i64, i64, i64)> = sqlx::query_as(&format!(
            "SELECT s.capacity, s.remaining, \
             (SELECT COUNT(*) FROM bookings b WHERE b.session_id = s.id AND b.status IN {HOLDS_A_PLACE}), \
             (SELECT COUNT(*) FROM bookings b WHERE b.session_id = s.id AND b.status = 'confirmed'), \
             (SELECT COUNT(*) FROM bookings b WHERE b.session_id = s.id AND b.status = 'waitlisted') \
             FROM sessions s WHERE s.id = $1"
        ))
        .bind(session_id)
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.map(|(capacity, remaining, held, confirmed, waitlisted)| SessionCounts {
            capacity,
            remaining,
            held,
            confirmed,
            waitlisted,
        }))
    }

    /// The session's waitlist, first in line first: (booking, resident).
    pub async fn waitlist_of(&self, session: SessionId) -> Result<Vec<(BookingId, ResidentId)>, StoreError> {
        let rows: Vec<(i64, i64)> = sqlx::query_as(
            "SELECT id, resident_id FROM bookings WHERE session_id = $1 AND status = 'waitlisted' ORDER BY id",
        )
        .bind(session.0)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.into_iter().map(|(booking, resident)| (BookingId(booking), ResidentId(resident))).collect())
    }
}
