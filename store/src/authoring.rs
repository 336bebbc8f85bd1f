//! Staff writing the catalogue: drafts, sessions, and moves through the publishing workflow.

use cc_domain::authoring::{ItemInput, SessionInput};
use cc_domain::staff::Place;
use cc_domain::time::now;
use cc_domain::workflow::ItemStatus;

use crate::write::{insert_item, insert_session, refresh_next_session};
use crate::{NewItem, NewSession, Store, StoreError};

/// An item as the staff console and the permission checks see it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StaffItem {
    pub id: i64,
    pub title: String,
    pub status: ItemStatus,
    pub place: Place,
    pub created_by: Option<i64>,
    pub review_comment: Option<String>,
}

type StaffItemRow = (i64, String, String, i64, i64, Option<i64>, Option<String>);

impl Store {
    /// Adds a draft written by staff member `created_by`; `Missing` for an unknown category,
    /// audience or facility.
    pub async fn create_item_draft(&self, input: &ItemInput, created_by: i64) -> Result<i64, StoreError> {
        let mut tx = self.begin().await?;
        let facility: Option<(i64,)> = sqlx::query_as("SELECT id FROM facilities WHERE id = $1")
            .bind(input.facility_id)
            .fetch_optional(&mut *tx)
            .await?;
        if facility.is_none() {
            return Err(StoreError::Missing { kind: "facility", key: input.facility_id.to_string() });
        }
        let item = NewItem {
            title: &input.title,
            description: &input.description,
            provider: &input.provider,
            category_slug: &input.category,
            audience_slug: &input.audience,
            facility_id: input.facility_id,
            free: input.free,
            price_cents: input.price_cents,
            published: false,
            popularity: 0,
            created_at: now(),
            is_demo: false,
        };
        let id = insert_item(&mut tx, &item).await?;
        sqlx::query("UPDATE service_items SET created_by = $1, updated_at = $2 WHERE id = $3")
            .bind(created_by)
            .bind(now())
            .bind(id)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(id)
    }

    /// An item with what deciding about it needs.
    pub async fn staff_item(&self, id: i64) -> Result<Option<StaffItem>, StoreError> {
        let row: Option<StaffItemRow> = sqlx::query_as(
            "SELECT i.id, i.title, i.status, f.id, f.street_id, i.created_by, i.review_comment \
             FROM service_items i JOIN facilities f ON f.id = i.facility_id WHERE i.id = $1",
        )
        .bind(id)
        .fetch_optional(&self.pool)
        .await?;
        let Some((id, title, status, facility_id, street_id, created_by, review_comment)) = row else {
            return Ok(None);
        };
        let status = ItemStatus::parse(&status).ok_or(StoreError::Conflict("unknown item status"))?;
        Ok(Some(StaffItem {
            id,
            title,
            status,
            place: Place { facility_id, street_id },
            created_by,
            review_comment,
        }))
    }

    /// The item a session belongs to.
    pub async fn session_item(&self, session_id: i64) -> Result<Option<StaffItem>, StoreError> {
        let row: Option<(i64,)> = sqlx::query_as("SELECT item_id FROM sessions WHERE id = $1")
            .bind(session_id)
            .fetch_optional(&self.pool)
            .await?;
        match row {
            Some((item,)) => self.staff_item(item).await,
            None => Ok(None),
        }
    }

    /// Moves an item from `from` to `to` unless someone moved it first (then `false`).
    pub async fn move_item(
        &self,
        id: i64,
        from: ItemStatus,
        to: ItemStatus,
        comment: Option<&str>,
    ) -> Result<bool, StoreError> {
        let mut tx = self.begin().await?;
        let done = sqlx::query(
            "UPDATE service_items SET status = $1, review_comment = $2, updated_at = $3 WHERE id = $4 AND status = $5",
        )
        .bind(to.as_str())
        .bind(comment)
        .bind(now())
        .bind(id)
        .bind(from.as_str())
        .execute(&mut *tx)
        .await?;
        refresh_next_session(&mut tx, id, now()).await?;
        tx.commit().await?;
        Ok(done.rows_affected() == 1)
    }

    /// Adds a session to an item.
    pub async fn add_session(&self, item_id: i64, input: &SessionInput) -> Result<i64, StoreError> {
        let mut tx = self.begin().await?;
        let session = NewSession {
            item_id,
            starts_at: input.starts_at.timestamp(),
            ends_at: input.ends_at.timestamp(),
            capacity: input.capacity,
            booking_opens_at: input.booking_opens_at.timestamp(),
            booking_closes_at: input.booking_closes_at.timestamp(),
            waitlist: input.waitlist,
        };
        let id = insert_session(&mut tx, &session).await?;
        tx.commit().await?;
        Ok(id)
    }
}

/// A line of the staff console's item list.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct ConsoleItem {
    pub id: i64,
    pub title: String,
    pub status: String,
    pub facility_name: String,
    pub street_id: i64,
    pub facility_id: i64,
    pub created_by: Option<i64>,
    pub review_comment: Option<String>,
}

