//! Staff writing the catalogue: drafts, sessions, and moves through the publishing workflow.

use cc_domain::authoring::{ItemInput, SessionInput};
use cc_domain::live::LiveKind;
use cc_domain::staff::Place;
use cc_domain::time::now;
use cc_domain::workflow::ItemStatus;

use crate::items::{insert_item, insert_session, refresh_next_session};
use crate::{NewItem, NewSession, Store, StoreError};
use cc_domain::ids::{ItemId, SessionId};

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
    pub async fn staff_item(&self, ItemId(id): ItemId) -> Result<Option<StaffItem>, StoreError> {
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
    pub async fn session_item(
        &self,
        SessionId(session_id): SessionId,
    ) -> Result<Option<StaffItem>, StoreError> {
        let row: Option<(i64,)> = sqlx::query_as("SELECT item_id FROM sessions WHERE id = $1")
            .bind(session_id)
            .fetch_optional(&self.pool)
            .await?;
        match row {
            Some((item,)) => self.staff_item(ItemId(item)).await,
            None => Ok(None),
        }
    }

    /// Moves an item from `from` to `to` unless someone moved it first (then `false`).
    pub async fn move_item(
        &self,
        ItemId(id): ItemId,
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
        self.announce_item(LiveKind::ItemChanged, id);
        Ok(done.rows_affected() == 1)
    }

    /// Adds a session to an item.
    pub async fn add_session(
        &self,
        ItemId(item_id): ItemId,
        input: &SessionInput,
    ) -> Result<i64, StoreError> {
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
        self.announce(LiveKind::SessionChanged, id);
        Ok(id)
    }
}
