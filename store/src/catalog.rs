//! Reading the public catalogue: one function per question a page or the API asks.

use std::sync::LazyLock;

use cc_domain::search::{score, Candidate};
use cc_domain::time::{local, start_of_day};
use cc_domain::{
    CatalogQuery, CommunityRef, FacilityDetail, FacilityLevel, FacilityRef, ItemDetail,
    ItemSummary, Named, Page, SessionInfo, Sort, StreetWithCommunities,
};
use chrono::Days;
use sqlx::{Any, FromRow};

use crate::{Store, StoreError};

/// The joins and filters shared by the list and its count, so the two can never disagree.
/// Parameters: $1 now, $2 category, $3 street, $4 audience, $5 free only (0/1),
/// $6/$7 session window [from, to), $8 text pattern, $9 pinyin pattern.
const FROM_FILTERED: &str = r"
FROM service_items i
JOIN categories c ON c.id = i.category_id
JOIN audiences a ON a.id = i.audience_id
JOIN facilities f ON f.id = i.facility_id
JOIN streets s ON s.id = f.street_id
WHERE i.status = 'published'
  AND ($2 IS NULL OR c.slug = $2)
  AND ($3 IS NULL OR s.slug = $3)
  AND ($4 IS NULL OR a.slug = $4)
  AND ($5 = 0 OR i.free = 1)
  AND ($6 IS NULL OR EXISTS (
        SELECT 1 FROM sessions w
        WHERE w.item_id = i.id AND w.status = 'published' AND w.starts_at >= $6 AND w.starts_at < $7))
  AND ($8 IS NULL
       OR LOWER(i.title) LIKE $8 ESCAPE '\' OR LOWER(i.description) LIKE $8 ESCAPE '\'
       OR c.name LIKE $8 ESCAPE '\' OR LOWER(c.name_en) LIKE $8 ESCAPE '\'
       OR i.title_pinyin LIKE $9 ESCAPE '\' OR i.title_initials LIKE $9 ESCAPE '\')";

const SUMMARY_COLUMNS: &str = r"
SELECT i.id, i.title, i.free, i.popularity, i.title_pinyin, i.title_initials,
       c.slug AS category_slug, c.name AS category_name, c.name_en AS category_name_en,
       a.slug AS audience_slug, a.name AS audience_name, a.name_en AS audience_name_en,
       s.slug AS street_slug, s.name AS street_name, s.name_en AS street_name_en,
       f.id AS facility_id, f.name AS facility_name,
       (SELECT MIN(n.starts_at) FROM sessions n
        WHERE n.item_id = i.id AND n.status = 'published' AND n.starts_at >= $1) AS next_start";

static COUNT_SQL: LazyLock<String> =
    LazyLock::new(|| format!("SELECT COUNT(*) {FROM_FILTERED}"));
static CANDIDATES_SQL: LazyLock<String> =
    LazyLock::new(|| format!("{SUMMARY_COLUMNS} {FROM_FILTERED}"));
// PostgreSQL cannot order by an expression over an output alias, hence the derived table.
static PAGE_BY_DATE_SQL: LazyLock<String> = LazyLock::new(|| {
    format!(
        "SELECT * FROM ({SUMMARY_COLUMNS} {FROM_FILTERED}) t \
         ORDER BY (t.next_start IS NULL), t.next_start, t.id LIMIT $10 OFFSET $11"
    )
});
static PAGE_BY_POPULARITY_SQL: LazyLock<String> = LazyLock::new(|| {
    format!(
        "SELECT * FROM ({SUMMARY_COLUMNS} {FROM_FILTERED}) t \
         ORDER BY t.popularity DESC, (t.next_start IS NULL), t.next_start, t.id LIMIT $10 OFFSET $11"
    )
});

#[derive(FromRow)]
struct SummaryRow {
    id: i64,
    title: String,
    free: i64,
    popularity: i64,
    title_pinyin: String,
    title_initials: String,
    category_slug: String,
    category_name: String,
    category_name_en: String,
    audience_slug: String,
    audience_name: String,
    audience_name_en: String,
    street_slug: String,
    street_name: String,
    street_name_en: String,
    facility_id: i64,
    facility_name: String,
    next_start: Option<i64>,
}

impl SummaryRow {
    fn into_summary(self) -> ItemSummary {
        ItemSummary {
            id: self.id,
            title: self.title,
            category: named(self.category_slug, self.category_name, self.category_name_en),
            street: named(self.street_slug, self.street_name, self.street_name_en),
            facility: FacilityRef { id: self.facility_id, name: self.facility_name },
            audience: named(self.audience_slug, self.audience_name, self.audience_name_en),
            free: self.free == 1,
            popularity: self.popularity,
            next_session: self.next_start.map(local),
        }
    }
}

fn named(slug: String, name: String, name_en: String) -> Named {
    Named { slug, name, name_en }
}

/// `%text%` with LIKE's wildcards escaped, so a typed `%` or `_` matches itself.
fn contains_pattern(text: &str) -> String {
    let mut p = String::from("%");
    for ch in text.chars() {
        if matches!(ch, '%' | '_' | '\\') {
            p.push('\\');
        }
        p.push(ch);
    }
    p.push('%');
    p
}

type AnyQuery<'q, O> = sqlx::query::QueryAs<'q, Any, O, sqlx::any::AnyArguments<'q>>;

/// Binds $1–$9 of [`FROM_FILTERED`] for a query.
fn bind_filters<'q, O>(q: AnyQuery<'q, O>, query: &CatalogQuery, now: i64) -> AnyQuery<'q, O> {
    let (window_from, window_to) = match (query.from, query.to) {
        (None, None) => (None, None),
        (from, to) => (
            Some(from.map_or(0, start_of_day)),
            Some(to.and_then(|d| d.checked_add_days(Days::new(1))).map_or(i64::MAX, start_of_day)),
        ),
    };
    let text = query.q.as_ref().map(|q| contains_pattern(q.text()));
    let pinyin = query.q.as_ref().and_then(|q| q.pinyin()).map(contains_pattern);
    q.bind(now)
        .bind(query.category.clone())
        .bind(query.street.clone())
        .bind(query.audience.clone())
        .bind(i64::from(query.free_only))
        .bind(window_from)
        .bind(window_to)
        .bind(text)
        .bind(pinyin)
}

