//! Reviews (评价): a resident reviews a session they attended (once, changed for a week), anyone
//! reads an item's reviews, moderators hide one with a reason. The rules are
//! `cc_services`'; these extract, call and serialise.

use axum::extract::{RawQuery, State};
use axum::Json;
use cc_auth::StaffAuth;
use cc_domain::ids::{BookingId, Id, ItemId, ReviewId};
use cc_domain::review::{ItemReviews, ModeratedReview, Review, ReviewInput};
use cc_domain::{ParamError, ParamProblem};
use cc_services::residents::reviews;
use cc_store::Store;
use http::StatusCode;
use serde::Deserialize;
use utoipa::ToSchema;

use super::error::{ApiError, ErrorBody};
use super::resident::{Body, PathId, Resident};
use super::staff::StaffActor;

/// `POST /bookings/{id}/review`: 201, once per attended booking.
#[utoipa::path(
    post, path = "/bookings/{id}/review", operation_id = "review_booking", tag = "reviews",
    summary = "Review a session I was checked in at: 1–5 stars and an optional comment (once; change it for 7 days with PUT)",
    security(("cookieAuth" = [])),
    params(("id" = i64, Path, description = "The booking's id", minimum = 1)),
    request_body = ReviewInput,
    responses(
        (status = 201, description = "Written", body = Review),
        (status = 400, description = concat!(says!(bad_field), " (`stars` 1–5, `comment` at most 500 characters); ", says!(bad_request)), body = ErrorBody),
        (status = 401, description = says!(unauthenticated), body = ErrorBody),
        (status = 403, description = says!(cross_site), body = ErrorBody),
        (status = 404, description = "`not_found`: no booking of mine has this id", body = ErrorBody),
        (status = 409, description = "`not_attended`: not checked in (yet); `duplicate`: reviewed already", body = ErrorBody),
        (status = 413, description = says!(too_large), body = ErrorBody),
    )
)]
pub async fn write(
    State(store): State<Store>,
    Resident(resident): Resident,
    PathId(booking): PathId<BookingId>,
    Body(input): Body<ReviewInput>,
) -> Result<(StatusCode, Json<Review>), ApiError> {
    Ok((StatusCode::CREATED, Json(reviews::write(&store, resident, booking, &input).await?)))
}

/// `PUT /bookings/{id}/review`: changes my review within 7 days of writing it.
#[utoipa::path(
    put, path = "/bookings/{id}/review", operation_id = "change_review", tag = "reviews",
    summary = "Change my review of a booking (within 7 days of writing it, unless a moderator hid it)",
    security(("cookieAuth" = [])),
    params(("id" = i64, Path, description = "The booking's id", minimum = 1)),
    request_body = ReviewInput,
    responses(
        (status = 200, description = "Changed", body = Review),
        (status = 400, description = concat!(says!(bad_field), "; ", says!(bad_request)), body = ErrorBody),
        (status = 401, description = says!(unauthenticated), body = ErrorBody),
        (status = 403, description = says!(cross_site), body = ErrorBody),
        (status = 404, description = "`not_found`: no booking of mine has this id, or it has no review", body = ErrorBody),
        (status = 409, description = "`edit_closed`: more than 7 days old, or hidden", body = ErrorBody),
        (status = 413, description = says!(too_large), body = ErrorBody),
    )
)]
pub async fn change(
    State(store): State<Store>,
    Resident(resident): Resident,
    PathId(booking): PathId<BookingId>,
    Body(input): Body<ReviewInput>,
) -> Result<Json<Review>, ApiError> {
    Ok(Json(reviews::change(&store, resident, booking, &input).await?))
}

/// `GET /items/{id}/reviews`: the rating and the shown reviews, newest first.
#[utoipa::path(
    get, path = "/items/{id}/reviews", operation_id = "list_item_reviews", tag = "reviews",
    summary = "A published item's rating and reviews, newest first (20 a page)",
    params(
        ("id" = i64, Path, description = "The item's id", minimum = 1),
        ("before" = Option<i64>, Query, description = "Older than this review (`next_before` of the previous page)", minimum = 1),
    ),
    responses(
        (status = 200, description = "The rating and a page of reviews", body = ItemReviews),
        (status = 400, description = says!(bad_parameter), body = ErrorBody),
        (status = 404, description = "`not_found`: no published item has this id", body = ErrorBody),
    )
)]
pub async fn of_item(
    State(store): State<Store>,
    PathId(item): PathId<ItemId>,
    RawQuery(qs): RawQuery,
) -> Result<Json<ItemReviews>, ApiError> {
    let mut before = None;
    for (key, value) in cc_domain::query::decode_pairs(qs.as_deref().unwrap_or("")) {
        if key == "before" && !value.is_empty() {
            let bad = || ParamError { param: "before".into(), problem: ParamProblem::NotAPositiveNumber };
            before = Some(ReviewId::parse(&value).ok_or_else(bad)?);
        }
    }
    Ok(Json(reviews::item_reviews(&store, item, before).await?))
}

/// Why a review is hidden: its author is told it.
#[derive(Deserialize, ToSchema)]
pub struct HideRequest {
    #[schema(min_length = 1, max_length = 200)]
    reason: String,
}

/// `GET /staff/reviews`: the latest 100 reviews, hidden ones included.
#[utoipa::path(
    get, path = "/staff/reviews", operation_id = "list_reviews_to_moderate", tag = "staff",
    summary = "The district's latest reviews, hidden ones included (district admins and reviewers)",
    security(("cookieAuth" = [])),
    responses(
        (status = 200, description = "Newest first", body = Vec<ModeratedReview>),
        (status = 401, description = says!(unauthenticated), body = ErrorBody),
        (status = 403, description = says!(forbidden), body = ErrorBody),
    )
)]
pub async fn to_moderate(
    State(auth): State<StaffAuth>,
    StaffActor(actor): StaffActor,
) -> Result<Json<Vec<ModeratedReview>>, ApiError> {
    Ok(Json(cc_services::staff::reviews_to_moderate(auth.store(), &actor).await?))
}

/// `POST /staff/reviews/{id}/hide`: hides a review; its author is told the reason.
#[utoipa::path(
    post, path = "/staff/reviews/{id}/hide", operation_id = "hide_review", tag = "staff",
    summary = "Hide a review, with the reason its author is told (district admins and reviewers; audited)",
    security(("cookieAuth" = [])),
    params(("id" = i64, Path, description = "The review's id", minimum = 1)),
    request_body = HideRequest,
    responses(
        (status = 204, description = "Hidden (also when it already was)"),
        (status = 400, description = concat!(says!(bad_field), " (`reason`: required, one line, at most 200 characters); ", says!(bad_request)), body = ErrorBody),
        (status = 401, description = says!(unauthenticated), body = ErrorBody),
        (status = 403, description = concat!(says!(forbidden), "; ", says!(cross_site)), body = ErrorBody),
        (status = 404, description = "`not_found`: no such review", body = ErrorBody),
        (status = 413, description = says!(too_large), body = ErrorBody),
    )
)]
pub async fn hide(
    State(auth): State<StaffAuth>,
    PathId(review): PathId<ReviewId>,
    StaffActor(actor): StaffActor,
    Body(body): Body<HideRequest>,
) -> Result<StatusCode, ApiError> {
    cc_services::staff::hide_review(auth.store(), &actor, review, &body.reason).await?;
    Ok(StatusCode::NO_CONTENT)
}
