//! 点单 — demands and their votes. A vote is one row per resident and demand (its primary key
//! decides a race: fifty parallel votes make one) counted into `demands.votes` in the same
//! transaction; answering tells every voter in the transaction that answers.

use cc_domain::demand::{near_duplicate, Answer, Demand, DemandQuery, DemandSort, DemandStatus, DEMANDS_PER_DAY};
use cc_domain::ids::{DemandId, ResidentId, StaffId};
use cc_domain::live::LiveKind;
use cc_domain::messages::MessageKind;
use sqlx::AnyConnection;

use cc_domain::Named;

use crate::messages::{tell, News};
use crate::{Backend, Store, StoreError};

fn named(slug: String, name: String, name_en: String) -> Named {
    Named { slug, name, name_en }
}

/// What raising a demand came to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RaiseOutcome {
    Raised(DemandId),
    /// Open demands in the same community and category say nearly the same: vote for one.
    Similar(Vec<DemandId>),
    UnknownCommunity,
    UnknownCategory,
    /// The resident raised [`DEMANDS_PER_DAY`] in the last 24 hours.
    TooMany,
}

/// What voting came to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VoteOutcome {
    Voted,
    /// This resident's vote is already there.
    Duplicate,
    /// Answered (delivered, declined) or merged: no more votes.
    Closed,
    NotFound,
}

const DEMAND_SELECT: &str = "SELECT d.id, c.slug AS category_slug, c.name AS category_name, c.name_en AS category_name_en, \
    s.slug AS street_slug, s.name AS street_name, s.name_en AS street_name_en, s.id AS street_id, m.id AS community_id, m.name AS community, \
    d.note, d.status, d.votes, d.answer, d.item_id, d.merged_into, d.created_at, d.answered_at \
    FROM demands d JOIN categories c ON c.id = d.category_id JOIN communities m ON m.id = d.community_id \
    JOIN streets s ON s.id = m.street_id";

#[derive(sqlx::FromRow)]
struct DemandRow {
    id: i64,
    category_slug: String,
    category_name: String,
    category_name_en: String,
    street_slug: String,
    street_name: String,
    street_name_en: String,
    street_id: i64,
    community_id: i64,
    community: String,
    note: String,
    status: String,
    votes: i64,
    answer: Option<String>,
    item_id: Option<i64>,
    merged_into: Option<i64>,
    created_at: i64,
    answered_at: Option<i64>,
}

fn demand(row: DemandRow) -> Demand {
    Demand {
        id: DemandId(row.id),
        category: named(row.category_slug, row.category_name, row.category_name_en),
        street: named(row.street_slug, row.street_name, row.street_name_en),
        street_id: row.street_id,
        community_id: row.community_id,
        community: row.community,
        note: row.note,
        status: DemandStatus::parse(&row.status).unwrap_or(DemandStatus::Open),
        votes: row.votes,
        answer: row.answer,
        item_id: row.item_id,
        merged_into: row.merged_into.map(DemandId),
        created_at: row.created_at,
        answered_at: row.answered_at,
    }
}

