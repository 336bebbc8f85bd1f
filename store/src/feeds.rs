//! What calendar feeds hold: the sessions to come of a street, a facility or a category
//! (published items, cancelled sessions too, so apps take them off), or the sessions a
//! resident booked; and the secret address of a resident's own feed.

use cc_domain::ids::{FacilityId, ResidentId};

use crate::{Store, StoreError};

/// Whose sessions a feed holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FeedScope<'a> {
    Street(&'a str),
    Facility(FacilityId),
    Category(&'a str),
    Resident(ResidentId),
}

/// A session as a feed needs it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedSession {
    pub id: i64,
    pub item_id: i64,
    pub title: String,
    pub facility: String,
    pub address: String,
    /// The room or hall, when staff named one.
    pub place: Option<String>,
    pub starts_at: i64,
    pub ends_at: i64,
    pub cancelled: bool,
    /// A resident's place is not certain yet (waitlisted, or offered and not accepted).
    pub tentative: bool,
    pub cancel_reason: Option<String>,
}

/// The most sessions one feed holds.
pub const FEED_LIMIT: i64 = 1000;

type Row = (i64, i64, String, String, String, Option<String>, i64, i64, String, Option<String>);

const COLUMNS: &str = "s.id, i.id, i.title, f.name, f.address, s.place, s.starts_at, s.ends_at, s.status, s.cancel_reason";

impl Store {
    /// The feed's name (the street's, the facility's or the category's; none for a resident's
    /// own), or `None` when there is no such street, facility or category.
    pub async fn feed_name(&self, scope: FeedScope<'_>) -> Result<Option<String>, StoreError> {
        let row: Option<(String,)> = match scope {
            FeedScope::Street(slug) => sqlx::query_as("SELECT name FROM streets WHERE slug = $1").bind(slug).fetch_optional(&self.pool).await?,
            FeedScope::Facility(id) => sqlx::query_as("SELECT name FROM facilities WHERE id = $1").bind(id.0).fetch_optional(&self.pool).await?,
            FeedScope::Category(slug) => sqlx::query_as("SELECT name FROM categories WHERE slug = $1").bind(slug).fetch_optional(&self.pool).await?,
            FeedScope::Resident(_) => Some((String::new(),)),
        };
        Ok(row.map(|(name,)| name))
    }

    /// The sessions of `scope` not over by `from` and starting before `until` (UTC seconds),
    /// soonest first:
    /// of published items for a street, a facility or a category; those the resident holds or
    /// held a booking for (a booking given back reads as cancelled).
    pub async fn feed_sessions(&self, scope: FeedScope<'_>, from: i64, until: i64) -> Result<Vec<FeedSession>, StoreError> {
        let base = "FROM sessions s JOIN service_items i ON i.id = s.item_id JOIN facilities f ON f.id = i.facility_id \
             WHERE s.ends_at >= $1 AND s.starts_at < $2";
        let published = "AND i.status = 'published'";
        let rows: Vec<Row> = match scope {
            FeedScope::Street(slug) => sqlx::query_as(&format!(
                "SELECT {COLUMNS} {base} {published} AND f.street_id = (SELECT id FROM streets WHERE slug = $3) ORDER BY s.starts_at, s.id LIMIT {FEED_LIMIT}"
            ))
            .bind(from)
            .bind(until)
            .bind(slug)
            .fetch_all(&self.pool)
            .await?,
            FeedScope::Facility(id) => sqlx::query_as(&format!("SELECT {COLUMNS} {base} {published} AND f.id = $3 ORDER BY s.starts_at, s.id LIMIT {FEED_LIMIT}"))
                .bind(from)
                .bind(until)
                .bind(id.0)
                .fetch_all(&self.pool)
                .await?,
            FeedScope::Category(slug) => sqlx::query_as(&format!(
                "SELECT {COLUMNS} {base} {published} AND i.category_id = (SELECT id FROM categories WHERE slug = $3) ORDER BY s.starts_at, s.id LIMIT {FEED_LIMIT}"
            ))
            .bind(from)
            .bind(until)
            .bind(slug)
            .fetch_all(&self.pool)
            .await?,
            FeedScope::Resident(resident) => {
                // One event per session, in its best booking's state: a place (2), a place not
                // certain yet (1: waitlisted or offered), or given back (0).
                let rows: Vec<(i64, i64, String, String, String, Option<String>, i64, i64, String, Option<String>, i64)> = sqlx::query_as(&format!(
                    "SELECT {COLUMNS}, CAST(MAX(CASE WHEN b.status IN ('confirmed', 'attended', 'no_show') THEN 2 \
                         WHEN b.status IN ('waitlisted', 'offered') THEN 1 ELSE 0 END) AS BIGINT) \
                     FROM sessions s JOIN service_items i ON i.id = s.item_id JOIN facilities f ON f.id = i.facility_id \
                     JOIN bookings b ON b.session_id = s.id AND b.resident_id = $3 \
                     WHERE s.ends_at >= $1 AND s.starts_at < $2 \
                     GROUP BY s.id, i.id, i.title, f.name, f.address, s.place, s.starts_at, s.ends_at, s.status, s.cancel_reason \
                     ORDER BY s.starts_at, s.id LIMIT {FEED_LIMIT}"
                ))
                .bind(from)
                .bind(until)
                .bind(resident.0)
                .fetch_all(&self.pool)
                .await?;
                return Ok(rows
                    .into_iter()
                    .map(|(id, item, title, facility, address, place, starts, ends, status, reason, held)| {
                        let status = if held > 0 { status } else { "cancelled".into() };
                        FeedSession { tentative: held == 1, ..session((id, item, title, facility, address, place, starts, ends, status, reason)) }
                    })
                    .collect());
            }
        };
        Ok(rows.into_iter().map(session).collect())
    }

