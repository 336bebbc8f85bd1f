//! Reviews (评价) of attended bookings: written once (the unique booking id says so, whatever
//! races), changed for a week, hidden by moderators with the author told in the same
//! transaction; ratings count only the reviews that are shown.

use cc_domain::account::mask_phone;
use cc_domain::ids::{BookingId, ItemId, ResidentId, ReviewId, StaffId};
use cc_domain::live::LiveKind;
use cc_domain::messages::MessageKind;
use cc_domain::review::{editable, CheckedReview, ModeratedReview, Rating, Review, EDIT_SECONDS};

use crate::messages::tell_about_booking;
use crate::{Store, StoreError};

/// What writing or changing a review came to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReviewOutcome {
    Written(ReviewId),
    Changed,
    /// The booking was not checked in (yet): only what was attended can be reviewed.
    NotAttended,
    /// This booking already has a review (change it instead).
    Duplicate,
    /// The week to change it has passed, or a moderator hid it.
    Closed,
    /// No review of this booking to change.
    NoReview,
    /// No booking of this resident has this id.
    NotFound,
}

/// A resident's own review of a booking, as the form shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OwnReview {
    pub review: Review,
    pub editable: bool,
    /// Why a moderator hid it, if one did.
    pub hidden_reason: Option<String>,
}

type ReviewRow = (i64, i64, Option<String>, String, i64, i64);
/// A review with why and when it was hidden.
type OwnRow = (i64, i64, Option<String>, String, i64, i64, Option<String>, Option<i64>);
/// A review with its item and why it was hidden, for moderators.
type ModeratedRow = (i64, i64, Option<String>, String, i64, i64, i64, String, Option<String>, Option<i64>);
const REVIEW_COLUMNS: &str = "v.id, v.stars, v.comment, r.phone, v.created_at, v.updated_at";

fn review((id, stars, comment, phone, created_at, updated_at): ReviewRow) -> Review {
    Review { id: ReviewId(id), stars, comment, author: mask_phone(&phone), created_at, updated_at }
}

impl Store {
    /// Writes the review of a resident's attended booking, once.
    pub async fn write_review(
        &self,
        resident: ResidentId,
        booking: BookingId,
        checked: &CheckedReview,
        now: i64,
    ) -> Result<ReviewOutcome, StoreError> {
        let row: Option<(String, i64, i64)> = sqlx::query_as(
            "SELECT b.status, i.id, i.facility_id FROM bookings b JOIN sessions s ON s.id = b.session_id \
             JOIN service_items i ON i.id = s.item_id WHERE b.id = $1 AND b.resident_id = $2",
        )
        .bind(booking.0)
        .bind(resident.0)
        .fetch_optional(&self.pool)
        .await?;
        let Some((status, item_id, facility_id)) = row else { return Ok(ReviewOutcome::NotFound) };
        if status != "attended" {
            return Ok(ReviewOutcome::NotAttended);
        }
        // The unique booking id decides between two racing requests: one row, one review.
        let written: Option<(i64,)> = sqlx::query_as(
            "INSERT INTO reviews (booking_id, resident_id, item_id, facility_id, stars, comment, created_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $7) ON CONFLICT (booking_id) DO NOTHING RETURNING id",
        )
        .bind(booking.0)
        .bind(resident.0)
        .bind(item_id)
        .bind(facility_id)
        .bind(checked.stars)
        .bind(checked.comment.as_deref())
        .bind(now)
        .fetch_optional(&self.pool)
        .await?;
        let Some((id,)) = written else { return Ok(ReviewOutcome::Duplicate) };
        self.announce_item(LiveKind::ItemChanged, item_id);
        Ok(ReviewOutcome::Written(ReviewId(id)))
    }

    /// Changes a resident's review of a booking within a week of writing it (not once hidden).
    pub async fn change_review(
        &self,
        resident: ResidentId,
        booking: BookingId,
        checked: &CheckedReview,
        now: i64,
    ) -> Result<ReviewOutcome, StoreError> {
        let changed: Option<(i64,)> = sqlx::query_as(
            "UPDATE reviews SET stars = $3, comment = $4, updated_at = $5 \
             WHERE booking_id = $1 AND resident_id = $2 AND hidden_at IS NULL AND created_at > $6 RETURNING item_id",
        )
        .bind(booking.0)
        .bind(resident.0)
        .bind(checked.stars)
        .bind(checked.comment.as_deref())
        .bind(now)
        .bind(now - EDIT_SECONDS)
        .fetch_optional(&self.pool)
        .await?;
        if let Some((item_id,)) = changed {
            self.announce_item(LiveKind::ItemChanged, item_id);
            return Ok(ReviewOutcome::Changed);
        }
        Ok(match self.review_of_booking(resident, booking, now).await? {
            Some(_) => ReviewOutcome::Closed,
            None if self.booking_of(resident, booking).await?.is_some() => ReviewOutcome::NoReview,
            None => ReviewOutcome::NotFound,
        })
    }

