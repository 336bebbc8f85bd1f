//! Tasks, their milestones and their evidence.

use std::collections::HashMap;

use cc_domain::plan::input::CheckedPatch;
use cc_domain::plan::{
    self, Evidence, EvidenceBody, Measure, Milestone, MilestoneReading, Owner, PlanTask, Reading, Reported,
};
use cc_domain::ids::{PlanEvidenceId, PlanMilestoneId, PlanTaskId, StaffId};
use chrono::NaiveDate;

use crate::{Store, StoreError};

type TaskRow = (i64, i64, String, String, String, String, String, String, String, i64, i64);
type EvidenceRow = (i64, i64, String, String, i64, Option<String>, Option<String>, Option<i64>, Option<String>, Option<i64>, Option<String>, i64);

const TASK: &str = "SELECT id, number, name, summary, lead_unit, cooperating_units, deadline, reported, note, demo, updated_at FROM plan_tasks";
const EVIDENCE: &str = "SELECT e.id, e.task_id, e.kind, e.title, e.public, e.url, e.content_type, e.size, e.measure, e.street_id, s.name, e.added_at \
     FROM plan_evidence e LEFT JOIN streets s ON s.id = e.street_id";

/// Evidence to add.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NewEvidence {
    Link { url: String },
    File { content_type: String, bytes: Vec<u8> },
    Indicator { measure: Measure, street_id: Option<i64> },
}

/// What marking a milestone done came to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Completed {
    Done,
    /// It was done already: nothing changed.
    AlreadyDone,
    /// No such milestone on this task.
    Missing,
}

fn day(text: &str) -> NaiveDate {
    // Written only through `plan::input::day`, so always a date; a hand-edited row reads as 1 Jan 2000.
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap_or_default()
}

impl Store {
    /// Every task in the plan's order, with live readings for `now`.
    pub async fn plan_tasks(&self, now: i64) -> Result<Vec<PlanTask>, StoreError> {
        let rows: Vec<TaskRow> = sqlx::query_as(&format!("{TASK} ORDER BY number")).fetch_all(&self.pool).await?;
        self.assemble(rows, None, now).await
    }

    /// One task, with live readings for `now`.
    pub async fn plan_task(&self, id: PlanTaskId, now: i64) -> Result<Option<PlanTask>, StoreError> {
        let rows: Vec<TaskRow> = sqlx::query_as(&format!("{TASK} WHERE id = $1")).bind(id.0).fetch_all(&self.pool).await?;
        Ok(self.assemble(rows, Some(id), now).await?.pop())
    }

    async fn assemble(&self, rows: Vec<TaskRow>, only: Option<PlanTaskId>, now: i64) -> Result<Vec<PlanTask>, StoreError> {
        if rows.is_empty() {
            return Ok(Vec::new());
        }
        let filter = |alias: &str| only.map_or(String::new(), |id| format!(" WHERE {alias}task_id = {}", id.0));
        let owners: Vec<(i64, i64, String)> = sqlx::query_as(&format!(
            "SELECT o.task_id, a.id, a.display_name FROM plan_task_owners o JOIN staff_accounts a ON a.id = o.staff_id{} ORDER BY a.id",
            filter("o.")
        ))
        .fetch_all(&self.pool)
        .await?;
        let milestones: Vec<(i64, i64, String, String, Option<i64>)> =
            sqlx::query_as(&format!("SELECT id, task_id, title, due_on, done_at FROM plan_milestones{} ORDER BY due_on, id", filter("")))
                .fetch_all(&self.pool)
                .await?;
        let readings: Vec<(i64, i64, i64, i64)> = sqlx::query_as(&format!(
            "SELECT r.milestone_id, r.evidence_id, r.part, r.whole FROM plan_readings r JOIN plan_milestones m ON m.id = r.milestone_id{}",
            filter("m.")
        ))
        .fetch_all(&self.pool)
        .await?;
        let evidence: Vec<EvidenceRow> = sqlx::query_as(&format!("{EVIDENCE}{} ORDER BY e.id", filter("e."))).fetch_all(&self.pool).await?;
        let network = if evidence.iter().any(|e| e.2 == "indicator") { Some(self.network_now().await?) } else { None };
        let year = plan::this_year(now);

        let mut kept: HashMap<i64, Vec<MilestoneReading>> = HashMap::new();
        for (milestone, evidence_id, part, whole) in readings {
            kept.entry(milestone).or_default().push(MilestoneReading { evidence_id: PlanEvidenceId(evidence_id), reading: Reading { part, whole } });
        }
        let mut by_task: HashMap<i64, (Vec<Owner>, Vec<Milestone>, Vec<Evidence>)> = HashMap::new();
        for (task, id, display_name) in owners {
            by_task.entry(task).or_default().0.push(Owner { id: StaffId(id), display_name });
        }
        for (id, task, title, due_on, done_at) in milestones {
            let readings = kept.remove(&id).unwrap_or_default();
            by_task.entry(task).or_default().1.push(Milestone { id: PlanMilestoneId(id), title, due_on: day(&due_on), done_at, readings });
        }
        for (id, task, kind, title, public, url, content_type, size, measure, street_id, street, added_at) in evidence {
            let body = match (kind.as_str(), measure.as_deref().and_then(Measure::parse), &network) {
                ("indicator", Some(measure), Some(network)) => {
                    let now = self.reading(network, measure, street_id, year, now).await?;
                    EvidenceBody::Indicator { measure, street_id, street, now }
                }
                ("file", ..) => EvidenceBody::File { media_type: content_type.unwrap_or_default(), bytes: size.unwrap_or(0) },
                ("link", ..) => EvidenceBody::Link { url: url.unwrap_or_default() },
                // A figure this build does not know (written by a newer one): left out.
                _ => continue,
            };
            by_task.entry(task).or_default().2.push(Evidence { id: PlanEvidenceId(id), title, public: public != 0, added_at, body });
        }
        Ok(rows
            .into_iter()
            .map(|(id, number, name, summary, lead_unit, cooperating, deadline, reported, note, demo, updated_at)| {
                let (owners, milestones, evidence) = by_task.remove(&id).unwrap_or_default();
                let reported = Reported::parse(&reported).unwrap_or(Reported::NotStarted);
                let deadline = day(&deadline);
                PlanTask {
                    id: PlanTaskId(id),
                    number: number as i32,
                    name,
                    summary,
                    lead_unit,
                    cooperating_units: cooperating.lines().filter(|l| !l.is_empty()).map(String::from).collect(),
                    deadline,
                    reported,
                    status: plan::status(reported, deadline, &milestones, now),
                    progress: plan::progress(reported, &milestones),
                    note,
                    owners,
                    milestones,
                    evidence,
                    demo: demo != 0,
                    updated_at,
                }
            })
            .collect())
    }