impl Store {
    /// One page of the published catalogue matching `query`, as of `now` (UTC seconds).
    ///
    /// Without search text the database sorts and pages; with it, every match is ranked here by
    /// [`cc_domain::search::score`] (best first, then the chosen order) and then paged.
    pub async fn search_items(&self, query: &CatalogQuery, now: i64) -> Result<Page<ItemSummary>, StoreError> {
        let items = match &query.q {
            None => self.page_in_database(query, now).await?,
            Some(_) => {
                let rows = bind_filters(sqlx::query_as::<_, SummaryRow>(&CANDIDATES_SQL), query, now)
                    .fetch_all(&self.pool)
                    .await?;
                let total = rows.len() as u64;
                let ranked = rank(query, rows);
                let start = query.offset().min(total) as usize;
                let end = (start + query.per_page as usize).min(ranked.len());
                return Ok(Page { items: ranked[start..end].to_vec(), total, page: query.page, per_page: query.per_page });
            }
        };
        let (total,): (i64,) = bind_filters(sqlx::query_as(&COUNT_SQL), query, now)
            .fetch_one(&self.pool)
            .await?;
        Ok(Page { items, total: total as u64, page: query.page, per_page: query.per_page })
    }

    async fn page_in_database(&self, query: &CatalogQuery, now: i64) -> Result<Vec<ItemSummary>, StoreError> {
        let sql = match query.sort {
            Sort::Date => &*PAGE_BY_DATE_SQL,
            Sort::Popular => &*PAGE_BY_POPULARITY_SQL,
        };
        let rows = bind_filters(sqlx::query_as::<_, SummaryRow>(sql), query, now)
            .bind(i64::from(query.per_page))
            .bind(query.offset() as i64)
            .fetch_all(&self.pool)
            .await?;
        Ok(rows.into_iter().map(SummaryRow::into_summary).collect())
    }

    /// A published item with its upcoming sessions, or `None` when there is no such item.
    pub async fn item_detail(&self, id: i64, now: i64) -> Result<Option<ItemDetail>, StoreError> {
        let Some(row) = sqlx::query_as::<_, DetailRow>(DETAIL_SQL)
            .bind(id)
            .fetch_optional(&self.pool)
            .await?
        else {
            return Ok(None);
        };
        let sessions = sqlx::query_as::<_, SessionRow>(
            "SELECT id, starts_at, ends_at, capacity, remaining, booking_opens_at, booking_closes_at \
             FROM sessions WHERE item_id = $1 AND status = 'published' AND ends_at >= $2 \
             ORDER BY starts_at, id LIMIT 200",
        )
        .bind(id)
        .bind(now)
        .fetch_all(&self.pool)
        .await?;
        Ok(Some(row.into_detail(sessions.into_iter().map(SessionRow::into_info).collect())))
    }

    /// Every category in display order.
    pub async fn categories(&self) -> Result<Vec<Named>, StoreError> {
        let rows: Vec<(String, String, String)> =
            sqlx::query_as("SELECT slug, name, name_en FROM categories ORDER BY position, id")
                .fetch_all(&self.pool)
                .await?;
        Ok(rows.into_iter().map(|(s, n, e)| named(s, n, e)).collect())
    }

    /// Every audience in display order.
    pub async fn audiences(&self) -> Result<Vec<Named>, StoreError> {
        let rows: Vec<(String, String, String)> =
            sqlx::query_as("SELECT slug, name, name_en FROM audiences ORDER BY position, id")
                .fetch_all(&self.pool)
                .await?;
        Ok(rows.into_iter().map(|(s, n, e)| named(s, n, e)).collect())
    }

