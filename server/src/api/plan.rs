//! The work plan through the API: the public's view of every task (and its public files),
//! residents' comments, and staff's tasks, changes, milestones, evidence and comment decisions.
//! The rules are `cc_services`'; these extract, call and serialise.

use axum::body::{to_bytes, Body as RawBody};
use axum::extract::{FromRequest, Multipart, Path, RawQuery, Request, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::Json;
use cc_auth::StaffAuth;
use cc_domain::ids::{Id, PlanCommentId, PlanEvidenceId, PlanMilestoneId, PlanTaskId};
use cc_domain::plan::{Comment, CommentDecision, CommentInput, EvidenceInput, MilestoneInput, PlanTask, PublicTask, TaskPatch};
use cc_domain::query::decode_pairs;
use cc_services::residents::plan_comment;
use cc_services::ServiceError;
use cc_store::Store;
use http::StatusCode;
use serde::Serialize;
use utoipa::ToSchema;

use super::error::{ApiError, ErrorBody};
use super::fund_applications::{send_file, too_large, BODY_LIMIT};
use super::resident::{Body, PathId, PathIds, Resident};
use super::staff::StaffActor;

/// `GET /plan/tasks`.
#[utoipa::path(
    get, path = "/plan/tasks", operation_id = "list_plan_tasks", tag = "plan",
    summary = "The demonstration-zone work plan as the public follows it: every task's lead unit, deadline, status (overdue is derived from the dates), progress, milestones, public evidence with live figures, and the comments shown",
    responses((status = 200, description = "Every task, in the plan's order", body = Vec<PublicTask>))
)]
pub async fn tasks(State(store): State<Store>) -> Result<Json<Vec<PublicTask>>, ApiError> {
    Ok(Json(cc_services::plan::public_tasks(&store).await?))
}

/// `GET /plan/tasks/{id}/evidence/{evidence_id}`.
#[utoipa::path(
    get, path = "/plan/tasks/{id}/evidence/{evidence_id}", operation_id = "plan_evidence_file", tag = "plan",
    summary = "A public file of a task's evidence, sent as a download",
    params(
        ("id" = i64, Path, description = "The task's id", minimum = 1),
        ("evidence_id" = i64, Path, description = "The evidence's id", minimum = 1),
    ),
    responses(
        (status = 200, description = "The file, with its type and name"),
        (status = 404, description = "`not_found`: no such public file", body = ErrorBody),
    )
)]
pub async fn public_file(State(store): State<Store>, PathIds(id, evidence): PathIds<PlanTaskId, PlanEvidenceId>) -> Result<Response, ApiError> {
    Ok(send_file(cc_services::plan::public_file(&store, id, evidence).await?))
}

/// A comment as sent.
#[derive(Serialize, ToSchema)]
pub struct Sent {
    pub id: PlanCommentId,
}

/// `POST /plan/tasks/{id}/comments`: 201.
#[utoipa::path(
    post, path = "/plan/tasks/{id}/comments", operation_id = "comment_on_plan_task", tag = "plan",
    summary = "Tell a task's lead unit what you think (logged in; at most 5 a day); it is shown under the task once staff approve it",
    security(("cookieAuth" = [])),
    params(("id" = i64, Path, description = "The task's id", minimum = 1)),
    request_body = CommentInput,
    responses(
        (status = 201, description = "Sent, waiting for the lead unit", body = Sent),
        (status = 400, description = concat!(says!(bad_field), " (`comment`); ", says!(bad_request)), body = ErrorBody),
        (status = 401, description = says!(unauthenticated), body = ErrorBody),
        (status = 403, description = says!(cross_site), body = ErrorBody),
        (status = 404, description = "`not_found`: no such task", body = ErrorBody),
        (status = 413, description = says!(too_large), body = ErrorBody),
        (status = 429, description = "`daily_limit`", body = ErrorBody),
    )
)]
pub async fn comment(
    State(store): State<Store>,
    Resident(resident): Resident,
    PathId(id): PathId<PlanTaskId>,
    Body(input): Body<CommentInput>,
) -> Result<(StatusCode, Json<Sent>), ApiError> {
    let id = plan_comment::send(&store, resident, id, &input).await?;
    Ok((StatusCode::CREATED, Json(Sent { id })))
}

