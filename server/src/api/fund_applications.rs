//! A verified unit's applications to the heritage fund (`/org/applications…`): start, write,
//! attach files, submit, withdraw, and read them back. The rules are `cc_services`'; these
//! extract, call and serialise.

use axum::body::{to_bytes, Body as RawBody};
use axum::extract::{FromRequest, Multipart, Path, RawQuery, Request, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::Json;
use cc_domain::fund::{ApplicationInput, Attachment, FundApplication, MAX_ATTACHMENT_BYTES};
use cc_domain::ids::{AttachmentId, FundApplicationId, FundCallId, FundCategoryId, Id};
use cc_domain::query::decode_pairs;
use cc_services::residents::fund_application as apply;
use cc_services::ServiceError;
use cc_store::fund_applications::AttachmentFile;
use cc_store::Store;
use http::{header, StatusCode};
use serde::Deserialize;
use utoipa::ToSchema;

use super::error::{ApiError, ErrorBody};
use super::resident::{Body, PathId, PathIds, Resident};

/// The largest request that carries one file.
pub const BODY_LIMIT: usize = MAX_ATTACHMENT_BYTES + 1024 * 1024;

/// A new application: where it goes, and what is typed so far.
#[derive(Deserialize, ToSchema)]
pub struct NewApplication {
    call_id: FundCallId,
    category_id: FundCategoryId,
    #[serde(flatten)]
    input: ApplicationInput,
}

/// `POST /org/applications`: 201 with the draft.
#[utoipa::path(
    post, path = "/org/applications", operation_id = "start_fund_application", tag = "organisations",
    summary = "Start my verified unit's application in a category of a call that is open or about to open: a draft, kept as typed",
    security(("cookieAuth" = [])),
    request_body = NewApplication,
    responses(
        (status = 201, description = "The draft", body = FundApplication),
        (status = 400, description = concat!(says!(bad_field), " (`project`, `aims`, `schedule`, `budget_lines`, `requested`, `cofunding`: too long); ", says!(bad_request)), body = ErrorBody),
        (status = 401, description = says!(unauthenticated), body = ErrorBody),
        (status = 403, description = "`unit_not_verified`: I am not the contact of a verified unit; `cross_site`", body = ErrorBody),
        (status = 404, description = "`not_found`: no such call or category (or it is retired)", body = ErrorBody),
        (status = 409, description = "`call_closed`; `duplicate`: my unit has an application in this category of this call", body = ErrorBody),
        (status = 413, description = says!(too_large), body = ErrorBody),
    )
)]
pub async fn start(
    State(store): State<Store>,
    Resident(resident): Resident,
    Body(new): Body<NewApplication>,
) -> Result<(StatusCode, Json<FundApplication>), ApiError> {
    let started = apply::start(&store, resident, new.call_id, new.category_id, &new.input).await?;
    Ok((StatusCode::CREATED, Json(started)))
}

/// `GET /org/applications`.
#[utoipa::path(
    get, path = "/org/applications", operation_id = "my_fund_applications", tag = "organisations",
    summary = "My unit's applications to the heritage fund, the newest first",
    security(("cookieAuth" = [])),
    responses(
        (status = 200, description = "Applications", body = Vec<FundApplication>),
        (status = 401, description = says!(unauthenticated), body = ErrorBody),
        (status = 403, description = "`unit_not_verified`", body = ErrorBody),
    )
)]
pub async fn mine(State(store): State<Store>, Resident(resident): Resident) -> Result<Json<Vec<FundApplication>>, ApiError> {
    Ok(Json(apply::applications(&store, resident).await?))
}

/// `GET /org/applications/{id}`.
#[utoipa::path(
    get, path = "/org/applications/{id}", operation_id = "my_fund_application", tag = "organisations",
    summary = "One of my unit's applications",
    security(("cookieAuth" = [])),
    params(("id" = i64, Path, description = "The application's id", minimum = 1)),
    responses(
        (status = 200, description = "The application", body = FundApplication),
        (status = 401, description = says!(unauthenticated), body = ErrorBody),
        (status = 403, description = "`unit_not_verified`", body = ErrorBody),
        (status = 404, description = "`not_found`: no such application of my unit", body = ErrorBody),
    )
)]
pub async fn show(
    State(store): State<Store>,
    Resident(resident): Resident,
    PathId(id): PathId<FundApplicationId>,
) -> Result<Json<FundApplication>, ApiError> {
    Ok(Json(apply::application(&store, resident, id).await?))
}

