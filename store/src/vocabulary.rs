//! Categories and audiences as the district keeps them: read in display order, added, renamed,
//! reordered, deleted while unused. Every write moves public pages on at once, and a change of
//! names stamps the services that carry them so search finds them by their new names.

use cc_domain::live::LiveKind;
use cc_domain::vocabulary::{Icon, KeptTerm, Term, Vocabulary};
use cc_domain::Named;
use sqlx::AnyConnection;

use crate::search::next_version;
use crate::{Store, StoreError};

/// What deleting a term came to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Deleted {
    Deleted,
    /// Services or residents' requests still use it.
    InUse,
    NotFound,
}

/// The table a vocabulary is kept in (a fixed name, never anything typed).
fn table(vocabulary: Vocabulary) -> &'static str {
    vocabulary.as_str()
}

/// The column of `service_items` that refers to it.
fn item_column(vocabulary: Vocabulary) -> &'static str {
    match vocabulary {
        Vocabulary::Categories => "category_id",
        Vocabulary::Audiences => "audience_id",
    }
}

/// Residents' requests (点单) name a category, never an audience.
fn demands_count(vocabulary: Vocabulary) -> &'static str {
    match vocabulary {
        Vocabulary::Categories => "(SELECT COUNT(*) FROM demands d WHERE d.category_id = t.id)",
        Vocabulary::Audiences => "0",
    }
}

type KeptRow = (String, String, String, String, i64, i64);

/// A term with its counts of services and requests, from the rows `filter` keeps.
fn kept_sql(vocabulary: Vocabulary, filter: &str) -> String {
    format!(
        "SELECT t.slug, t.name, t.name_en, t.icon, \
         (SELECT COUNT(*) FROM service_items i WHERE i.{column} = t.id), {demands} \
         FROM {table} t {filter} ORDER BY t.position, t.id",
        column = item_column(vocabulary),
        demands = demands_count(vocabulary),
        table = table(vocabulary),
    )
}

fn kept((slug, name, name_en, icon, items, demands): KeptRow) -> KeptTerm {
    KeptTerm { term: term((slug, name, name_en, icon)), items, demands }
}

fn term((slug, name, name_en, icon): (String, String, String, String)) -> Term {
    // A stored name the platform no longer draws shows as a star rather than failing the page.
    Term { named: Named { slug, name, name_en }, icon: Icon::parse(&icon).unwrap_or(Icon::Star) }
}

impl Store {
    /// Every term of `vocabulary` in display order.
    pub async fn terms(&self, vocabulary: Vocabulary) -> Result<Vec<Term>, StoreError> {
        let sql = format!("SELECT slug, name, name_en, icon FROM {} ORDER BY position, id", table(vocabulary));
        let rows: Vec<(String, String, String, String)> = sqlx::query_as(&sql).fetch_all(&self.pool).await?;
        Ok(rows.into_iter().map(term).collect())
    }

    /// Every category in display order.
    pub async fn categories(&self) -> Result<Vec<Term>, StoreError> {
        self.terms(Vocabulary::Categories).await
    }

    /// Every audience in display order.
    pub async fn audiences(&self) -> Result<Vec<Term>, StoreError> {
        self.terms(Vocabulary::Audiences).await
    }

    /// Every term of `vocabulary` with what uses it, for the console.
    pub async fn kept_terms(&self, vocabulary: Vocabulary) -> Result<Vec<KeptTerm>, StoreError> {
        let sql = kept_sql(vocabulary, "");
        let rows: Vec<KeptRow> = sqlx::query_as(&sql).fetch_all(&self.pool).await?;
        Ok(rows.into_iter().map(kept).collect())
    }

    /// Term `slug` of `vocabulary` with what uses it.
    pub async fn kept_term(&self, vocabulary: Vocabulary, slug: &str) -> Result<Option<KeptTerm>, StoreError> {
        let sql = kept_sql(vocabulary, "WHERE t.slug = $1");
        let row: Option<KeptRow> = sqlx::query_as(&sql).bind(slug).fetch_optional(&self.pool).await?;
        Ok(row.map(kept))
    }

    /// Adds `new` after the others; `false` when its slug is taken.
    pub async fn add_term(&self, vocabulary: Vocabulary, new: &Term) -> Result<bool, StoreError> {
        let sql = format!(
            "INSERT INTO {table} (slug, name, name_en, icon, position) \
             VALUES ($1, $2, $3, $4, (SELECT COALESCE(MAX(position), 0) + 1 FROM {table})) \
             ON CONFLICT (slug) DO NOTHING",
            table = table(vocabulary),
        );
        let named = &new.named;
        let added = sqlx::query(&sql)
            .bind(&named.slug)
            .bind(&named.name)
            .bind(&named.name_en)
            .bind(new.icon.as_str())
            .execute(&self.pool)
            .await?
            .rows_affected()
            == 1;
        if added {
            self.announce_street(LiveKind::ItemChanged, None);
        }
        Ok(added)
    }

