//! The catalogue's SQL, in the one dialect both backends accept. A [`Filter`] writes the WHERE
//! clause for the filters that are set — nothing else, so counting needs no joins — and
//! numbers its `$n` placeholders as it goes.

use cc_domain::time::start_of_day;
use cc_domain::query::Cursor;
use cc_domain::{CatalogQuery, Sort};
use chrono::Days;
use sqlx::Any;

/// `service_items.next_session_at` when an item has no upcoming session (9999-12-31T23:59:59Z),
/// so "by date" is one index order with those items last, on both backends.
pub(crate) const NO_SESSION: i64 = 253_402_300_799;

/// The columns a catalogue line needs; `{now}` is the placeholder of the current time.
/// The stored next session is swept once a minute, so one that began since is corrected here.
const SUMMARY_COLUMNS: &str = "i.id, i.title, i.free, i.popularity, i.next_session_at, \
    c.slug AS category_slug, c.name AS category_name, c.name_en AS category_name_en, \
    a.slug AS audience_slug, a.name AS audience_name, a.name_en AS audience_name_en, \
    s.slug AS street_slug, s.name AS street_name, s.name_en AS street_name_en, \
    f.id AS facility_id, f.name AS facility_name, \
    CASE WHEN i.next_session_at >= {now} THEN i.next_session_at ELSE COALESCE( \
        (SELECT MIN(n.starts_at) FROM sessions n \
         WHERE n.item_id = i.id AND n.status = 'published' AND n.starts_at >= {now}), {none}) \
    END AS next_start";

/// The tables behind [`SUMMARY_COLUMNS`].
const SUMMARY_JOINS: &str = "service_items i \
    JOIN categories c ON c.id = i.category_id \
    JOIN audiences a ON a.id = i.audience_id \
    JOIN facilities f ON f.id = i.facility_id \
    JOIN streets s ON s.id = f.street_id";

/// The columns and joins of [`super::rows::LabelColumns`] for one item, by id ($1).
pub(super) const DETAIL_SQL: &str =
    "SELECT i.id, i.title, i.description, i.provider, i.free, i.price_cents, \
    c.slug AS category_slug, c.name AS category_name, c.name_en AS category_name_en, \
    a.slug AS audience_slug, a.name AS audience_name, a.name_en AS audience_name_en, \
    s.slug AS street_slug, s.name AS street_name, s.name_en AS street_name_en, \
    f.id AS facility_id, f.name AS facility_name, f.level AS facility_level, \
    f.address AS facility_address, f.lat AS facility_lat, f.lng AS facility_lng, \
    m.token AS image_token, m.content_type AS image_type \
    FROM service_items i \
    LEFT JOIN item_images m ON m.id = i.image_id \
    JOIN categories c ON c.id = i.category_id \
    JOIN audiences a ON a.id = i.audience_id \
    JOIN facilities f ON f.id = i.facility_id \
    JOIN streets s ON s.id = f.street_id \
    WHERE i.id = $1 AND i.status = 'published'";

/// A value for a placeholder.
pub(super) enum Arg {
    Int(i64),
    Text(String),
}

/// A WHERE clause over `service_items i` and the values of its placeholders.
pub(super) struct Filter {
    condition: String,
    args: Vec<Arg>,
}

