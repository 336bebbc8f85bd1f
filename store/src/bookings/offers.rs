//! Places offered from the waitlist close to the start (`cc_domain::offer`): the resident
//! accepts one while it is held, or it lapses and passes to the next in line.

use cc_domain::booking::BookingStatus;
use cc_domain::ids::{BookingId, ResidentId};
use cc_domain::live::LiveKind;
use cc_domain::time::now;
use sqlx::AnyConnection;

use super::changes::{release_place, set_status, FreedPlace};
use crate::{Store, StoreError};

/// What accepting an offered place came to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AcceptOutcome {
    /// The place is the resident's now: a confirmed booking with a ticket.
    Accepted,
    /// It was accepted before (or confirmed without an offer): nothing changed.
    AlreadyConfirmed,
    /// The hold ended before the resident accepted; the place went on to the next in line.
    Lapsed,
    /// The booking holds no offer (waiting, cancelled, or over).
    NotOffered,
    /// No booking of this resident has this id.
    NotFound,
}

impl Store {
    /// Accepts the place offered to a resident's booking while it is still held.
    pub async fn accept_offer(&self, resident: ResidentId, booking: BookingId) -> Result<AcceptOutcome, StoreError> {
        let session: Option<(i64,)> =
            sqlx::query_as("SELECT session_id FROM bookings WHERE id = $1 AND resident_id = $2")
                .bind(booking.0)
                .bind(resident.0)
                .fetch_optional(&self.pool)
                .await?;
        let Some((session_id,)) = session else { return Ok(AcceptOutcome::NotFound) };
        let (mut tx, now) = (self.begin().await?, now());
        self.lock_session(&mut tx, session_id).await?;
        // Read only now: the sweep passing this offer on has committed, or waits for us.
        let Some(offer) = read_offer(&mut tx, booking).await? else { return Ok(AcceptOutcome::NotFound) };
        let outcome = match offer.status {
            BookingStatus::Offered if now < offer.until => {
                set_status(&mut tx, booking.0, BookingStatus::Confirmed, now).await?;
                AcceptOutcome::Accepted
            }
            BookingStatus::Offered => {
                self.pass_on(&mut tx, &offer, now).await?;
                AcceptOutcome::Lapsed
            }
            BookingStatus::Lapsed => AcceptOutcome::Lapsed,
            BookingStatus::Confirmed | BookingStatus::Attended => AcceptOutcome::AlreadyConfirmed,
            _ => AcceptOutcome::NotOffered,
        };
        tx.commit().await?;
        if outcome != AcceptOutcome::NotOffered {
            self.announce(LiveKind::SessionChanged, session_id);
        }
        Ok(outcome)
    }

    /// Passes on every offer whose hold has ended at `now`: each lapses and its place goes to the
    /// next in line (offered again, near the start) or back to the session. The server runs this
    /// every minute; returns how many lapsed.
    pub async fn pass_on_lapsed_offers(&self, now: i64) -> Result<usize, StoreError> {
        let due: Vec<(i64,)> = sqlx::query_as(
            "SELECT id FROM bookings WHERE status = 'offered' AND offered_until <= $1 ORDER BY offered_until LIMIT 500",
        )
        .bind(now)
        .fetch_all(&self.pool)
        .await?;
        let mut lapsed = 0;
        for (id,) in due {
            let mut tx = self.begin().await?;
            let Some(offer) = read_offer(&mut tx, BookingId(id)).await? else { continue };
            self.lock_session(&mut tx, offer.session_id).await?;
            // Read again under the lock: the resident may have accepted in the meantime.
            let Some(offer) = read_offer(&mut tx, BookingId(id)).await? else { continue };
            if offer.status == BookingStatus::Offered && offer.until <= now {
                self.pass_on(&mut tx, &offer, now).await?;
                lapsed += 1;
            }
            tx.commit().await?;
            self.announce(LiveKind::SessionChanged, offer.session_id);
        }
        Ok(lapsed)
    }

    /// An offer not accepted in time lapses: never a no-show, and its place passes on.
    async fn pass_on(&self, conn: &mut AnyConnection, offer: &Offer, now: i64) -> Result<(), StoreError> {
        set_status(conn, offer.booking.0, BookingStatus::Lapsed, now).await?;
        let freed = FreedPlace { session_id: offer.session_id, starts_at: offer.starts_at, rule: self.offer_rule, now };
        release_place(conn, freed).await?;
        Ok(())
    }
}

/// A booking with what deciding about its offer needs.
struct Offer {
    booking: BookingId,
    session_id: i64,
    status: BookingStatus,
    /// Until when the place is held (0 when it was never offered).
    until: i64,
    starts_at: i64,
}

async fn read_offer(conn: &mut AnyConnection, booking: BookingId) -> Result<Option<Offer>, StoreError> {
    let row: Option<(i64, String, Option<i64>, i64)> = sqlx::query_as(
        "SELECT b.session_id, b.status, b.offered_until, s.starts_at FROM bookings b \
         JOIN sessions s ON s.id = b.session_id WHERE b.id = $1",
    )
    .bind(booking.0)
    .fetch_optional(conn)
    .await?;
    Ok(row.and_then(|(session_id, status, until, starts_at)| {
        Some(Offer { booking, session_id, status: BookingStatus::parse(&status)?, until: until.unwrap_or(0), starts_at })
    }))
}
