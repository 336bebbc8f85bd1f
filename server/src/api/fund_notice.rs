//! The fund after the committee, through the API: the public list of awards per year (JSON and
//! XLSX), objections lodged by anyone logged in while an award is in notice, and district
//! admins' declines, publication, answers and final awards. The rules are `cc_services`'.

use axum::extract::{RawQuery, State};
use axum::response::Response;
use axum::Json;
use cc_auth::StaffAuth;
use cc_domain::fund::notice::{AnswerInput, Objection, ObjectionInput};
use cc_domain::ids::{FundApplicationId, FundCallId, FundObjectionId};
use cc_domain::query::{decode_pairs, optional_number};
use cc_domain::{Locale, ParamError};
use cc_services::fund::Awards;
use cc_services::residents::objection;
use cc_services::staff::{DeclineInput, Published, ReviewBoard};
use cc_store::Store;
use http::{HeaderMap, StatusCode};

use super::error::{locale_of, ApiError, ErrorBody};
use super::resident::{Body, PathId, Resident};
use super::staff::StaffActor;
use super::staff_exports::{file, FileFormat};

fn year(qs: &Option<String>) -> Result<Option<i32>, ParamError> {
    Ok(optional_number(qs.as_deref().unwrap_or(""), "year", 2000, 2100)?.map(|y| y as i32))
}

/// `GET /fund/awards?year=`.
#[utoipa::path(
    get, path = "/fund/awards", operation_id = "list_fund_awards", tag = "fund",
    summary = "The fund's awards of a year: in public notice (with when it ends), final, or being carried out; by default the latest year with any",
    params(("year" = Option<u32>, Query, description = "The call's year", minimum = 2000, maximum = 2100)),
    responses(
        (status = 200, description = "The year's awards and the years there are", body = Awards),
        (status = 400, description = says!(bad_parameter), body = ErrorBody),
    )
)]
pub async fn awards(State(store): State<Store>, RawQuery(qs): RawQuery) -> Result<Json<Awards>, ApiError> {
    Ok(Json(cc_services::fund::awards(&store, year(&qs)?).await?))
}

/// `GET /fund/awards.xlsx?year=&lang=`.
#[utoipa::path(
    get, path = "/fund/awards.xlsx", operation_id = "export_fund_awards", tag = "fund",
    summary = "The same list as a spreadsheet, amounts in yuan; in the language asked for (`lang`), else Accept-Language's",
    params(
        ("year" = Option<u32>, Query, description = "The call's year", minimum = 2000, maximum = 2100),
        ("lang" = Option<String>, Query, description = "`zh` or `en`"),
    ),
    responses(
        (status = 200, description = "The file", content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", body = String),
        (status = 400, description = says!(bad_parameter), body = ErrorBody),
    )
)]
pub async fn awards_xlsx(State(store): State<Store>, headers: HeaderMap, RawQuery(qs): RawQuery) -> Result<Response, ApiError> {
    let awards = cc_services::fund::awards(&store, year(&qs)?).await?;
    let asked = decode_pairs(qs.as_deref().unwrap_or("")).into_iter().find(|(k, _)| k == "lang").map(|(_, v)| v);
    let locale = match asked.as_deref() {
        Some("zh") => Locale::Zh,
        Some("en") => Locale::En,
        _ => locale_of(&headers),
    };
    file(&cc_services::fund::awards_table(&awards, locale), &format!("fund-awards-{}", awards.year), FileFormat::Xlsx)
}

/// `POST /fund/awards/{id}/objections`: 201.
#[utoipa::path(
    post, path = "/fund/awards/{id}/objections", operation_id = "object_to_fund_award", tag = "fund",
    summary = "Object to an award in public notice, with reasons (real-name: logged in; at most 5 a day); staff answer each, and the award is final only once all are answered",
    security(("cookieAuth" = [])),
    params(("id" = i64, Path, description = "The application's id (the award's `application_id`)", minimum = 1)),
    request_body = ObjectionInput,
    responses(
        (status = 201, description = "Lodged", body = Objection),
        (status = 400, description = concat!(says!(bad_field), " (`objection`); ", says!(bad_request)), body = ErrorBody),
        (status = 401, description = says!(unauthenticated), body = ErrorBody),
        (status = 403, description = says!(cross_site), body = ErrorBody),
        (status = 404, description = "`not_found`: no such award", body = ErrorBody),
        (status = 409, description = "`not_in_notice`: its notice is over", body = ErrorBody),
        (status = 413, description = says!(too_large), body = ErrorBody),
        (status = 429, description = "`daily_limit`", body = ErrorBody),
    )
)]
pub async fn object(
    State(store): State<Store>,
    Resident(resident): Resident,
    PathId(id): PathId<FundApplicationId>,
    Body(input): Body<ObjectionInput>,
) -> Result<(StatusCode, Json<Objection>), ApiError> {
    Ok((StatusCode::CREATED, Json(objection::lodge(&store, resident, id, &input).await?)))
}