impl Store {
    /// Raises a demand for `resident` (who votes for it at once), unless open demands of the
    /// same community and category say nearly the same and `new_anyway` is not set.
    pub async fn raise_demand(
        &self,
        resident: ResidentId,
        category: &str,
        community: i64,
        note: &str,
        new_anyway: bool,
        now: i64,
    ) -> Result<RaiseOutcome, StoreError> {
        let mut tx = self.begin().await?;
        // Counted first, in the write transaction (and with the resident's row locked on
        // PostgreSQL), so parallel requests cannot all pass the limit.
        if self.backend() == Backend::Postgres {
            sqlx::query("SELECT id FROM residents WHERE id = $1 FOR UPDATE").bind(resident.0).execute(&mut *tx).await?;
        }
        let (lately,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM demands WHERE created_by = $1 AND created_at > $2")
            .bind(resident.0)
            .bind(now - 86_400)
            .fetch_one(&mut *tx)
            .await?;
        if lately >= DEMANDS_PER_DAY {
            return Ok(RaiseOutcome::TooMany);
        }
        let category_id: Option<(i64,)> =
            sqlx::query_as("SELECT id FROM categories WHERE slug = $1").bind(category).fetch_optional(&mut *tx).await?;
        let Some((category_id,)) = category_id else { return Ok(RaiseOutcome::UnknownCategory) };
        let found: Option<(i64,)> =
            sqlx::query_as("SELECT id FROM communities WHERE id = $1").bind(community).fetch_optional(&mut *tx).await?;
        if found.is_none() {
            return Ok(RaiseOutcome::UnknownCommunity);
        }
        if !new_anyway {
            let open: Vec<(i64, String)> = sqlx::query_as(
                "SELECT id, note FROM demands WHERE community_id = $1 AND category_id = $2 AND status IN ('open', 'planned') \
                 ORDER BY votes DESC, id LIMIT 200",
            )
            .bind(community)
            .bind(category_id)
            .fetch_all(&mut *tx)
            .await?;
            let similar: Vec<DemandId> =
                open.into_iter().filter(|(_, other)| near_duplicate(note, other)).map(|(id, _)| DemandId(id)).take(5).collect();
            if !similar.is_empty() {
                return Ok(RaiseOutcome::Similar(similar));
            }
        }
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO demands (category_id, community_id, note, status, votes, created_by, created_at) \
             VALUES ($1, $2, $3, 'open', 1, $4, $5) RETURNING id",
        )
        .bind(category_id)
        .bind(community)
        .bind(note)
        .bind(resident.0)
        .bind(now)
        .fetch_one(&mut *tx)
        .await?;
        sqlx::query("INSERT INTO demand_votes (demand_id, resident_id, created_at) VALUES ($1, $2, $3)")
            .bind(id)
            .bind(resident.0)
            .bind(now)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        self.announce_street(LiveKind::DemandsChanged, None);
        Ok(RaiseOutcome::Raised(DemandId(id)))
    }

    /// Adds `resident`'s vote to a demand that still takes votes; once per resident.
    pub async fn vote_for_demand(&self, resident: ResidentId, demand: DemandId, now: i64) -> Result<VoteOutcome, StoreError> {
        let mut tx = self.begin().await?;
        // Counting first locks the demand (on PostgreSQL) against an answer or a merge, which
        // then see this vote — or close the demand first, and no vote is counted.
        let counted = sqlx::query("UPDATE demands SET votes = votes + 1 WHERE id = $1 AND status IN ('open', 'planned')")
            .bind(demand.0)
            .execute(&mut *tx)
            .await?;
        if counted.rows_affected() == 0 {
            let exists: Option<(i64,)> =
                sqlx::query_as("SELECT id FROM demands WHERE id = $1").bind(demand.0).fetch_optional(&mut *tx).await?;
            return Ok(if exists.is_some() { VoteOutcome::Closed } else { VoteOutcome::NotFound });
        }
        let added = sqlx::query(
            "INSERT INTO demand_votes (demand_id, resident_id, created_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
        )
        .bind(demand.0)
        .bind(resident.0)
        .bind(now)
        .execute(&mut *tx)
        .await?;
        if added.rows_affected() == 0 {
            // Dropping the transaction takes the count back.
            return Ok(VoteOutcome::Duplicate);
        }
        tx.commit().await?;
        self.announce_street(LiveKind::DemandsChanged, None);
        Ok(VoteOutcome::Voted)
    }

