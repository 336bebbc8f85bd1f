//! Adding to the catalogue and the facility network. Used by seeding today and by the staff
//! console later; each function runs on a caller's connection so a batch can share one transaction.

use cc_domain::search::pinyin_keys;
use cc_domain::time::now;
use cc_domain::FacilityLevel;
use sqlx::AnyConnection;

use crate::catalog::NO_SESSION;
use crate::{Store, StoreError};

/// A facility to add, located by its street's slug and (for community rooms) community name.
#[derive(Debug, Clone)]
pub struct NewFacility<'a> {
    pub name: &'a str,
    pub level: FacilityLevel,
    /// `library`, `cultural_centre`, `museum`, `square`, `street_centre`, `community_room`.
    pub kind: &'a str,
    pub street_slug: &'a str,
    pub community: Option<&'a str>,
    pub address: &'a str,
    pub lat: f64,
    pub lng: f64,
    pub area_m2: Option<f64>,
    /// Weekly rules such as `2-7 09:00-17:00` (see `cc_domain::opening`).
    pub opening_hours: Option<&'a str>,
    pub free_opening: Option<bool>,
    pub is_demo: bool,
}

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

impl Store {
    /// Starts a transaction for a batch of writes. On SQLite it takes the write lock at once
    /// (`BEGIN IMMEDIATE`): a deferred transaction that reads and then writes fails with
    /// "database is locked" when another writer got in between, whatever the busy timeout.
    pub async fn begin(&self) -> Result<sqlx::Transaction<'static, sqlx::Any>, StoreError> {
        Ok(match self.backend() {
            crate::Backend::Sqlite => self.pool.begin_with("BEGIN IMMEDIATE").await?,
            crate::Backend::Postgres => self.pool.begin().await?,
        })
    }
}

/// Adds a street and returns its id.
pub async fn insert_street(
    conn: &mut AnyConnection,
    slug: &str,
    name: &str,
    name_en: &str,
    position: i64,
    is_demo: bool,
) -> Result<i64, StoreError> {
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO streets (slug, name, name_en, position, is_demo) VALUES ($1, $2, $3, $4, $5) RETURNING id",
    )
    .bind(slug)
    .bind(name)
    .bind(name_en)
    .bind(position)
    .bind(i64::from(is_demo))
    .fetch_one(conn)
    .await?;
    Ok(id)
}

/// Adds a community to a street and returns its id.
pub async fn insert_community(
    conn: &mut AnyConnection,
    street_id: i64,
    name: &str,
    is_demo: bool,
) -> Result<i64, StoreError> {
    let (id,): (i64,) =
        sqlx::query_as("INSERT INTO communities (street_id, name, is_demo) VALUES ($1, $2, $3) RETURNING id")
            .bind(street_id)
            .bind(name)
            .bind(i64::from(is_demo))
            .fetch_one(conn)
            .await?;
    Ok(id)
}

/// Adds a facility and returns its id.
pub async fn insert_facility(conn: &mut AnyConnection, f: &NewFacility<'_>) -> Result<i64, StoreError> {
    let street_id =
        id_by_key(conn, "SELECT id FROM streets WHERE slug = $1", "street", f.street_slug).await?;
    let community_id = match f.community {
        Some(name) => Some(
            sqlx::query_as::<_, (i64,)>("SELECT id FROM communities WHERE street_id = $1 AND name = $2")
                .bind(street_id)
                .bind(name)
                .fetch_optional(&mut *conn)
                .await?
                .ok_or_else(|| StoreError::Missing { kind: "community", key: name.to_string() })?
                .0,
        ),
        None => None,
    };
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO facilities (name, level, kind, street_id, community_id, address, lat, lng, area_m2, \
         opening_hours, free_opening, is_demo) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id",
    )
    .bind(f.name)
    .bind(f.level.as_str())
    .bind(f.kind)
    .bind(street_id)
    .bind(community_id)
    .bind(f.address)
    .bind(f.lat)
    .bind(f.lng)
    .bind(f.area_m2)
    .bind(f.opening_hours)
    .bind(f.free_opening.map(i64::from))
    .bind(i64::from(f.is_demo))
    .fetch_one(conn)
    .await?;
    Ok(id)
}

/// Adds a service item (with its pinyin search keys) and returns its id.
pub async fn insert_item(conn: &mut AnyConnection, item: &NewItem<'_>) -> Result<i64, StoreError> {
    let category_id =
        id_by_key(conn, "SELECT id FROM categories WHERE slug = $1", "category", item.category_slug).await?;
    let audience_id =
        id_by_key(conn, "SELECT id FROM audiences WHERE slug = $1", "audience", item.audience_slug).await?;
    let (title_pinyin, title_initials) = pinyin_keys(item.title);
    let search_text = format!("{}\n{}", item.title, item.description).to_lowercase();
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO service_items (title, description, provider, category_id, audience_id, facility_id, \
         free, price_cents, status, popularity, title_pinyin, title_initials, search_text, created_at, is_demo) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) RETURNING id",
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

