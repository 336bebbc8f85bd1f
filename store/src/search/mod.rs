//! The catalogue's search index: tantivy, in this process's memory, following the database.
//!
//! Why tantivy and not the databases' own text search: the same index serves SQLite and
//! PostgreSQL, so both give the same results in the same order by construction (SQLite's
//! FTS5 trigrams cannot find a two-character word like 京剧, and PostgreSQL's `pg_trgm`
//! ignores Chinese characters in the C locale); it is a library made for exactly this
//! (inverted index, phrase queries, fast fields for sorting, term-set and range filters), and
//! at 100,000 items a search takes a few milliseconds instead of a scan of every row.
//!
//! Why in memory: it is rebuilt from the database at start (seconds at city scale), so it
//! can never be older than the data it describes after a restore or a crash, and there is
//! no second copy on disk to keep in step.
//!
//! Following writes: every write that changes what search sees takes the next catalogue
//! version and stamps its items with it ([`docs::next_version`]). Before each search the
//! index reads the version (one small query) and, if it moved, re-reads the items stamped
//! since — so a search on any server of a cluster sees every write committed before it, with
//! no message to lose.

mod docs;
mod grams;
mod query;

use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::Arc;

use cc_domain::search::SearchQuery;
use cc_domain::CatalogQuery;
use sqlx::AnyPool;
use tantivy::{Index, IndexReader, ReloadPolicy, Term};
use tokio::sync::Mutex;

pub(crate) use docs::next_version;
use docs::Fields;

use crate::StoreError;

/// Memory the writer may fill before it writes a segment (tantivy's minimum is 15 MB).
const WRITER_MEMORY: usize = 30_000_000;
/// Items read from the database at a time while catching up.
const BATCH: i64 = 5_000;

/// The index and how far it has caught up.
pub(crate) struct SearchIndex {
    index: Index,
    reader: IndexReader,
    fields: Fields,
    /// Held while catching up, so one search does it for all.
    catching_up: Mutex<()>,
    /// The catalogue version the index reflects; 0 before the first build.
    version: AtomicI64,
}

impl std::fmt::Debug for SearchIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SearchIndex").field("version", &self.version.load(Ordering::Relaxed)).finish()
    }
}

impl SearchIndex {
    /// An empty index; the first [`SearchIndex::catch_up`] fills it.
    pub(crate) fn new() -> Result<Arc<SearchIndex>, StoreError> {
        let (schema, fields) = Fields::schema();
        let index = Index::create_in_ram(schema);
        index.tokenizers().register(grams::PAIRS, tantivy::tokenizer::TextAnalyzer::from(grams::Grams { longest: 2 }));
        index.tokenizers().register(grams::THREES, tantivy::tokenizer::TextAnalyzer::from(grams::Grams { longest: 3 }));
        let reader = index.reader_builder().reload_policy(ReloadPolicy::Manual).try_into().map_err(search_error)?;
        Ok(Arc::new(SearchIndex { index, reader, fields, catching_up: Mutex::new(()), version: AtomicI64::new(0) }))
    }

    /// Brings the index up to the database's catalogue version; returns how many items were
    /// re-read (all of them the first time).
    pub(crate) async fn catch_up(self: &Arc<Self>, pool: &AnyPool) -> Result<usize, StoreError> {
        let latest = docs::current_version(pool).await?;
        if latest <= self.version.load(Ordering::Acquire) {
            return Ok(0);
        }
        let _catching_up = self.catching_up.lock().await;
        let since = self.version.load(Ordering::Acquire);
        if latest <= since {
            return Ok(0); // another search caught up while this one waited
        }
        let mut writer = Some(self.index.writer_with_num_threads(1, WRITER_MEMORY).map_err(search_error)?);
        let (mut count, mut after) = (0, 0);
        // In batches, so that reading a whole city at start needs the memory of one batch.
        loop {
            let (items, starts) = docs::changed_since(pool, since, after, BATCH).await?;
            let Some(last) = items.last().map(|item| item.id) else { break };
            count += items.len();
            after = last;
            let (this, taken) = (self.clone(), writer.take().expect("put back after every batch"));
            // Indexing is CPU work (seconds for a whole city): off the request threads.
            let (taken, result) = tokio::task::spawn_blocking(move || {
                let result = items.iter().try_for_each(|item| {
                    taken.delete_term(Term::from_field_u64(this.fields.id, item.id as u64));
                    let item_starts = starts.get(&item.id).map(Vec::as_slice).unwrap_or_default();
                    match item.document(&this.fields, item_starts) {
                        Some(doc) => taken.add_document(doc).map(|_| ()),
                        None => Ok(()),
                    }
                });
                (taken, result)
            })
            .await
            .map_err(|e| StoreError::Search(e.to_string()))?;
            result.map_err(search_error)?;
            writer = Some(taken);
        }
        let (this, mut taken) = (self.clone(), writer.take().expect("put back after every batch"));
        tokio::task::spawn_blocking(move || {
            taken.commit()?;
            // Merge now and let the writer (its memory and threads) go: writes are rare.
            taken.wait_merging_threads()?;
            this.reader.reload()
        })
        .await
        .map_err(|e| StoreError::Search(e.to_string()))?
        .map_err(search_error)?;
        self.version.store(latest, Ordering::Release);
        Ok(count)
    }

    /// The index's size in memory, in bytes.
    pub(crate) fn bytes(&self) -> Result<u64, StoreError> {
        let usage = self.reader.searcher().space_usage().map_err(search_error)?;
        Ok(usage.total().get_bytes())
    }

    /// One page of a listing without search text (its filters, its order, its page or cursor):
    /// the item ids with their cursors, and how many match in all.
    pub(crate) fn list(&self, query: &CatalogQuery) -> Result<query::Lines, StoreError> {
        query::listing_page(&self.reader.searcher(), &self.fields, query).map_err(search_error)
    }

    /// One ranked page of item ids matching `query` (which has search text `q`), and how many
    /// match in all.
    pub(crate) fn search(&self, query: &CatalogQuery, q: &SearchQuery) -> Result<query::Lines, StoreError> {
        query::ranked_page(&self.reader.searcher(), &self.fields, query, q).map_err(search_error)
    }
}

fn search_error(e: impl std::fmt::Display) -> StoreError {
    StoreError::Search(e.to_string())
}