    /// Whether task `id` exists (one indexed read, before a resident's comment is written).
    pub async fn plan_task_exists(&self, id: PlanTaskId) -> Result<bool, StoreError> {
        let row: Option<(i64,)> = sqlx::query_as("SELECT id FROM plan_tasks WHERE id = $1").bind(id.0).fetch_optional(&self.pool).await?;
        Ok(row.is_some())
    }

    /// Tasks `staff` keeps.
    pub async fn plan_tasks_owned_by(&self, staff: StaffId) -> Result<Vec<PlanTaskId>, StoreError> {
        let rows: Vec<(i64,)> = sqlx::query_as("SELECT task_id FROM plan_task_owners WHERE staff_id = $1 ORDER BY task_id")
            .bind(staff.0)
            .fetch_all(&self.pool)
            .await?;
        Ok(rows.into_iter().map(|(id,)| PlanTaskId(id)).collect())
    }

    /// Writes the fields `patch` holds, and the owners when it names them, in one transaction.
    /// Owners that are not active staff accounts are refused whole: `Ok(false)`.
    pub async fn update_plan_task(&self, id: PlanTaskId, patch: &CheckedPatch, now: i64) -> Result<bool, StoreError> {
        let mut tx = self.begin().await?;
        let text = |v: &Option<String>| v.clone();
        sqlx::query(
            "UPDATE plan_tasks SET name = COALESCE($2, name), summary = COALESCE($3, summary), lead_unit = COALESCE($4, lead_unit), \
             cooperating_units = COALESCE($5, cooperating_units), deadline = COALESCE($6, deadline), \
             reported = COALESCE($7, reported), note = COALESCE($8, note), updated_at = $9 WHERE id = $1",
        )
        .bind(id.0)
        .bind(text(&patch.name))
        .bind(text(&patch.summary))
        .bind(text(&patch.lead_unit))
        .bind(patch.cooperating_units.as_ref().map(|u| u.join("\n")))
        .bind(patch.deadline.map(|d| d.format("%Y-%m-%d").to_string()))
        .bind(patch.status.map(|s| s.as_str().to_string()))
        .bind(text(&patch.note))
        .bind(now)
        .execute(&mut *tx)
        .await?;
        if let Some(owners) = &patch.owners {
            sqlx::query("DELETE FROM plan_task_owners WHERE task_id = $1").bind(id.0).execute(&mut *tx).await?;
            for owner in owners {
                let added = sqlx::query(
                    "INSERT INTO plan_task_owners (task_id, staff_id) SELECT $1, id FROM staff_accounts WHERE id = $2 AND disabled = 0",
                )
                .bind(id.0)
                .bind(owner.0)
                .execute(&mut *tx)
                .await?;
                if added.rows_affected() == 0 {
                    return Ok(false);
                }
            }
        }
        tx.commit().await?;
        Ok(true)
    }

