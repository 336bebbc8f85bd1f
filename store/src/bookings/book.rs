//! Taking a place in a session.

use std::time::Duration;

use cc_domain::ids::{BookingId, ResidentId, SessionId};
use cc_domain::booking::{paused_refusal, BookingRefusal, BookingStatus, BookingWindow, WindowState};
use cc_domain::live::LiveKind;
use cc_domain::time::{local, now};
use sqlx::AnyConnection;

use super::{new_ticket_code, Booking, BookingRow, ACTIVE, BOOKING_COLUMNS};
use crate::residents::is_unique_violation;
use crate::{Store, StoreError};

/// What a booking attempt came to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BookingAttempt {
    /// A place (`Confirmed`) or a waitlist place (`Waitlisted`). `replayed` when an earlier request
    /// with the same idempotency key made it.
    Booked { booking: Booking, replayed: bool },
    /// Refused for a reason the resident can act on.
    Refused(BookingRefusal),
    /// No published session has this id.
    UnknownSession,
    /// The idempotency key was used before for another session.
    KeyReused,
    /// The idempotency key's booking has been cancelled since: booking again needs a new key
    /// (replaying the key must not look like a new booking).
    KeySpent,
}

/// Whether booking is protected against overselling. Only the race-control test removes it, to
/// prove that the rush test would catch an oversell.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum BookingGuard {
    #[default]
    On,
    /// No write transaction and no conditional update; reads and writes `remaining` with a pause
    /// in between, as a naive implementation would. Never set outside tests.
    RemovedForRaceControl,
}

/// The session's facts that decide whether it can be booked, and the resident's.
struct SessionGate {
    cancelled: bool,
    item_published: bool,
    window: BookingWindow,
    waitlist: bool,
    /// When the resident's recent no-shows were recorded (what the no-show rule counts).
    no_shows: Vec<i64>,
}

impl Store {
    /// Books `session_id` for `resident_id`: a place if one is left, else a waitlist place if the
    /// session keeps a waitlist. With `key`, a repeated request returns the first one's booking.
    pub async fn book(
        &self,
        resident_id: ResidentId,
        session_id: SessionId,
        key: Option<&str>,
    ) -> Result<BookingAttempt, StoreError> {
        // Read-only checks first, outside the write transaction: nothing a concurrent booking
        // does changes them, and the fewer statements hold the write lock, the shorter the queue.
        let now = now();
        let mut conn = self.pool.acquire().await?;
        if let Some(replay) = replay_if_keyed(&mut conn, resident_id, session_id, key).await? {
            return Ok(replay);
        }
        let waitlist = match self.check_gate(&mut conn, resident_id, session_id, now).await? {
            Ok(waitlist) => waitlist,
            Err(refused) => return Ok(refused),
        };
        let attempt = match self.booking_guard {
            // PostgreSQL: one statement, on the connection the checks used, holds the session's
            // row for the shortest time.
            BookingGuard::On if self.backend() == crate::Backend::Postgres => {
                let attempt = self.take_or_wait_at_once(&mut conn, resident_id, session_id, key, waitlist, now).await;
                drop(conn); // before explaining a conflict on another: never two at once
                attempt
            }
            BookingGuard::On => {
                drop(conn); // SQLite: the writer's queue is on the database, not on this connection
                let mut tx = self.begin().await?;
                let attempt = self.take_or_wait(&mut tx, resident_id, session_id, key, waitlist, now).await;
                if attempt.is_ok() {
                    tx.commit().await?;
                }
                attempt
            }
            BookingGuard::RemovedForRaceControl => {
                let attempt = self.take_or_wait(&mut conn, resident_id, session_id, key, waitlist, now).await;
                drop(conn);
                attempt
            }
        };
        if let Ok(BookingAttempt::Booked { booking, replayed: false }) = &attempt {
            let kind = match booking.status {
                BookingStatus::Waitlisted => LiveKind::Waitlisted,
                _ => LiveKind::Booked,
            };
            self.announce(kind, session_id.0);
        }
        match attempt {
            // Two requests of one resident raced past the duplicate check on PostgreSQL: the
            // unique index stopped the second. Answer as the check would have.
            Err(StoreError::Database(e)) if is_unique_violation(&e) => {
                self.explain_conflict(resident_id, session_id, key).await
            }
            other => other,
        }
    }

