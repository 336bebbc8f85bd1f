//! What the index holds of an item, read from the database, and how writes tell the index
//! what changed (the catalogue version, see `migrations/*/…_search_index.sql`).

use std::collections::HashMap;

use cc_domain::search::normalise;
use sqlx::{AnyConnection, AnyPool, FromRow};
use tantivy::schema::{
    Field, IndexRecordOption, Schema, TextFieldIndexing, TextOptions, FAST, INDEXED, STRING,
};
use tantivy::TantivyDocument;

use super::grams;
use crate::StoreError;

/// The index's fields.
#[derive(Debug, Clone, Copy)]
pub(super) struct Fields {
    pub id: Field,
    pub title: Field,
    /// The category's names in both languages.
    pub category: Field,
    pub pinyin: Field,
    pub initials: Field,
    /// The title's and the initials' lengths in characters ("the whole field" is the start
    /// and the length).
    pub title_length: Field,
    pub initials_length: Field,
    /// Title and description together (what "found in the text" means).
    pub text: Field,
    pub category_slug: Field,
    pub audience_slug: Field,
    pub street_slug: Field,
    pub free: Field,
    /// Starts of the item's published sessions, for "between these dates".
    pub starts: Field,
    /// The sort keys (also fast fields), searchable by range for cursors.
    pub popularity: Field,
    pub next_session: Field,
}

/// Fast fields the ranking reads per match.
pub(super) const POPULARITY: &str = "popularity";
pub(super) const NEXT_SESSION: &str = "next_session_at";
pub(super) const ID: &str = "id";

impl Fields {
    /// The field holding `field`'s length, for those whose whole value is searched for.
    pub(super) fn length_of(&self, field: Field) -> Option<Field> {
        if field == self.title {
            Some(self.title_length)
        } else if field == self.initials {
            Some(self.initials_length)
        } else {
            None
        }
    }

    /// The longest grams `field` is cut into (see `grams.rs`): three for Latin letters.
    pub(super) fn longest_gram(&self, field: Field) -> usize {
        if field == self.pinyin || field == self.initials {
            3
        } else {
            2
        }
    }

    /// The schema and its fields.
    pub(super) fn schema() -> (Schema, Fields) {
        let mut b = Schema::builder();
        let grams = |tokenizer: &str, stored: bool| {
            let indexing = TextFieldIndexing::default()
                .set_tokenizer(tokenizer)
                .set_index_option(IndexRecordOption::WithFreqsAndPositions);
            let options = TextOptions::default().set_indexing_options(indexing);
            if stored { options.set_stored() } else { options }
        };
        let fields = Fields {
            id: b.add_u64_field(ID, INDEXED | FAST),
            title: b.add_text_field("title", grams(grams::PAIRS, false)),
            category: b.add_text_field("category", grams(grams::PAIRS, false)),
            // Stored: a search with a typo reads it back to check the distance.
            pinyin: b.add_text_field("pinyin", grams(grams::THREES, true)),
            initials: b.add_text_field("initials", grams(grams::THREES, false)),
            title_length: b.add_u64_field("title_length", INDEXED),
            initials_length: b.add_u64_field("initials_length", INDEXED),
            text: b.add_text_field("text", grams(grams::PAIRS, false)),
            category_slug: b.add_text_field("category_slug", STRING),
            audience_slug: b.add_text_field("audience_slug", STRING),
            street_slug: b.add_text_field("street_slug", STRING),
            free: b.add_u64_field("free", INDEXED),
            starts: b.add_i64_field("starts", INDEXED),
            popularity: b.add_i64_field(POPULARITY, INDEXED | FAST),
            next_session: b.add_i64_field(NEXT_SESSION, INDEXED | FAST),
        };
        (b.build(), fields)
    }
}

/// One item as the index sees it.
#[derive(FromRow)]
pub(super) struct ItemRow {
    pub id: i64,
    published: i64,
    title: String,
    description: String,
    title_pinyin: String,
    title_initials: String,
    free: i64,
    popularity: i64,
    next_session_at: i64,
    category_slug: String,
    category_name: String,
    category_name_en: String,
    audience_slug: String,
    street_slug: String,
}

