//! Public notice (公示) of the fund's awards: objections lodged while an award is in notice,
//! staff's answers (the objector told in the same transaction), and the public list of awards
//! per year.

use cc_domain::account::mask_phone;
use cc_domain::fund::notice::{Objection, PublicAward, PUBLIC};
use cc_domain::fund::{AppStatus, Fen};
use cc_domain::ids::{FundApplicationId, FundCallId, FundObjectionId, ResidentId, StaffId};
use cc_domain::messages::MessageKind;

use crate::fund_applications::tell_unit;
use crate::messages::{tell, News};
use crate::{Store, StoreError};

type ObjectionRow = (i64, i64, String, String, i64, Option<String>, Option<i64>, Option<i64>);

const OBJECTION: &str = "SELECT x.id, x.application_id, r.phone, x.body, x.lodged_at, x.answer, x.upheld, x.answered_at \
    FROM fund_objections x JOIN residents r ON r.id = x.resident_id";

fn objection(row: ObjectionRow) -> Objection {
    let (id, application, phone, body, lodged_at, answer, upheld, answered_at) = row;
    Objection {
        id: FundObjectionId(id),
        application_id: FundApplicationId(application),
        objector: mask_phone(&phone),
        objection: body,
        lodged_at,
        answer,
        upheld: upheld.map(|u| u != 0),
        answered_at,
    }
}

type AwardRow = (i64, i64, i64, String, String, String, String, i64, String, Option<i64>);

/// The statuses the public list shows, as SQL.
fn public_statuses() -> String {
    PUBLIC.iter().map(|s| format!("'{}'", s.as_str())).collect::<Vec<_>>().join(", ")
}

/// What answering an objection came to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answered {
    Answered,
    /// Upheld: the award it objects to is declined (or was already).
    Declined(FundApplicationId),
    AlreadyAnswered,
    /// Upheld against an award no longer in notice: nothing written.
    CannotDecline,
}

impl Store {
    /// Lodges `resident`'s objection to application `id`, if it is in notice at `now`.
    pub async fn lodge_fund_objection(
        &self,
        id: FundApplicationId,
        resident: ResidentId,
        body: &str,
        now: i64,
    ) -> Result<Option<FundObjectionId>, StoreError> {
        let lodged: Option<(i64,)> = sqlx::query_as(
            "INSERT INTO fund_objections (application_id, resident_id, body, lodged_at) SELECT $1, $2, $3, $4 \
             WHERE EXISTS (SELECT 1 FROM fund_applications WHERE id = $1 AND status = 'in_notice' AND notice_until > $4) RETURNING id",
        )
        .bind(id.0)
        .bind(resident.0)
        .bind(body)
        .bind(now)
        .fetch_optional(&self.pool)
        .await?;
        Ok(lodged.map(|(id,)| FundObjectionId(id)))
    }

    /// The objections to application `id`, the oldest first.
    pub async fn fund_objections(&self, id: FundApplicationId) -> Result<Vec<Objection>, StoreError> {
        let rows: Vec<ObjectionRow> =
            sqlx::query_as(&format!("{OBJECTION} WHERE x.application_id = $1 ORDER BY x.id")).bind(id.0).fetch_all(&self.pool).await?;
        Ok(rows.into_iter().map(objection).collect())
    }

    /// Objection `id`.
    pub async fn fund_objection(&self, id: FundObjectionId) -> Result<Option<Objection>, StoreError> {
        let row: Option<ObjectionRow> = sqlx::query_as(&format!("{OBJECTION} WHERE x.id = $1")).bind(id.0).fetch_optional(&self.pool).await?;
        Ok(row.map(objection))
    }