    /// Gives term `slug` the names and icon of `changed`, and stamps the services of a category
    /// so search reads their new names (audiences' names are not searched); `false` when there
    /// is no such term.
    pub async fn update_term(&self, vocabulary: Vocabulary, slug: &str, changed: &Term) -> Result<bool, StoreError> {
        let mut tx = self.begin().await?;
        let sql = format!("UPDATE {} SET name = $1, name_en = $2, icon = $3 WHERE slug = $4", table(vocabulary));
        let found = sqlx::query(&sql)
            .bind(&changed.named.name)
            .bind(&changed.named.name_en)
            .bind(changed.icon.as_str())
            .bind(slug)
            .execute(&mut *tx)
            .await?
            .rows_affected()
            == 1;
        if found && vocabulary == Vocabulary::Categories {
            stamp_items(&mut tx, slug).await?;
        }
        tx.commit().await?;
        if found {
            self.announce_street(LiveKind::ItemChanged, None);
        }
        Ok(found)
    }

    /// Puts the terms in the order of `slugs` (every slug of the list, checked by the caller).
    pub async fn reorder_terms(&self, vocabulary: Vocabulary, slugs: &[String]) -> Result<(), StoreError> {
        let mut tx = self.begin().await?;
        let sql = format!("UPDATE {} SET position = $1 WHERE slug = $2", table(vocabulary));
        for (at, slug) in slugs.iter().enumerate() {
            sqlx::query(&sql).bind(at as i64 + 1).bind(slug).execute(&mut *tx).await?;
        }
        tx.commit().await?;
        self.announce_street(LiveKind::ItemChanged, None);
        Ok(())
    }

    /// Deletes term `slug` if nothing uses it — checked in the same statement, so a service
    /// saved meanwhile is never left pointing at nothing.
    pub async fn delete_term(&self, vocabulary: Vocabulary, slug: &str) -> Result<Deleted, StoreError> {
        let demands = match vocabulary {
            Vocabulary::Categories => "AND NOT EXISTS (SELECT 1 FROM demands d WHERE d.category_id = t.id)",
            Vocabulary::Audiences => "",
        };
        let sql = format!(
            "DELETE FROM {table} WHERE id IN (SELECT t.id FROM {table} t WHERE t.slug = $1 \
             AND NOT EXISTS (SELECT 1 FROM service_items i WHERE i.{column} = t.id) {demands})",
            table = table(vocabulary),
            column = item_column(vocabulary),
        );
        match sqlx::query(&sql).bind(slug).execute(&self.pool).await {
            Ok(done) if done.rows_affected() == 1 => {
                self.announce_street(LiveKind::ItemChanged, None);
                return Ok(Deleted::Deleted);
            }
            Ok(_) => {}
            // A service or request saved meanwhile, not yet visible to the check: the foreign
            // key refuses (PostgreSQL; SQLite's writes take turns).
            Err(sqlx::Error::Database(e)) if e.kind() == sqlx::error::ErrorKind::ForeignKeyViolation => return Ok(Deleted::InUse),
            Err(e) => return Err(e.into()),
        }
        let sql = format!("SELECT COUNT(*) FROM {} WHERE slug = $1", table(vocabulary));
        let (there,): (i64,) = sqlx::query_as(&sql).bind(slug).fetch_one(&self.pool).await?;
        Ok(if there > 0 { Deleted::InUse } else { Deleted::NotFound })
    }
}

/// Stamps the services of category `slug` with the next catalogue version. Their rows are
/// locked first, as every other stamping write does (an item, then the version): taking the
/// version first would wait crosswise with a write that holds one of them on PostgreSQL.
async fn stamp_items(conn: &mut AnyConnection, slug: &str) -> Result<(), StoreError> {
    sqlx::query("UPDATE service_items SET search_version = search_version WHERE category_id = (SELECT id FROM categories WHERE slug = $1)")
        .bind(slug)
        .execute(&mut *conn)
        .await?;
    let version = next_version(&mut *conn).await?;
    sqlx::query("UPDATE service_items SET search_version = $1 WHERE category_id = (SELECT id FROM categories WHERE slug = $2)")
        .bind(version)
        .bind(slug)
        .execute(&mut *conn)
        .await?;
    Ok(())
}
