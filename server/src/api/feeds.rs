//! Calendar feeds through the API: `.ics` files a calendar app subscribes to (as `webcal://`),
//! for a street, a facility or a category, and a resident's own bookings at a secret address;
//! the resident reads and resets that address. The rules are `cc_services::feeds`'.

use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use axum::Json;
use cc_domain::ids::{FacilityId, Id};
use cc_services::feeds;
use cc_store::feeds::FeedScope;
use cc_store::Store;
use http::header::{CACHE_CONTROL, CONTENT_TYPE, ETAG, IF_NONE_MATCH};
use http::{HeaderMap, HeaderValue, StatusCode};
use serde::Serialize;
use utoipa::ToSchema;

use super::error::{ApiError, ErrorBody};
use super::resident::Resident;
use crate::seo::PublicUrl;

/// The name before `.ics`, or 404.
fn stem(file: &str) -> Result<&str, ApiError> {
    file.strip_suffix(".ics").filter(|s| !s.is_empty()).ok_or(ApiError::NotFound("feed"))
}

/// A resident's own feed: never kept by anyone on the way.
fn private_calendar(ics: String) -> Response {
    ([(CONTENT_TYPE, "text/calendar; charset=utf-8"), (CACHE_CONTROL, "private, no-store")], ics).into_response()
}

/// A public feed with its tag: calendar apps ask again every hour, and one that sends the tag
/// of what it has (`If-None-Match`) gets 304 without the body while nothing changed.
fn public_calendar(ics: String, request: &HeaderMap) -> Response {
    let tag = feed_tag(&ics);
    let unchanged = request.get(IF_NONE_MATCH).is_some_and(|asked| crate::page_cache::matches(asked, &tag));
    let headers = [(ETAG, tag), (CACHE_CONTROL, HeaderValue::from_static("public, max-age=300"))];
    if unchanged {
        (StatusCode::NOT_MODIFIED, headers).into_response()
    } else {
        (headers, [(CONTENT_TYPE, "text/calendar; charset=utf-8")], ics).into_response()
    }
}

/// A strong tag of what a feed says, leaving out when it was written (`DTSTAMP`, the time of
/// each answer), so an unchanged calendar keeps its tag — on every server of a build (SipHash
/// with fixed keys).
fn feed_tag(ics: &str) -> HeaderValue {
    use std::hash::{Hash, Hasher};
    #[allow(deprecated)]
    let mut hasher = std::hash::SipHasher::new();
    for line in ics.split("\r\n").filter(|line| !line.starts_with("DTSTAMP:")) {
        line.hash(&mut hasher);
    }
    HeaderValue::from_str(&format!("\"{:016x}-{:x}\"", hasher.finish(), ics.len())).expect("hex is a valid header")
}

/// `GET /feeds/street/{file}`.
#[utoipa::path(
    get, path = "/feeds/street/{file}", operation_id = "street_feed", tag = "catalogue",
    summary = "A street's sessions from yesterday to three months ahead as an iCalendar feed (subscribe as webcal://); cancelled sessions stay, as STATUS:CANCELLED",
    params(("file" = String, Path, description = "The street's slug and `.ics`, e.g. `bajiao.ics`")),
    responses(
        (status = 200, description = "RFC 5545, times in Asia/Shanghai, one stable UID per session; with an `ETag`", content_type = "text/calendar", body = String),
        (status = 304, description = "Not modified: the feed still says what the `ETag` sent in `If-None-Match` stands for"),
        (status = 404, description = "`not_found`: no such street", body = ErrorBody),
    )
)]
pub async fn street(State(store): State<Store>, State(public): State<PublicUrl>, headers: HeaderMap, Path(file): Path<String>) -> Result<Response, ApiError> {
    let ics = feeds::public_feed(&store, FeedScope::Street(stem(&file)?), &public.origin(&headers)).await?;
    Ok(public_calendar(ics, &headers))
}

/// `GET /feeds/facility/{file}`.
#[utoipa::path(
    get, path = "/feeds/facility/{file}", operation_id = "facility_feed", tag = "catalogue",
    summary = "A facility's sessions from yesterday to three months ahead as an iCalendar feed",
    params(("file" = String, Path, description = "The facility's id and `.ics`, e.g. `12.ics`")),
    responses(
        (status = 200, description = "RFC 5545, times in Asia/Shanghai, one stable UID per session; with an `ETag`", content_type = "text/calendar", body = String),
        (status = 304, description = "Not modified: the feed still says what the `ETag` sent in `If-None-Match` stands for"),
        (status = 404, description = "`not_found`: no such facility", body = ErrorBody),
    )
)]
pub async fn facility(State(store): State<Store>, State(public): State<PublicUrl>, headers: HeaderMap, Path(file): Path<String>) -> Result<Response, ApiError> {
    let id = FacilityId::parse(stem(&file)?).ok_or(ApiError::NotFound("feed"))?;
    let ics = feeds::public_feed(&store, FeedScope::Facility(id), &public.origin(&headers)).await?;
    Ok(public_calendar(ics, &headers))
}