    /// Demands as `query` asks, at most `limit`.
    pub async fn demands(&self, query: &DemandQuery, limit: i64) -> Result<Vec<Demand>, StoreError> {
        let order = match query.sort {
            DemandSort::Votes => "d.votes DESC, d.id DESC",
            DemandSort::Recent => "d.id DESC",
        };
        let rows: Vec<DemandRow> = sqlx::query_as(&format!(
            "{DEMAND_SELECT} WHERE ($1 = '' OR s.slug = $1) AND ($2 = 0 OR m.id = $2) AND ($3 = '' OR c.slug = $3) \
             AND (($4 = '' AND d.status <> 'merged') OR d.status = $4) ORDER BY {order} LIMIT $5"
        ))
        .bind(query.street.clone().unwrap_or_default())
        .bind(query.community.unwrap_or(0))
        .bind(query.category.clone().unwrap_or_default())
        .bind(query.status.map(DemandStatus::as_str).unwrap_or_default())
        .bind(limit)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.into_iter().map(demand).collect())
    }

    /// The demands of a street (`None`: the district) for staff to answer: open and planned
    /// first, most votes first, at most `limit`.
    pub async fn demands_to_answer(&self, street: Option<i64>, limit: i64) -> Result<Vec<Demand>, StoreError> {
        let rows: Vec<DemandRow> = sqlx::query_as(&format!(
            "{DEMAND_SELECT} WHERE ($1 = 0 OR s.id = $1) AND d.status <> 'merged' \
             ORDER BY CASE WHEN d.status IN ('open', 'planned') THEN 0 ELSE 1 END, d.votes DESC, d.id DESC LIMIT $2"
        ))
        .bind(street.unwrap_or(0))
        .bind(limit)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.into_iter().map(demand).collect())
    }

    /// The demands `resident` voted for (their ids).
    pub async fn demands_voted_by(&self, resident: ResidentId) -> Result<Vec<DemandId>, StoreError> {
        let rows: Vec<(i64,)> = sqlx::query_as("SELECT demand_id FROM demand_votes WHERE resident_id = $1")
            .bind(resident.0)
            .fetch_all(&self.pool)
            .await?;
        Ok(rows.into_iter().map(|(id,)| DemandId(id)).collect())
    }

    /// One demand.
    pub async fn demand(&self, id: DemandId) -> Result<Option<Demand>, StoreError> {
        let row: Option<DemandRow> =
            sqlx::query_as(&format!("{DEMAND_SELECT} WHERE d.id = $1")).bind(id.0).fetch_optional(&self.pool).await?;
        Ok(row.map(demand))
    }

    /// The street a demand was raised in (for staff scope).
    pub async fn demand_street(&self, id: DemandId) -> Result<Option<i64>, StoreError> {
        let row: Option<(i64,)> = sqlx::query_as(
            "SELECT m.street_id FROM demands d JOIN communities m ON m.id = d.community_id WHERE d.id = $1",
        )
        .bind(id.0)
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.map(|(street,)| street))
    }

    /// Answers a demand and tells everyone who voted for it; returns how many were told (none
    /// when the answer is the one it has already), or `None` when it was merged away.
    pub async fn answer_demand(&self, id: DemandId, answer: &Answer, by: StaffId, now: i64) -> Result<Option<usize>, StoreError> {
        let mut tx = self.begin().await?;
        let changed = sqlx::query(
            "UPDATE demands SET status = $2, answer = $3, item_id = $4, answered_at = $5, answered_by = $6 \
             WHERE id = $1 AND status <> 'merged' \
             AND NOT (status = $2 AND COALESCE(answer, '') = COALESCE($3, '') AND COALESCE(item_id, 0) = COALESCE($4, 0))",
        )
        .bind(id.0)
        .bind(answer.status.as_str())
        .bind(answer.note.as_deref())
        .bind(answer.item_id)
        .bind(now)
        .bind(by.0)
        .execute(&mut *tx)
        .await?;
        if changed.rows_affected() == 0 {
            let status: Option<(String,)> =
                sqlx::query_as("SELECT status FROM demands WHERE id = $1").bind(id.0).fetch_optional(&mut *tx).await?;
            return Ok(status.filter(|(s,)| s != "merged").map(|_| 0));
        }
        let told = tell_voters(&mut tx, id, answer, now).await?;
        tx.commit().await?;
        self.announce_street(LiveKind::DemandsChanged, None);
        Ok(Some(told))
    }

    /// Joins demand `from` into `into` (saying the same): its votes move (once per resident)
    /// and it is closed as merged. `false` when either is missing, `from` is merged already,
    /// `into` takes no votes (answered or merged), or they are one.
    pub async fn merge_demands(&self, from: DemandId, into: DemandId, now: i64) -> Result<bool, StoreError> {
        if from == into {
            return Ok(false);
        }
        let mut tx = self.begin().await?;
        if self.backend() == crate::Backend::Postgres {
            // Both rows, in id order: two opposite merges wait for each other instead of crossing.
            sqlx::query("SELECT id FROM demands WHERE id IN ($1, $2) ORDER BY id FOR UPDATE")
                .bind(from.0)
                .bind(into.0)
                .execute(&mut *tx)
                .await?;
        }
        // The one merged away is not merged yet; the one kept still takes votes.
        let both: (i64,) = sqlx::query_as(
            "SELECT COUNT(*) FROM demands WHERE (id = $1 AND status <> 'merged') OR (id = $2 AND status IN ('open', 'planned'))",
        )
        .bind(from.0)
        .bind(into.0)
        .fetch_one(&mut *tx)
        .await?;
        if both.0 != 2 {
            return Ok(false);
        }
        sqlx::query(
            "INSERT INTO demand_votes (demand_id, resident_id, created_at) \
             SELECT $2, resident_id, created_at FROM demand_votes WHERE demand_id = $1 ON CONFLICT DO NOTHING",
        )
        .bind(from.0)
        .bind(into.0)
        .execute(&mut *tx)
        .await?;
        sqlx::query("UPDATE demands SET votes = (SELECT COUNT(*) FROM demand_votes WHERE demand_id = $1) WHERE id = $1")
            .bind(into.0)
            .execute(&mut *tx)
            .await?;
        sqlx::query("UPDATE demands SET status = 'merged', merged_into = $2, answered_at = $3 WHERE id = $1")
            .bind(from.0)
            .bind(into.0)
            .bind(now)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        self.announce_street(LiveKind::DemandsChanged, None);
        Ok(true)
    }
}