/// `GET /staff/plan/tasks`.
#[utoipa::path(
    get, path = "/staff/plan/tasks", operation_id = "staff_plan_tasks", tag = "staff",
    summary = "The tasks I keep: every task for the leading group (district admins), my own for a task's owners",
    security(("cookieAuth" = [])),
    responses(
        (status = 200, description = "The tasks, whole", body = Vec<PlanTask>),
        (status = 401, description = says!(unauthenticated), body = ErrorBody),
    )
)]
pub async fn staff_tasks(State(auth): State<StaffAuth>, StaffActor(actor): StaffActor) -> Result<Json<Vec<PlanTask>>, ApiError> {
    Ok(Json(cc_services::staff::plan_tasks(auth.store(), &actor).await?))
}

/// `GET /staff/plan/tasks/{id}`.
#[utoipa::path(
    get, path = "/staff/plan/tasks/{id}", operation_id = "staff_plan_task", tag = "staff",
    summary = "One task with its owners, milestones (with the figures kept when each was done) and all its evidence (the leading group or its owners)",
    security(("cookieAuth" = [])),
    params(("id" = i64, Path, description = "The task's id", minimum = 1)),
    responses(
        (status = 200, description = "The task", body = PlanTask),
        (status = 401, description = says!(unauthenticated), body = ErrorBody),
        (status = 403, description = says!(forbidden), body = ErrorBody),
        (status = 404, description = "`not_found`", body = ErrorBody),
    )
)]
pub async fn staff_task(State(auth): State<StaffAuth>, StaffActor(actor): StaffActor, PathId(id): PathId<PlanTaskId>) -> Result<Json<PlanTask>, ApiError> {
    Ok(Json(cc_services::staff::plan_task(auth.store(), &actor, id).await?))
}

/// `PATCH /staff/plan/tasks/{id}`.
#[utoipa::path(
    patch, path = "/staff/plan/tasks/{id}", operation_id = "change_plan_task", tag = "staff",
    summary = "Change a task: the leading group any field; its owners only `status` and `note` (`done` once every milestone is done; overdue is never typed). Audited",
    security(("cookieAuth" = [])),
    params(("id" = i64, Path, description = "The task's id", minimum = 1)),
    request_body = TaskPatch,
    responses(
        (status = 200, description = "Changed", body = PlanTask),
        (status = 400, description = concat!(says!(bad_field), "; ", says!(bad_request)), body = ErrorBody),
        (status = 401, description = says!(unauthenticated), body = ErrorBody),
        (status = 403, description = concat!(says!(forbidden), "; ", says!(cross_site)), body = ErrorBody),
        (status = 404, description = "`not_found`", body = ErrorBody),
        (status = 413, description = says!(too_large), body = ErrorBody),
    )
)]
pub async fn change(
    State(auth): State<StaffAuth>,
    StaffActor(actor): StaffActor,
    PathId(id): PathId<PlanTaskId>,
    Body(patch): Body<TaskPatch>,
) -> Result<Json<PlanTask>, ApiError> {
    Ok(Json(cc_services::staff::update_plan_task(auth.store(), &actor, id, &patch).await?))
}

/// `POST /staff/plan/tasks/{id}/milestones`: 201.
#[utoipa::path(
    post, path = "/staff/plan/tasks/{id}/milestones", operation_id = "add_plan_milestone", tag = "staff",
    summary = "Add a milestone with its day (the leading group or the task's owners; audited)",
    security(("cookieAuth" = [])),
    params(("id" = i64, Path, description = "The task's id", minimum = 1)),
    request_body = MilestoneInput,
    responses(
        (status = 201, description = "Added", body = PlanTask),
        (status = 400, description = concat!(says!(bad_field), " (`title`, `due_on`); ", says!(bad_request)), body = ErrorBody),
        (status = 401, description = says!(unauthenticated), body = ErrorBody),
        (status = 403, description = concat!(says!(forbidden), "; ", says!(cross_site)), body = ErrorBody),
        (status = 404, description = "`not_found`", body = ErrorBody),
        (status = 413, description = says!(too_large), body = ErrorBody),
    )
)]
pub async fn add_milestone(
    State(auth): State<StaffAuth>,
    StaffActor(actor): StaffActor,
    PathId(id): PathId<PlanTaskId>,
    Body(input): Body<MilestoneInput>,
) -> Result<(StatusCode, Json<PlanTask>), ApiError> {
    Ok((StatusCode::CREATED, Json(cc_services::staff::add_plan_milestone(auth.store(), &actor, id, &input).await?)))
}