    /// Whether the session can be booked by this resident now: `Ok(waitlist)` when it can (with
    /// whether it keeps a waitlist), else the answer to give.
    async fn check_gate(
        &self,
        conn: &mut AnyConnection,
        resident_id: ResidentId,
        session_id: SessionId,
        now: i64,
    ) -> Result<Result<bool, BookingAttempt>, StoreError> {
        let refused = |refusal| Ok(Err(BookingAttempt::Refused(refusal)));
        let lookback = self.no_show_rule.lookback_from(now);
        let Some(gate) = session_gate(conn, session_id, resident_id, lookback).await? else {
            return Ok(Err(BookingAttempt::UnknownSession));
        };
        if !gate.item_published {
            return Ok(Err(BookingAttempt::UnknownSession));
        }
        if gate.cancelled {
            return refused(BookingRefusal::Closed { opens_at: None });
        }
        match gate.window.state_at(now) {
            WindowState::Open => {}
            WindowState::NotYetOpen => {
                return refused(BookingRefusal::Closed { opens_at: Some(local(gate.window.opens_at)) })
            }
            WindowState::Closed => return refused(BookingRefusal::Closed { opens_at: None }),
        }
        if let Some(until) = self.no_show_rule.paused_until(&gate.no_shows, now) {
            return refused(paused_refusal(until));
        }
        Ok(Ok(gate.waitlist))
    }

    /// The write itself: a place if one is left, else a waitlist place (or `full`).
    async fn take_or_wait(
        &self,
        conn: &mut AnyConnection,
        resident_id: ResidentId,
        session_id: SessionId,
        key: Option<&str>,
        waitlist: bool,
        now: i64,
    ) -> Result<BookingAttempt, StoreError> {
        // Inside SQLite's write transaction (BEGIN IMMEDIATE is the lock), so a concurrent
        // request of the same resident (or with the same key) has committed before this looks.
        // PostgreSQL books in one statement instead (`one_statement.rs`).
        let active = active_booking(conn, resident_id, session_id).await?;
        if let Some(replay) = replay_if_keyed(conn, resident_id, session_id, key).await? {
            return Ok(replay);
        }
        if let Some(booking_id) = active {
            return Ok(BookingAttempt::Refused(BookingRefusal::Duplicate { booking_id }));
        }
        let status = if self.take_place(conn, session_id).await? {
            BookingStatus::Confirmed
        } else if waitlist {
            BookingStatus::Waitlisted
        } else {
            return Ok(BookingAttempt::Refused(BookingRefusal::Full));
        };
        let booking = insert_booking(conn, resident_id, session_id, status, now).await?;
        if let Some(key) = key {
            sqlx::query(
                "INSERT INTO idempotency_keys (resident_id, key, session_id, booking_id, created_at) \
                 VALUES ($1, $2, $3, $4, $5)",
            )
            .bind(resident_id.0)
            .bind(key)
            .bind(session_id.0)
            .bind(booking.id.0)
            .bind(now)
            .execute(&mut *conn)
            .await?;
        }
        Ok(BookingAttempt::Booked { booking, replayed: false })
    }

    /// Takes one place if any is left. Guarded: one conditional update, atomic on both backends.
    async fn take_place(&self, conn: &mut AnyConnection, session_id: SessionId) -> Result<bool, StoreError> {
        if self.booking_guard == BookingGuard::RemovedForRaceControl {
            let (remaining,): (i64,) = sqlx::query_as("SELECT remaining FROM sessions WHERE id = $1")
                .bind(session_id.0)
                .fetch_one(&mut *conn)
                .await?;
            tokio::time::sleep(Duration::from_millis(20)).await;
            if remaining <= 0 {
                return Ok(false);
            }
            sqlx::query("UPDATE sessions SET remaining = $1 WHERE id = $2")
                .bind(remaining - 1)
                .bind(session_id.0)
                .execute(&mut *conn)
                .await?;
            return Ok(true);
        }
        let taken =
            sqlx::query("UPDATE sessions SET remaining = remaining - 1 WHERE id = $1 AND remaining > 0")
                .bind(session_id.0)
                .execute(&mut *conn)
                .await?;
        Ok(taken.rows_affected() == 1)
    }

    /// Until when the no-show rule pauses this resident, if it does.
    async fn paused_until(
        &self,
        conn: &mut AnyConnection,
        resident_id: ResidentId,
        now: i64,
    ) -> Result<Option<i64>, StoreError> {
        let times: Vec<(i64,)> = sqlx::query_as(
            "SELECT updated_at FROM bookings WHERE resident_id = $1 AND status = 'no_show' AND updated_at >= $2",
        )
        .bind(resident_id.0)
        .bind(self.no_show_rule.lookback_from(now))
        .fetch_all(&mut *conn)
        .await?;
        let times: Vec<i64> = times.into_iter().map(|(t,)| t).collect();
        Ok(self.no_show_rule.paused_until(&times, now))
    }

    /// Until when (UTC seconds) the no-show rule pauses this resident's booking, if it does now.
    pub async fn booking_paused_until(&self, resident_id: ResidentId) -> Result<Option<i64>, StoreError> {
        let mut conn = self.pool.acquire().await?;
        self.paused_until(&mut conn, resident_id, now()).await
    }

