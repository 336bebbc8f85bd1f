//! What the fund's review pages and API show, as data: an application with every review as
//! district admins follow it, and one application as the expert assigned to it sees it.

use serde::{Deserialize, Serialize};

use super::notice::Objection;
use super::review::{Criterion, ExpertAccount, ExpertReview, ReviewProgress};
use super::FundApplication;
use crate::ids::FundApplicationId;

/// An application with its reviews, as staff follow it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReviewBoard {
    pub application: FundApplication,
    pub reviews: Vec<ExpertReview>,
    pub progress: ReviewProgress,
    /// Expert accounts that may be assigned.
    pub experts: Vec<ExpertAccount>,
    /// Objections lodged while it was in public notice, the oldest first.
    pub objections: Vec<Objection>,
}

/// One application as its expert sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Assignment {
    pub application_id: FundApplicationId,
    /// Who applied, for what: enough to know whether there is a conflict.
    pub unit_name: String,
    pub project: String,
    pub category_name: String,
    pub call_year: i32,
    /// This expert's own review.
    pub mine: ExpertReview,
    /// The application, once this expert declared no conflict.
    pub application: Option<FundApplication>,
    /// The criteria to score.
    pub criteria: Vec<Criterion>,
    /// Every expert's review: others' scores only once all are in.
    pub reviews: Vec<ExpertReview>,
    pub progress: ReviewProgress,
}
