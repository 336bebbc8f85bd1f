//! Adding to the three-level facility network (区—街道—社区): streets, communities and
//! facilities. Used by seeding; each function runs on the caller's connection so a batch shares
//! one transaction.

use cc_domain::FacilityLevel;
use sqlx::AnyConnection;

use crate::StoreError;

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

/// The id of the row `sql` finds by `key` (a slug or a name), or `Missing` naming it.
pub(crate) async fn id_by_key(
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
