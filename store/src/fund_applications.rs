//! Applications to the heritage fund and their files. A draft is written as typed; a move from
//! one status to another happens only from the status the caller read (`WHERE status = $from`),
//! so two moves at once never both happen; one live application per unit, call and category
//! (a unique index decides a race).

use cc_domain::fund::payments::{Agreement, Payment, Report};
use cc_domain::fund::{AppStatus, ApplicationInput, Attachment, AttachmentKind, BudgetLineInput, Fen, FundApplication};
use chrono::NaiveDate;
use cc_domain::ids::{AttachmentId, FundApplicationId, FundCallId, FundCategoryId, OrganisationId};
use sqlx::FromRow;

use crate::{Store, StoreError};

#[derive(FromRow)]
struct Row {
    id: i64,
    call_id: i64,
    year: i64,
    category_id: i64,
    category_name: String,
    category_name_en: String,
    cap_fen: i64,
    required: String,
    organisation_id: i64,
    unit_name: String,
    status: String,
    project: String,
    aims: String,
    schedule: String,
    budget_lines: String,
    requested: String,
    cofunding: String,
    requested_fen: Option<i64>,
    comment: Option<String>,
    award_fen: Option<i64>,
    notice_until: Option<i64>,
    agreement_no: Option<String>,
    agreement_signed_on: Option<String>,
    clawback_fen: Option<i64>,
    clawback_reason: Option<String>,
    created_at: i64,
    updated_at: i64,
    submitted_at: Option<i64>,
}

const SELECT: &str = "SELECT a.id, a.call_id, c.year, a.category_id, k.name AS category_name, k.name_en AS category_name_en, \
    k.cap_fen, k.attachments AS required, a.organisation_id, o.name AS unit_name, a.status, a.project, a.aims, a.schedule, \
    a.budget_lines, a.requested, a.cofunding, a.requested_fen, a.comment, a.award_fen, a.notice_until, a.agreement_no, a.agreement_signed_on, a.clawback_fen, a.clawback_reason, a.created_at, a.updated_at, a.submitted_at \
    FROM fund_applications a JOIN fund_calls c ON c.id = a.call_id JOIN fund_categories k ON k.id = a.category_id \
    JOIN organisations o ON o.id = a.organisation_id";

type AttachmentRow = (i64, i64, String, String, String, i64, i64);

/// What was attached to and paid on applications, each with its application's id.
struct Belonging {
    attachments: Vec<(i64, Attachment)>,
    payments: Vec<(i64, Payment)>,
    reports: Vec<(i64, Report)>,
}

fn of<T: Clone>(list: &[(i64, T)], id: i64) -> Vec<T> {
    list.iter().filter(|(of, _)| *of == id).map(|(_, t)| t.clone()).collect()
}

fn application(row: Row, belonging: &Belonging) -> FundApplication {
    let agreement = row.agreement_no.zip(row.agreement_signed_on.as_deref().and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok()));
    FundApplication {
        id: FundApplicationId(row.id),
        call_id: FundCallId(row.call_id),
        call_year: i32::try_from(row.year).unwrap_or_default(),
        category_id: FundCategoryId(row.category_id),
        category_name: row.category_name,
        category_name_en: row.category_name_en,
        cap: Fen(row.cap_fen),
        organisation_id: OrganisationId(row.organisation_id),
        unit_name: row.unit_name,
        status: AppStatus::parse(&row.status).unwrap_or(AppStatus::Draft),
        input: ApplicationInput {
            project: row.project,
            aims: row.aims,
            schedule: row.schedule,
            budget_lines: serde_json::from_str::<Vec<BudgetLineInput>>(&row.budget_lines).unwrap_or_default(),
            requested: row.requested,
            cofunding: row.cofunding,
        },
        requested: row.requested_fen.map(Fen),
        comment: row.comment,
        award: row.award_fen.map(Fen),
        notice_until: row.notice_until,
        required_attachments: row.required.lines().filter(|l| !l.is_empty()).map(str::to_string).collect(),
        attachments: of(&belonging.attachments, row.id),
        agreement: agreement.map(|(number, signed_on)| Agreement { number, signed_on }),
        payments: of(&belonging.payments, row.id),
        reports: of(&belonging.reports, row.id),
        clawback: row.clawback_fen.map(Fen).zip(row.clawback_reason),
        created_at: row.created_at,
        updated_at: row.updated_at,
        submitted_at: row.submitted_at,
    }
}

/// Which applications to read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Which {
    One(FundApplicationId),
    OfUnit(OrganisationId),
    /// Every application staff may see (drafts are their units' own), of one call when given.
    ForStaff(Option<FundCallId>),
}

/// What starting an application came to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Started {
    Started(FundApplicationId),
    /// The unit has a live application in this category of this call already.
    Duplicate(FundApplicationId),
}

/// What attaching a file came to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Attached {
    Attached(AttachmentId),
    /// The application holds as many files as it may.
    Full,
    /// Not the unit's, or not a draft (nor returned) any more.
    NotEditable,
}

