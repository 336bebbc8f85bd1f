//! The evaluation through the API: a place's scored report for a quarter or a year (JSON, with
//! the trend of the quarters before it, and XLSX), and the indicators it is scored by.

use axum::extract::{RawQuery, State};
use axum::response::Response;
use axum::Json;
use cc_auth::StaffAuth;
use cc_domain::evaluation::{Indicator, Period};
use cc_domain::query::decode_pairs;
use cc_domain::{Locale, ParamError, ParamProblem};
use cc_services::staff::Evaluation;
use http::HeaderMap;

use super::error::{locale_of, ApiError, ErrorBody};
use super::resident::Body;
use super::staff::StaffActor;
use super::staff_exports::{file, FileFormat};

/// The period and the street asked for: the current quarter and the district by default.
fn asked(qs: &Option<String>) -> Result<(Period, Option<i64>, Option<String>), ParamError> {
    let pairs = decode_pairs(qs.as_deref().unwrap_or(""));
    let value = |key: &str| pairs.iter().find(|(k, _)| k == key).map(|(_, v)| v.clone()).filter(|v| !v.is_empty());
    let period = match value("period") {
        None => Period::quarter_of(cc_domain::time::now()),
        Some(text) => Period::parse(&text).ok_or(ParamError { param: "period".into(), problem: ParamProblem::NotOneOf("2026-Q4, 2026".into()) })?,
    };
    let street = match value("street") {
        None => None,
        Some(text) => Some(text.trim().parse::<i64>().ok().filter(|id| *id > 0).ok_or(ParamError { param: "street".into(), problem: ParamProblem::NotAPositiveNumber })?),
    };
    Ok((period, street, value("lang")))
}

/// `GET /staff/evaluation?period=&street=`.
#[utoipa::path(
    get, path = "/staff/evaluation", operation_id = "staff_evaluation", tag = "staff",
    summary = "The scored evaluation of the district or a street for a quarter or a year: each indicator's data, value, target and score (no data is not scored), and the quarters before it; a period that is over is stored when first read and never changes (district admins; street admins for their street)",
    security(("cookieAuth" = [])),
    params(
        ("period" = Option<String>, Query, description = "`2026-Q4` or `2026`; the current quarter by default"),
        ("street" = Option<i64>, Query, description = "A street's id; the district when absent", minimum = 1),
    ),
    responses(
        (status = 200, description = "The report and its trend", body = Evaluation),
        (status = 400, description = says!(bad_parameter), body = ErrorBody),
        (status = 401, description = says!(unauthenticated), body = ErrorBody),
        (status = 403, description = says!(forbidden), body = ErrorBody),
        (status = 404, description = "`not_found`: no such street", body = ErrorBody),
    )
)]
pub async fn show(State(auth): State<StaffAuth>, StaffActor(actor): StaffActor, RawQuery(qs): RawQuery) -> Result<Json<Evaluation>, ApiError> {
    let (period, street, _) = asked(&qs)?;
    Ok(Json(cc_services::staff::evaluation(auth.store(), &actor, period, street).await?))
}

/// `GET /staff/evaluation.xlsx?period=&street=&lang=`.
#[utoipa::path(
    get, path = "/staff/evaluation.xlsx", operation_id = "staff_evaluation_xlsx", tag = "staff",
    summary = "The same report as a spreadsheet, in the language asked for (`lang`), else Accept-Language's",
    security(("cookieAuth" = [])),
    params(
        ("period" = Option<String>, Query, description = "`2026-Q4` or `2026`; the current quarter by default"),
        ("street" = Option<i64>, Query, description = "A street's id; the district when absent", minimum = 1),
        ("lang" = Option<String>, Query, description = "`zh` or `en`"),
    ),
    responses(
        (status = 200, description = "The file", content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", body = String),
        (status = 400, description = says!(bad_parameter), body = ErrorBody),
        (status = 401, description = says!(unauthenticated), body = ErrorBody),
        (status = 403, description = says!(forbidden), body = ErrorBody),
        (status = 404, description = "`not_found`: no such street", body = ErrorBody),
    )
)]
pub async fn xlsx(State(auth): State<StaffAuth>, StaffActor(actor): StaffActor, headers: HeaderMap, RawQuery(qs): RawQuery) -> Result<Response, ApiError> {
    let (period, street, lang) = asked(&qs)?;
    let locale = match lang.as_deref() {
        Some("zh") => Locale::Zh,
        Some("en") => Locale::En,
        _ => locale_of(&headers),
    };
    let evaluation = cc_services::staff::evaluation(auth.store(), &actor, period, street).await?;
    let name = format!("evaluation-{}-{}", period, street.map_or("district".to_string(), |s| format!("street-{s}")));
    file(&cc_services::staff::evaluation_table(&evaluation.report, locale), &name, FileFormat::Xlsx)
}

/// `GET /staff/evaluation/indicators`.
#[utoipa::path(
    get, path = "/staff/evaluation/indicators", operation_id = "evaluation_indicators", tag = "staff",
    summary = "The indicators the evaluation scores by: a platform figure, a weight (adding up to 100), a target and a rule (district and street admins)",
    security(("cookieAuth" = [])),
    responses(
        (status = 200, description = "The indicators, in order", body = Vec<Indicator>),
        (status = 401, description = says!(unauthenticated), body = ErrorBody),
        (status = 403, description = says!(forbidden), body = ErrorBody),
    )
)]
pub async fn indicators(State(auth): State<StaffAuth>, StaffActor(actor): StaffActor) -> Result<Json<Vec<Indicator>>, ApiError> {
    Ok(Json(cc_services::staff::evaluation_indicators(auth.store(), &actor).await?))
}

/// `PUT /staff/evaluation/indicators`.
#[utoipa::path(
    put, path = "/staff/evaluation/indicators", operation_id = "set_evaluation_indicators", tag = "staff",
    summary = "Replace the indicators: each figure once, targets above 0, weights adding up to exactly 100; stored reports keep the indicators they were scored by (district admins; audited)",
    security(("cookieAuth" = [])),
    request_body = Vec<Indicator>,
    responses(
        (status = 200, description = "The indicators now", body = Vec<Indicator>),
        (status = 400, description = concat!(says!(bad_field), " (`weight`, `target`, `measure`, `name`, `indicators`); ", says!(bad_request)), body = ErrorBody),
        (status = 401, description = says!(unauthenticated), body = ErrorBody),
        (status = 403, description = concat!(says!(forbidden), "; ", says!(cross_site)), body = ErrorBody),
        (status = 413, description = says!(too_large), body = ErrorBody),
    )
)]
pub async fn set_indicators(State(auth): State<StaffAuth>, StaffActor(actor): StaffActor, Body(set): Body<Vec<Indicator>>) -> Result<Json<Vec<Indicator>>, ApiError> {
    Ok(Json(cc_services::staff::set_evaluation_indicators(auth.store(), &actor, &set).await?))
}
