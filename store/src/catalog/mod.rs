//! Reading the public catalogue: one function per question a page or the API asks.

mod rows;
mod sql;

use cc_domain::{
    CatalogQuery, CommunityRef, ItemDetail, ItemSummary, Page, StreetWithCommunities,
};

use crate::{Store, StoreError};
use std::collections::HashMap;

use cc_domain::ids::ItemId;
use rows::{named, DetailRow, SessionRow, SummaryRow};
pub(crate) use sql::NO_SESSION;
use sql::{Filter, DETAIL_SQL};

impl Store {
    /// One page of the published catalogue matching `query`, as of `now` (UTC seconds).
    ///
    /// The search index (after catching up with the database) finds, ranks, sorts and pages —
    /// with search text by relevance first, without it by the filters alone, from a page number
    /// or a cursor — then SQL reads the page's lines by id.
    pub async fn search_items(&self, query: &CatalogQuery, now: i64) -> Result<Page<ItemSummary>, StoreError> {
        self.search.catch_up(&self.pool).await?;
        let (lines, total) = match &query.q {
            Some(q) => self.search.search(query, q)?,
            None => self.search.list(query)?,
        };
        let ids: Vec<i64> = lines.iter().map(|(id, _)| *id).collect();
        // A full page of a listing may have a next one; its last line's cursor says where.
        let next_cursor = (query.q.is_none() && lines.len() == query.per_page as usize)
            .then(|| lines.last().map(|(_, cursor)| cursor.to_string()))
            .flatten();
        let items = self.lines_in_order(&ids, now).await?;
        Ok(Page { items, total, page: query.page, per_page: query.per_page, next_cursor })
    }

    /// Full catalogue lines for `ids`, in that order.
    async fn lines_in_order(&self, ids: &[i64], now: i64) -> Result<Vec<ItemSummary>, StoreError> {
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let mut filter = Filter::for_ids(ids);
        let sql = filter.lines_sql(now);
        let rows = filter.bind(sqlx::query_as::<_, SummaryRow>(&sql)).fetch_all(&self.pool).await?;
        let mut by_id: HashMap<i64, ItemSummary> =
            rows.into_iter().map(SummaryRow::into_summary).map(|s| (s.id, s)).collect();
        Ok(ids.iter().filter_map(|id| by_id.remove(id)).collect())
    }

    /// A published item with its upcoming sessions, or `None` when there is no such item.
    pub async fn item_detail(&self, ItemId(id): ItemId, now: i64) -> Result<Option<ItemDetail>, StoreError> {
        let Some(row) =
            sqlx::query_as::<_, DetailRow>(DETAIL_SQL).bind(id).fetch_optional(&self.pool).await?
        else {
            return Ok(None);
        };
        let sessions = sqlx::query_as::<_, SessionRow>(
            "SELECT id, starts_at, ends_at, capacity, remaining, booking_opens_at, booking_closes_at, waitlist \
             FROM sessions WHERE item_id = $1 AND status = 'published' AND ends_at >= $2 \
             ORDER BY starts_at, id LIMIT 200",
        )
        .bind(id)
        .bind(now)
        .fetch_all(&self.pool)
        .await?;
        let mut detail = row.into_detail(sessions.into_iter().map(SessionRow::into_info).collect());
        detail.rating = self.rating_of(Some(id), None).await?;
        detail.heritage = self.heritage_of_item(cc_domain::ids::ItemId(id)).await?;
        Ok(Some(detail))
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

impl Store {
    /// Brings this server's search index up to date with the database (at start, this builds
    /// it); returns how many items it re-read. Searches do this themselves.
    pub async fn catch_up_search(&self) -> Result<usize, StoreError> {
        self.search.catch_up(&self.pool).await
    }

    /// The search index's size in memory, in bytes (for the benchmarks).
    pub fn search_index_bytes(&self) -> Result<u64, StoreError> {
        self.search.bytes()
    }
}

impl Store {
    /// The ids of every published item and every facility: the public pages a sitemap lists.
    pub async fn public_page_ids(&self) -> Result<(Vec<i64>, Vec<i64>), StoreError> {
        let items: Vec<(i64,)> =
            sqlx::query_as("SELECT id FROM service_items WHERE status = 'published' ORDER BY id")
                .fetch_all(&self.pool)
                .await?;
        let facilities: Vec<(i64,)> =
            sqlx::query_as("SELECT id FROM facilities ORDER BY id").fetch_all(&self.pool).await?;
        Ok((items.into_iter().map(|(id,)| id).collect(), facilities.into_iter().map(|(id,)| id).collect()))
    }
}
