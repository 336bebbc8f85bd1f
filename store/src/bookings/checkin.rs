//! Letting people in at the door, and recording who did not come.

use cc_domain::ids::{BookingId, SessionId};
use cc_domain::booking::BookingStatus;
use cc_domain::live::LiveKind;
use cc_domain::time::now;

use crate::{Store, StoreError};

/// What a check-in came to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CheckInOutcome {
    /// Let in now; `phone` is the ticket holder's (stored form), for the door to say who.
    CheckedIn { booking_id: BookingId, phone: String },
    /// The ticket was used before (at this time, UTC seconds): never counted twice.
    AlreadyCheckedIn { booking_id: BookingId, at: i64 },
    /// A real ticket, for another session.
    OtherSession,
    /// The booking is cancelled, waitlisted or a no-show: no place to let in.
    NoPlace(BookingStatus),
    /// No booking has this code.
    Unknown,
}

impl Store {
    /// The session a ticket code (as typed: any case) belongs to, if any booking has it.
    pub async fn ticket_session(&self, code: &str) -> Result<Option<SessionId>, StoreError> {
        let row: Option<(i64,)> = sqlx::query_as("SELECT session_id FROM bookings WHERE code = $1")
            .bind(code.trim().to_ascii_uppercase())
            .fetch_optional(&self.pool)
            .await?;
        Ok(row.map(|(id,)| SessionId(id)))
    }

    /// Checks in the booking with ticket `code` (and, when the ticket's signed token named it,
    /// `booking_id`) at `session_id`, by staff member `staff_id`. Single use: a second scan of
    /// the same ticket answers `AlreadyCheckedIn`.
    pub async fn check_in(
        &self,
        session: SessionId,
        code: &str,
        booking: Option<BookingId>,
        staff_id: i64,
    ) -> Result<CheckInOutcome, StoreError> {
        let (session_id, booking_id) = (session.0, booking.map(|b| b.0));
        let mut tx = self.begin().await?;
        let row: Option<(i64, i64, String, Option<i64>, String)> = sqlx::query_as(
            "SELECT b.id, b.session_id, b.status, b.checked_in_at, r.phone FROM bookings b \
             JOIN residents r ON r.id = b.resident_id WHERE b.code = $1 AND ($2 IS NULL OR b.id = $2)",
        )
        .bind(code.trim().to_ascii_uppercase())
        .bind(booking_id)
        .fetch_optional(&mut *tx)
        .await?;
        let Some((id, booked_session, status, checked_in_at, phone)) = row else {
            return Ok(CheckInOutcome::Unknown);
        };
        if booked_session != session_id {
            return Ok(CheckInOutcome::OtherSession);
        }
        let status = BookingStatus::parse(&status).unwrap_or(BookingStatus::Cancelled);
        let outcome = match (status, checked_in_at) {
            (BookingStatus::Attended, Some(at)) => CheckInOutcome::AlreadyCheckedIn { booking_id: BookingId(id), at },
            (BookingStatus::Confirmed, _) => {
                // The status in the WHERE makes two simultaneous scans count once.
                let done = sqlx::query(
                    "UPDATE bookings SET status = 'attended', checked_in_at = $1, checked_in_by = $2, updated_at = $1 \
                     WHERE id = $3 AND status = 'confirmed'",
                )
                .bind(now())
                .bind(staff_id)
                .bind(id)
                .execute(&mut *tx)
                .await?;
                if done.rows_affected() == 1 {
                    CheckInOutcome::CheckedIn { booking_id: BookingId(id), phone }
                } else {
                    CheckInOutcome::AlreadyCheckedIn { booking_id: BookingId(id), at: now() }
                }
            }
            (other, _) => CheckInOutcome::NoPlace(other),
        };
        tx.commit().await?;
        if matches!(outcome, CheckInOutcome::CheckedIn { .. }) {
            self.announce(LiveKind::CheckedIn, session_id);
        }
        Ok(outcome)
    }

    /// After sessions end, confirmed bookings that were not checked in become no-shows (which
    /// feed the no-show rule). The server runs this every minute; returns how many.
    pub async fn record_no_shows(&self, now: i64) -> Result<u64, StoreError> {
        let done = sqlx::query(
            "UPDATE bookings SET status = 'no_show', updated_at = $1 WHERE status = 'confirmed' \
             AND session_id IN (SELECT id FROM sessions WHERE ends_at <= $1)",
        )
        .bind(now)
        .execute(&self.pool)
        .await?;
        if done.rows_affected() > 0 {
            self.announce_street(LiveKind::NoShows, None);
        }
        Ok(done.rows_affected())
    }
}
