//! The catalogue's SQL, in the one dialect both backends accept, and how its filters bind.

use std::sync::LazyLock;

use cc_domain::time::start_of_day;
use cc_domain::CatalogQuery;
use chrono::Days;
use sqlx::Any;

/// The joins and filters shared by the list and its count, so the two can never disagree.
/// Parameters: $1 now, $2 category, $3 street, $4 audience, $5 free only (0/1),
/// $6/$7 session window [from, to), $8 text pattern, $9 pinyin pattern.
pub(super) const FROM_FILTERED: &str = r"
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

/// The columns of [`LabelColumns`]; `concat!` keeps them written once for every query.
macro_rules! label_columns {
    () => {
        "c.slug AS category_slug, c.name AS category_name, c.name_en AS category_name_en, \
         a.slug AS audience_slug, a.name AS audience_name, a.name_en AS audience_name_en, \
         s.slug AS street_slug, s.name AS street_name, s.name_en AS street_name_en"
    };
}

const SUMMARY_COLUMNS: &str = concat!(
    "SELECT i.id, i.title, i.free, i.popularity, i.title_pinyin, i.title_initials, ",
    label_columns!(),
    r",
       f.id AS facility_id, f.name AS facility_name,
       (SELECT MIN(n.starts_at) FROM sessions n
        WHERE n.item_id = i.id AND n.status = 'published' AND n.starts_at >= $1) AS next_start"
);

pub(super) static COUNT_SQL: LazyLock<String> = LazyLock::new(|| format!("SELECT COUNT(*) {FROM_FILTERED}"));
pub(super) static CANDIDATES_SQL: LazyLock<String> =
    LazyLock::new(|| format!("{SUMMARY_COLUMNS} {FROM_FILTERED}"));
// PostgreSQL cannot order by an expression over an output alias, hence the derived table.
pub(super) static PAGE_BY_DATE_SQL: LazyLock<String> = LazyLock::new(|| {
    format!(
        "SELECT * FROM ({SUMMARY_COLUMNS} {FROM_FILTERED}) t \
         ORDER BY (t.next_start IS NULL), t.next_start, t.id LIMIT $10 OFFSET $11"
    )
});
pub(super) static PAGE_BY_POPULARITY_SQL: LazyLock<String> = LazyLock::new(|| {
    format!(
        "SELECT * FROM ({SUMMARY_COLUMNS} {FROM_FILTERED}) t \
         ORDER BY t.popularity DESC, (t.next_start IS NULL), t.next_start, t.id LIMIT $10 OFFSET $11"
    )
});

pub(super) const DETAIL_SQL: &str = concat!(
    "SELECT i.id, i.title, i.description, i.provider, i.free, i.price_cents, ",
    label_columns!(),
    r",
       f.id AS facility_id, f.name AS facility_name, f.level AS facility_level,
       f.address AS facility_address, f.lat AS facility_lat, f.lng AS facility_lng
FROM service_items i
JOIN categories c ON c.id = i.category_id
JOIN audiences a ON a.id = i.audience_id
JOIN facilities f ON f.id = i.facility_id
JOIN streets s ON s.id = f.street_id
WHERE i.id = $1 AND i.status = 'published'"
);

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

pub(super) type AnyQuery<'q, O> = sqlx::query::QueryAs<'q, Any, O, sqlx::any::AnyArguments<'q>>;

/// Binds $1–$9 of [`FROM_FILTERED`] for a query.
pub(super) fn bind_filters<'q, O>(q: AnyQuery<'q, O>, query: &CatalogQuery, now: i64) -> AnyQuery<'q, O> {
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

#[cfg(test)]
mod tests {
    use super::contains_pattern;

    #[test]
    fn like_wildcards_typed_by_residents_match_themselves() {
        assert_eq!(contains_pattern("100%_"), r"%100\%\_%");
        assert_eq!(contains_pattern("非遗"), "%非遗%");
    }
}
