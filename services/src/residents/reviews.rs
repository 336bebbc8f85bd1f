//! Reviews (评价) by residents: of a booking they attended, once, changed for a week; and the
//! reviews anyone may read.

use cc_domain::ids::{BookingId, Id, ItemId, ResidentId, ReviewId};
use cc_domain::review::{ItemReviews, Review, ReviewInput};
use cc_domain::time::now;
use cc_store::reviews::{OwnReview, ReviewOutcome};
use cc_store::Store;

use crate::ServiceError;

/// Writes the review of one of the resident's attended bookings; answers it as shown.
pub async fn write(store: &Store, resident: ResidentId, booking: BookingId, input: &ReviewInput) -> Result<Review, ServiceError> {
    let checked = input.check().map_err(ServiceError::Field)?;
    let outcome = store.write_review(resident, booking, &checked, now()).await?;
    answer(store, resident, booking, outcome).await
}

/// Changes the resident's review of a booking within a week of writing it.
pub async fn change(store: &Store, resident: ResidentId, booking: BookingId, input: &ReviewInput) -> Result<Review, ServiceError> {
    let checked = input.check().map_err(ServiceError::Field)?;
    let outcome = store.change_review(resident, booking, &checked, now()).await?;
    answer(store, resident, booking, outcome).await
}

/// The resident's own review of a booking, if they wrote one.
pub async fn own(store: &Store, resident: ResidentId, booking: BookingId) -> Result<Option<OwnReview>, ServiceError> {
    Ok(store.review_of_booking(resident, booking, now()).await?)
}

async fn answer(store: &Store, resident: ResidentId, booking: BookingId, outcome: ReviewOutcome) -> Result<Review, ServiceError> {
    match outcome {
        ReviewOutcome::Written(_) | ReviewOutcome::Changed => {
            let own = store.review_of_booking(resident, booking, now()).await?;
            own.map(|own| own.review).ok_or(ServiceError::NotFound(ReviewId::NOUN))
        }
        ReviewOutcome::NotFound => Err(ServiceError::NotFound(BookingId::NOUN)),
        ReviewOutcome::NoReview => Err(ServiceError::NotFound(ReviewId::NOUN)),
        ReviewOutcome::NotAttended => Err(ServiceError::refused(
            409,
            "not_attended",
            "签到参加后才能评价。",
            "Only a session you were checked in at can be reviewed.",
        )),
        ReviewOutcome::Duplicate => Err(ServiceError::refused(
            409,
            "duplicate",
            "您已评价过这次活动；7天内可以修改。",
            "You have reviewed this already; you can change it for 7 days.",
        )),
        ReviewOutcome::Closed => Err(ServiceError::refused(
            409,
            "edit_closed",
            "评价超过7天或已被隐藏，不能再修改。",
            "The review is more than 7 days old or was hidden: it can no longer be changed.",
        )),
    }
}

/// The most reviews one page holds.
pub const REVIEWS_PER_PAGE: i64 = 20;

/// The reviews of a published item; an unknown one is not found.
pub async fn item_reviews(store: &Store, item: ItemId, before: Option<ReviewId>) -> Result<ItemReviews, ServiceError> {
    if store.item_detail(item, now()).await?.is_none() {
        return Err(ServiceError::NotFound(ItemId::NOUN));
    }
    let mut reviews = store.item_reviews(item, before, REVIEWS_PER_PAGE + 1).await?;
    let more = reviews.len() as i64 > REVIEWS_PER_PAGE;
    reviews.truncate(REVIEWS_PER_PAGE as usize);
    let next_before = more.then(|| reviews.last().map(|r| r.id)).flatten();
    Ok(ItemReviews { rating: store.rating_of(Some(item.0), None).await?, reviews, next_before })
}
