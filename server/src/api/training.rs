//! Training of cultural staff through the API: courses and their sessions, enrolment (oneself,
//! or a grassroots worker by an organiser), the door's check-in by the same signed QR tickets
//! as residents', and the hours. The rules are `cc_services`'; these extract, call, serialise.

use axum::extract::{RawQuery, State};
use axum::Json;
use cc_auth::StaffAuth;
use cc_domain::ids::{EnrolmentId, TrainingCourseId, TrainingSessionId};
use cc_domain::ticket::TicketSigner;
use cc_domain::training::{Course, CourseInput, Enrolment, MyEnrolment, PersonHours, Sitting, TrainingSessionInput, WorkerInput};
use cc_services::staff::{Placed, TrainingCheckedIn};
use http::StatusCode;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::error::{ApiError, ErrorBody};
use super::resident::{Body, PathId};
use super::staff::StaffActor;

/// `GET /staff/training/courses`.
#[utoipa::path(
    get, path = "/staff/training/courses", operation_id = "training_courses", tag = "staff",
    summary = "Every training course with its sessions (places left, people let in), newest first: for every staff member but experts",
    security(("cookieAuth" = [])),
    responses(
        (status = 200, description = "The courses", body = Vec<Course>),
        (status = 401, description = says!(unauthenticated), body = ErrorBody),
        (status = 403, description = says!(forbidden), body = ErrorBody),
    )
)]
pub async fn courses(State(auth): State<StaffAuth>, StaffActor(actor): StaffActor) -> Result<Json<Vec<Course>>, ApiError> {
    Ok(Json(cc_services::staff::training_courses(auth.store(), &actor).await?))
}

/// An object created.
#[derive(Serialize, ToSchema)]
pub struct TrainingCreated {
    pub id: i64,
}

/// `POST /staff/training/courses`: 201.
#[utoipa::path(
    post, path = "/staff/training/courses", operation_id = "create_training_course", tag = "staff",
    summary = "A new course: district admins for the district or a street (`street_id`), street admins for their own street. Audited",
    security(("cookieAuth" = [])),
    request_body = CourseInput,
    responses(
        (status = 201, description = "Created", body = TrainingCreated),
        (status = 400, description = concat!(says!(bad_field), " (`topic`, `trainer`, `hours`, `summary`, `street_id`); ", says!(bad_request)), body = ErrorBody),
        (status = 401, description = says!(unauthenticated), body = ErrorBody),
        (status = 403, description = concat!(says!(forbidden), "; ", says!(cross_site)), body = ErrorBody),
        (status = 413, description = says!(too_large), body = ErrorBody),
    )
)]
pub async fn create_course(State(auth): State<StaffAuth>, StaffActor(actor): StaffActor, Body(input): Body<CourseInput>) -> Result<(StatusCode, Json<TrainingCreated>), ApiError> {
    let id = cc_services::staff::create_training_course(auth.store(), &actor, &input).await?;
    Ok((StatusCode::CREATED, Json(TrainingCreated { id: id.0 })))
}

/// A course as its page shows it.
#[derive(Serialize, ToSchema)]
pub struct CourseDetail {
    pub course: Course,
    /// Whether the caller organises it.
    pub organises: bool,
    /// Everyone enrolled at its sessions (organisers only), mobiles masked.
    pub enrolments: Vec<Enrolment>,
}

/// `GET /staff/training/courses/{id}`.
#[utoipa::path(
    get, path = "/staff/training/courses/{id}", operation_id = "training_course", tag = "staff",
    summary = "One course with its sessions; its organisers also get everyone enrolled (mobiles masked)",
    security(("cookieAuth" = [])),
    params(("id" = i64, Path, description = "The course's id", minimum = 1)),
    responses(
        (status = 200, description = "The course", body = CourseDetail),
        (status = 401, description = says!(unauthenticated), body = ErrorBody),
        (status = 403, description = says!(forbidden), body = ErrorBody),
        (status = 404, description = "`not_found`", body = ErrorBody),
    )
)]
pub async fn course(
    State(auth): State<StaffAuth>,
    State(signer): State<TicketSigner>,
    StaffActor(actor): StaffActor,
    PathId(id): PathId<TrainingCourseId>,
) -> Result<Json<CourseDetail>, ApiError> {
    let desk = cc_services::staff::training_course(auth.store(), &signer, &actor, id).await?;
    Ok(Json(CourseDetail { course: desk.course, organises: desk.organises, enrolments: desk.enrolments }))
}

