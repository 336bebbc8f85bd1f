//! Messages to residents: the inbox they read, what they chose, and the SMS outbox in the same
//! rows. A message is written inside the transaction of the change it tells of (so it exists
//! exactly when the change does); its SMS goes out later, claimed by one server at a time.

use cc_domain::ids::{BookingId, MessageId, ResidentId};
use cc_domain::demand::DemandStatus;
use cc_domain::messages::{Message, MessageKind, MessageSettings};
use sqlx::AnyConnection;

use crate::{Store, StoreError};

/// How many tries an SMS gets before it is given up as failed.
pub const SMS_TRIES: i64 = 5;
/// How long a server may take to send an SMS it claimed before another may claim it. Sending
/// gives up well before (`cc_services::delivery`'s timeout), so two never send one message.
pub const SMS_LEASE_SECONDS: i64 = 120;

/// An SMS claimed for sending: what to say, and to whom.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DueSms {
    pub message: Message,
    pub phone: String,
    /// This is try number `attempt` (1 for the first).
    pub attempt: i64,
}

/// Tells a booking's holder `kind` about it (with staff's `detail`, where there is one), inside
/// the caller's transaction; returns whether a message was written (a resident who turned
/// reminders off gets none; a second reminder of one booking is none either).
pub async fn tell_about_booking(
    conn: &mut AnyConnection,
    booking: BookingId,
    kind: MessageKind,
    detail: Option<&str>,
    now: i64,
) -> Result<bool, StoreError> {
    let row: Option<(i64, String, i64, Option<i64>)> = sqlx::query_as(
        "SELECT b.resident_id, i.title, s.starts_at, b.offered_until FROM bookings b \
         JOIN sessions s ON s.id = b.session_id JOIN service_items i ON i.id = s.item_id WHERE b.id = $1",
    )
    .bind(booking.0)
    .fetch_optional(&mut *conn)
    .await?;
    let Some((resident, title, starts_at, offered_until)) = row else { return Ok(false) };
    let news = News {
        resident: ResidentId(resident),
        kind,
        title: &title,
        starts_at: Some(starts_at),
        booking: Some(booking),
        detail,
        deadline: offered_until.filter(|_| kind == MessageKind::PlaceOffered),
        outcome: None,
    };
    tell(conn, &news, now).await
}

/// What a message says, before it is written.
#[derive(Debug, Clone, Copy)]
pub struct News<'a> {
    pub resident: ResidentId,
    pub kind: MessageKind,
    /// The service (or demand) it is about.
    pub title: &'a str,
    pub starts_at: Option<i64>,
    pub booking: Option<BookingId>,
    pub detail: Option<&'a str>,
    pub deadline: Option<i64>,
    /// What it came to (a demand's new status).
    pub outcome: Option<&'a str>,
}

/// Writes `news` to its resident's inbox — and the SMS outbox, where they chose SMS for its
/// kind — inside the caller's transaction; returns whether it was written.
pub async fn tell(conn: &mut AnyConnection, news: &News<'_>, now: i64) -> Result<bool, StoreError> {
    let chosen: Option<(String, i64)> =
        sqlx::query_as("SELECT sms, reminders FROM message_settings WHERE resident_id = $1")
            .bind(news.resident.0)
            .fetch_optional(&mut *conn)
            .await?;
    let settings = chosen.map_or_else(MessageSettings::default, |(sms, reminders)| MessageSettings::from_columns(&sms, reminders != 0));
    if news.kind == MessageKind::Reminder && !settings.reminders {
        return Ok(false);
    }
    let (state, due) = if settings.sms.contains(&news.kind) { ("pending", Some(now)) } else { ("none", None) };
    let written = sqlx::query(
        "INSERT INTO messages (resident_id, kind, item_title, starts_at, booking_id, created_at, sms_state, sms_due_at, \
         detail, deadline, outcome) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) ON CONFLICT DO NOTHING",
    )
    .bind(news.resident.0)
    .bind(news.kind.as_str())
    .bind(news.title)
    .bind(news.starts_at)
    .bind(news.booking.map(|b| b.0))
    .bind(now)
    .bind(state)
    .bind(due)
    .bind(news.detail)
    .bind(news.deadline)
    .bind(news.outcome)
    .execute(conn)
    .await?;
    Ok(written.rows_affected() == 1)
}

/// The columns a message is read from, in [`MessageRow`]'s order.
pub(crate) const MESSAGE_COLUMNS: &str =
    "id, kind, item_title, starts_at, booking_id, detail, deadline, outcome, created_at, read_at";

