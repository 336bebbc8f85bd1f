//! 非遗专项资金 — the fund's support categories and its yearly calls. The fourteen default
//! categories are written when the table is empty (a fresh district starts with them); calls
//! are one per year (the unique year decides a race).

use cc_domain::fund::{call_phase, CheckedCall, CheckedCategory, Fen, FundCall, FundCategory};
use cc_domain::ids::{FundCallId, FundCategoryId};
use chrono::NaiveDate;
use sqlx::AnyConnection;

use crate::seed::fund_categories::DEFAULT_CATEGORIES;
use crate::{Store, StoreError};

type CategoryRow = (i64, String, String, String, String, i64, String, i64, i64);
type CallRow = (i64, i64, String, i64, String, String, i64, i64);

const CATEGORY_COLUMNS: &str = "id, code, name, name_en, description, cap_fen, attachments, is_default, retired";
/// A call's columns, with what its budget no longer holds (`{committed}`: the statuses).
const CALL_COLUMNS: &str = "id, year, title, budget_fen, opens_on, closes_on, notice_days, \
    (SELECT CAST(COALESCE(SUM(a.award_fen), 0) AS BIGINT) FROM fund_applications a WHERE a.call_id = fund_calls.id AND a.status IN ({committed}))";

fn call_columns() -> String {
    CALL_COLUMNS.replace("{committed}", &crate::fund_applications::committed_statuses())
}

fn category((id, code, name, name_en, description, cap, attachments, default, retired): CategoryRow) -> FundCategory {
    FundCategory {
        id: FundCategoryId(id),
        code,
        name,
        name_en,
        description,
        cap: Fen(cap),
        attachments: attachments.lines().filter(|l| !l.is_empty()).map(str::to_string).collect(),
        default: default != 0,
        retired: retired != 0,
    }
}

/// What writing a category or a call came to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Saved<Id> {
    Saved(Id),
    /// Another category has the code, or another call the year.
    Taken,
    NotFound,
}

