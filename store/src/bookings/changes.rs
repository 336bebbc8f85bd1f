//! Changes after booking: cancelling (which promotes the waitlist), capacity changes, no-shows.

use cc_domain::ids::{BookingId, ResidentId, SessionId};
use cc_domain::booking::BookingStatus;
use cc_domain::live::LiveKind;
use cc_domain::messages::MessageKind;
use cc_domain::offer::{OfferRule, Promotion};
use cc_domain::time::now;
use sqlx::AnyConnection;

use crate::messages::tell_about_booking;
use crate::{Store, StoreError};

/// What cancelling came to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CancelOutcome {
    /// Cancelled now; `promoted` is the waitlisted booking the freed place went (or was offered) to.
    Cancelled { promoted: Option<BookingId> },
    /// It was cancelled before: nothing changed.
    AlreadyCancelled,
    /// The session has begun, or the booking was attended or missed: it can no longer change.
    TooLate,
    /// No booking of this resident has this id (another resident's booking looks the same).
    NotFound,
}

/// What a capacity change came to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CapacityOutcome {
    /// Changed; `promoted` waitlisted bookings now hold places.
    Changed {
        promoted: Vec<BookingId>,
    },
    /// Refused: more places are held than the new capacity.
    BelowHeld {
        held: i64,
    },
    UnknownSession,
}

impl Store {
    /// Cancels a resident's booking before its session starts. A freed place goes to the first
    /// on the waitlist, or back to the session.
    pub async fn cancel_booking(
        &self,
        resident: ResidentId,
        booking: BookingId,
    ) -> Result<CancelOutcome, StoreError> {
        let (resident_id, booking_id) = (resident.0, booking.0);
        let mut tx = self.begin().await?;
        let session: Option<(i64,)> =
            sqlx::query_as("SELECT session_id FROM bookings WHERE id = $1 AND resident_id = $2")
                .bind(booking_id)
                .bind(resident_id)
                .fetch_optional(&mut *tx)
                .await?;
        let Some((session_id,)) = session else { return Ok(CancelOutcome::NotFound) };
        self.lock_session(&mut tx, session_id).await?;
        // Read the status only now: a concurrent cancel of the same booking has committed or waits.
        let row: Option<(i64, String, i64)> = sqlx::query_as(
            "SELECT b.session_id, b.status, s.starts_at FROM bookings b JOIN sessions s ON s.id = b.session_id \
             WHERE b.id = $1 AND b.resident_id = $2",
        )
        .bind(booking_id)
        .bind(resident_id)
        .fetch_optional(&mut *tx)
        .await?;
        let Some((session_id, status, starts_at)) = row else { return Ok(CancelOutcome::NotFound) };
        let now = now();
        let outcome = match BookingStatus::parse(&status) {
            Some(BookingStatus::Cancelled) => CancelOutcome::AlreadyCancelled,
            Some(held @ (BookingStatus::Confirmed | BookingStatus::Offered | BookingStatus::Waitlisted))
                if now < starts_at =>
            {
                set_status(&mut tx, booking_id, BookingStatus::Cancelled, now).await?;
                let promoted = if held == BookingStatus::Waitlisted {
                    None
                } else {
                    let freed = FreedPlace { session_id, starts_at, rule: self.offer_rule, now };
                    release_place(&mut tx, freed).await?
                };
                CancelOutcome::Cancelled { promoted }
            }
            _ => CancelOutcome::TooLate,
        };
        tx.commit().await?;
        if matches!(outcome, CancelOutcome::Cancelled { .. }) {
            self.announce(LiveKind::Cancelled, session_id);
        }
        Ok(outcome)
    }

    /// Sets a session's capacity, refusing to go below the places already held; new places go to
    /// the waitlist first.
    pub async fn set_session_capacity(
        &self,
        session: SessionId,
        capacity: i64,
    ) -> Result<CapacityOutcome, StoreError> {
        let session_id = session.0;
        let mut tx = self.begin().await?;
        self.lock_session(&mut tx, session_id).await?;
        let row: Option<(i64, i64, i64)> =
            sqlx::query_as("SELECT capacity, remaining, starts_at FROM sessions WHERE id = $1")
                .bind(session_id)
                .fetch_optional(&mut *tx)
                .await?;
        let Some((old_capacity, remaining, starts_at)) = row else { return Ok(CapacityOutcome::UnknownSession) };
        let held = old_capacity - remaining;
        if capacity < held {
            return Ok(CapacityOutcome::BelowHeld { held });
        }
        sqlx::query("UPDATE sessions SET capacity = $1, remaining = $2 WHERE id = $3")
            .bind(capacity)
            .bind(capacity - held)
            .bind(session_id)
            .execute(&mut *tx)
            .await?;
        let freed = FreedPlace { session_id, starts_at, rule: self.offer_rule, now: now() };
        let mut promoted = Vec::new();
        for _ in 0..(capacity - held) {
            let Some(next) = promote_first(&mut tx, freed).await? else { break };
            sqlx::query("UPDATE sessions SET remaining = remaining - 1 WHERE id = $1")
                .bind(session_id)
                .execute(&mut *tx)
                .await?;
            promoted.push(next);
        }
        tx.commit().await?;
        self.announce(LiveKind::SessionChanged, session_id);
        Ok(CapacityOutcome::Changed { promoted })
    }

