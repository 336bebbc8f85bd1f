//! The SMS outbox and the reminders that fill it. Any number of servers deliver from the same
//! table: a claim is one statement that moves due rows to 'sending' with a lease, so two
//! servers never hold one message at once; a server that dies holding one lets its lease lapse
//! and another sends it.

use std::collections::HashMap;

use cc_domain::ids::{BookingId, MessageId};
use cc_domain::messages::MessageKind;

use crate::messages::{message, tell_about_booking, DueSms, MessageRow, MESSAGE_COLUMNS, SMS_LEASE_SECONDS, SMS_TRIES};
use crate::{Store, StoreError};

impl Store {
    /// Claims up to `limit` SMS that are due at `now` for this server to send.
    pub async fn claim_due_sms(&self, now: i64, limit: i64) -> Result<Vec<DueSms>, StoreError> {
        // The state test is repeated outside the subquery: on PostgreSQL a second server
        // waiting on the same row re-checks it after the first commits, and then skips it.
        let claimed: Vec<(i64, i64)> = sqlx::query_as(
            "UPDATE messages SET sms_state = 'sending', sms_due_at = $2, sms_attempts = sms_attempts + 1 \
             WHERE id IN (SELECT id FROM messages WHERE sms_state IN ('pending', 'sending') AND sms_due_at <= $1 \
                          ORDER BY sms_due_at LIMIT $3) \
               AND sms_state IN ('pending', 'sending') AND sms_due_at <= $1 \
             RETURNING id, sms_attempts",
        )
        .bind(now)
        .bind(now + SMS_LEASE_SECONDS)
        .bind(limit)
        .fetch_all(&self.pool)
        .await?;
        if claimed.is_empty() {
            return Ok(Vec::new());
        }
        // Claimed: the rows are this server's while the lease lasts, so reading them apart is
        // safe. The ids are our own integers, written into the statement as they are.
        let ids = claimed.iter().map(|(id, _)| id.to_string()).collect::<Vec<_>>().join(", ");
        let rows: Vec<MessageRow> =
            sqlx::query_as(&format!("SELECT {MESSAGE_COLUMNS} FROM messages WHERE id IN ({ids})")).fetch_all(&self.pool).await?;
        let phones: HashMap<i64, String> = sqlx::query_as(&format!(
            "SELECT m.id, r.phone FROM messages m JOIN residents r ON r.id = m.resident_id WHERE m.id IN ({ids})"
        ))
        .fetch_all(&self.pool)
        .await?
        .into_iter()
        .collect();
        let mut messages: HashMap<i64, _> = rows.into_iter().filter_map(message).map(|m| (m.id.0, m)).collect();
        let mut due = Vec::with_capacity(claimed.len());
        for (id, attempt) in claimed {
            match phones.get(&id).zip(messages.remove(&id)) {
                Some((phone, message)) => due.push(DueSms { message, phone: phone.clone(), attempt }),
                // Nobody to send it to, or a kind this version does not know: never send it.
                None => self.sms_failed(MessageId(id), SMS_TRIES, now).await?,
            }
        }
        Ok(due)
    }

    /// Records that a claimed SMS went out.
    pub async fn sms_sent(&self, id: MessageId, now: i64) -> Result<(), StoreError> {
        sqlx::query("UPDATE messages SET sms_state = 'sent', sms_sent_at = $2, sms_due_at = NULL WHERE id = $1")
            .bind(id.0)
            .bind(now)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// Records that try number `attempt` of a claimed SMS failed: it is tried again later
    /// (after 1, 2, 4, 8 minutes), or, after [`SMS_TRIES`] tries, given up.
    pub async fn sms_failed(&self, id: MessageId, attempt: i64, now: i64) -> Result<(), StoreError> {
        let (state, due) = if attempt >= SMS_TRIES {
            ("failed", None)
        } else {
            ("pending", Some(now + 60 * (1 << (attempt - 1).clamp(0, 10))))
        };
        sqlx::query("UPDATE messages SET sms_state = $2, sms_due_at = $3 WHERE id = $1")
            .bind(id.0)
            .bind(state)
            .bind(due)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// Writes the reminders due at `now`: for every confirmed booking of a session starting
    /// within `ahead` seconds, booked at least an hour ago (someone who just booked remembers),
    /// one reminder — however often this runs, on however many servers. Returns how many.
    pub async fn queue_reminders(&self, now: i64, ahead: i64) -> Result<u64, StoreError> {
        let due: Vec<(i64,)> = sqlx::query_as(
            "SELECT b.id FROM bookings b JOIN sessions s ON s.id = b.session_id \
             WHERE b.status = 'confirmed' AND s.status = 'published' AND s.starts_at > $1 AND s.starts_at <= $2 \
               AND b.updated_at <= $3 \
               AND NOT EXISTS (SELECT 1 FROM messages m WHERE m.booking_id = b.id AND m.kind = 'reminder') \
             ORDER BY b.id LIMIT 500",
        )
        .bind(now)
        .bind(now + ahead)
        .bind(now - 3600)
        .fetch_all(&self.pool)
        .await?;
        let mut written = 0;
        for (booking,) in due {
            let mut conn = self.pool.acquire().await?;
            let told = tell_about_booking(&mut conn, BookingId(booking), MessageKind::Reminder, None, now).await?;
            written += u64::from(told);
        }
        Ok(written)
    }
}

