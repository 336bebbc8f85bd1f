//! Reviews (评价): a resident who attended a session says how it went — 1 to 5 stars and, if
//! they like, a few words. Only an attended booking can be reviewed, once; its review can be
//! changed for a week; moderators hide one with a reason. The rules here need no database.

use serde::{Deserialize, Serialize};

use crate::authoring::FieldError;

/// How long (seconds) after writing it a resident may still change a review.
pub const EDIT_SECONDS: i64 = 7 * 86_400;
/// The longest comment, in characters.
pub const COMMENT_MAX_CHARS: usize = 500;
/// The longest reason a moderator gives for hiding a review (the author is told it).
pub const HIDE_REASON_MAX_CHARS: usize = 200;

/// What a resident sends: stars and an optional comment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReviewInput {
    /// 1 (poor) to 5 (excellent).
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 5))]
    pub stars: i64,
    /// A few words, plain text (at most 500 characters; line breaks kept).
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(max_length = 500))]
    pub comment: Option<String>,
}

/// A review as checked: stars in range, a comment trimmed (empty is none) and bounded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckedReview {
    pub stars: i64,
    pub comment: Option<String>,
}

impl ReviewInput {
    /// Checks the input; the error names the field.
    pub fn check(&self) -> Result<CheckedReview, FieldError> {
        if !(1..=5).contains(&self.stars) {
            return Err(FieldError { field: "stars", zh: "请选择1到5颗星", en: "choose 1 to 5 stars" });
        }
        // Browsers send a textarea's line breaks as CR LF.
        let comment = self.comment.as_deref().map(|c| c.replace("\r\n", "\n"));
        let comment = comment.as_deref().map(str::trim).filter(|c| !c.is_empty());
        if let Some(text) = comment {
            if text.chars().count() > COMMENT_MAX_CHARS {
                return Err(FieldError { field: "comment", zh: "不能超过500个字", en: "at most 500 characters" });
            }
            if text.chars().any(|c| c.is_control() && c != '\n') {
                return Err(FieldError { field: "comment", zh: "含有不能显示的字符", en: "contains characters that cannot be shown" });
            }
        }
        Ok(CheckedReview { stars: self.stars, comment: comment.map(str::to_string) })
    }
}

/// Checks a moderator's reason for hiding a review: one line, 1 to 200 characters.
pub fn hide_reason(text: &str) -> Result<&str, FieldError> {
    let reason = text.trim();
    if reason.is_empty() || reason.chars().count() > HIDE_REASON_MAX_CHARS || reason.chars().any(char::is_control) {
        return Err(FieldError {
            field: "reason",
            zh: "请写明隐藏的原因（一行，不超过200个字），评价人会收到它",
            en: "give the reason (one line, at most 200 characters): the author is told it",
        });
    }
    Ok(reason)
}

/// Whether a review written at `created_at` may still be changed at `now` (UTC seconds).
pub fn editable(created_at: i64, now: i64) -> bool {
    now < created_at + EDIT_SECONDS
}

/// Average stars and how many reviews, over the reviews that are shown.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Rating {
    /// Rounded to one decimal.
    pub average: f64,
    pub count: i64,
}

impl Rating {
    /// The rating of `count` reviews whose stars add up to `sum`; none without reviews.
    pub fn from_sum(sum: i64, count: i64) -> Option<Rating> {
        (count > 0).then(|| Rating { average: (sum as f64 / count as f64 * 10.0).round() / 10.0, count })
    }
}

/// The fewest stars of a satisfied (满意) review.
pub const SATISFIED_FROM: i64 = 4;

/// Whether a review counts as satisfied (满意): 4 or 5 stars.
pub fn satisfied(stars: i64) -> bool {
    stars >= SATISFIED_FROM
}

/// A review as the public (and its author) see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Review {
    pub id: crate::ids::ReviewId,
    pub stars: i64,
    pub comment: Option<String>,
    /// Who wrote it, masked (138****5678).
    pub author: String,
    /// When it was written and last changed (UTC seconds).
    pub created_at: i64,
    pub updated_at: i64,
}

/// An item's rating and a page of its shown reviews, newest first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ItemReviews {
    /// `null` until the item has a shown review.
    pub rating: Option<Rating>,
    pub reviews: Vec<Review>,
    /// Pass as `before` for older reviews; absent on the last page.
    pub next_before: Option<crate::ids::ReviewId>,
}

/// A review as moderators see it: with what it is about, and whether it is hidden.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ModeratedReview {
    pub review: Review,
    pub item_id: i64,
    pub item_title: String,
    /// Why a moderator hid it; `None` while it is shown.
    pub hidden_reason: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(stars: i64, comment: Option<&str>) -> ReviewInput {
        ReviewInput { stars, comment: comment.map(str::to_string) }
    }

    #[test]
    fn stars_run_from_one_to_five() {
        assert_eq!(input(0, None).check().unwrap_err().field, "stars");
        assert_eq!(input(6, None).check().unwrap_err().field, "stars");
        assert_eq!(input(5, None).check().unwrap(), CheckedReview { stars: 5, comment: None });
    }

    #[test]
    fn a_comment_is_trimmed_bounded_and_plain() {
        assert_eq!(input(4, Some("  ")).check().unwrap().comment, None);
        assert_eq!(input(4, Some(" 很好\r\n下次还来 ")).check().unwrap().comment.as_deref(), Some("很好\n下次还来"));
        assert!(input(4, Some(&"好".repeat(500))).check().is_ok());
        assert_eq!(input(4, Some(&"好".repeat(501))).check().unwrap_err().field, "comment");
        assert_eq!(input(4, Some("bell\u{7}")).check().unwrap_err().field, "comment");
    }

    #[test]
    fn a_review_can_be_changed_for_a_week() {
        assert!(editable(0, EDIT_SECONDS - 1));
        assert!(!editable(0, EDIT_SECONDS));
    }

    #[test]
    fn the_average_is_rounded_and_nothing_is_no_rating() {
        assert_eq!(Rating::from_sum(14, 3), Some(Rating { average: 4.7, count: 3 }));
        assert_eq!(Rating::from_sum(0, 0), None);
        assert!(satisfied(4) && !satisfied(3));
    }

    #[test]
    fn a_reason_to_hide_is_one_bounded_line() {
        assert_eq!(hide_reason("  广告内容 ").unwrap(), "广告内容");
        assert!(hide_reason("").is_err() && hide_reason("a\nb").is_err() && hide_reason(&"x".repeat(201)).is_err());
    }
}
