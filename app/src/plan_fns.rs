//! Server functions of the work plan's pages: the public `/plan` (every task, and a resident's
//! comment to a lead unit) and staff's `/staff/plan` (their tasks, progress, milestones,
//! evidence, owners and comments). Every form is a plain form: it works without the WASM.

use cc_domain::plan::{Comment, Owner, PlanTask, PublicTask};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;

/// What `/plan` shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlanPage {
    pub tasks: Vec<PublicTask>,
    /// Whether a resident is logged in (and so may comment).
    pub logged_in: bool,
}

/// Every task as the public follows it.
#[server]
pub async fn load_plan() -> Result<PlanPage, AppError> {
    let store = crate::public_fns::store()?;
    let logged_in = crate::account_fns::context::resident().await.is_ok();
    Ok(PlanPage { tasks: cc_services::plan::public_tasks(&store).await?, logged_in })
}

/// A resident's comment to a task's lead unit, then back to the task on `/plan`.
#[server]
pub async fn plan_comment_form(task_id: i64, comment: String) -> Result<(), AppError> {
    use crate::account_fns::context;
    let (store, resident) = (context::auth()?.accounts.store().clone(), context::resident().await?);
    let input = cc_domain::plan::CommentInput { comment: comment.clone() };
    match cc_services::residents::plan_comment::send(&store, resident, cc_domain::ids::PlanTaskId(task_id), &input).await {
        Ok(_) => {
            leptos_axum::redirect(&format!("/plan?sent={task_id}#task-{task_id}"));
            Ok(())
        }
        Err(error) => {
            let code = crate::plain_forms::problem(&error);
            let mut pairs = vec![("task", task_id.to_string()), ("error", code.to_string())];
            pairs.extend(crate::plain_forms::typed_back(code, "comment", comment).map(|typed| ("typed", typed)));
            let page = format!("/plan?{}#task-{task_id}", cc_domain::query::query_string(pairs));
            crate::plain_forms::back_with_error(&page, error).await
        }
    }
}

/// What `/staff/plan` shows a staff member.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlanDesk {
    pub tasks: Vec<PlanTask>,
    pub comments: Vec<Comment>,
    /// Whether they are the leading group (and so change the plan itself).
    pub leads: bool,
    /// The accounts the leading group may name as owners.
    pub accounts: Vec<Owner>,
    /// The streets a figure may be read for.
    pub streets: Vec<(i64, String)>,
}

/// The tasks a staff member keeps, their comments and the forms' choices.
#[server]
pub async fn load_plan_desk() -> Result<PlanDesk, AppError> {
    let (store, actor) = desk().await?;
    let (accounts, streets) = cc_services::staff::plan_choices(&store, &actor).await?;
    Ok(PlanDesk {
        tasks: cc_services::staff::plan_tasks(&store, &actor).await?,
        comments: cc_services::staff::plan_comments(&store, &actor).await?,
        leads: actor.member.scope.role.leads_plan(),
        accounts,
        streets,
    })
}

#[cfg(feature = "ssr")]
async fn desk() -> Result<(cc_store::Store, cc_services::staff::Actor), AppError> {
    use crate::staff_fns::context;
    Ok((context::staff_auth()?.store().clone(), context::actor().await?))
}

/// Back to the task on `/staff/plan`, saying what happened.
#[cfg(feature = "ssr")]
async fn back<T>(task: i64, outcome: Result<T, cc_services::ServiceError>) -> Result<(), AppError> {
    match outcome {
        Ok(_) => {
            leptos_axum::redirect(&format!("/staff/plan?done={task}#task-{task}"));
            Ok(())
        }
        Err(error) => {
            let code = crate::plain_forms::problem(&error);
            let to = format!("/staff/plan?error={code}&task={task}#task-{task}");
            crate::plain_forms::back_with_error(&to, error).await
        }
    }
}

/// An owner's report: how the task goes, and a note.
#[server]
pub async fn plan_progress_form(task_id: i64, status: String, note: String) -> Result<(), AppError> {
    let (store, actor) = desk().await?;
    let status = cc_domain::plan::Reported::parse(&status);
    let patch = cc_domain::plan::TaskPatch { status, note: Some(note), ..Default::default() };
    back(task_id, cc_services::staff::update_plan_task(&store, &actor, cc_domain::ids::PlanTaskId(task_id), &patch).await).await
}

/// The leading group's change to the task itself and its owners.
#[server]
pub async fn plan_task_form(
    task_id: i64,
    name: String,
    summary: String,
    lead_unit: String,
    cooperating_units: String,
    deadline: String,
    #[server(default)] owner: Vec<String>,
) -> Result<(), AppError> {
    let (store, actor) = desk().await?;
    let patch = cc_domain::plan::TaskPatch {
        name: Some(name),
        summary: Some(summary),
        lead_unit: Some(lead_unit),
        cooperating_units: Some(cooperating_units.lines().map(str::trim).filter(|l| !l.is_empty()).map(String::from).collect()),
        deadline: Some(deadline),
        owners: Some(owner.iter().filter_map(|o| cc_domain::ids::Id::parse(o)).collect()),
        ..Default::default()
    };
    back(task_id, cc_services::staff::update_plan_task(&store, &actor, cc_domain::ids::PlanTaskId(task_id), &patch).await).await
}