/// `POST /staff/training/courses/{id}/sessions`: 201.
#[utoipa::path(
    post, path = "/staff/training/courses/{id}/sessions", operation_id = "add_training_session", tag = "staff",
    summary = "A new session of a course (its organisers): when, where and how many places. Audited",
    security(("cookieAuth" = [])),
    params(("id" = i64, Path, description = "The course's id", minimum = 1)),
    request_body = TrainingSessionInput,
    responses(
        (status = 201, description = "Created", body = TrainingCreated),
        (status = 400, description = concat!(says!(bad_field), " (`starts_at`, `ends_at`, `venue`, `capacity`); ", says!(bad_request)), body = ErrorBody),
        (status = 401, description = says!(unauthenticated), body = ErrorBody),
        (status = 403, description = concat!(says!(forbidden), "; ", says!(cross_site)), body = ErrorBody),
        (status = 404, description = "`not_found`", body = ErrorBody),
        (status = 413, description = says!(too_large), body = ErrorBody),
    )
)]
pub async fn add_session(
    State(auth): State<StaffAuth>,
    StaffActor(actor): StaffActor,
    PathId(id): PathId<TrainingCourseId>,
    Body(input): Body<TrainingSessionInput>,
) -> Result<(StatusCode, Json<TrainingCreated>), ApiError> {
    let session = cc_services::staff::add_training_session(auth.store(), &actor, id, &input).await?;
    Ok((StatusCode::CREATED, Json(TrainingCreated { id: session.0 })))
}

/// Whom to enrol.
#[derive(Deserialize, ToSchema)]
pub struct EnrolRequest {
    /// A grassroots worker without an account (the course's organisers); left out: oneself.
    #[serde(default)]
    pub worker: Option<WorkerInput>,
}

/// A place taken.
#[derive(Serialize, ToSchema)]
pub struct PlaceTaken {
    pub id: EnrolmentId,
    /// The 12-letter code to type at the door.
    pub code: String,
    /// The signed ticket (`CT1.…`) for the QR code.
    pub ticket: String,
}

impl From<Placed> for PlaceTaken {
    fn from(placed: Placed) -> PlaceTaken {
        PlaceTaken { id: placed.id, code: placed.code, ticket: placed.ticket }
    }
}

/// `POST /staff/training/sessions/{id}/enrolments`: 201.
#[utoipa::path(
    post, path = "/staff/training/sessions/{id}/enrolments", operation_id = "enrol_in_training", tag = "staff",
    summary = "Take a place at a session until it starts: for oneself (`{}`), or for a grassroots worker (`worker`: name, unit, mobile) by the course's organisers. One place per person and course. Audited",
    security(("cookieAuth" = [])),
    params(("id" = i64, Path, description = "The session's id", minimum = 1)),
    request_body = EnrolRequest,
    responses(
        (status = 201, description = "Enrolled: the ticket", body = PlaceTaken),
        (status = 400, description = concat!(says!(bad_field), " (`display_name`, `unit`, `mobile`, `street_id`); ", says!(bad_request)), body = ErrorBody),
        (status = 401, description = says!(unauthenticated), body = ErrorBody),
        (status = 403, description = concat!(says!(forbidden), "; ", says!(cross_site)), body = ErrorBody),
        (status = 404, description = "`not_found`", body = ErrorBody),
        (status = 409, description = "`full`, `already_enrolled` (a place at a session of this course is held), `training_started`", body = ErrorBody),
        (status = 413, description = says!(too_large), body = ErrorBody),
    )
)]
pub async fn enrol(
    State(auth): State<StaffAuth>,
    State(signer): State<TicketSigner>,
    StaffActor(actor): StaffActor,
    PathId(id): PathId<TrainingSessionId>,
    Body(request): Body<EnrolRequest>,
) -> Result<(StatusCode, Json<PlaceTaken>), ApiError> {
    let placed = cc_services::staff::enrol_in_training(auth.store(), &signer, &actor, id, request.worker.as_ref()).await?;
    Ok((StatusCode::CREATED, Json(placed.into())))
}