/// A line of the staff console's session list, with its counts.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct ConsoleSession {
    pub id: i64,
    pub item_title: String,
    pub starts_at: i64,
    pub capacity: i64,
    pub remaining: i64,
    pub attended: i64,
    pub street_id: i64,
    pub facility_id: i64,
}

/// A booking as the door list shows it (the number masked by the caller).
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct DoorEntry {
    pub booking_id: i64,
    pub phone: String,
    pub status: String,
    pub checked_in_at: Option<i64>,
}

impl Store {
    /// Items written by staff or waiting for review (not the demo catalogue), latest first;
    /// the caller keeps those in its scope.
    pub async fn console_items(&self, limit: i64) -> Result<Vec<ConsoleItem>, StoreError> {
        Ok(sqlx::query_as(
            "SELECT i.id, i.title, i.status, f.name AS facility_name, f.street_id, f.id AS facility_id, i.created_by, \
             i.review_comment FROM service_items i JOIN facilities f ON f.id = i.facility_id \
             WHERE i.created_by IS NOT NULL OR i.status IN ('submitted', 'returned', 'draft') \
             ORDER BY i.updated_at DESC, i.id DESC LIMIT $1",
        )
        .bind(limit)
        .fetch_all(&self.pool)
        .await?)
    }

    /// Sessions from `from` to `to` (UTC seconds) with their places and check-ins, soonest first;
    /// the caller keeps those in its scope.
    pub async fn console_sessions(
        &self,
        from: i64,
        to: i64,
        limit: i64,
    ) -> Result<Vec<ConsoleSession>, StoreError> {
        Ok(sqlx::query_as(
            "SELECT s.id, i.title AS item_title, s.starts_at, s.capacity, s.remaining, \
             (SELECT COUNT(*) FROM bookings b WHERE b.session_id = s.id AND b.status = 'attended') AS attended, \
             f.street_id, f.id AS facility_id FROM sessions s JOIN service_items i ON i.id = s.item_id \
             JOIN facilities f ON f.id = i.facility_id \
             WHERE s.starts_at >= $1 AND s.starts_at < $2 AND i.status = 'published' AND s.status = 'published' \
             ORDER BY s.starts_at, s.id LIMIT $3",
        )
        .bind(from)
        .bind(to)
        .bind(limit)
        .fetch_all(&self.pool)
        .await?)
    }

    /// One session's line, whatever its time.
    pub async fn console_session(&self, id: i64) -> Result<Option<ConsoleSession>, StoreError> {
        Ok(sqlx::query_as(
            "SELECT s.id, i.title AS item_title, s.starts_at, s.capacity, s.remaining, \
             (SELECT COUNT(*) FROM bookings b WHERE b.session_id = s.id AND b.status = 'attended') AS attended, \
             f.street_id, f.id AS facility_id FROM sessions s JOIN service_items i ON i.id = s.item_id \
             JOIN facilities f ON f.id = i.facility_id WHERE s.id = $1",
        )
        .bind(id)
        .fetch_optional(&self.pool)
        .await?)
    }

    /// Every session of an item, soonest first (for its edit page).
    pub async fn item_sessions(&self, item_id: i64) -> Result<Vec<ConsoleSession>, StoreError> {
        Ok(sqlx::query_as(
            "SELECT s.id, i.title AS item_title, s.starts_at, s.capacity, s.remaining, \
             (SELECT COUNT(*) FROM bookings b WHERE b.session_id = s.id AND b.status = 'attended') AS attended, \
             f.street_id, f.id AS facility_id FROM sessions s JOIN service_items i ON i.id = s.item_id \
             JOIN facilities f ON f.id = i.facility_id WHERE s.item_id = $1 ORDER BY s.starts_at, s.id LIMIT 500",
        )
        .bind(item_id)
        .fetch_all(&self.pool)
        .await?)
    }

    /// The bookings holding places in a session, for the door.
    pub async fn door_list(&self, session_id: i64) -> Result<Vec<DoorEntry>, StoreError> {
        Ok(sqlx::query_as(
            "SELECT b.id AS booking_id, r.phone, b.status, b.checked_in_at FROM bookings b \
             JOIN residents r ON r.id = b.resident_id WHERE b.session_id = $1 \
             AND b.status IN ('confirmed', 'attended', 'no_show') ORDER BY b.id",
        )
        .bind(session_id)
        .fetch_all(&self.pool)
        .await?)
    }

    /// Facilities as (id, name, street id), for the console's choices.
    pub async fn facility_choices(&self) -> Result<Vec<(i64, String, i64)>, StoreError> {
        Ok(sqlx::query_as("SELECT id, name, street_id FROM facilities ORDER BY street_id, id")
            .fetch_all(&self.pool)
            .await?)
    }
}