impl Store {
    /// Writes the default categories when there are none (at every start; idempotent).
    pub async fn ensure_fund_categories(&self, now: i64) -> Result<(), StoreError> {
        let mut tx = self.begin().await?;
        let (count,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM fund_categories").fetch_one(&mut *tx).await?;
        if count > 0 {
            return Ok(());
        }
        for (position, &(code, name, name_en, description, cap_yuan, attachments)) in DEFAULT_CATEGORIES.iter().enumerate() {
            sqlx::query(
                "INSERT INTO fund_categories (code, name, name_en, description, cap_fen, attachments, is_default, position, created_at, updated_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, 1, $7, $8, $8) ON CONFLICT DO NOTHING",
            )
            .bind(code)
            .bind(name)
            .bind(name_en)
            .bind(description)
            .bind(cap_yuan * 100)
            .bind(attachments.join("\n"))
            .bind(position as i64)
            .bind(now)
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// Every category in its order, retired ones last.
    pub async fn fund_categories(&self) -> Result<Vec<FundCategory>, StoreError> {
        let rows: Vec<CategoryRow> =
            sqlx::query_as(&format!("SELECT {CATEGORY_COLUMNS} FROM fund_categories ORDER BY retired, position, id"))
                .fetch_all(&self.pool)
                .await?;
        Ok(rows.into_iter().map(category).collect())
    }

    /// One category.
    pub async fn fund_category(&self, id: FundCategoryId) -> Result<Option<FundCategory>, StoreError> {
        let row: Option<CategoryRow> = sqlx::query_as(&format!("SELECT {CATEGORY_COLUMNS} FROM fund_categories WHERE id = $1"))
            .bind(id.0)
            .fetch_optional(&self.pool)
            .await?;
        Ok(row.map(category))
    }

    /// Adds a category (after the others), or changes category `id`.
    pub async fn save_fund_category(
        &self,
        id: Option<FundCategoryId>,
        c: &CheckedCategory,
        now: i64,
    ) -> Result<Saved<FundCategoryId>, StoreError> {
        let taken: Option<(i64,)> = sqlx::query_as("SELECT id FROM fund_categories WHERE code = $1 AND id <> $2")
            .bind(&c.code)
            .bind(id.map_or(0, |i| i.0))
            .fetch_optional(&self.pool)
            .await?;
        if taken.is_some() {
            return Ok(Saved::Taken);
        }
        let attachments = c.attachments.join("\n");
        let (sql, target) = match id {
            None => (
                "INSERT INTO fund_categories (code, name, name_en, description, cap_fen, attachments, retired, created_at, updated_at, position) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8, (SELECT COALESCE(MAX(position), 0) + 1 FROM fund_categories)) \
                 ON CONFLICT DO NOTHING RETURNING id",
                None,
            ),
            Some(id) => (
                "UPDATE fund_categories SET code = $1, name = $2, name_en = $3, description = $4, cap_fen = $5, attachments = $6, \
                 retired = $7, updated_at = $8 WHERE id = $9 RETURNING id",
                Some(id.0),
            ),
        };
        let mut query = sqlx::query_as::<_, (i64,)>(sql)
            .bind(&c.code)
            .bind(&c.name)
            .bind(&c.name_en)
            .bind(&c.description)
            .bind(c.cap.0)
            .bind(attachments)
            .bind(i64::from(c.retired))
            .bind(now);
        if let Some(target) = target {
            query = query.bind(target);
        }
        Ok(match (query.fetch_optional(&self.pool).await?, id) {
            (Some((id,)), _) => Saved::Saved(FundCategoryId(id)),
            (None, None) => Saved::Taken,
            (None, Some(_)) => Saved::NotFound,
        })
    }

    /// Every call, the latest year first, with what it has committed and its phase at `now`.
    pub async fn fund_calls(&self, now: i64) -> Result<Vec<FundCall>, StoreError> {
        let rows: Vec<CallRow> =
            sqlx::query_as(&format!("SELECT {} FROM fund_calls ORDER BY year DESC", call_columns())).fetch_all(&self.pool).await?;
        Ok(rows.into_iter().filter_map(|row| call(row, now)).collect())
    }

    /// One call.
    pub async fn fund_call(&self, id: FundCallId, now: i64) -> Result<Option<FundCall>, StoreError> {
        let row: Option<CallRow> = sqlx::query_as(&format!("SELECT {} FROM fund_calls WHERE id = $1", call_columns()))
            .bind(id.0)
            .fetch_optional(&self.pool)
            .await?;
        Ok(row.and_then(|row| call(row, now)))
    }

    /// Adds a call, or changes call `id`.
    pub async fn save_fund_call(&self, id: Option<FundCallId>, c: &CheckedCall, now: i64) -> Result<Saved<FundCallId>, StoreError> {
        let result = match id {
            None => {
                let mut conn = self.pool.acquire().await?;
                insert_call(&mut conn, c, false, now).await
            }
            Some(id) => sqlx::query_as::<_, (i64,)>(
                "UPDATE fund_calls SET year = $1, title = $2, budget_fen = $3, opens_on = $4, closes_on = $5, notice_days = $6, \
                 updated_at = $7 WHERE id = $8 RETURNING id",
            )
            .bind(i64::from(c.year))
            .bind(&c.title)
            .bind(c.budget.0)
            .bind(day(c.opens_on))
            .bind(day(c.closes_on))
            .bind(i64::from(c.notice_days))
            .bind(now)
            .bind(id.0)
            .fetch_optional(&self.pool)
            .await
            .map(|row| row.map(|(id,)| id)),
        };
        match result {
            Ok(Some(id)) => Ok(Saved::Saved(FundCallId(id))),
            Ok(None) if id.is_none() => Ok(Saved::Taken),
            Ok(None) => Ok(Saved::NotFound),
            // Changing a call's year to one another call has.
            Err(e) if e.as_database_error().is_some_and(|d| d.is_unique_violation()) => Ok(Saved::Taken),
            Err(e) => Err(e.into()),
        }
    }
}

fn day(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// Writes a new call; `None` when its year has one already.
pub(crate) async fn insert_call(conn: &mut AnyConnection, c: &CheckedCall, demo: bool, now: i64) -> Result<Option<i64>, sqlx::Error> {
    let row: Option<(i64,)> = sqlx::query_as(
        "INSERT INTO fund_calls (year, title, budget_fen, opens_on, closes_on, notice_days, is_demo, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8) ON CONFLICT DO NOTHING RETURNING id",
    )
    .bind(i64::from(c.year))
    .bind(&c.title)
    .bind(c.budget.0)
    .bind(day(c.opens_on))
    .bind(day(c.closes_on))
    .bind(i64::from(c.notice_days))
    .bind(i64::from(demo))
    .bind(now)
    .fetch_optional(&mut *conn)
    .await?;
    Ok(row.map(|(id,)| id))
}

/// A stored call; `None` for dates this version cannot read (never written by it).
fn call((id, year, title, budget, opens_on, closes_on, notice_days, committed): CallRow, now: i64) -> Option<FundCall> {
    let day = |text: &str| NaiveDate::parse_from_str(text, "%Y-%m-%d").ok();
    let (opens_on, closes_on) = (day(&opens_on)?, day(&closes_on)?);
    Some(FundCall {
        id: FundCallId(id),
        year: i32::try_from(year).ok()?,
        title,
        budget: Fen(budget),
        committed: Fen(committed),
        opens_on,
        closes_on,
        notice_days: i32::try_from(notice_days).ok()?,
        phase: call_phase(opens_on, closes_on, now),
    })
}