/// `PUT /org/applications/{id}`.
#[utoipa::path(
    put, path = "/org/applications/{id}", operation_id = "save_fund_application", tag = "organisations",
    summary = "Write my unit's draft (or returned application) as typed; amounts are read when it is submitted",
    security(("cookieAuth" = [])),
    params(("id" = i64, Path, description = "The application's id", minimum = 1)),
    request_body = ApplicationInput,
    responses(
        (status = 200, description = "Saved", body = FundApplication),
        (status = 400, description = concat!(says!(bad_field), "; ", says!(bad_request)), body = ErrorBody),
        (status = 401, description = says!(unauthenticated), body = ErrorBody),
        (status = 403, description = "`unit_not_verified`; `cross_site`", body = ErrorBody),
        (status = 404, description = "`not_found`", body = ErrorBody),
        (status = 409, description = "`not_editable`: it is submitted", body = ErrorBody),
        (status = 413, description = says!(too_large), body = ErrorBody),
    )
)]
pub async fn save(
    State(store): State<Store>,
    Resident(resident): Resident,
    PathId(id): PathId<FundApplicationId>,
    Body(input): Body<ApplicationInput>,
) -> Result<Json<FundApplication>, ApiError> {
    Ok(Json(apply::save(&store, resident, id, &input).await?))
}

/// `POST /org/applications/{id}/submit`.
#[utoipa::path(
    post, path = "/org/applications/{id}/submit", operation_id = "submit_fund_application", tag = "organisations",
    summary = "Submit my unit's application: read whole (budget lines adding up to the request, within the category's cap), every required file attached, while the call is open",
    security(("cookieAuth" = [])),
    params(("id" = i64, Path, description = "The application's id", minimum = 1)),
    responses(
        (status = 200, description = "Submitted: district staff check it is complete", body = FundApplication),
        (status = 400, description = concat!(says!(bad_field), " (`project`, `aims`, `schedule`, `budget_lines`, `requested`, `cofunding`, `attachments`)"), body = ErrorBody),
        (status = 401, description = says!(unauthenticated), body = ErrorBody),
        (status = 403, description = "`unit_not_verified`; `cross_site`", body = ErrorBody),
        (status = 404, description = "`not_found`", body = ErrorBody),
        (status = 409, description = "`call_not_open`: the draft is kept; `not_editable`: submitted already", body = ErrorBody),
    )
)]
pub async fn submit(
    State(store): State<Store>,
    Resident(resident): Resident,
    PathId(id): PathId<FundApplicationId>,
) -> Result<Json<FundApplication>, ApiError> {
    Ok(Json(apply::submit(&store, resident, id).await?))
}

/// `POST /org/applications/{id}/withdraw`.
#[utoipa::path(
    post, path = "/org/applications/{id}/withdraw", operation_id = "withdraw_fund_application", tag = "organisations",
    summary = "Take my unit's application back before any decision",
    security(("cookieAuth" = [])),
    params(("id" = i64, Path, description = "The application's id", minimum = 1)),
    responses(
        (status = 200, description = "Withdrawn", body = FundApplication),
        (status = 401, description = says!(unauthenticated), body = ErrorBody),
        (status = 403, description = "`unit_not_verified`; `cross_site`", body = ErrorBody),
        (status = 404, description = "`not_found`", body = ErrorBody),
        (status = 409, description = "`not_now`: decided already", body = ErrorBody),
    )
)]
pub async fn withdraw(
    State(store): State<Store>,
    Resident(resident): Resident,
    PathId(id): PathId<FundApplicationId>,
) -> Result<Json<FundApplication>, ApiError> {
    Ok(Json(apply::withdraw(&store, resident, id).await?))
}