impl Store {
    /// Applications with their files (not their bytes), the newest first.
    pub async fn fund_applications(&self, which: Which) -> Result<Vec<FundApplication>, StoreError> {
        let (filter, bind) = match which {
            Which::One(id) => ("a.id = $1", Some(id.0)),
            Which::OfUnit(unit) => ("a.organisation_id = $1", Some(unit.0)),
            Which::ForStaff(call) => ("a.status <> 'draft' AND a.call_id = COALESCE($1, a.call_id)", call.map(|c| c.0)),
        };
        let rows: Vec<Row> =
            sqlx::query_as(&format!("{SELECT} WHERE {filter} ORDER BY a.id DESC")).bind(bind).fetch_all(&self.pool).await?;
        let ids: Vec<String> = rows.iter().map(|r| r.id.to_string()).collect();
        let attachments: Vec<AttachmentRow> = if ids.is_empty() {
            Vec::new()
        } else {
            // The ids are numbers read just now, never text from a request.
            sqlx::query_as(&format!(
                "SELECT id, application_id, label, file_name, content_type, size, created_at FROM fund_attachments \
                 WHERE application_id IN ({}) ORDER BY id",
                ids.join(",")
            ))
            .fetch_all(&self.pool)
            .await?
        };
        let attachments: Vec<(i64, Attachment)> = attachments
            .into_iter()
            .filter_map(|(id, of, label, file_name, content_type, size, uploaded_at)| {
                let kind = AttachmentKind::from_content_type(&content_type)?;
                Some((of, Attachment { id: AttachmentId(id), label, file_name, kind, size, uploaded_at }))
            })
            .collect();
        let numbers: Vec<i64> = rows.iter().map(|r| r.id).collect();
        let (payments, reports) = self.fund_money_of(&numbers).await?;
        let belonging = Belonging { attachments, payments, reports };
        Ok(rows.into_iter().map(|row| application(row, &belonging)).collect())
    }

    /// One application.
    pub async fn fund_application(&self, id: FundApplicationId) -> Result<Option<FundApplication>, StoreError> {
        Ok(self.fund_applications(Which::One(id)).await?.pop())
    }

    /// Starts a draft of `unit` in `category` of `call`, as typed.
    pub async fn start_fund_application(
        &self,
        unit: OrganisationId,
        call: FundCallId,
        category: FundCategoryId,
        input: &ApplicationInput,
        now: i64,
    ) -> Result<Started, StoreError> {
        let row: Option<(i64,)> = sqlx::query_as(
            "INSERT INTO fund_applications (call_id, category_id, organisation_id, project, aims, schedule, budget_lines, \
             requested, cofunding, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10) \
             ON CONFLICT DO NOTHING RETURNING id",
        )
        .bind(call.0)
        .bind(category.0)
        .bind(unit.0)
        .bind(&input.project)
        .bind(&input.aims)
        .bind(&input.schedule)
        .bind(lines_json(input))
        .bind(&input.requested)
        .bind(&input.cofunding)
        .bind(now)
        .fetch_optional(&self.pool)
        .await?;
        if let Some((id,)) = row {
            return Ok(Started::Started(FundApplicationId(id)));
        }
        let (id,): (i64,) = sqlx::query_as(
            "SELECT id FROM fund_applications WHERE organisation_id = $1 AND call_id = $2 AND category_id = $3 AND status <> 'withdrawn'",
        )
        .bind(unit.0)
        .bind(call.0)
        .bind(category.0)
        .fetch_one(&self.pool)
        .await?;
        Ok(Started::Duplicate(FundApplicationId(id)))
    }

    /// Writes what the unit typed into its application while it is a draft or returned;
    /// `false` when it is not (any more).
    pub async fn save_fund_application(
        &self,
        id: FundApplicationId,
        unit: OrganisationId,
        input: &ApplicationInput,
        now: i64,
    ) -> Result<bool, StoreError> {
        let done = sqlx::query(
            "UPDATE fund_applications SET project = $3, aims = $4, schedule = $5, budget_lines = $6, requested = $7, \
             cofunding = $8, updated_at = $9 WHERE id = $1 AND organisation_id = $2 AND status IN ('draft', 'returned')",
        )
        .bind(id.0)
        .bind(unit.0)
        .bind(&input.project)
        .bind(&input.aims)
        .bind(&input.schedule)
        .bind(lines_json(input))
        .bind(&input.requested)
        .bind(&input.cofunding)
        .bind(now)
        .execute(&self.pool)
        .await?;
        Ok(done.rows_affected() == 1)
    }
}

fn lines_json(input: &ApplicationInput) -> String {
    serde_json::to_string(&input.budget_lines).unwrap_or_else(|_| "[]".into())
}

mod award;
mod files;
mod money;
mod moves;
pub use files::{AttachmentFile, NewAttachment};
pub(crate) use award::committed_statuses;
pub use award::Proposed;
pub use money::MoneyStep;
pub(crate) use money::tell_unit;
pub use moves::Move;