impl Filter {
    /// The published items matching `query`'s filters (search text is the index's work).
    pub(super) fn for_query(query: &CatalogQuery) -> Filter {
        let mut f = Filter { condition: "i.status = 'published'".into(), args: Vec::new() };
        if let Some(slug) = &query.category {
            let p = f.arg(Arg::Text(slug.clone()));
            f.and(&format!("i.category_id IN (SELECT id FROM categories WHERE slug = {p})"));
        }
        if let Some(slug) = &query.audience {
            let p = f.arg(Arg::Text(slug.clone()));
            f.and(&format!("i.audience_id IN (SELECT id FROM audiences WHERE slug = {p})"));
        }
        if let Some(slug) = &query.street {
            let p = f.arg(Arg::Text(slug.clone()));
            f.and(&format!(
                "i.facility_id IN (SELECT fs.id FROM facilities fs JOIN streets ss ON ss.id = fs.street_id \
                 WHERE ss.slug = {p})"
            ));
        }
        if query.free_only {
            f.and("i.free = 1");
        }
        if query.from.is_some() || query.to.is_some() {
            let from = f.arg(Arg::Int(query.from.map_or(0, start_of_day)));
            let to = query.to.and_then(|d| d.checked_add_days(Days::new(1))).map_or(i64::MAX, start_of_day);
            let to = f.arg(Arg::Int(to));
            f.and(&format!(
                "EXISTS (SELECT 1 FROM sessions w WHERE w.item_id = i.id AND w.status = 'published' \
                 AND w.starts_at >= {from} AND w.starts_at < {to})"
            ));
        }
        f
    }

    /// Only the items after `after` in `sort`'s order (keyset paging: an index seek, where an
    /// offset would read and drop every earlier row).
    pub(super) fn after(&mut self, after: Cursor, sort: Sort) {
        let (key, id) = (self.arg(Arg::Int(after.key)), self.arg(Arg::Int(after.id)));
        match sort {
            Sort::Date => self.and(&format!(
                "(i.next_session_at > {key} OR (i.next_session_at = {key} AND i.id > {id}))"
            )),
            Sort::Popular => self.and(&format!("(i.popularity < {key} OR (i.popularity = {key} AND i.id < {id}))")),
        }
    }

    /// Adds a value and returns its placeholder.
    pub(super) fn arg(&mut self, arg: Arg) -> String {
        self.args.push(arg);
        format!("${}", self.args.len())
    }

    fn and(&mut self, condition: &str) {
        self.condition.push_str(" AND ");
        self.condition.push_str(condition);
    }

    /// The published items with these ids.
    pub(super) fn for_ids(ids: &[i64]) -> Filter {
        let mut f = Filter { condition: String::new(), args: Vec::new() };
        let placeholders: Vec<String> = ids.iter().map(|&id| f.arg(Arg::Int(id))).collect();
        // Written so that only the ids can lead the plan: SQLite without statistics would
        // otherwise walk the status index through every published item to find twenty.
        f.condition = format!("i.id IN ({}) AND i.status || '' = 'published'", placeholders.join(", "));
        f
    }

    /// Every matching line with all its columns, unordered.
    pub(super) fn lines_sql(&mut self, now: i64) -> String {
        format!("SELECT {} FROM {SUMMARY_JOINS} WHERE {}", self.summary_columns(now), self.condition)
    }

    /// One page of matching lines in `order` (an index order of `service_items`).
    pub(super) fn page_sql(&mut self, now: i64, order: &str, limit: i64, offset: i64) -> String {
        let columns = self.summary_columns(now);
        let (limit, offset) = (self.arg(Arg::Int(limit)), self.arg(Arg::Int(offset)));
        format!(
            "SELECT {columns} FROM {SUMMARY_JOINS} WHERE {} ORDER BY {order} LIMIT {limit} OFFSET {offset}",
            self.condition
        )
    }

    fn summary_columns(&mut self, now: i64) -> String {
        let now = self.arg(Arg::Int(now));
        SUMMARY_COLUMNS.replace("{now}", &now).replace("{none}", &NO_SESSION.to_string())
    }

    /// Binds the values, in placeholder order, to a query made from this filter's SQL.
    pub(super) fn bind<'q, O>(&'q self, mut q: AnyQuery<'q, O>) -> AnyQuery<'q, O> {
        for arg in &self.args {
            q = match arg {
                Arg::Int(v) => q.bind(*v),
                Arg::Text(v) => q.bind(v.as_str()),
            };
        }
        q
    }
}

pub(super) type AnyQuery<'q, O> = sqlx::query::QueryAs<'q, Any, O, sqlx::any::AnyArguments<'q>>;