/// `POST /org/applications/{id}/attachments?label=&name=`: 201.
#[utoipa::path(
    post, path = "/org/applications/{id}/attachments", operation_id = "attach_to_fund_application", tag = "organisations",
    summary = "Attach a file to my unit's draft: PDF, JPEG, PNG or DOCX recognised by its bytes, at most 10 MB, at most 20 per application",
    security(("cookieAuth" = [])),
    params(
        ("id" = i64, Path, description = "The application's id", minimum = 1),
        ("label" = Option<String>, Query, description = "The required attachment it answers, as the category names it; absent for another file"),
        ("name" = Option<String>, Query, description = "The file's name (made safe, its extension set by what it is)"),
    ),
    request_body(content = Vec<u8>, content_type = "application/octet-stream"),
    responses(
        (status = 201, description = "Attached", body = Attachment),
        (status = 400, description = "`bad_field` (`label`: not one the category requires)", body = ErrorBody),
        (status = 401, description = says!(unauthenticated), body = ErrorBody),
        (status = 403, description = "`unit_not_verified`; `cross_site`", body = ErrorBody),
        (status = 404, description = "`not_found`", body = ErrorBody),
        (status = 409, description = "`not_editable`; `too_many`", body = ErrorBody),
        (status = 413, description = "`too_large`", body = ErrorBody),
        (status = 422, description = "`unsupported_type` or `empty`", body = ErrorBody),
    )
)]
pub async fn attach(
    State(store): State<Store>,
    Resident(resident): Resident,
    PathId(id): PathId<FundApplicationId>,
    RawQuery(qs): RawQuery,
    body: RawBody,
) -> Result<(StatusCode, Json<Attachment>), ApiError> {
    let bytes = to_bytes(body, BODY_LIMIT).await.map_err(|_| too_large())?;
    let pairs = decode_pairs(qs.as_deref().unwrap_or(""));
    let value = |key: &str| pairs.iter().find(|(k, _)| k == key).map_or("", |(_, v)| v.as_str());
    let attached = apply::attach(&store, resident, id, value("label"), value("name"), &bytes).await?;
    Ok((StatusCode::CREATED, Json(attached)))
}

/// The upload form of an application's page.
#[derive(ToSchema)]
#[allow(dead_code)]
pub struct AttachmentForm {
    /// The required attachment it answers; empty for another file.
    label: String,
    #[schema(format = Binary, content_media_type = "application/octet-stream")]
    file: String,
}

/// `POST /org/applications/{id}/attachments/form`: 303 back to the application's page.
#[utoipa::path(
    post, path = "/org/applications/{id}/attachments/form", operation_id = "attach_to_fund_application_form", tag = "organisations",
    summary = "The application page's upload form (multipart, fields `label` and `file`): the same checks, answered with a redirect to `/org/applications/{id}?attached=1` or `?file_error=<code>`",
    security(("cookieAuth" = [])),
    params(("id" = i64, Path, description = "The application's id", minimum = 1)),
    request_body(content = AttachmentForm, content_type = "multipart/form-data"),
    responses(
        (status = 303, description = "Back to the application's page with the outcome (or to the login page)"),
        (status = 403, description = says!(cross_site), body = ErrorBody),
    )
)]
pub async fn attach_form(
    State(store): State<Store>,
    Path(id): Path<String>,
    resident: Result<Resident, ApiError>,
    request: Request,
) -> Response {
    let Some(id) = FundApplicationId::parse(&id) else {
        return Redirect::to("/org").into_response();
    };
    let page = format!("/org/applications/{id}");
    let Ok(Resident(resident)) = resident else {
        return Redirect::to(&format!("/login?next={page}")).into_response();
    };
    let back = |query: &str| Redirect::to(&format!("{page}?{query}#files")).into_response();
    let Ok(mut form) = Multipart::from_request(request, &()).await else {
        return back("file_error=empty");
    };
    let (mut label, mut name, mut bytes) = (String::new(), String::new(), None);
    loop {
        match form.next_field().await {
            Ok(Some(field)) if field.name() == Some("label") => label = field.text().await.unwrap_or_default(),
            Ok(Some(field)) if field.name() == Some("file") => {
                name = field.file_name().unwrap_or_default().to_string();
                match field.bytes().await {
                    Ok(data) => bytes = Some(data),
                    Err(_) => return back("file_error=too_large"),
                }
            }
            Ok(Some(_)) => continue,
            Ok(None) => break,
            Err(_) => return back("file_error=too_large"),
        }
    }
    match apply::attach(&store, resident, id, &label, &name, &bytes.unwrap_or_default()).await {
        Ok(_) => back("attached=1"),
        Err(ServiceError::NotFound(_)) => Redirect::to("/org").into_response(),
        Err(ServiceError::Refused { code, .. }) => back(&format!("file_error={code}")),
        Err(ServiceError::Field(field)) => back(&format!("file_error={}", field.field)),
        Err(e) => {
            tracing::error!(error = %e, "failed to attach a file");
            back("file_error=internal")
        }
    }
}