    /// After a unique-index conflict: the replay or the duplicate that caused it.
    async fn explain_conflict(
        &self,
        resident_id: ResidentId,
        session_id: SessionId,
        key: Option<&str>,
    ) -> Result<BookingAttempt, StoreError> {
        let mut conn = self.pool.acquire().await?;
        if let Some(key) = key {
            if let Some(replay) = replay(&mut conn, resident_id, session_id, key).await? {
                return Ok(replay);
            }
        }
        match active_booking(&mut conn, resident_id, session_id).await? {
            Some(booking_id) => Ok(BookingAttempt::Refused(BookingRefusal::Duplicate { booking_id })),
            None => Err(StoreError::Conflict("booking insert conflicted but no booking holds the place")),
        }
    }
}

/// With a key: the booking an earlier request with it made, if any.
async fn replay_if_keyed(
    conn: &mut AnyConnection,
    resident_id: ResidentId,
    session_id: SessionId,
    key: Option<&str>,
) -> Result<Option<BookingAttempt>, StoreError> {
    match key {
        Some(key) => replay(conn, resident_id, session_id, key).await,
        None => Ok(None),
    }
}

/// The booking an earlier request with this key made, if any.
async fn replay(
    conn: &mut AnyConnection,
    resident_id: ResidentId,
    session_id: SessionId,
    key: &str,
) -> Result<Option<BookingAttempt>, StoreError> {
    let row: Option<(i64, i64)> = sqlx::query_as(
        "SELECT session_id, booking_id FROM idempotency_keys WHERE resident_id = $1 AND key = $2",
    )
    .bind(resident_id.0)
    .bind(key)
    .fetch_optional(&mut *conn)
    .await?;
    let Some((keyed_session, booking_id)) = row else { return Ok(None) };
    if keyed_session != session_id.0 {
        return Ok(Some(BookingAttempt::KeyReused));
    }
    let row: BookingRow = sqlx::query_as(&format!("SELECT {BOOKING_COLUMNS} FROM bookings WHERE id = $1"))
        .bind(booking_id)
        .fetch_one(&mut *conn)
        .await?;
    let booking = Booking::from_row(row);
    if booking.status == BookingStatus::Cancelled {
        return Ok(Some(BookingAttempt::KeySpent));
    }
    Ok(Some(BookingAttempt::Booked { booking, replayed: true }))
}

/// The gate of a session and the resident's recent no-shows (since `lookback`), in one read:
/// one row per no-show, or one with none.
async fn session_gate(
    conn: &mut AnyConnection,
    session_id: SessionId,
    resident_id: ResidentId,
    lookback: i64,
) -> Result<Option<SessionGate>, StoreError> {
    let rows: Vec<(String, String, i64, i64, i64, i64, Option<i64>)> = sqlx::query_as(
        "SELECT s.status, i.status, s.starts_at, s.booking_opens_at, s.booking_closes_at, s.waitlist, b.updated_at \
         FROM sessions s JOIN service_items i ON i.id = s.item_id \
         LEFT JOIN bookings b ON b.resident_id = $2 AND b.status = 'no_show' AND b.updated_at >= $3 \
         WHERE s.id = $1",
    )
    .bind(session_id.0)
    .bind(resident_id.0)
    .bind(lookback)
    .fetch_all(&mut *conn)
    .await?;
    let no_shows = rows.iter().filter_map(|row| row.6).collect();
    Ok(rows.into_iter().next().map(|(status, item_status, starts_at, opens_at, closes_at, waitlist, _)| SessionGate {
        cancelled: status != "published",
        item_published: item_status == "published",
        window: BookingWindow { opens_at, closes_at, starts_at },
        waitlist: waitlist == 1,
        no_shows,
    }))
}

pub(super) async fn active_booking(
    conn: &mut AnyConnection,
    resident_id: ResidentId,
    session_id: SessionId,
) -> Result<Option<BookingId>, StoreError> {
    let row: Option<(i64,)> = sqlx::query_as(&format!(
        "SELECT id FROM bookings WHERE session_id = $1 AND resident_id = $2 AND status IN {ACTIVE}"
    ))
    .bind(session_id.0)
    .bind(resident_id.0)
    .fetch_optional(&mut *conn)
    .await?;
    Ok(row.map(|(id,)| BookingId(id)))
}

async fn insert_booking(
    conn: &mut AnyConnection,
    resident_id: ResidentId,
    session_id: SessionId,
    status: BookingStatus,
    now: i64,
) -> Result<Booking, StoreError> {
    let row: BookingRow = sqlx::query_as(&format!(
        "INSERT INTO bookings (session_id, resident_id, status, code, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $5) RETURNING {BOOKING_COLUMNS}"
    ))
    .bind(session_id.0)
    .bind(resident_id.0)
    .bind(status.as_str())
    .bind(new_ticket_code())
    .bind(now)
    .fetch_one(&mut *conn)
    .await?;
    Ok(Booking::from_row(row))
}
