//! Adding items and their sessions to the catalogue, and keeping each item's next session
//! (`next_session_at`) true. Used by seeding and by staff authoring; each function runs on the
//! caller's connection so a batch shares one transaction.

use cc_domain::search::pinyin_keys;
use cc_domain::time::now;
use sqlx::AnyConnection;

use crate::catalog::NO_SESSION;
use crate::network::id_by_key;
use crate::search::next_version;
use crate::{Store, StoreError};

/// A service item to add; categories and audiences are named by slug.
#[derive(Debug, Clone)]
pub struct NewItem<'a> {
    pub title: &'a str,
    pub description: &'a str,
    pub provider: &'a str,
    pub category_slug: &'a str,
    pub audience_slug: &'a str,
    pub facility_id: i64,
    pub free: bool,
    pub price_cents: Option<i64>,
    pub published: bool,
    pub popularity: i64,
    pub created_at: i64,
    pub is_demo: bool,
}

/// A session (场次) to add; all times are UTC seconds.
#[derive(Debug, Clone)]
pub struct NewSession {
    pub item_id: i64,
    pub starts_at: i64,
    pub ends_at: i64,
    pub capacity: i64,
    pub booking_opens_at: i64,
    pub booking_closes_at: i64,
    pub waitlist: bool,
}

/// Adds a service item (with its pinyin search keys) and returns its id.
pub async fn insert_item(conn: &mut AnyConnection, item: &NewItem<'_>) -> Result<i64, StoreError> {
    let category_id =
        id_by_key(conn, "SELECT id FROM categories WHERE slug = $1", "category", item.category_slug).await?;
    let audience_id =
        id_by_key(conn, "SELECT id FROM audiences WHERE slug = $1", "audience", item.audience_slug).await?;
    let (title_pinyin, title_initials) = pinyin_keys(item.title);
    let search_text = format!("{}\n{}", item.title, item.description).to_lowercase();
    let version = next_version(conn).await?;
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO service_items (title, description, provider, category_id, audience_id, facility_id, \
         free, price_cents, status, popularity, title_pinyin, title_initials, search_text, created_at, is_demo, \
         search_version) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16) RETURNING id",
    )
    .bind(item.title)
    .bind(item.description)
    .bind(item.provider)
    .bind(category_id)
    .bind(audience_id)
    .bind(item.facility_id)
    .bind(i64::from(item.free))
    .bind(item.price_cents)
    .bind(if item.published { "published" } else { "draft" })
    .bind(item.popularity)
    .bind(title_pinyin)
    .bind(title_initials)
    .bind(search_text)
    .bind(item.created_at)
    .bind(i64::from(item.is_demo))
    .bind(version)
    .fetch_one(conn)
    .await?;
    Ok(id)
}

/// Adds a session with all its places free and returns its id.
pub async fn insert_session(conn: &mut AnyConnection, s: &NewSession) -> Result<i64, StoreError> {
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO sessions (item_id, starts_at, ends_at, capacity, remaining, booking_opens_at, \
         booking_closes_at, waitlist) VALUES ($1, $2, $3, $4, $4, $5, $6, $7) RETURNING id",
    )
    .bind(s.item_id)
    .bind(s.starts_at)
    .bind(s.ends_at)
    .bind(s.capacity)
    .bind(s.booking_opens_at)
    .bind(s.booking_closes_at)
    .bind(i64::from(s.waitlist))
    .fetch_one(&mut *conn)
    .await?;
    refresh_next_session(conn, s.item_id, now()).await?;
    Ok(id)
}

/// Recomputes an item's stored next session and marks it for the search index; every
/// session write and every change of an item's status calls it.
pub async fn refresh_next_session(
    conn: &mut AnyConnection,
    item_id: i64,
    now: i64,
) -> Result<(), StoreError> {
    let version = next_version(&mut *conn).await?;
    sqlx::query(
        "UPDATE service_items SET next_session_at = COALESCE((SELECT MIN(starts_at) FROM sessions \
         WHERE item_id = $1 AND status = 'published' AND starts_at >= $2), $3), search_version = $4 WHERE id = $1",
    )
    .bind(item_id)
    .bind(now)
    .bind(NO_SESSION)
    .bind(version)
    .execute(conn)
    .await?;
    Ok(())
}

impl Store {
    /// Moves every item whose stored next session has begun on to its following one.
    /// The server runs this every minute; returns how many items moved.
    pub async fn sweep_next_sessions(&self, now: i64) -> Result<u64, StoreError> {
        let mut tx = self.begin().await?;
        let version = next_version(&mut tx).await?;
        let done = sqlx::query(
            "UPDATE service_items SET next_session_at = COALESCE((SELECT MIN(s.starts_at) FROM sessions s \
             WHERE s.item_id = service_items.id AND s.status = 'published' AND s.starts_at >= $1), $2), \
             search_version = $3 WHERE next_session_at < $1",
        )
        .bind(now)
        .bind(NO_SESSION)
        .bind(version)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        if done.rows_affected() > 0 {
            // Pages and searches by date now show these items' following sessions.
            self.announce_street(cc_domain::live::LiveKind::SessionChanged, None);
        }
        Ok(done.rows_affected())
    }
}