/// `DELETE /staff/training/enrolments/{id}`: 204.
#[utoipa::path(
    delete, path = "/staff/training/enrolments/{id}", operation_id = "cancel_training_enrolment", tag = "staff",
    summary = "Give a place back before the session starts: one's own, or anyone's at a course one organises. Audited",
    security(("cookieAuth" = [])),
    params(("id" = i64, Path, description = "The enrolment's id", minimum = 1)),
    responses(
        (status = 204, description = "Cancelled: the place is free again"),
        (status = 401, description = says!(unauthenticated), body = ErrorBody),
        (status = 403, description = concat!(says!(forbidden), "; ", says!(cross_site)), body = ErrorBody),
        (status = 404, description = "`not_found`", body = ErrorBody),
        (status = 409, description = "`not_enrolled` (already cancelled or attended), `training_started`", body = ErrorBody),
    )
)]
pub async fn cancel(State(auth): State<StaffAuth>, StaffActor(actor): StaffActor, PathId(id): PathId<EnrolmentId>) -> Result<StatusCode, ApiError> {
    cc_services::staff::cancel_training_enrolment(auth.store(), &actor, id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// A ticket shown at a training session's door.
#[derive(Deserialize, ToSchema)]
pub struct TrainingTicket {
    /// The scanned token (`CT1.…`) or the 12-character code.
    ticket: String,
}

/// Who was let in.
#[derive(Serialize, ToSchema)]
pub struct LetIn {
    pub enrolment_id: EnrolmentId,
    /// The name, and a worker's mobile masked.
    pub holder: String,
}

impl From<TrainingCheckedIn> for LetIn {
    fn from(done: TrainingCheckedIn) -> LetIn {
        LetIn { enrolment_id: done.enrolment_id, holder: done.holder }
    }
}

/// `POST /staff/training/sessions/{id}/checkins`.
#[utoipa::path(
    post, path = "/staff/training/sessions/{id}/checkins", operation_id = "training_check_in", tag = "staff",
    summary = "Let someone in at a training session (its organisers), from two hours before the start until the end: the scanned ticket or the typed code. Single use; it completes the course. Audited",
    security(("cookieAuth" = [])),
    params(("id" = i64, Path, description = "The session's id", minimum = 1)),
    request_body = TrainingTicket,
    responses(
        (status = 200, description = "Let in", body = LetIn),
        (status = 400, description = concat!("`invalid_ticket`: the signature does not verify; ", says!(bad_request)), body = ErrorBody),
        (status = 401, description = says!(unauthenticated), body = ErrorBody),
        (status = 403, description = concat!(says!(forbidden), "; ", says!(cross_site)), body = ErrorBody),
        (status = 404, description = "`not_found`: no such session; `unknown_ticket`", body = ErrorBody),
        (status = 409, description = "`already_checked_in`, `other_session`, `no_place` (cancelled), `too_early`, `session_over`", body = ErrorBody),
        (status = 413, description = says!(too_large), body = ErrorBody),
    )
)]
pub async fn check_in(
    State(auth): State<StaffAuth>,
    State(signer): State<TicketSigner>,
    StaffActor(actor): StaffActor,
    PathId(id): PathId<TrainingSessionId>,
    Body(request): Body<TrainingTicket>,
) -> Result<Json<LetIn>, ApiError> {
    Ok(Json(cc_services::staff::training_check_in(auth.store(), &signer, &actor, id, &request.ticket).await?.into()))
}

/// A session's door list.
#[derive(Serialize, ToSchema)]
pub struct TrainingDoorList {
    pub session: Sitting,
    pub enrolments: Vec<Enrolment>,
}

