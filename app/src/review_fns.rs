//! Server functions of reviews (评价): the resident's review page and form, and the
//! moderators' page. The forms post straight here (no script needed); each answer sends the
//! browser back to its page (`plain_forms`).

use cc_domain::booking::BookingSummary;
use cc_domain::review::{ModeratedReview, Review};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;
#[cfg(feature = "ssr")]
use crate::plain_forms::{back_with_error, problem};

/// The review page of one of the resident's bookings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReviewPage {
    pub booking: BookingSummary,
    pub review: Option<Review>,
    /// Whether the review may be written or changed now.
    pub editable: bool,
    /// Why a moderator hid the review, if one did.
    pub hidden_reason: Option<String>,
}

/// The logged-in resident's booking and their review of it.
#[server]
pub async fn my_review(booking_id: i64) -> Result<ReviewPage, AppError> {
    use crate::account_fns::context;
    let booking_id = cc_domain::ids::BookingId(booking_id);
    let (store, resident) = (context::auth()?.accounts.store().clone(), context::resident().await?);
    let booking = cc_services::residents::booking(&store, resident, booking_id).await?;
    let own = cc_services::residents::reviews::own(&store, resident, booking_id).await?;
    let attended = booking.status == cc_domain::booking::BookingStatus::Attended;
    Ok(ReviewPage {
        editable: attended && own.as_ref().is_none_or(|own| own.editable),
        hidden_reason: own.as_ref().and_then(|own| own.hidden_reason.clone()),
        review: own.map(|own| own.review),
        booking,
    })
}

/// Writes or changes the resident's review of a booking, then goes back to its page.
#[server]
pub async fn save_my_review(booking_id: i64, stars: Option<i64>, comment: Option<String>) -> Result<(), AppError> {
    use crate::account_fns::context;
    use cc_domain::review::ReviewInput;
    let page = format!("/me/bookings/{booking_id}/review");
    let booking = cc_domain::ids::BookingId(booking_id);
    let (store, resident) = (context::auth()?.accounts.store().clone(), context::resident().await?);
    let input = ReviewInput { stars: stars.unwrap_or(0), comment: comment.clone() };
    let saved = match cc_services::residents::reviews::own(&store, resident, booking).await? {
        Some(_) => cc_services::residents::reviews::change(&store, resident, booking, &input).await,
        None => cc_services::residents::reviews::write(&store, resident, booking, &input).await,
    };
    match saved {
        Ok(_) => {
            leptos_axum::redirect(&format!("{page}?saved=1"));
            Ok(())
        }
        Err(error) => {
            // Back to the form with what was typed, so nothing is lost.
            let pairs = [
                ("error", problem(&error).to_string()),
                ("stars", stars.unwrap_or(0).to_string()),
                ("comment", comment.unwrap_or_default()),
            ];
            back_with_error(&format!("{page}?{}", cc_domain::query::query_string(pairs)), error).await
        }
    }
}

/// The district's latest reviews, for moderators.
#[server]
pub async fn reviews_to_moderate() -> Result<Vec<ModeratedReview>, AppError> {
    use crate::staff_fns::context;
    let (store, actor) = (context::staff_auth()?.store().clone(), context::actor().await?);
    Ok(cc_services::staff::reviews_to_moderate(&store, &actor).await?)
}

/// Hides a review for `reason`, then goes back to the moderators' page.
#[server]
pub async fn hide_review(review_id: i64, reason: String) -> Result<(), AppError> {
    use crate::staff_fns::context;
    let (store, actor) = (context::staff_auth()?.store().clone(), context::actor().await?);
    let review = cc_domain::ids::ReviewId(review_id);
    match cc_services::staff::hide_review(&store, &actor, review, &reason).await {
        Ok(()) => {
            leptos_axum::redirect(&format!("/staff/reviews#review-{review_id}"));
            Ok(())
        }
        Err(error) => {
            let page = format!("/staff/reviews?error={}&review={review_id}#review-{review_id}", problem(&error));
            back_with_error(&page, error).await
        }
    }
}
