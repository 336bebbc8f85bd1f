//! Bookings: taking a place (or a waitlist place), cancelling, the waitlist and its offers,
//! no-shows.
//!
//! Every change to a session's places runs in one short write transaction in which the
//! session's `remaining` and the booking rows change together, so `remaining` is always
//! capacity minus the places held. On SQLite the transaction starts with `BEGIN IMMEDIATE` (one
//! writer at a time, queued by the busy timeout instead of failing); on PostgreSQL the place is
//! taken by a conditional `UPDATE … WHERE remaining > 0`, which locks the session row — for a
//! booking, in the same statement that inserts it (`one_statement.rs`), so the row is held for
//! the shortest time.

mod book;
mod changes;
mod checkin;
mod offers;
mod one_statement;
mod read;
mod session_changes;

pub use book::{BookingAttempt, BookingGuard};
pub use changes::{CancelOutcome, CapacityOutcome};
pub use checkin::CheckInOutcome;
pub use offers::AcceptOutcome;
pub use read::SessionCounts;
pub use session_changes::SessionChangeOutcome;

use cc_domain::booking::BookingStatus;
use cc_domain::ids::{BookingId, ResidentId, SessionId};
use rand::Rng;

use crate::{Backend, Store, StoreError};

/// A booking row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Booking {
    pub id: BookingId,
    pub session_id: SessionId,
    pub resident_id: ResidentId,
    pub status: BookingStatus,
    /// The ticket code printed under the QR code.
    pub code: String,
    pub created_at: i64,
    pub updated_at: i64,
}

type BookingRow = (i64, i64, i64, String, String, i64, i64);

const BOOKING_COLUMNS: &str = "id, session_id, resident_id, status, code, created_at, updated_at";

impl Booking {
    fn from_row((id, session_id, resident_id, status, code, created_at, updated_at): BookingRow) -> Booking {
        let status = BookingStatus::parse(&status).unwrap_or(BookingStatus::Cancelled);
        Booking {
            id: BookingId(id),
            session_id: SessionId(session_id),
            resident_id: ResidentId(resident_id),
            status,
            code,
            created_at,
            updated_at,
        }
    }
}

/// Statuses that hold a place in the session (an offered place is held for its resident).
pub(crate) const HOLDS_A_PLACE: &str = "('confirmed', 'offered', 'attended', 'no_show')";

/// Statuses of a resident's *active* booking: at most one per session (a unique index).
pub(crate) const ACTIVE: &str = "('confirmed', 'waitlisted', 'offered', 'attended')";

/// A new ticket code (`cc_domain::booking::TICKET_CODE_*`: 12 letters, 60 random bits).
pub(crate) fn new_ticket_code() -> String {
    use cc_domain::booking::{TICKET_CODE_ALPHABET as ALPHABET, TICKET_CODE_LEN};
    let mut rng = rand::rng();
    (0..TICKET_CODE_LEN).map(|_| ALPHABET[rng.random_range(0..ALPHABET.len())] as char).collect()
}

impl Store {
    /// Inside a write transaction, makes every other change to this session's places wait until
    /// this one commits: a row lock on PostgreSQL; on SQLite `BEGIN IMMEDIATE` already did it.
    pub(crate) async fn lock_session(
        &self,
        conn: &mut sqlx::AnyConnection,
        session_id: i64,
    ) -> Result<(), StoreError> {
        if self.backend() == Backend::Postgres {
            sqlx::query("SELECT id FROM sessions WHERE id = $1 FOR UPDATE")
                .bind(session_id)
                .execute(conn)
                .await?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn ticket_codes_are_twelve_unambiguous_characters() {
        let code = super::new_ticket_code();
        assert_eq!(code.len(), 12);
        assert!(code.chars().all(|c| c.is_ascii_digit() || "ABCDEFGHJKMNPQRSTVWXYZ".contains(c)), "{code}");
        assert_ne!(code, super::new_ticket_code());
    }
}