/// `POST /staff/plan/tasks/{id}/milestones/{milestone_id}/done`.
#[utoipa::path(
    post, path = "/staff/plan/tasks/{id}/milestones/{milestone_id}/done", operation_id = "complete_plan_milestone", tag = "staff",
    summary = "Mark a milestone done; the task's live figures are kept with it as they read now (the leading group or the task's owners; audited)",
    security(("cookieAuth" = [])),
    params(
        ("id" = i64, Path, description = "The task's id", minimum = 1),
        ("milestone_id" = i64, Path, description = "The milestone's id", minimum = 1),
    ),
    responses(
        (status = 200, description = "Done", body = PlanTask),
        (status = 401, description = says!(unauthenticated), body = ErrorBody),
        (status = 403, description = concat!(says!(forbidden), "; ", says!(cross_site)), body = ErrorBody),
        (status = 404, description = "`not_found`", body = ErrorBody),
        (status = 409, description = "`already_done`", body = ErrorBody),
    )
)]
pub async fn complete(
    State(auth): State<StaffAuth>,
    StaffActor(actor): StaffActor,
    PathIds(id, milestone): PathIds<PlanTaskId, PlanMilestoneId>,
) -> Result<Json<PlanTask>, ApiError> {
    Ok(Json(cc_services::staff::complete_plan_milestone(auth.store(), &actor, id, milestone).await?))
}

/// `POST /staff/plan/tasks/{id}/evidence`: 201.
#[utoipa::path(
    post, path = "/staff/plan/tasks/{id}/evidence", operation_id = "add_plan_evidence", tag = "staff",
    summary = "Add evidence: a link (http or https) or one of the platform's live figures for the district or a street (the leading group or the task's owners; audited)",
    security(("cookieAuth" = [])),
    params(("id" = i64, Path, description = "The task's id", minimum = 1)),
    request_body = EvidenceInput,
    responses(
        (status = 201, description = "Added", body = PlanTask),
        (status = 400, description = concat!(says!(bad_field), " (`title`, `url`, `street_id`); ", says!(bad_request)), body = ErrorBody),
        (status = 401, description = says!(unauthenticated), body = ErrorBody),
        (status = 403, description = concat!(says!(forbidden), "; ", says!(cross_site)), body = ErrorBody),
        (status = 404, description = "`not_found`", body = ErrorBody),
        (status = 413, description = says!(too_large), body = ErrorBody),
    )
)]
pub async fn add_evidence(
    State(auth): State<StaffAuth>,
    StaffActor(actor): StaffActor,
    PathId(id): PathId<PlanTaskId>,
    Body(input): Body<EvidenceInput>,
) -> Result<(StatusCode, Json<PlanTask>), ApiError> {
    Ok((StatusCode::CREATED, Json(cc_services::staff::add_plan_evidence(auth.store(), &actor, id, &input).await?)))
}

