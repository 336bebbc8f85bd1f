//! Expert review of fund applications: the criteria (four defaults written when there are
//! none; staff replace them as a set, old ones kept retired for the scores that used them),
//! the experts assigned to an application, their declarations and their scores. Each write
//! happens only from the state it expects (`declared_at IS NULL`, `scored_at IS NULL`), so a
//! repeated or raced request changes nothing twice.

use cc_domain::fund::review::{Criterion, CriterionInput, ExpertAccount, ExpertReview, Points, ReviewState};
use cc_domain::ids::{FundApplicationId, FundCriterionId, StaffId};

use crate::{Store, StoreError};

/// The criteria a district starts with (configurable: staff replace them).
const DEFAULT_CRITERIA: [(&str, &str, i64); 4] =
    [("项目价值", "Value of the project", 30), ("实施可行性", "Feasibility", 25), ("传承效果", "Effect on passing it on", 25), ("预算合理性", "Soundness of the budget", 20)];

type ReviewRow = (i64, String, Option<i64>, Option<String>, Option<i64>, Option<i64>, Option<String>);

impl Store {
    /// Writes the default criteria when there are none (at every start; idempotent).
    pub(crate) async fn ensure_fund_criteria(&self) -> Result<(), StoreError> {
        let mut tx = self.begin().await?;
        let (count,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM fund_criteria").fetch_one(&mut *tx).await?;
        if count > 0 {
            return Ok(());
        }
        for (position, (name, name_en, weight)) in DEFAULT_CRITERIA.iter().enumerate() {
            sqlx::query("INSERT INTO fund_criteria (name, name_en, weight, position) VALUES ($1, $2, $3, $4)")
                .bind(*name)
                .bind(*name_en)
                .bind(*weight)
                .bind(position as i64)
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// The criteria in force, in order.
    pub async fn fund_criteria(&self) -> Result<Vec<Criterion>, StoreError> {
        let rows: Vec<(i64, String, String, i64)> =
            sqlx::query_as("SELECT id, name, name_en, weight FROM fund_criteria WHERE retired = 0 ORDER BY position, id")
                .fetch_all(&self.pool)
                .await?;
        Ok(rows
            .into_iter()
            .map(|(id, name, name_en, weight)| Criterion { id: FundCriterionId(id), name, name_en, weight: weight as i32 })
            .collect())
    }

    /// Replaces the criteria in force with `criteria` (checked to add up to 100).
    pub async fn replace_fund_criteria(&self, criteria: &[CriterionInput]) -> Result<(), StoreError> {
        let mut tx = self.begin().await?;
        sqlx::query("UPDATE fund_criteria SET retired = 1").execute(&mut *tx).await?;
        for (position, c) in criteria.iter().enumerate() {
            sqlx::query("INSERT INTO fund_criteria (name, name_en, weight, position) VALUES ($1, $2, $3, $4)")
                .bind(&c.name)
                .bind(&c.name_en)
                .bind(i64::from(c.weight))
                .bind(position as i64)
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// Which of `ids` are active expert accounts.
    pub async fn active_experts(&self, ids: &[StaffId]) -> Result<Vec<StaffId>, StoreError> {
        let mut found = Vec::new();
        for id in ids {
            let row: Option<(i64,)> = sqlx::query_as("SELECT id FROM staff_accounts WHERE id = $1 AND role = 'expert' AND disabled = 0")
                .bind(id.0)
                .fetch_optional(&self.pool)
                .await?;
            found.extend(row.map(|(id,)| StaffId(id)));
        }
        Ok(found)
    }

    /// Every active expert account: id and name, for staff choosing whom to assign.
    pub async fn expert_accounts(&self) -> Result<Vec<ExpertAccount>, StoreError> {
        let rows: Vec<(i64, String)> =
            sqlx::query_as("SELECT id, display_name FROM staff_accounts WHERE role = 'expert' AND disabled = 0 ORDER BY display_name, id")
                .fetch_all(&self.pool)
                .await?;
        Ok(rows.into_iter().map(|(id, name)| ExpertAccount { id: StaffId(id), name }).collect())
    }

    /// Hands a submitted application to `experts`, in one transaction with its move to review;
    /// `false` when it was not submitted (any more).
    pub async fn start_fund_review(&self, id: FundApplicationId, experts: &[StaffId], by: StaffId, now: i64) -> Result<bool, StoreError> {
        let mut tx = self.begin().await?;
        let moved = sqlx::query("UPDATE fund_applications SET status = 'in_review', updated_at = $2 WHERE id = $1 AND status = 'submitted'")
            .bind(id.0)
            .bind(now)
            .execute(&mut *tx)
            .await?;
        if moved.rows_affected() == 0 {
            return Ok(false);
        }
        for expert in experts {
            sqlx::query("INSERT INTO fund_reviews (application_id, expert_id, assigned_by, assigned_at) VALUES ($1, $2, $3, $4)")
                .bind(id.0)
                .bind(expert.0)
                .bind(by.0)
                .bind(now)
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        Ok(true)
    }

    /// Adds an expert to an application in review (when one stepped aside); `false` when it is
    /// not in review or they are assigned already.
    pub async fn add_fund_expert(&self, id: FundApplicationId, expert: StaffId, by: StaffId, now: i64) -> Result<bool, StoreError> {
        let done = sqlx::query(
            "INSERT INTO fund_reviews (application_id, expert_id, assigned_by, assigned_at) \
             SELECT id, $2, $3, $4 FROM fund_applications WHERE id = $1 AND status = 'in_review' ON CONFLICT DO NOTHING",
        )
        .bind(id.0)
        .bind(expert.0)
        .bind(by.0)
        .bind(now)
        .execute(&self.pool)
        .await?;
        Ok(done.rows_affected() == 1)
    }

    /// The reviews of an application, with every score (the caller hides what a reader may
    /// not see).
    pub async fn fund_reviews(&self, id: FundApplicationId) -> Result<Vec<ExpertReview>, StoreError> {
        let rows: Vec<ReviewRow> = sqlx::query_as(
            "SELECT r.expert_id, s.display_name, r.conflict, r.statement, r.declared_at, r.total, r.comment \
             FROM fund_reviews r JOIN staff_accounts s ON s.id = r.expert_id WHERE r.application_id = $1 ORDER BY r.assigned_at, r.expert_id",
        )
        .bind(id.0)
        .fetch_all(&self.pool)
        .await?;
        let points: Vec<(i64, i64, i64)> =
            sqlx::query_as("SELECT expert_id, criterion_id, points FROM fund_scores WHERE application_id = $1 ORDER BY criterion_id")
                .bind(id.0)
                .fetch_all(&self.pool)
                .await?;
        Ok(rows
            .into_iter()
            .map(|(expert, name, conflict, statement, declared_at, total, comment)| {
                let state = match (declared_at, conflict, total) {
                    (None, ..) => ReviewState::Assigned,
                    (Some(_), Some(1), _) => ReviewState::Recused,
                    (Some(_), _, None) => ReviewState::Reading,
                    (Some(_), _, Some(_)) => ReviewState::Scored,
                };
                let scores = points
                    .iter()
                    .filter(|(of, ..)| *of == expert)
                    .map(|(_, criterion, p)| Points { criterion_id: FundCriterionId(*criterion), points: *p as i32 })
                    .collect();
                ExpertReview { expert_id: StaffId(expert), expert_name: name, state, statement, total, scores, comment }
            })
            .collect())
    }

    /// The applications assigned to `expert`, the newest first.
    pub async fn assignments_of(&self, expert: StaffId) -> Result<Vec<FundApplicationId>, StoreError> {
        let rows: Vec<(i64,)> =
            sqlx::query_as("SELECT application_id FROM fund_reviews WHERE expert_id = $1 ORDER BY application_id DESC")
                .bind(expert.0)
                .fetch_all(&self.pool)
                .await?;
        Ok(rows.into_iter().map(|(id,)| FundApplicationId(id)).collect())
    }

    /// Records an expert's declaration, once.
    pub async fn declare_for_fund_review(
        &self,
        id: FundApplicationId,
        expert: StaffId,
        conflict: bool,
        statement: &str,
        now: i64,
    ) -> Result<bool, StoreError> {
        let done = sqlx::query(
            "UPDATE fund_reviews SET conflict = $3, statement = $4, declared_at = $5 \
             WHERE application_id = $1 AND expert_id = $2 AND declared_at IS NULL",
        )
        .bind(id.0)
        .bind(expert.0)
        .bind(i64::from(conflict))
        .bind(statement)
        .bind(now)
        .execute(&self.pool)
        .await?;
        Ok(done.rows_affected() == 1)
    }

    /// Records an expert's scores, once, while the application is in review and the expert
    /// declared no conflict.
    pub async fn score_fund_review(
        &self,
        id: FundApplicationId,
        expert: StaffId,
        scores: &[Points],
        total: i64,
        comment: &str,
        now: i64,
    ) -> Result<bool, StoreError> {
        let mut tx = self.begin().await?;
        let done = sqlx::query(
            "UPDATE fund_reviews SET total = $3, comment = $4, scored_at = $5 \
             WHERE application_id = $1 AND expert_id = $2 AND conflict = 0 AND scored_at IS NULL \
             AND (SELECT status FROM fund_applications WHERE id = $1) = 'in_review'",
        )
        .bind(id.0)
        .bind(expert.0)
        .bind(total)
        .bind(comment)
        .bind(now)
        .execute(&mut *tx)
        .await?;
        if done.rows_affected() == 0 {
            return Ok(false);
        }
        for score in scores {
            sqlx::query("INSERT INTO fund_scores (application_id, expert_id, criterion_id, points) VALUES ($1, $2, $3, $4)")
                .bind(id.0)
                .bind(expert.0)
                .bind(score.criterion_id.0)
                .bind(i64::from(score.points))
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        Ok(true)
    }
}