/// Open demands per community, placed where its facilities are (the map's demand layer).
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct CommunityDemands {
    pub community_id: i64,
    pub community: String,
    pub street: String,
    pub lat: f64,
    pub lng: f64,
    /// Demands still open or planned, and their votes.
    pub demands: i64,
    pub votes: i64,
}

impl Store {
    /// Open and planned demands per community that has a facility to place it by.
    pub async fn demands_by_community(&self) -> Result<Vec<CommunityDemands>, StoreError> {
        let rows: Vec<(i64, String, String, f64, f64, i64, i64)> = sqlx::query_as(
            // A community without a facility of its own is placed where its street's are.
            "SELECT m.id, m.name, s.name, \
             COALESCE((SELECT AVG(f.lat) FROM facilities f WHERE f.community_id = m.id), \
                      (SELECT AVG(f.lat) FROM facilities f WHERE f.street_id = m.street_id)), \
             COALESCE((SELECT AVG(f.lng) FROM facilities f WHERE f.community_id = m.id), \
                      (SELECT AVG(f.lng) FROM facilities f WHERE f.street_id = m.street_id)), \
             COUNT(*), CAST(SUM(d.votes) AS BIGINT) \
             FROM demands d JOIN communities m ON m.id = d.community_id JOIN streets s ON s.id = m.street_id \
             WHERE d.status IN ('open', 'planned') \
               AND EXISTS (SELECT 1 FROM facilities f WHERE f.street_id = m.street_id) \
             GROUP BY m.id, m.name, s.name, m.street_id ORDER BY m.id",
        )
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .into_iter()
            .map(|(community_id, community, street, lat, lng, demands, votes)| CommunityDemands {
                community_id,
                community,
                street,
                lat,
                lng,
                demands,
                votes,
            })
            .collect())
    }
}

/// Tells everyone who voted for a demand what became of it.
async fn tell_voters(conn: &mut AnyConnection, id: DemandId, answer: &Answer, now: i64) -> Result<usize, StoreError> {
    let voters: Vec<(i64, String)> = sqlx::query_as(
        "SELECT v.resident_id, d.note FROM demand_votes v JOIN demands d ON d.id = v.demand_id \
         WHERE v.demand_id = $1 ORDER BY v.resident_id",
    )
    .bind(id.0)
    .fetch_all(&mut *conn)
    .await?;
    for (resident, note) in &voters {
        let news = News {
            resident: ResidentId(*resident),
            kind: MessageKind::DemandAnswered,
            title: note,
            starts_at: None,
            booking: None,
            detail: answer.note.as_deref(),
            deadline: None,
            outcome: Some(answer.status.as_str()),
        };
        tell(conn, &news, now).await?;
    }
    Ok(voters.len())
}