pub(crate) type MessageRow =
    (i64, String, String, Option<i64>, Option<i64>, Option<String>, Option<i64>, Option<String>, i64, Option<i64>);

/// A stored message; `None` for a kind this version does not know.
pub(crate) fn message(row: MessageRow) -> Option<Message> {
    let (id, kind, item_title, starts_at, booking, detail, deadline, outcome, created_at, read_at) = row;
    Some(Message {
        id: MessageId(id),
        kind: MessageKind::parse(&kind)?,
        item_title,
        starts_at,
        booking_id: booking.map(BookingId),
        detail,
        deadline,
        unit_status: outcome.as_deref().and_then(cc_domain::organisation::OrgStatus::parse).filter(|_| kind == "organisation_decided"),
        fund_status: outcome.as_deref().and_then(cc_domain::fund::AppStatus::parse).filter(|_| kind == "fund_decision"),
        outcome: outcome.as_deref().and_then(DemandStatus::parse).filter(|_| kind == "demand_answered"),
        created_at,
        read: read_at.is_some(),
    })
}

impl Store {
    /// A resident's latest messages, newest first (at most `limit`).
    pub async fn messages_of(&self, resident: ResidentId, limit: i64) -> Result<Vec<Message>, StoreError> {
        let rows: Vec<MessageRow> = sqlx::query_as(&format!(
            "SELECT {MESSAGE_COLUMNS} FROM messages WHERE resident_id = $1 ORDER BY id DESC LIMIT $2"
        ))
        .bind(resident.0)
        .bind(limit)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.into_iter().filter_map(message).collect())
    }

    /// How many of a resident's messages are unread.
    pub async fn unread_messages(&self, resident: ResidentId) -> Result<i64, StoreError> {
        let (count,): (i64,) =
            sqlx::query_as("SELECT COUNT(*) FROM messages WHERE resident_id = $1 AND read_at IS NULL")
                .bind(resident.0)
                .fetch_one(&self.pool)
                .await?;
        Ok(count)
    }

    /// Marks one of a resident's messages read; `false` when they have no such message.
    pub async fn mark_message_read(&self, resident: ResidentId, id: MessageId, now: i64) -> Result<bool, StoreError> {
        let found = sqlx::query(
            "UPDATE messages SET read_at = COALESCE(read_at, $3) WHERE id = $1 AND resident_id = $2",
        )
        .bind(id.0)
        .bind(resident.0)
        .bind(now)
        .execute(&self.pool)
        .await?;
        Ok(found.rows_affected() == 1)
    }

    /// Marks all of a resident's messages read; returns how many were unread.
    pub async fn mark_all_messages_read(&self, resident: ResidentId, now: i64) -> Result<u64, StoreError> {
        self.mark_messages_read_through(resident, MessageId(i64::MAX), now).await
    }

    /// Marks a resident's messages up to `last` read (those that came later stay unread);
    /// returns how many were unread.
    pub async fn mark_messages_read_through(&self, resident: ResidentId, last: MessageId, now: i64) -> Result<u64, StoreError> {
        let done = sqlx::query("UPDATE messages SET read_at = $2 WHERE resident_id = $1 AND read_at IS NULL AND id <= $3")
            .bind(resident.0)
            .bind(now)
            .bind(last.0)
            .execute(&self.pool)
            .await?;
        Ok(done.rows_affected())
    }

    /// What a resident chose (the defaults until they choose).
    pub async fn message_settings(&self, resident: ResidentId) -> Result<MessageSettings, StoreError> {
        let row: Option<(String, i64)> =
            sqlx::query_as("SELECT sms, reminders FROM message_settings WHERE resident_id = $1")
                .bind(resident.0)
                .fetch_optional(&self.pool)
                .await?;
        Ok(row.map_or_else(MessageSettings::default, |(sms, reminders)| {
            MessageSettings::from_columns(&sms, reminders != 0)
        }))
    }

    /// Keeps what a resident chose.
    pub async fn save_message_settings(&self, resident: ResidentId, settings: &MessageSettings) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO message_settings (resident_id, sms, reminders) VALUES ($1, $2, $3) \
             ON CONFLICT (resident_id) DO UPDATE SET sms = excluded.sms, reminders = excluded.reminders",
        )
        .bind(resident.0)
        .bind(settings.sms_column())
        .bind(i64::from(settings.reminders))
        .execute(&self.pool)
        .await?;
        Ok(())
    }
}
