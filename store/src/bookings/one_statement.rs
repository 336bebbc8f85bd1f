//! Taking a place on PostgreSQL in one statement.
//!
//! In a rush every booking of a session queues for its row, so what matters is how long each
//! holds it. The transaction way (lock, look, take, insert, commit) holds it across four round
//! trips to the database; this statement takes the place, inserts the booking and its
//! idempotency key in one, so the row is held only while PostgreSQL runs it (measured in
//! `bench/rush.sh`). It stays exactly as safe: the place is taken by the same conditional
//! `UPDATE … WHERE remaining > 0`, and the statement is atomic — if the booking cannot be
//! inserted (the resident already holds one: the partial unique index), the place is not taken
//! either, and the caller explains the conflict.

use cc_domain::booking::BookingRefusal;
use cc_domain::ids::{ResidentId, SessionId};

use super::book::BookingAttempt;
use super::{new_ticket_code, Booking, BookingRow, BOOKING_COLUMNS};
use crate::{Store, StoreError};

/// $1 session, $2 resident, $3 ticket code, $4 now, $5 whether the session keeps a waitlist
/// (1 or 0), $6 the idempotency key or NULL. Written once per process, not once per booking.
static STATEMENT: std::sync::LazyLock<String> = std::sync::LazyLock::new(|| {
    format!(
        "WITH taken AS ( \
             UPDATE sessions SET remaining = remaining - 1 WHERE id = $1 AND remaining > 0 RETURNING id \
         ), booked AS ( \
             INSERT INTO bookings (session_id, resident_id, status, code, created_at, updated_at) \
             SELECT $1, $2, CASE WHEN EXISTS (SELECT 1 FROM taken) THEN 'confirmed' ELSE 'waitlisted' END, \
                    $3, $4, $4 \
             WHERE EXISTS (SELECT 1 FROM taken) OR $5::bigint = 1 \
             RETURNING {BOOKING_COLUMNS} \
         ), keyed AS ( \
             INSERT INTO idempotency_keys (resident_id, key, session_id, booking_id, created_at) \
             SELECT $2, $6::text, $1, id, $4 FROM booked WHERE $6::text IS NOT NULL \
         ) \
         SELECT {BOOKING_COLUMNS} FROM booked"
    )
});

impl Store {
    /// A place if one is left, else a waitlist place (or `Full`): one statement, no
    /// transaction around it. PostgreSQL only.
    pub(super) async fn take_or_wait_at_once(
        &self,
        conn: &mut sqlx::AnyConnection,
        resident_id: ResidentId,
        session_id: SessionId,
        key: Option<&str>,
        waitlist: bool,
        now: i64,
    ) -> Result<BookingAttempt, StoreError> {
        let row: Option<BookingRow> = sqlx::query_as(STATEMENT.as_str())
            .bind(session_id.0)
            .bind(resident_id.0)
            .bind(new_ticket_code())
            .bind(now)
            .bind(i64::from(waitlist))
            .bind(key)
            .fetch_optional(&mut *conn)
            .await?;
        if let Some(row) = row {
            return Ok(BookingAttempt::Booked { booking: Booking::from_row(row), replayed: false });
        }
        // Full. A resident who already holds a place is told so, as before the place ran out.
        Ok(match super::book::active_booking(conn, resident_id, session_id).await? {
            Some(booking_id) => BookingAttempt::Refused(BookingRefusal::Duplicate { booking_id }),
            None => BookingAttempt::Refused(BookingRefusal::Full),
        })
    }
}