    /// The secret of a resident's own feed, made the first time it is asked for.
    pub async fn calendar_secret(&self, resident: ResidentId, now: i64) -> Result<String, StoreError> {
        let found: Option<(String,)> = sqlx::query_as("SELECT secret FROM calendar_feeds WHERE resident_id = $1").bind(resident.0).fetch_optional(&self.pool).await?;
        if let Some((secret,)) = found {
            return Ok(secret);
        }
        // Two first requests at once: the primary key keeps one, and both read it back.
        sqlx::query("INSERT INTO calendar_feeds (resident_id, secret, created_at) VALUES ($1, $2, $3) ON CONFLICT (resident_id) DO NOTHING")
            .bind(resident.0)
            .bind(new_secret())
            .bind(now)
            .execute(&self.pool)
            .await?;
        let (secret,): (String,) = sqlx::query_as("SELECT secret FROM calendar_feeds WHERE resident_id = $1").bind(resident.0).fetch_one(&self.pool).await?;
        Ok(secret)
    }

    /// A new secret for a resident's feed: the old address stops working at once.
    pub async fn reset_calendar_secret(&self, resident: ResidentId, now: i64) -> Result<String, StoreError> {
        let secret = new_secret();
        sqlx::query(
            "INSERT INTO calendar_feeds (resident_id, secret, created_at) VALUES ($1, $2, $3) \
             ON CONFLICT (resident_id) DO UPDATE SET secret = excluded.secret, created_at = excluded.created_at",
        )
        .bind(resident.0)
        .bind(&secret)
        .bind(now)
        .execute(&self.pool)
        .await?;
        Ok(secret)
    }

    /// Whose feed lives at `secret`.
    pub async fn calendar_owner(&self, secret: &str) -> Result<Option<ResidentId>, StoreError> {
        let row: Option<(i64,)> = sqlx::query_as("SELECT resident_id FROM calendar_feeds WHERE secret = $1").bind(secret).fetch_optional(&self.pool).await?;
        Ok(row.map(|(id,)| ResidentId(id)))
    }
}

fn session((id, item_id, title, facility, address, place, starts_at, ends_at, status, cancel_reason): Row) -> FeedSession {
    FeedSession { id, item_id, title, facility, address, place, starts_at, ends_at, cancelled: status == "cancelled", tentative: false, cancel_reason }
}

/// 128 random bits as 32 hex digits: an address nobody can guess.
fn new_secret() -> String {
    use rand::Rng;
    let bytes: [u8; 16] = rand::rng().random();
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
