//! The catalogue's SQL, in the one dialect both backends accept: the lines of a page whose
//! items the search index chose, and one item's details. A [`Filter`] writes the WHERE clause
//! and numbers its `$n` placeholders as it goes.

use sqlx::Any;

/// `service_items.next_session_at` when an item has no upcoming session (9999-12-31T23:59:59Z),
/// so "by date" is one index order with those items last, on both backends.
pub(crate) const NO_SESSION: i64 = 253_402_300_799;

/// The columns a catalogue line needs; `{now}` is the placeholder of the current time.
/// The stored next session is swept once a minute, so one that began since is corrected here.
const SUMMARY_COLUMNS: &str = "i.id, i.title, i.free, i.popularity, \
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
}

/// A WHERE clause over `service_items i` and the values of its placeholders.
pub(super) struct Filter {
    condition: String,
    args: Vec<Arg>,
}

impl Filter {
    /// Adds a value and returns its placeholder.
    pub(super) fn arg(&mut self, arg: Arg) -> String {
        self.args.push(arg);
        format!("${}", self.args.len())
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

    fn summary_columns(&mut self, now: i64) -> String {
        let now = self.arg(Arg::Int(now));
        SUMMARY_COLUMNS.replace("{now}", &now).replace("{none}", &NO_SESSION.to_string())
    }

    /// Binds the values, in placeholder order, to a query made from this filter's SQL.
    pub(super) fn bind<'q, O>(&'q self, mut q: AnyQuery<'q, O>) -> AnyQuery<'q, O> {
        for arg in &self.args {
            q = match arg {
                Arg::Int(v) => q.bind(*v),
            };
        }
        q
    }
}

pub(super) type AnyQuery<'q, O> = sqlx::query::QueryAs<'q, Any, O, sqlx::any::AnyArguments<'q>>;