/// `POST /staff/plan/tasks/{id}/files?title=&public=`: 201.
#[utoipa::path(
    post, path = "/staff/plan/tasks/{id}/files", operation_id = "add_plan_file", tag = "staff",
    summary = "Add a file as evidence: PDF, JPEG, PNG or DOCX recognised by its bytes, at most 10 MB (the leading group or the task's owners; audited)",
    security(("cookieAuth" = [])),
    params(
        ("id" = i64, Path, description = "The task's id", minimum = 1),
        ("title" = String, Query, description = "What it shows, 2 to 60 characters"),
        ("public" = Option<bool>, Query, description = "Whether `/plan` offers it to everyone"),
    ),
    request_body(content = Vec<u8>, content_type = "application/octet-stream"),
    responses(
        (status = 201, description = "Added", body = PlanTask),
        (status = 400, description = "`bad_field` (`title`)", body = ErrorBody),
        (status = 401, description = says!(unauthenticated), body = ErrorBody),
        (status = 403, description = concat!(says!(forbidden), "; ", says!(cross_site)), body = ErrorBody),
        (status = 404, description = "`not_found`", body = ErrorBody),
        (status = 413, description = "`too_large`", body = ErrorBody),
        (status = 422, description = "`unsupported_type` or `empty`", body = ErrorBody),
    )
)]
pub async fn add_file(
    State(auth): State<StaffAuth>,
    StaffActor(actor): StaffActor,
    PathId(id): PathId<PlanTaskId>,
    RawQuery(qs): RawQuery,
    body: RawBody,
) -> Result<(StatusCode, Json<PlanTask>), ApiError> {
    let bytes = to_bytes(body, BODY_LIMIT).await.map_err(|_| too_large())?;
    let pairs = decode_pairs(qs.as_deref().unwrap_or(""));
    let value = |key: &str| pairs.iter().find(|(k, _)| k == key).map_or("", |(_, v)| v.as_str());
    let public = matches!(value("public"), "true" | "1" | "on");
    let task = cc_services::staff::add_plan_file(auth.store(), &actor, id, value("title"), public, bytes.to_vec()).await?;
    Ok((StatusCode::CREATED, Json(task)))
}

/// The staff page's upload form.
#[derive(ToSchema)]
#[allow(dead_code)]
pub struct FileForm {
    /// What it shows, 2 to 60 characters.
    title: String,
    /// `on` to offer it on `/plan`.
    public: Option<String>,
    #[schema(format = Binary, content_media_type = "application/octet-stream")]
    file: String,
}

/// `POST /staff/plan/tasks/{id}/files/form`: 303 back to `/staff/plan`.
#[utoipa::path(
    post, path = "/staff/plan/tasks/{id}/files/form", operation_id = "add_plan_file_form", tag = "staff",
    summary = "The staff page's upload form (multipart: `title`, `public`, `file`): the same checks, answered with a redirect to `/staff/plan?done={id}` or `?error=<code>&task={id}`",
    security(("cookieAuth" = [])),
    params(("id" = i64, Path, description = "The task's id", minimum = 1)),
    request_body(content = FileForm, content_type = "multipart/form-data"),
    responses(
        (status = 303, description = "Back to the plan page with the outcome (or to the login page)"),
        (status = 403, description = says!(cross_site), body = ErrorBody),
    )
)]
pub async fn add_file_form(State(auth): State<StaffAuth>, Path(id): Path<String>, actor: Result<StaffActor, ApiError>, request: Request) -> Response {
    let Some(id) = PlanTaskId::parse(&id) else {
        return Redirect::to("/staff/plan").into_response();
    };
    let Ok(StaffActor(actor)) = actor else {
        return Redirect::to("/staff/login?next=/staff/plan").into_response();
    };
    let back = |query: String| Redirect::to(&format!("/staff/plan?{query}#task-{id}")).into_response();
    let refused = |code: &str| back(format!("error={code}&task={id}"));
    let Ok(mut form) = Multipart::from_request(request, &()).await else {
        return refused("empty");
    };
    let (mut title, mut public, mut bytes) = (String::new(), false, None);
    loop {
        match form.next_field().await {
            Ok(Some(field)) if field.name() == Some("title") => title = field.text().await.unwrap_or_default(),
            Ok(Some(field)) if field.name() == Some("public") => public = true,
            Ok(Some(field)) if field.name() == Some("file") => match field.bytes().await {
                Ok(data) => bytes = Some(data),
                Err(_) => return refused("too_large"),
            },
            Ok(Some(_)) => continue,
            Ok(None) => break,
            Err(_) => return refused("too_large"),
        }
    }
    match cc_services::staff::add_plan_file(auth.store(), &actor, id, &title, public, bytes.unwrap_or_default().to_vec()).await {
        Ok(_) => back(format!("done={id}")),
        Err(ServiceError::NotFound(_)) => Redirect::to("/staff/plan").into_response(),
        Err(error @ (ServiceError::Refused { .. } | ServiceError::Field(_) | ServiceError::Forbidden)) => {
            refused(match &error {
                ServiceError::Field(field) => field.field,
                other => other.code(),
            })
        }
        Err(e) => {
            tracing::error!(error = %e, "failed to add a plan file");
            refused("internal")
        }
    }
}