    /// Records that a confirmed booking's holder did not come (the place stays used). Returns
    /// whether the booking was confirmed.
    pub async fn mark_no_show(&self, booking_id: BookingId) -> Result<bool, StoreError> {
        self.mark_no_show_at(booking_id, now()).await
    }

    /// [`Store::mark_no_show`] dated `at` (UTC seconds), for back-filled records and tests.
    pub async fn mark_no_show_at(&self, booking: BookingId, at: i64) -> Result<bool, StoreError> {
        let booking_id = booking.0;
        let changed = sqlx::query(
            "UPDATE bookings SET status = 'no_show', updated_at = $1 WHERE id = $2 AND status = 'confirmed'",
        )
        .bind(at)
        .bind(booking_id)
        .execute(&self.pool)
        .await?;
        Ok(changed.rows_affected() == 1)
    }
}

/// A place just freed in a session: who gets it depends on how near its start is.
#[derive(Debug, Clone, Copy)]
pub(super) struct FreedPlace {
    pub session_id: i64,
    pub starts_at: i64,
    pub rule: OfferRule,
    pub now: i64,
}

/// Gives a freed place to the first on the waitlist, or back to the session.
pub(super) async fn release_place(conn: &mut AnyConnection, freed: FreedPlace) -> Result<Option<BookingId>, StoreError> {
    let promoted = promote_first(conn, freed).await?;
    if promoted.is_none() {
        sqlx::query("UPDATE sessions SET remaining = remaining + 1 WHERE id = $1")
            .bind(freed.session_id)
            .execute(&mut *conn)
            .await?;
    }
    Ok(promoted)
}

/// Gives a place to the first on the waitlist — theirs at once, or offered to them when the
/// start is near ([`OfferRule`]) — and tells them, in the same transaction (the message exists
/// exactly when the promotion does). `None` when nobody waits or the session has begun.
async fn promote_first(conn: &mut AnyConnection, freed: FreedPlace) -> Result<Option<BookingId>, StoreError> {
    let promotion = freed.rule.promotion(freed.now, freed.starts_at);
    if promotion == Promotion::TooLate {
        return Ok(None);
    }
    let Some(next) = first_waitlisted(conn, freed.session_id).await? else { return Ok(None) };
    let kind = match promotion {
        Promotion::Offer { until } => {
            sqlx::query("UPDATE bookings SET status = 'offered', offered_until = $1, updated_at = $2 WHERE id = $3")
                .bind(until)
                .bind(freed.now)
                .bind(next.0)
                .execute(&mut *conn)
                .await?;
            MessageKind::PlaceOffered
        }
        _ => {
            set_status(conn, next.0, BookingStatus::Confirmed, freed.now).await?;
            MessageKind::WaitlistPromoted
        }
    };
    tell_about_booking(conn, next, kind, None, freed.now).await?;
    Ok(Some(next))
}

async fn first_waitlisted(conn: &mut AnyConnection, session_id: i64) -> Result<Option<BookingId>, StoreError> {
    let row: Option<(i64,)> = sqlx::query_as(
        "SELECT id FROM bookings WHERE session_id = $1 AND status = 'waitlisted' ORDER BY id LIMIT 1",
    )
    .bind(session_id)
    .fetch_optional(&mut *conn)
    .await?;
    Ok(row.map(|(id,)| BookingId(id)))
}

pub(super) async fn set_status(
    conn: &mut AnyConnection,
    booking_id: i64,
    status: BookingStatus,
    now: i64,
) -> Result<(), StoreError> {
    sqlx::query("UPDATE bookings SET status = $1, updated_at = $2 WHERE id = $3")
        .bind(status.as_str())
        .bind(now)
        .bind(booking_id)
        .execute(&mut *conn)
        .await?;
    Ok(())
}