/// `GET /feeds/category/{file}`.
#[utoipa::path(
    get, path = "/feeds/category/{file}", operation_id = "category_feed", tag = "catalogue",
    summary = "A category's sessions from yesterday to three months ahead as an iCalendar feed",
    params(("file" = String, Path, description = "The category's slug and `.ics`, e.g. `opera.ics`")),
    responses(
        (status = 200, description = "RFC 5545, times in Asia/Shanghai, one stable UID per session; with an `ETag`", content_type = "text/calendar", body = String),
        (status = 304, description = "Not modified: the feed still says what the `ETag` sent in `If-None-Match` stands for"),
        (status = 404, description = "`not_found`: no such category", body = ErrorBody),
    )
)]
pub async fn category(State(store): State<Store>, State(public): State<PublicUrl>, headers: HeaderMap, Path(file): Path<String>) -> Result<Response, ApiError> {
    let ics = feeds::public_feed(&store, FeedScope::Category(stem(&file)?), &public.origin(&headers)).await?;
    Ok(public_calendar(ics, &headers))
}

/// `GET /feeds/me/{file}`.
#[utoipa::path(
    get, path = "/feeds/me/{file}", operation_id = "my_feed", tag = "bookings",
    summary = "A resident's own bookings as an iCalendar feed, at the secret address `GET /me/calendar` gives (no login: calendar apps fetch it); a booking given back reads as cancelled",
    params(("file" = String, Path, description = "The secret and `.ics`")),
    responses(
        (status = 200, description = "RFC 5545, times in Asia/Shanghai", content_type = "text/calendar", body = String),
        (status = 404, description = "`not_found`: no feed has this address (it may have been reset)", body = ErrorBody),
    )
)]
pub async fn mine(State(store): State<Store>, State(public): State<PublicUrl>, headers: HeaderMap, Path(file): Path<String>) -> Result<Response, ApiError> {
    let ics = feeds::resident_feed(&store, stem(&file)?, &public.origin(&headers)).await?;
    Ok(private_calendar(ics))
}

/// Where a resident's own feed lives.
#[derive(Serialize, ToSchema)]
pub struct CalendarFeed {
    /// The path below the site, e.g. `/api/v1/feeds/me/….ics`.
    pub path: String,
    /// The same as a `webcal://` address calendar apps subscribe to.
    pub webcal: String,
}

fn feed_of(path: String, public: &PublicUrl, headers: &HeaderMap) -> CalendarFeed {
    let origin = public.origin(headers);
    let host = origin.split_once("://").map_or(origin.as_str(), |(_, host)| host);
    CalendarFeed { webcal: format!("webcal://{host}{path}"), path }
}

/// `GET /me/calendar`.
#[utoipa::path(
    get, path = "/me/calendar", operation_id = "my_calendar_feed", tag = "bookings",
    summary = "The secret address of my bookings' calendar feed (made the first time it is asked for)",
    security(("cookieAuth" = [])),
    responses(
        (status = 200, description = "The address", body = CalendarFeed),
        (status = 401, description = says!(unauthenticated), body = ErrorBody),
    )
)]
pub async fn address(State(store): State<Store>, State(public): State<PublicUrl>, headers: HeaderMap, Resident(resident): Resident) -> Result<Json<CalendarFeed>, ApiError> {
    Ok(Json(feed_of(feeds::calendar_path(&store, resident).await?, &public, &headers)))
}

/// `POST /me/calendar/reset`.
#[utoipa::path(
    post, path = "/me/calendar/reset", operation_id = "reset_my_calendar_feed", tag = "bookings",
    summary = "A new secret address for my bookings' feed: the old one answers 404 from now on (for a link shared by mistake)",
    security(("cookieAuth" = [])),
    responses(
        (status = 200, description = "The new address", body = CalendarFeed),
        (status = 401, description = says!(unauthenticated), body = ErrorBody),
        (status = 403, description = says!(cross_site), body = ErrorBody),
    )
)]
pub async fn reset(State(store): State<Store>, State(public): State<PublicUrl>, headers: HeaderMap, Resident(resident): Resident) -> Result<Json<CalendarFeed>, ApiError> {
    Ok(Json(feed_of(feeds::reset_calendar(&store, resident).await?, &public, &headers)))
}