/// `GET /org/applications/{id}/attachments/{attachment_id}`: the file, to download.
#[utoipa::path(
    get, path = "/org/applications/{id}/attachments/{attachment_id}", operation_id = "my_fund_attachment", tag = "organisations",
    summary = "A file of my unit's application, sent as a download",
    security(("cookieAuth" = [])),
    params(
        ("id" = i64, Path, description = "The application's id", minimum = 1),
        ("attachment_id" = i64, Path, description = "The file's id", minimum = 1),
    ),
    responses(
        (status = 200, description = "The file, with its type and name"),
        (status = 401, description = says!(unauthenticated), body = ErrorBody),
        (status = 403, description = "`unit_not_verified`", body = ErrorBody),
        (status = 404, description = "`not_found`", body = ErrorBody),
    )
)]
pub async fn download(State(store): State<Store>, Resident(resident): Resident, PathIds(id, file): PathIds<FundApplicationId, AttachmentId>) -> Result<Response, ApiError> {
    Ok(send_file(apply::attachment(&store, resident, id, file).await?))
}

/// `DELETE /org/applications/{id}/attachments/{attachment_id}`: 204.
#[utoipa::path(
    delete, path = "/org/applications/{id}/attachments/{attachment_id}", operation_id = "detach_from_fund_application", tag = "organisations",
    summary = "Remove a file from my unit's draft (or returned application)",
    security(("cookieAuth" = [])),
    params(
        ("id" = i64, Path, description = "The application's id", minimum = 1),
        ("attachment_id" = i64, Path, description = "The file's id", minimum = 1),
    ),
    responses(
        (status = 204, description = "Removed"),
        (status = 401, description = says!(unauthenticated), body = ErrorBody),
        (status = 403, description = "`unit_not_verified`; `cross_site`", body = ErrorBody),
        (status = 404, description = "`not_found`", body = ErrorBody),
        (status = 409, description = "`not_editable`", body = ErrorBody),
    )
)]
pub async fn detach(State(store): State<Store>, Resident(resident): Resident, PathIds(id, file): PathIds<FundApplicationId, AttachmentId>) -> Result<StatusCode, ApiError> {
    apply::detach(&store, resident, id, file).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// A stored file as a download: never shown inline, never sniffed, never cached by others.
pub fn send_file(file: AttachmentFile) -> Response {
    let name = cc_domain::query::percent_encode(&file.file_name);
    (
        [
            (header::CONTENT_TYPE, file.kind.content_type().to_string()),
            (header::CONTENT_DISPOSITION, format!("attachment; filename=\"attachment.{}\"; filename*=UTF-8''{name}", file.kind.extension())),
            (header::X_CONTENT_TYPE_OPTIONS, "nosniff".into()),
            (header::CONTENT_SECURITY_POLICY, "default-src 'none'; sandbox".into()),
            (header::CACHE_CONTROL, "private, no-store".into()),
        ],
        file.bytes,
    )
        .into_response()
}

/// 413 for a file above the limit.
pub fn too_large() -> ApiError {
    let (zh, en) = cc_domain::fund::AttachmentProblem::TooLarge.words();
    ApiError::Service(ServiceError::Refused { status: 413, code: "too_large", zh: zh.into(), en: en.into() })
}