/// Recomputes an item's stored next session; every session write calls it.
pub async fn refresh_next_session(
    conn: &mut AnyConnection,
    item_id: i64,
    now: i64,
) -> Result<(), StoreError> {
    sqlx::query(
        "UPDATE service_items SET next_session_at = COALESCE((SELECT MIN(starts_at) FROM sessions \
         WHERE item_id = $1 AND status = 'published' AND starts_at >= $2), $3) WHERE id = $1",
    )
    .bind(item_id)
    .bind(now)
    .bind(NO_SESSION)
    .execute(conn)
    .await?;
    Ok(())
}

impl Store {
    /// Moves every item whose stored next session has begun on to its following one.
    /// The server runs this every minute; returns how many items moved.
    pub async fn sweep_next_sessions(&self, now: i64) -> Result<u64, StoreError> {
        let done = sqlx::query(
            "UPDATE service_items SET next_session_at = COALESCE((SELECT MIN(s.starts_at) FROM sessions s \
             WHERE s.item_id = service_items.id AND s.status = 'published' AND s.starts_at >= $1), $2) \
             WHERE next_session_at < $1",
        )
        .bind(now)
        .bind(NO_SESSION)
        .execute(&self.pool)
        .await?;
        Ok(done.rows_affected())
    }
}

async fn id_by_key(
    conn: &mut AnyConnection,
    sql: &str,
    kind: &'static str,
    key: &str,
) -> Result<i64, StoreError> {
    sqlx::query_as::<_, (i64,)>(sql)
        .bind(key)
        .fetch_optional(conn)
        .await?
        .map(|(id,)| id)
        .ok_or_else(|| StoreError::Missing { kind, key: key.to_string() })
}

/// New facts about a facility, as staff record them; `None` leaves a fact as it is.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FacilityChange {
    pub area_m2: Option<f64>,
    pub opening_hours: Option<String>,
    pub free_opening: Option<bool>,
    pub lat: Option<f64>,
    pub lng: Option<f64>,
}

/// The facts staff edit, as they stand: (area, opening hours, free opening, lat, lng).
pub type FacilityRecord = (Option<f64>, Option<String>, Option<i64>, f64, f64);

impl Store {
    /// The facts staff edit, as they stand.
    pub async fn facility_facts(&self, id: i64) -> Result<Option<FacilityRecord>, StoreError> {
        Ok(sqlx::query_as(
            "SELECT area_m2, opening_hours, free_opening, lat, lng FROM facilities WHERE id = $1",
        )
        .bind(id)
        .fetch_optional(&self.pool)
        .await?)
    }

    /// Every facility's editable facts in one query: (id, name, street id, facts), by street.
    pub async fn all_facility_records(&self) -> Result<Vec<(i64, String, i64, FacilityRecord)>, StoreError> {
        #[derive(sqlx::FromRow)]
        struct Row {
            id: i64,
            name: String,
            street_id: i64,
            area_m2: Option<f64>,
            opening_hours: Option<String>,
            free_opening: Option<i64>,
            lat: f64,
            lng: f64,
        }
        let rows: Vec<Row> = sqlx::query_as(
            "SELECT id, name, street_id, area_m2, opening_hours, free_opening, lat, lng FROM facilities \
             ORDER BY street_id, id",
        )
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .into_iter()
            .map(|r| (r.id, r.name, r.street_id, (r.area_m2, r.opening_hours, r.free_opening, r.lat, r.lng)))
            .collect())
    }

    /// Records new facts about a facility; returns whether it exists.
    pub async fn update_facility(&self, id: i64, change: &FacilityChange) -> Result<bool, StoreError> {
        let done = sqlx::query(
            "UPDATE facilities SET area_m2 = COALESCE($1, area_m2), opening_hours = COALESCE($2, opening_hours), \
             free_opening = COALESCE($3, free_opening), lat = COALESCE($4, lat), lng = COALESCE($5, lng) WHERE id = $6",
        )
        .bind(change.area_m2)
        .bind(change.opening_hours.as_deref())
        .bind(change.free_opening.map(i64::from))
        .bind(change.lat)
        .bind(change.lng)
        .bind(id)
        .execute(&self.pool)
        .await?;
        self.announce_facility(cc_domain::live::LiveKind::FacilityChanged, id);
        Ok(done.rows_affected() == 1)
    }

    /// Sets a level's standard (no longer the shipped default).
    pub async fn update_standard(
        &self,
        level: FacilityLevel,
        min_area_m2: f64,
        min_weekly_hours: f64,
        free_opening_required: bool,
    ) -> Result<(), StoreError> {
        sqlx::query(
            "UPDATE facility_standards SET min_area_m2 = $1, min_weekly_hours = $2, free_opening_required = $3, \
             is_default = 0 WHERE level = $4",
        )
        .bind(min_area_m2)
        .bind(min_weekly_hours)
        .bind(i64::from(free_opening_required))
        .bind(level.as_str())
        .execute(&self.pool)
        .await?;
        self.announce_street(cc_domain::live::LiveKind::FacilityChanged, None);
        Ok(())
    }
}