/// `GET /staff/training/sessions/{id}/enrolments`.
#[utoipa::path(
    get, path = "/staff/training/sessions/{id}/enrolments", operation_id = "training_door_list", tag = "staff",
    summary = "Everyone holding a place at a session and who has come (its organisers), mobiles masked",
    security(("cookieAuth" = [])),
    params(("id" = i64, Path, description = "The session's id", minimum = 1)),
    responses(
        (status = 200, description = "The list", body = TrainingDoorList),
        (status = 401, description = says!(unauthenticated), body = ErrorBody),
        (status = 403, description = says!(forbidden), body = ErrorBody),
        (status = 404, description = "`not_found`", body = ErrorBody),
    )
)]
pub async fn door_list(State(auth): State<StaffAuth>, StaffActor(actor): StaffActor, PathId(id): PathId<TrainingSessionId>) -> Result<Json<TrainingDoorList>, ApiError> {
    let (_, session, enrolments) = cc_services::staff::training_door(auth.store(), &actor, id).await?;
    Ok(Json(TrainingDoorList { session, enrolments }))
}

/// `GET /staff/training/me`.
#[utoipa::path(
    get, path = "/staff/training/me", operation_id = "my_training", tag = "staff",
    summary = "My enrolments, latest session first: each ticket while it holds a place, each certificate once attended",
    security(("cookieAuth" = [])),
    responses(
        (status = 200, description = "My enrolments", body = Vec<MyEnrolment>),
        (status = 401, description = says!(unauthenticated), body = ErrorBody),
    )
)]
pub async fn mine(State(auth): State<StaffAuth>, State(signer): State<TicketSigner>, StaffActor(actor): StaffActor) -> Result<Json<Vec<MyEnrolment>>, ApiError> {
    Ok(Json(cc_services::staff::my_training(auth.store(), &signer, &actor).await?))
}

/// `GET /staff/training/hours?year=`.
#[utoipa::path(
    get, path = "/staff/training/hours", operation_id = "training_hours", tag = "staff",
    summary = "Each person's courses and hours in a year (sessions that started in it), most first: everyone for district admins, a street's people for its admin",
    security(("cookieAuth" = [])),
    params(("year" = Option<i32>, Query, description = "The year; this year when left out", minimum = 2000, maximum = 2100)),
    responses(
        (status = 200, description = "Hours per person", body = Vec<PersonHours>),
        (status = 400, description = says!(bad_parameter), body = ErrorBody),
        (status = 401, description = says!(unauthenticated), body = ErrorBody),
        (status = 403, description = says!(forbidden), body = ErrorBody),
    )
)]
pub async fn hours(State(auth): State<StaffAuth>, StaffActor(actor): StaffActor, RawQuery(qs): RawQuery) -> Result<Json<Vec<PersonHours>>, ApiError> {
    let asked = cc_domain::query::optional_number(qs.as_deref().unwrap_or(""), "year", 2000, 2100)?;
    let year = asked.map_or_else(|| this_year(), |y| y as i32);
    Ok(Json(cc_services::staff::training_hours(auth.store(), &actor, year).await?))
}

/// The year it is in the district.
pub fn this_year() -> i32 {
    use chrono::Datelike;
    cc_domain::time::local(cc_domain::time::now()).year()
}

/// `GET /training/tickets/{token}/qr.svg`: a training ticket as a QR code.
#[utoipa::path(
    get, path = "/training/tickets/{token}/qr.svg", operation_id = "training_ticket_qr", tag = "staff",
    summary = "A training ticket as a QR code, while it holds a place: the signed token is the address, so whoever was handed it (a worker without an account) can show it",
    params(("token" = String, Path, description = "The signed ticket, `CT1.…`")),
    responses(
        (status = 200, description = "An SVG QR code at least 280 px wide", content_type = "image/svg+xml", body = String),
        (status = 404, description = "`not_found`: no such ticket, or it no longer holds a place", body = ErrorBody),
    )
)]
pub async fn ticket_qr(
    State(store): State<cc_store::Store>,
    State(signer): State<TicketSigner>,
    axum::extract::Path(token): axum::extract::Path<String>,
) -> Result<impl axum::response::IntoResponse, ApiError> {
    let enrolment = cc_services::training::ticket(&store, &signer, &token).await?;
    let token = enrolment.ticket.ok_or(cc_services::ServiceError::NotFound("ticket"))?;
    let svg = cc_domain::ticket::qr_svg(&token);
    Ok(([(http::header::CONTENT_TYPE, "image/svg+xml"), (http::header::CACHE_CONTROL, "private, no-store")], svg))
}