/// `GET /staff/plan/tasks/{id}/evidence/{evidence_id}`.
#[utoipa::path(
    get, path = "/staff/plan/tasks/{id}/evidence/{evidence_id}", operation_id = "staff_plan_evidence_file", tag = "staff",
    summary = "A file of a task's evidence, public or not, sent as a download (the leading group or the task's owners)",
    security(("cookieAuth" = [])),
    params(
        ("id" = i64, Path, description = "The task's id", minimum = 1),
        ("evidence_id" = i64, Path, description = "The evidence's id", minimum = 1),
    ),
    responses(
        (status = 200, description = "The file, with its type and name"),
        (status = 401, description = says!(unauthenticated), body = ErrorBody),
        (status = 403, description = says!(forbidden), body = ErrorBody),
        (status = 404, description = "`not_found`", body = ErrorBody),
    )
)]
pub async fn staff_file(
    State(auth): State<StaffAuth>,
    StaffActor(actor): StaffActor,
    PathIds(id, evidence): PathIds<PlanTaskId, PlanEvidenceId>,
) -> Result<Response, ApiError> {
    Ok(send_file(cc_services::staff::plan_file(auth.store(), &actor, id, evidence).await?))
}

/// `GET /staff/plan/comments`.
#[utoipa::path(
    get, path = "/staff/plan/comments", operation_id = "staff_plan_comments", tag = "staff",
    summary = "Residents' comments on the tasks I keep, newest first (the authors' numbers masked)",
    security(("cookieAuth" = [])),
    responses(
        (status = 200, description = "The comments", body = Vec<Comment>),
        (status = 401, description = says!(unauthenticated), body = ErrorBody),
    )
)]
pub async fn comments(State(auth): State<StaffAuth>, StaffActor(actor): StaffActor) -> Result<Json<Vec<Comment>>, ApiError> {
    Ok(Json(cc_services::staff::plan_comments(auth.store(), &actor).await?))
}

/// `POST /staff/plan/comments/{id}/decision`.
#[utoipa::path(
    post, path = "/staff/plan/comments/{id}/decision", operation_id = "decide_plan_comment", tag = "staff",
    summary = "Show a resident's comment under its task, with a reply, or hide it; once (the leading group or the task's owners; audited)",
    security(("cookieAuth" = [])),
    params(("id" = i64, Path, description = "The comment's id", minimum = 1)),
    request_body = CommentDecision,
    responses(
        (status = 200, description = "Decided", body = Comment),
        (status = 400, description = concat!(says!(bad_field), " (`answer`); ", says!(bad_request)), body = ErrorBody),
        (status = 401, description = says!(unauthenticated), body = ErrorBody),
        (status = 403, description = concat!(says!(forbidden), "; ", says!(cross_site)), body = ErrorBody),
        (status = 404, description = "`not_found`", body = ErrorBody),
        (status = 409, description = "`already_decided`", body = ErrorBody),
        (status = 413, description = says!(too_large), body = ErrorBody),
    )
)]
pub async fn decide(
    State(auth): State<StaffAuth>,
    StaffActor(actor): StaffActor,
    PathId(id): PathId<PlanCommentId>,
    Body(input): Body<CommentDecision>,
) -> Result<Json<Comment>, ApiError> {
    Ok(Json(cc_services::staff::decide_plan_comment(auth.store(), &actor, id, &input).await?))
}