    /// A resident's review of one of their bookings, if they wrote one.
    pub async fn review_of_booking(
        &self,
        resident: ResidentId,
        booking: BookingId,
        now: i64,
    ) -> Result<Option<OwnReview>, StoreError> {
        let row: Option<OwnRow> = sqlx::query_as(&format!(
            "SELECT {REVIEW_COLUMNS}, v.hidden_reason, v.hidden_at FROM reviews v JOIN residents r ON r.id = v.resident_id \
             WHERE v.booking_id = $1 AND v.resident_id = $2"
        ))
        .bind(booking.0)
        .bind(resident.0)
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.map(|(id, stars, comment, phone, created_at, updated_at, reason, hidden_at)| OwnReview {
            editable: hidden_at.is_none() && editable(created_at, now),
            hidden_reason: hidden_at.map(|_| reason.unwrap_or_default()),
            review: review((id, stars, comment, phone, created_at, updated_at)),
        }))
    }

    /// An item's shown reviews, newest first: `limit` of them, older than `before` if given.
    pub async fn item_reviews(&self, item: ItemId, before: Option<ReviewId>, limit: i64) -> Result<Vec<Review>, StoreError> {
        let rows: Vec<ReviewRow> = sqlx::query_as(&format!(
            "SELECT {REVIEW_COLUMNS} FROM reviews v JOIN residents r ON r.id = v.resident_id \
             WHERE v.item_id = $1 AND v.hidden_at IS NULL AND v.id < $2 ORDER BY v.id DESC LIMIT $3"
        ))
        .bind(item.0)
        .bind(before.map_or(i64::MAX, |id| id.0))
        .bind(limit)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.into_iter().map(review).collect())
    }

    /// The rating of an item (`item`) or of everything held at a facility (`facility`).
    pub async fn rating_of(&self, item: Option<i64>, facility: Option<i64>) -> Result<Option<Rating>, StoreError> {
        let (sum, count): (Option<i64>, i64) = sqlx::query_as(
            // SUM of a BIGINT is NUMERIC on PostgreSQL, which the Any driver cannot read.
            "SELECT CAST(SUM(stars) AS BIGINT), COUNT(*) FROM reviews WHERE hidden_at IS NULL \
             AND item_id = COALESCE($1, item_id) AND facility_id = COALESCE($2, facility_id)",
        )
        .bind(item)
        .bind(facility)
        .fetch_one(&self.pool)
        .await?;
        Ok(Rating::from_sum(sum.unwrap_or(0), count))
    }

    /// Hides a review for `reason`, and tells its author in the same transaction. Returns the
    /// item it was about, or `None` when there is no such review; hiding twice changes nothing.
    pub async fn hide_review(&self, id: ReviewId, by: StaffId, reason: &str, now: i64) -> Result<Option<i64>, StoreError> {
        let mut tx = self.begin().await?;
        let row: Option<(i64, i64, Option<i64>)> =
            sqlx::query_as("SELECT booking_id, item_id, hidden_at FROM reviews WHERE id = $1")
                .bind(id.0)
                .fetch_optional(&mut *tx)
                .await?;
        let Some((booking, item_id, _)) = row else { return Ok(None) };
        // Conditional, so two moderators at once hide it (and tell its author) once.
        let hidden = sqlx::query(
            "UPDATE reviews SET hidden_at = $2, hidden_by = $3, hidden_reason = $4 WHERE id = $1 AND hidden_at IS NULL",
        )
        .bind(id.0)
        .bind(now)
        .bind(by.0)
        .bind(reason)
        .execute(&mut *tx)
        .await?;
        if hidden.rows_affected() == 1 {
            tell_about_booking(&mut tx, BookingId(booking), MessageKind::ReviewHidden, Some(reason), now).await?;
        }
        tx.commit().await?;
        self.announce_item(LiveKind::ItemChanged, item_id);
        Ok(Some(item_id))
    }

    /// The latest reviews of the district, hidden ones included, for moderators.
    pub async fn reviews_to_moderate(&self, limit: i64) -> Result<Vec<ModeratedReview>, StoreError> {
        let rows: Vec<ModeratedRow> =
            sqlx::query_as(&format!(
                "SELECT {REVIEW_COLUMNS}, i.id, i.title, v.hidden_reason, v.hidden_at FROM reviews v \
                 JOIN residents r ON r.id = v.resident_id JOIN service_items i ON i.id = v.item_id \
                 ORDER BY v.id DESC LIMIT $1"
            ))
            .bind(limit)
            .fetch_all(&self.pool)
            .await?;
        Ok(rows
            .into_iter()
            .map(|(id, stars, comment, phone, created_at, updated_at, item_id, item_title, reason, hidden_at)| {
                ModeratedReview {
                    review: review((id, stars, comment, phone, created_at, updated_at)),
                    item_id,
                    item_title,
                    hidden_reason: hidden_at.map(|_| reason.unwrap_or_default()),
                }
            })
            .collect())
    }
}
