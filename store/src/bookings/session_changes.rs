//! Staff cancel or move a session, and everyone booked or waiting is told — in the same
//! transaction, so nobody is told of a change that did not happen, nor misses one that did.

use cc_domain::ids::{BookingId, SessionId};
use cc_domain::live::LiveKind;
use cc_domain::messages::MessageKind;
use cc_domain::session_change::{BookingSettings, Schedule};
use cc_domain::time::now;

use crate::items::refresh_next_session;
use crate::messages::tell_about_booking;
use crate::{Store, StoreError};

/// What cancelling or moving a session came to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SessionChangeOutcome {
    /// Done; `told` residents (booked or waiting) were sent a message.
    Done { told: usize },
    /// The session has begun, or was cancelled before: it can no longer change.
    TooLate,
    UnknownSession,
}

impl Store {
    /// When and where a session takes place.
    pub async fn session_schedule(&self, session: SessionId) -> Result<Option<Schedule>, StoreError> {
        let row: Option<(i64, i64, Option<String>)> =
            sqlx::query_as("SELECT starts_at, ends_at, place FROM sessions WHERE id = $1")
                .bind(session.0)
                .fetch_optional(&self.pool)
                .await?;
        Ok(row.map(|(starts_at, ends_at, place)| Schedule { starts_at, ends_at, place }))
    }

    /// Cancels a session that has not begun: its bookings and waitlist end (never as no-shows)
    /// and each holder is told `reason`.
    pub async fn cancel_session(&self, session: SessionId, reason: &str) -> Result<SessionChangeOutcome, StoreError> {
        let (mut tx, now) = (self.begin().await?, now());
        let item_id = match self.lock_changeable(&mut tx, session, now).await? {
            Ok(item_id) => item_id,
            Err(outcome) => return Ok(outcome),
        };
        sqlx::query("UPDATE sessions SET status = 'cancelled', cancel_reason = $2, remaining = capacity WHERE id = $1")
            .bind(session.0)
            .bind(reason)
            .execute(&mut *tx)
            .await?;
        let holders = active_bookings(&mut tx, session).await?;
        sqlx::query(
            "UPDATE bookings SET status = 'cancelled', updated_at = $2 \
             WHERE session_id = $1 AND status IN ('confirmed', 'waitlisted', 'offered')",
        )
        .bind(session.0)
        .bind(now)
        .execute(&mut *tx)
        .await?;
        for booking in &holders {
            tell_about_booking(&mut tx, *booking, MessageKind::SessionCancelled, Some(reason), now).await?;
        }
        refresh_next_session(&mut tx, item_id, now).await?;
        tx.commit().await?;
        self.announce(LiveKind::SessionChanged, session.0);
        Ok(SessionChangeOutcome::Done { told: holders.len() })
    }

    /// Moves a session that has not begun to another time or place with its booking `window`
    /// (`BookingSettings::moved`: it keeps its shape); tickets stay valid and each holder
    /// (booked or waiting) is told.
    pub async fn move_session(
        &self,
        session: SessionId,
        to: &Schedule,
        window: BookingSettings,
    ) -> Result<SessionChangeOutcome, StoreError> {
        let (mut tx, now) = (self.begin().await?, now());
        let item_id = match self.lock_changeable(&mut tx, session, now).await? {
            Ok(item_id) => item_id,
            Err(outcome) => return Ok(outcome),
        };
        sqlx::query(
            "UPDATE sessions SET starts_at = $2, ends_at = $3, place = $4, booking_opens_at = $5, \
             booking_closes_at = $6, waitlist = $7 WHERE id = $1",
        )
        .bind(session.0)
        .bind(to.starts_at)
        .bind(to.ends_at)
        .bind(to.place.as_deref())
        .bind(window.opens_at)
        .bind(window.closes_at)
        .bind(i64::from(window.waitlist))
        .execute(&mut *tx)
        .await?;
        // An offer is never held past the start, wherever the start moved.
        sqlx::query("UPDATE bookings SET offered_until = $2 WHERE session_id = $1 AND status = 'offered' AND offered_until > $2")
            .bind(session.0)
            .bind(to.starts_at)
            .execute(&mut *tx)
            .await?;
        let holders = active_bookings(&mut tx, session).await?;
        for booking in &holders {
            tell_about_booking(&mut tx, *booking, MessageKind::SessionChanged, to.place.as_deref(), now).await?;
        }
        refresh_next_session(&mut tx, item_id, now).await?;
        tx.commit().await?;
        self.announce(LiveKind::SessionChanged, session.0);
        Ok(SessionChangeOutcome::Done { told: holders.len() })
    }
}

impl Store {
    /// Inside a write transaction, locks a session that staff may still cancel or move (taking
    /// place, not begun at `now`) and answers its item; otherwise why not.
    async fn lock_changeable(
        &self,
        conn: &mut sqlx::AnyConnection,
        session: SessionId,
        now: i64,
    ) -> Result<Result<i64, SessionChangeOutcome>, StoreError> {
        self.lock_session(conn, session.0).await?;
        let row: Option<(i64, i64, String)> =
            sqlx::query_as("SELECT item_id, starts_at, status FROM sessions WHERE id = $1")
                .bind(session.0)
                .fetch_optional(conn)
                .await?;
        Ok(match row {
            None => Err(SessionChangeOutcome::UnknownSession),
            Some((_, starts_at, status)) if status != "published" || starts_at <= now => Err(SessionChangeOutcome::TooLate),
            Some((item_id, ..)) => Ok(item_id),
        })
    }
}

/// The bookings that hold a place or wait for one, in line order.
async fn active_bookings(conn: &mut sqlx::AnyConnection, session: SessionId) -> Result<Vec<BookingId>, StoreError> {
    let rows: Vec<(i64,)> = sqlx::query_as(
        "SELECT id FROM bookings WHERE session_id = $1 AND status IN ('confirmed', 'waitlisted', 'offered') ORDER BY id",
    )
    .bind(session.0)
    .fetch_all(conn)
    .await?;
    Ok(rows.into_iter().map(|(id,)| BookingId(id)).collect())
}