    /// Answers objection `id` (once) and tells its objector; with `decline` (an upheld
    /// objection's reason) the award in notice is declined in the same transaction and its unit
    /// told, so it can never become final meanwhile.
    pub async fn answer_fund_objection(
        &self,
        id: FundObjectionId,
        staff: StaffId,
        answer: &str,
        decline: Option<&str>,
        now: i64,
    ) -> Result<Answered, StoreError> {
        let mut tx = self.begin().await?;
        let done = sqlx::query(
            "UPDATE fund_objections SET answer = $2, upheld = $3, answered_by = $4, answered_at = $5 WHERE id = $1 AND answered_at IS NULL",
        )
        .bind(id.0)
        .bind(answer)
        .bind(i64::from(decline.is_some()))
        .bind(staff.0)
        .bind(now)
        .execute(&mut *tx)
        .await?;
        if done.rows_affected() == 0 {
            return Ok(Answered::AlreadyAnswered);
        }
        let (application, objector, project): (i64, i64, String) = sqlx::query_as(
            "SELECT a.id, x.resident_id, a.project FROM fund_objections x JOIN fund_applications a ON a.id = x.application_id WHERE x.id = $1",
        )
        .bind(id.0)
        .fetch_one(&mut *tx)
        .await?;
        if let Some(reason) = decline {
            let declined = sqlx::query(
                "UPDATE fund_applications SET status = 'declined', comment = $2, updated_at = $3 WHERE id = $1 AND status = 'in_notice'",
            )
            .bind(application)
            .bind(reason)
            .bind(now)
            .execute(&mut *tx)
            .await?;
            if declined.rows_affected() == 1 {
                let application = FundApplicationId(application);
                tell_unit(&mut tx, application, MessageKind::FundDecision, Some(AppStatus::Declined), Some(reason), now).await?;
            } else {
                // Declined already (by another upheld objection) is fine; anything else is not.
                let (status,): (String,) = sqlx::query_as("SELECT status FROM fund_applications WHERE id = $1").bind(application).fetch_one(&mut *tx).await?;
                if status != AppStatus::Declined.as_str() {
                    return Ok(Answered::CannotDecline);
                }
            }
        }
        let news = News {
            resident: ResidentId(objector),
            kind: MessageKind::ObjectionAnswered,
            title: &project,
            starts_at: None,
            booking: None,
            detail: Some(answer),
            deadline: None,
            outcome: None,
        };
        tell(&mut tx, &news, now).await?;
        tx.commit().await?;
        Ok(if decline.is_some() { Answered::Declined(FundApplicationId(application)) } else { Answered::Answered })
    }

    /// How many objections to application `id` wait for an answer.
    pub async fn unanswered_fund_objections(&self, id: FundApplicationId) -> Result<i64, StoreError> {
        let (count,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM fund_objections WHERE application_id = $1 AND answered_at IS NULL")
            .bind(id.0)
            .fetch_one(&self.pool)
            .await?;
        Ok(count)
    }

    /// The awards the public list shows for calls of `year`, by category then unit.
    pub async fn fund_awards(&self, year: i32) -> Result<Vec<PublicAward>, StoreError> {
        let rows: Vec<AwardRow> = sqlx::query_as(&format!(
            "SELECT a.id, a.call_id, c.year, o.name, a.project, k.name, k.name_en, a.award_fen, a.status, a.notice_until \
             FROM fund_applications a JOIN fund_calls c ON c.id = a.call_id JOIN fund_categories k ON k.id = a.category_id \
             JOIN organisations o ON o.id = a.organisation_id \
             WHERE c.year = $1 AND a.award_fen IS NOT NULL AND a.status IN ({}) ORDER BY k.position, k.id, o.name, a.id",
            public_statuses()
        ))
        .bind(i64::from(year))
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .into_iter()
            .map(|(id, call, year, unit_name, project, category_name, category_name_en, amount, status, notice_until)| PublicAward {
                application_id: FundApplicationId(id),
                call_id: FundCallId(call),
                year: i32::try_from(year).unwrap_or_default(),
                unit_name,
                project,
                category_name,
                category_name_en,
                amount: Fen(amount),
                status: AppStatus::parse(&status).unwrap_or(AppStatus::InNotice),
                notice_until,
            })
            .collect())
    }

    /// The years with awards on the public list, the latest first.
    pub async fn fund_award_years(&self) -> Result<Vec<i32>, StoreError> {
        let years: Vec<(i64,)> = sqlx::query_as(&format!(
            "SELECT DISTINCT c.year FROM fund_applications a JOIN fund_calls c ON c.id = a.call_id \
             WHERE a.award_fen IS NOT NULL AND a.status IN ({}) ORDER BY c.year DESC",
            public_statuses()
        ))
        .fetch_all(&self.pool)
        .await?;
        Ok(years.into_iter().filter_map(|(y,)| i32::try_from(y).ok()).collect())
    }
}