    /// Every street with its communities, in display order.
    pub async fn streets(&self) -> Result<Vec<StreetWithCommunities>, StoreError> {
        let streets: Vec<(i64, String, String, String)> =
            sqlx::query_as("SELECT id, slug, name, name_en FROM streets ORDER BY position, id")
                .fetch_all(&self.pool)
                .await?;
        let communities: Vec<(i64, i64, String)> =
            sqlx::query_as("SELECT id, street_id, name FROM communities ORDER BY id")
                .fetch_all(&self.pool)
                .await?;
        Ok(streets
            .into_iter()
            .map(|(id, slug, name, name_en)| StreetWithCommunities {
                street: named(slug, name, name_en),
                communities: communities
                    .iter()
                    .filter(|(_, street_id, _)| *street_id == id)
                    .map(|(cid, _, cname)| CommunityRef { id: *cid, name: cname.clone() })
                    .collect(),
            })
            .collect())
    }
}

/// Orders search candidates: relevance first, then the resident's chosen order.
fn rank(query: &CatalogQuery, rows: Vec<SummaryRow>) -> Vec<ItemSummary> {
    let q = query.q.as_ref().expect("rank is only called with search text");
    let mut scored: Vec<(u32, ItemSummary)> = rows
        .into_iter()
        .map(|row| {
            let s = score(q, &Candidate {
                title: &row.title,
                category: &row.category_name,
                title_pinyin: &row.title_pinyin,
                title_initials: &row.title_initials,
            });
            (s, row.into_summary())
        })
        .collect();
    scored.sort_by(|(sa, a), (sb, b)| {
        sb.cmp(sa).then_with(|| match query.sort {
            Sort::Popular => b.popularity.cmp(&a.popularity).then_with(|| by_date(a, b)),
            Sort::Date => by_date(a, b),
        })
    });
    scored.into_iter().map(|(_, item)| item).collect()
}

/// Next session first, items with none last, then by id for a stable order.
fn by_date(a: &ItemSummary, b: &ItemSummary) -> std::cmp::Ordering {
    match (&a.next_session, &b.next_session) {
        (Some(x), Some(y)) => x.cmp(y),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => std::cmp::Ordering::Equal,
    }
    .then(a.id.cmp(&b.id))
}

const DETAIL_SQL: &str = r"
SELECT i.id, i.title, i.description, i.provider, i.free, i.price_cents,
       c.slug AS category_slug, c.name AS category_name, c.name_en AS category_name_en,
       a.slug AS audience_slug, a.name AS audience_name, a.name_en AS audience_name_en,
       s.slug AS street_slug, s.name AS street_name, s.name_en AS street_name_en,
       f.id AS facility_id, f.name AS facility_name, f.level AS facility_level,
       f.address AS facility_address, f.lat AS facility_lat, f.lng AS facility_lng
FROM service_items i
JOIN categories c ON c.id = i.category_id
JOIN audiences a ON a.id = i.audience_id
JOIN facilities f ON f.id = i.facility_id
JOIN streets s ON s.id = f.street_id
WHERE i.id = $1 AND i.status = 'published'";

#[derive(FromRow)]
struct DetailRow {
    id: i64,
    title: String,
    description: String,
    provider: String,
    free: i64,
    price_cents: Option<i64>,
    category_slug: String,
    category_name: String,
    category_name_en: String,
    audience_slug: String,
    audience_name: String,
    audience_name_en: String,
    street_slug: String,
    street_name: String,
    street_name_en: String,
    facility_id: i64,
    facility_name: String,
    facility_level: String,
    facility_address: String,
    facility_lat: f64,
    facility_lng: f64,
}

impl DetailRow {
    fn into_detail(self, sessions: Vec<SessionInfo>) -> ItemDetail {
        ItemDetail {
            id: self.id,
            title: self.title,
            description: self.description,
            provider: self.provider,
            category: named(self.category_slug, self.category_name, self.category_name_en),
            street: named(self.street_slug, self.street_name, self.street_name_en),
            audience: named(self.audience_slug, self.audience_name, self.audience_name_en),
            facility: FacilityDetail {
                id: self.facility_id,
                name: self.facility_name,
                // The column's CHECK constraint admits only the three levels.
                level: FacilityLevel::parse(&self.facility_level).unwrap_or(FacilityLevel::Community),
                address: self.facility_address,
                lat: self.facility_lat,
                lng: self.facility_lng,
            },
            free: self.free == 1,
            price_cents: self.price_cents,
            sessions,
        }
    }
}

#[derive(FromRow)]
struct SessionRow {
    id: i64,
    starts_at: i64,
    ends_at: i64,
    capacity: i64,
    remaining: i64,
    booking_opens_at: i64,
    booking_closes_at: i64,
}

impl SessionRow {
    fn into_info(self) -> SessionInfo {
        SessionInfo {
            id: self.id,
            starts_at: local(self.starts_at),
            ends_at: local(self.ends_at),
            capacity: self.capacity,
            remaining: self.remaining,
            booking_opens_at: local(self.booking_opens_at),
            booking_closes_at: local(self.booking_closes_at),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::contains_pattern;

    #[test]
    fn like_wildcards_typed_by_residents_match_themselves() {
        assert_eq!(contains_pattern("100%_"), r"%100\%\_%");
        assert_eq!(contains_pattern("非遗"), "%非遗%");
    }
}