impl ItemRow {
    /// The item's document, or `None` when it is not published (it leaves the index).
    pub(super) fn document(&self, f: &Fields, starts: &[i64]) -> Option<TantivyDocument> {
        if self.published == 0 {
            return None;
        }
        let mut doc = TantivyDocument::new();
        doc.add_u64(f.id, self.id as u64);
        let title = normalise(&self.title);
        doc.add_u64(f.title_length, title.chars().count() as u64);
        doc.add_u64(f.initials_length, self.title_initials.chars().count() as u64);
        doc.add_text(f.title, title);
        doc.add_text(f.category, normalise(&format!("{} {}", self.category_name, self.category_name_en)));
        doc.add_text(f.pinyin, &self.title_pinyin);
        doc.add_text(f.initials, &self.title_initials);
        doc.add_text(f.text, normalise(&format!("{} {}", self.title, self.description)));
        doc.add_text(f.category_slug, &self.category_slug);
        doc.add_text(f.audience_slug, &self.audience_slug);
        doc.add_text(f.street_slug, &self.street_slug);
        doc.add_u64(f.free, self.free as u64);
        for &start in starts {
            doc.add_i64(f.starts, start);
        }
        doc.add_i64(f.popularity, self.popularity);
        doc.add_i64(f.next_session, self.next_session_at);
        Some(doc)
    }
}

/// The catalogue's version now: every write search sees has a version at most this.
pub(super) async fn current_version(pool: &AnyPool) -> Result<i64, StoreError> {
    let (version,): (i64,) = sqlx::query_as("SELECT version FROM search_state WHERE id = 1").fetch_one(pool).await?;
    Ok(version)
}

/// Up to `limit` items written after `version` with ids above `after`, in id order, and the
/// starts of their published sessions.
pub(super) async fn changed_since(
    pool: &AnyPool,
    version: i64,
    after: i64,
    limit: i64,
) -> Result<(Vec<ItemRow>, HashMap<i64, Vec<i64>>), StoreError> {
    let items = sqlx::query_as::<_, ItemRow>(
        "SELECT i.id, CASE WHEN i.status = 'published' THEN 1 ELSE 0 END AS published, i.title, i.description, \
         i.title_pinyin, i.title_initials, i.free, i.popularity, i.next_session_at, \
         c.slug AS category_slug, c.name AS category_name, c.name_en AS category_name_en, \
         a.slug AS audience_slug, s.slug AS street_slug \
         FROM service_items i JOIN categories c ON c.id = i.category_id JOIN audiences a ON a.id = i.audience_id \
         JOIN facilities f ON f.id = i.facility_id JOIN streets s ON s.id = f.street_id \
         WHERE i.search_version > $1 AND i.id > $2 ORDER BY i.id LIMIT $3",
    )
    .bind(version)
    .bind(after)
    .bind(limit)
    .fetch_all(pool)
    .await?;
    let (Some(first), Some(last)) = (items.first(), items.last()) else { return Ok((items, HashMap::new())) };
    let rows: Vec<(i64, i64)> = sqlx::query_as(
        "SELECT s.item_id, s.starts_at FROM sessions s JOIN service_items i ON i.id = s.item_id \
         WHERE s.item_id BETWEEN $1 AND $2 AND i.search_version > $3 AND i.status = 'published' \
         AND s.status = 'published'",
    )
    .bind(first.id)
    .bind(last.id)
    .bind(version)
    .fetch_all(pool)
    .await?;
    let mut starts: HashMap<i64, Vec<i64>> = HashMap::new();
    for (item, start) in rows {
        starts.entry(item).or_default().push(start);
    }
    Ok((items, starts))
}

/// Takes the next catalogue version, for a write that changes what search sees; the caller
/// stamps the items it changes with it in the same transaction. On PostgreSQL the row stays
/// locked until that transaction ends, so versions become visible in the order they were taken.
pub(crate) async fn next_version(conn: &mut AnyConnection) -> Result<i64, StoreError> {
    let (version,): (i64,) =
        sqlx::query_as("UPDATE search_state SET version = version + 1 WHERE id = 1 RETURNING version")
            .fetch_one(conn)
            .await?;
    Ok(version)
}