/// A milestone marked done.
#[server]
pub async fn plan_milestone_done_form(task_id: i64, milestone_id: i64) -> Result<(), AppError> {
    let (store, actor) = desk().await?;
    let (task, milestone) = (cc_domain::ids::PlanTaskId(task_id), cc_domain::ids::PlanMilestoneId(milestone_id));
    back(task_id, cc_services::staff::complete_plan_milestone(&store, &actor, task, milestone).await).await
}

/// A new milestone.
#[server]
pub async fn plan_milestone_form(task_id: i64, title: String, due_on: String) -> Result<(), AppError> {
    let (store, actor) = desk().await?;
    let input = cc_domain::plan::MilestoneInput { title, due_on };
    back(task_id, cc_services::staff::add_plan_milestone(&store, &actor, cc_domain::ids::PlanTaskId(task_id), &input).await).await
}

/// A link or a platform figure as evidence.
#[server]
pub async fn plan_evidence_form(task_id: i64, title: String, url: String, measure: String, street_id: String, public: Option<String>) -> Result<(), AppError> {
    let (store, actor) = desk().await?;
    let input = cc_domain::plan::EvidenceInput {
        title,
        url: Some(url),
        measure: cc_domain::plan::Measure::parse(&measure),
        street_id: street_id.trim().parse().ok(),
        public: public.is_some(),
    };
    back(task_id, cc_services::staff::add_plan_evidence(&store, &actor, cc_domain::ids::PlanTaskId(task_id), &input).await).await
}

/// A resident's comment shown (with a reply) or hidden.
#[server]
pub async fn plan_comment_decision_form(task_id: i64, comment_id: i64, reply: String, show: Option<String>) -> Result<(), AppError> {
    let (store, actor) = desk().await?;
    let input = cc_domain::plan::CommentDecision { show: show.is_some(), reply: Some(reply) };
    back(task_id, cc_services::staff::decide_plan_comment(&store, &actor, cc_domain::ids::PlanCommentId(comment_id), &input).await).await
}

/// A task the dashboard flags.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FlaggedTask {
    pub id: i64,
    pub number: i32,
    pub name: String,
    pub status: cc_domain::plan::TaskStatus,
}

/// The tasks at risk or overdue among those the staff member keeps (every task for the leading
/// group), for the dashboard.
#[server]
pub async fn load_plan_flags() -> Result<Vec<FlaggedTask>, AppError> {
    let (store, actor) = desk().await?;
    let tasks = cc_services::staff::plan_tasks(&store, &actor).await?;
    Ok(cc_services::staff::flagged(&tasks)
        .into_iter()
        .map(|t| FlaggedTask { id: t.id.0, number: t.number, name: t.name.clone(), status: t.status })
        .collect())
}

/// What `/staff/evaluation` shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EvaluationPage {
    pub report: cc_domain::evaluation::Report,
    pub trend: Vec<cc_domain::evaluation::Report>,
    /// The streets the staff member may choose (every one for district admins, theirs for a
    /// street admin); `None` in the list's first place stands for the district.
    pub places: Vec<(Option<i64>, String)>,
    /// The periods to choose from, newest first.
    pub periods: Vec<String>,
}

/// The evaluation of `street` (none: the district, or a street admin's own street) for
/// `period` (none: the current quarter).
#[server]
pub async fn load_evaluation(period: Option<String>, street: Option<i64>) -> Result<EvaluationPage, AppError> {
    use cc_domain::evaluation::Period;
    let (store, actor) = desk().await?;
    let now = cc_domain::time::now();
    let current = Period::quarter_of(now);
    let period = match period.as_deref().filter(|p| !p.is_empty()) {
        None => current,
        Some(text) => Period::parse(text)
            .ok_or_else(|| cc_services::ServiceError::BadParam(cc_domain::ParamError {
                param: "period".into(),
                problem: cc_domain::ParamProblem::NotOneOf("2026-Q4, 2026".into()),
            }))?,
    };
    // The streets only: the plan's choices would also read every staff account.
    let streets = store.street_choices().await.map_err(cc_services::ServiceError::from)?;
    let scope = &actor.member.scope;
    let leads = actor.member.scope.role.leads_plan();
    let street = street.filter(|s| *s > 0).or(if leads { None } else { scope.street_id });
    let mut places: Vec<(Option<i64>, String)> = if leads { vec![(None, String::new())] } else { Vec::new() };
    places.extend(streets.into_iter().filter(|(id, _)| leads || scope.street_id == Some(*id)).map(|(id, name)| (Some(id), name)));
    let mut periods: Vec<String> = current.quarters_to(8).into_iter().rev().map(|p| p.to_string()).collect();
    let year = cc_domain::time::local(now).format("%Y").to_string().parse::<i32>().unwrap_or(2026);
    periods.extend([Period::Year(year), Period::Year(year - 1)].map(|p| p.to_string()));
    let evaluation = cc_services::staff::evaluation(&store, &actor, period, street).await?;
    Ok(EvaluationPage { report: evaluation.report, trend: evaluation.trend, places, periods })
}
