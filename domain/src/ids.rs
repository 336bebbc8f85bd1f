//! Ids that say what they name. A `SessionId` cannot be passed where a `ResidentId` is wanted,
//! so `active_booking(resident, session)` no longer compiles either way round. On the wire and
//! in the database they are the same positive 64-bit integers as before (`serde(transparent)`).

use std::fmt;

use serde::{Deserialize, Serialize};

/// What every id type can do.
pub trait Id: Copy + Sized {
    /// What it names, in English, for "no such …" answers.
    const NOUN: &'static str;

    /// Wraps a raw id as read from storage.
    fn new(raw: i64) -> Self;

    /// The raw id, to bind in a query.
    fn get(self) -> i64;

    /// A path segment or form value as an id: a positive whole number, nothing else.
    fn parse(text: &str) -> Option<Self> {
        text.trim().parse::<i64>().ok().filter(|raw| *raw > 0).map(Self::new)
    }
}

macro_rules! ids {
    ($($(#[$doc:meta])* $name:ident = $noun:literal;)*) => {$(
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(transparent)]
        #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
        #[cfg_attr(feature = "openapi", schema(minimum = 1))]
        pub struct $name(pub i64);

        impl Id for $name {
            const NOUN: &'static str = $noun;
            fn new(raw: i64) -> Self {
                $name(raw)
            }
            fn get(self) -> i64 {
                self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.fmt(f)
            }
        }
    )*};
}

ids! {
    /// A resident's account.
    ResidentId = "resident";
    /// A session (场次) of a service: a date, a time and places.
    SessionId = "session";
    /// A resident's booking of a session.
    BookingId = "booking";
    /// A service in the catalogue (服务项目).
    ItemId = "item";
    /// A facility of the three-level network.
    FacilityId = "facility";
    /// A staff member's account.
    StaffId = "staff account";
    /// A message to a resident.
    MessageId = "message";
    /// A resident's review (评价) of a session they attended.
    ReviewId = "review";
    /// A residents' demand (点单).
    DemandId = "demand";
    /// A project of the intangible-heritage registry (非遗代表性项目).
    HeritageProjectId = "heritage project";
    /// A unit (保护单位, 传承人工作室, 社会组织) registered by its contact person.
    OrganisationId = "organisation";
    /// A support category of the heritage fund.
    FundCategoryId = "fund category";
    /// A yearly call for applications to the heritage fund (申报通知).
    FundCallId = "fund call";
    /// A unit's application to the heritage fund.
    FundApplicationId = "application";
    /// A file attached to an application.
    AttachmentId = "attachment";
    /// An objection lodged against an award in public notice.
    FundObjectionId = "objection";
    /// A criterion experts score applications by.
    FundCriterionId = "criterion";
    /// A task of the demonstration-zone work plan (创建任务).
    PlanTaskId = "task";
    /// A milestone of a work-plan task.
    PlanMilestoneId = "milestone";
    /// A piece of evidence for a work-plan task.
    PlanEvidenceId = "evidence";
    /// A resident's comment on a work-plan task.
    PlanCommentId = "comment";
    /// A training course for cultural staff.
    TrainingCourseId = "course";
    /// One sitting of a training course.
    TrainingSessionId = "training session";
    /// Someone's place at a training session.
    EnrolmentId = "enrolment";
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_positive_whole_numbers_are_ids() {
        assert_eq!(SessionId::parse("42"), Some(SessionId(42)));
        assert_eq!(SessionId::parse(" 7 "), Some(SessionId(7)));
        for bad in ["0", "-3", "abc", "", "1.5", "99999999999999999999"] {
            assert_eq!(BookingId::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn ids_travel_as_plain_numbers() {
        assert_eq!(serde_json::to_string(&ItemId(9)).unwrap(), "9");
        assert_eq!(serde_json::from_str::<ResidentId>("12").unwrap(), ResidentId(12));
    }
}