    /// Adds a milestone to task `id`; a task reported done is open again (on track), since it
    /// now has a step to do.
    pub async fn add_plan_milestone(&self, id: PlanTaskId, title: &str, due_on: NaiveDate, now: i64) -> Result<PlanMilestoneId, StoreError> {
        let mut tx = self.begin().await?;
        let (milestone,): (i64,) = sqlx::query_as("INSERT INTO plan_milestones (task_id, title, due_on) VALUES ($1, $2, $3) RETURNING id")
            .bind(id.0)
            .bind(title)
            .bind(due_on.format("%Y-%m-%d").to_string())
            .fetch_one(&mut *tx)
            .await?;
        sqlx::query("UPDATE plan_tasks SET updated_at = $2, reported = CASE WHEN reported = 'done' THEN 'on_track' ELSE reported END WHERE id = $1")
            .bind(id.0)
            .bind(now)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(PlanMilestoneId(milestone))
    }

    /// Marks a milestone of task `id` done by `staff`, keeping `readings` (the task's live
    /// figures at `now`) with it. Only an open milestone changes, so two clicks keep one reading.
    pub async fn complete_plan_milestone(
        &self,
        id: PlanTaskId,
        milestone: PlanMilestoneId,
        staff: StaffId,
        readings: &[(PlanEvidenceId, Reading)],
        now: i64,
    ) -> Result<Completed, StoreError> {
        let mut tx = self.begin().await?;
        let done = sqlx::query("UPDATE plan_milestones SET done_at = $3, done_by = $4 WHERE id = $1 AND task_id = $2 AND done_at IS NULL")
            .bind(milestone.0)
            .bind(id.0)
            .bind(now)
            .bind(staff.0)
            .execute(&mut *tx)
            .await?;
        if done.rows_affected() == 0 {
            let exists: Option<(i64,)> = sqlx::query_as("SELECT id FROM plan_milestones WHERE id = $1 AND task_id = $2")
                .bind(milestone.0)
                .bind(id.0)
                .fetch_optional(&mut *tx)
                .await?;
            return Ok(if exists.is_some() { Completed::AlreadyDone } else { Completed::Missing });
        }
        for (evidence, reading) in readings {
            sqlx::query("INSERT INTO plan_readings (milestone_id, evidence_id, part, whole, read_at) VALUES ($1, $2, $3, $4, $5)")
                .bind(milestone.0)
                .bind(evidence.0)
                .bind(reading.part)
                .bind(reading.whole)
                .bind(now)
                .execute(&mut *tx)
                .await?;
        }
        sqlx::query("UPDATE plan_tasks SET updated_at = $2 WHERE id = $1").bind(id.0).bind(now).execute(&mut *tx).await?;
        tx.commit().await?;
        Ok(Completed::Done)
    }

    /// Adds evidence to task `id`.
    pub async fn add_plan_evidence(
        &self,
        id: PlanTaskId,
        title: &str,
        public: bool,
        evidence: &NewEvidence,
        staff: StaffId,
        now: i64,
    ) -> Result<PlanEvidenceId, StoreError> {
        let (kind, url, content_type, bytes, measure, street) = match evidence {
            NewEvidence::Link { url } => ("link", Some(url.as_str()), None, None, None, None),
            NewEvidence::File { content_type, bytes } => ("file", None, Some(content_type.as_str()), Some(bytes.as_slice()), None, None),
            NewEvidence::Indicator { measure, street_id } => ("indicator", None, None, None, Some(measure.as_str()), *street_id),
        };
        let mut tx = self.begin().await?;
        let (evidence_id,): (i64,) = sqlx::query_as(
            "INSERT INTO plan_evidence (task_id, kind, title, public, url, content_type, size, bytes, measure, street_id, added_by, added_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id",
        )
        .bind(id.0)
        .bind(kind)
        .bind(title)
        .bind(i64::from(public))
        .bind(url)
        .bind(content_type)
        .bind(bytes.map(|b| b.len() as i64))
        .bind(bytes.map(<[u8]>::to_vec))
        .bind(measure)
        .bind(street)
        .bind(staff.0)
        .bind(now)
        .fetch_one(&mut *tx)
        .await?;
        sqlx::query("UPDATE plan_tasks SET updated_at = $2 WHERE id = $1").bind(id.0).bind(now).execute(&mut *tx).await?;
        tx.commit().await?;
        Ok(PlanEvidenceId(evidence_id))
    }

    /// A file kept as evidence of task `id`: its title, type and bytes, and whether it is public.
    pub async fn plan_evidence_file(&self, id: PlanTaskId, evidence: PlanEvidenceId) -> Result<Option<(String, String, Vec<u8>, bool)>, StoreError> {
        let row: Option<(String, String, Vec<u8>, i64)> = sqlx::query_as(
            "SELECT title, content_type, bytes, public FROM plan_evidence WHERE id = $1 AND task_id = $2 AND kind = 'file'",
        )
        .bind(evidence.0)
        .bind(id.0)
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.map(|(title, content_type, bytes, public)| (title, content_type, bytes, public != 0)))
    }

    /// Whether a street with this id exists.
    pub async fn street_exists(&self, id: i64) -> Result<bool, StoreError> {
        let row: Option<(i64,)> = sqlx::query_as("SELECT id FROM streets WHERE id = $1").bind(id).fetch_optional(&self.pool).await?;
        Ok(row.is_some())
    }
}
