//! Residents' comments to a task's lead unit (全社会监督创建): sent by a resident who is logged
//! in, read by the task's owners and the leading group, shown on `/plan` only once approved.

use cc_domain::account::mask_phone;
use cc_domain::ids::{PlanCommentId, PlanTaskId, ResidentId, StaffId};
use cc_domain::plan::{Comment, CommentState, PublicComment};

use crate::{Store, StoreError};

type CommentRow = (i64, i64, String, String, i64, String, Option<String>);

const COMMENT: &str = "SELECT c.id, c.task_id, r.phone, c.body, c.sent_at, c.state, c.reply FROM plan_comments c JOIN residents r ON r.id = c.resident_id";

/// What deciding on a comment came to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decided {
    Decided,
    /// Someone decided first: nothing changed.
    AlreadyDecided,
    Missing,
}

impl Store {
    /// Keeps `resident`'s comment on task `id` for the lead unit to read.
    pub async fn send_plan_comment(&self, id: PlanTaskId, resident: ResidentId, body: &str, now: i64) -> Result<PlanCommentId, StoreError> {
        let (comment,): (i64,) =
            sqlx::query_as("INSERT INTO plan_comments (task_id, resident_id, body, sent_at) VALUES ($1, $2, $3, $4) RETURNING id")
                .bind(id.0)
                .bind(resident.0)
                .bind(body)
                .bind(now)
                .fetch_one(&self.pool)
                .await?;
        Ok(PlanCommentId(comment))
    }

    /// Comments on the tasks `tasks` (none: every task): every one waiting, then the newest of
    /// the rest, at most 200 in all.
    pub async fn plan_comments(&self, tasks: Option<&[PlanTaskId]>) -> Result<Vec<Comment>, StoreError> {
        let filter = match tasks {
            None => String::new(),
            Some([]) => return Ok(Vec::new()),
            Some(ids) => format!(" WHERE c.task_id IN ({})", ids.iter().map(|id| id.0.to_string()).collect::<Vec<_>>().join(", ")),
        };
        let rows: Vec<CommentRow> = sqlx::query_as(&format!("{COMMENT}{filter} ORDER BY CASE WHEN c.state = 'pending' THEN 0 ELSE 1 END, c.id DESC LIMIT 200")).fetch_all(&self.pool).await?;
        Ok(rows
            .into_iter()
            .map(|(id, task, phone, body, sent_at, state, reply)| Comment {
                id: PlanCommentId(id),
                task_id: PlanTaskId(task),
                author: mask_phone(&phone),
                body,
                sent_at,
                state: CommentState::parse(&state),
                reply,
            })
            .collect())
    }

    /// The comment `id`'s task, if there is such a comment.
    pub async fn plan_comment_task(&self, id: PlanCommentId) -> Result<Option<PlanTaskId>, StoreError> {
        let row: Option<(i64,)> = sqlx::query_as("SELECT task_id FROM plan_comments WHERE id = $1").bind(id.0).fetch_optional(&self.pool).await?;
        Ok(row.map(|(task,)| PlanTaskId(task)))
    }

    /// Shows or hides a pending comment, with the lead unit's reply.
    pub async fn decide_plan_comment(&self, id: PlanCommentId, show: bool, reply: Option<&str>, staff: StaffId, now: i64) -> Result<Decided, StoreError> {
        let state = if show { CommentState::Shown } else { CommentState::Hidden };
        let done = sqlx::query(
            "UPDATE plan_comments SET state = $2, reply = $3, decided_by = $4, decided_at = $5 WHERE id = $1 AND state = 'pending'",
        )
        .bind(id.0)
        .bind(state.as_str())
        .bind(reply)
        .bind(staff.0)
        .bind(now)
        .execute(&self.pool)
        .await?;
        if done.rows_affected() == 1 {
            return Ok(Decided::Decided);
        }
        Ok(if self.plan_comment_task(id).await?.is_some() { Decided::AlreadyDecided } else { Decided::Missing })
    }

    /// The comments shown under every task, oldest first.
    pub async fn shown_plan_comments(&self) -> Result<Vec<(PlanTaskId, PublicComment)>, StoreError> {
        let rows: Vec<(i64, String, i64, Option<String>)> =
            sqlx::query_as("SELECT task_id, body, sent_at, reply FROM plan_comments WHERE state = 'shown' ORDER BY id").fetch_all(&self.pool).await?;
        Ok(rows.into_iter().map(|(task, body, sent_at, reply)| (PlanTaskId(task), PublicComment { body, sent_at, reply })).collect())
    }
}