/// `POST /staff/fund/applications/{id}/decline`.
#[utoipa::path(
    post, path = "/staff/fund/applications/{id}/decline", operation_id = "decline_fund_application", tag = "staff",
    summary = "Not funded: an application in review, proposed or in notice, with the reason the unit is told (district admins; audited)",
    security(("cookieAuth" = [])),
    params(("id" = i64, Path, description = "The application's id", minimum = 1)),
    request_body = DeclineInput,
    responses(
        (status = 200, description = "Declined", body = ReviewBoard),
        (status = 400, description = concat!(says!(bad_field), " (`reason`); ", says!(bad_request)), body = ErrorBody),
        (status = 401, description = says!(unauthenticated), body = ErrorBody),
        (status = 403, description = concat!(says!(forbidden), "; ", says!(cross_site)), body = ErrorBody),
        (status = 404, description = "`not_found`", body = ErrorBody),
        (status = 409, description = "`not_now`", body = ErrorBody),
        (status = 413, description = says!(too_large), body = ErrorBody),
    )
)]
pub async fn decline(
    State(auth): State<StaffAuth>,
    StaffActor(actor): StaffActor,
    PathId(id): PathId<FundApplicationId>,
    Body(input): Body<DeclineInput>,
) -> Result<Json<ReviewBoard>, ApiError> {
    Ok(Json(cc_services::staff::decline_fund_application(auth.store(), &actor, id, &input).await?))
}

/// `POST /staff/fund/calls/{id}/notice`.
#[utoipa::path(
    post, path = "/staff/fund/calls/{id}/notice", operation_id = "publish_fund_awards", tag = "staff",
    summary = "Publish every proposed award of a call for the call's notice days — the public notice, 公示 — and the units are told (district admins; audited)",
    security(("cookieAuth" = [])),
    params(("id" = i64, Path, description = "The call's id", minimum = 1)),
    responses(
        (status = 200, description = "Published", body = Published),
        (status = 401, description = says!(unauthenticated), body = ErrorBody),
        (status = 403, description = concat!(says!(forbidden), "; ", says!(cross_site)), body = ErrorBody),
        (status = 404, description = "`not_found`: no such call", body = ErrorBody),
        (status = 409, description = "`nothing_proposed`", body = ErrorBody),
    )
)]
pub async fn publish(State(auth): State<StaffAuth>, StaffActor(actor): StaffActor, PathId(call): PathId<FundCallId>) -> Result<Json<Published>, ApiError> {
    Ok(Json(cc_services::staff::publish_fund_awards(auth.store(), &actor, call).await?))
}

/// `POST /staff/fund/objections/{id}/answer`.
#[utoipa::path(
    post, path = "/staff/fund/objections/{id}/answer", operation_id = "answer_fund_objection", tag = "staff",
    summary = "Answer an objection once; the objector is told, and an upheld one declines the award (district admins; audited)",
    security(("cookieAuth" = [])),
    params(("id" = i64, Path, description = "The objection's id", minimum = 1)),
    request_body = AnswerInput,
    responses(
        (status = 200, description = "Answered: the application's board", body = ReviewBoard),
        (status = 400, description = concat!(says!(bad_field), " (`answer`); ", says!(bad_request)), body = ErrorBody),
        (status = 401, description = says!(unauthenticated), body = ErrorBody),
        (status = 403, description = concat!(says!(forbidden), "; ", says!(cross_site)), body = ErrorBody),
        (status = 404, description = "`not_found`", body = ErrorBody),
        (status = 409, description = "`answered`; `not_now` (upheld against an award no longer in notice)", body = ErrorBody),
        (status = 413, description = says!(too_large), body = ErrorBody),
    )
)]
pub async fn answer(
    State(auth): State<StaffAuth>,
    StaffActor(actor): StaffActor,
    PathId(id): PathId<FundObjectionId>,
    Body(input): Body<AnswerInput>,
) -> Result<Json<ReviewBoard>, ApiError> {
    Ok(Json(cc_services::staff::answer_fund_objection(auth.store(), &actor, id, &input).await?))
}

/// `POST /staff/fund/applications/{id}/finalise`.
#[utoipa::path(
    post, path = "/staff/fund/applications/{id}/finalise", operation_id = "finalise_fund_award", tag = "staff",
    summary = "Make an award final once its notice has ended with every objection answered; the unit is told (district admins; audited)",
    security(("cookieAuth" = [])),
    params(("id" = i64, Path, description = "The application's id", minimum = 1)),
    responses(
        (status = 200, description = "Awarded", body = ReviewBoard),
        (status = 401, description = says!(unauthenticated), body = ErrorBody),
        (status = 403, description = concat!(says!(forbidden), "; ", says!(cross_site)), body = ErrorBody),
        (status = 404, description = "`not_found`", body = ErrorBody),
        (status = 409, description = "`notice_running`; `objections_open`; `not_now`", body = ErrorBody),
    )
)]
pub async fn finalise(State(auth): State<StaffAuth>, StaffActor(actor): StaffActor, PathId(id): PathId<FundApplicationId>) -> Result<Json<ReviewBoard>, ApiError> {
    Ok(Json(cc_services::staff::finalise_fund_award(auth.store(), &actor, id).await?))
}
