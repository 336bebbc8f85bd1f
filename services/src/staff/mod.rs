//! What staff do, written once for the staff API and the staff pages: every action checks the
//! staff member's scope for the object, makes the change through the store, and writes the
//! audit log — the change or the refusal.

mod accounts;
mod audit_log;
mod checkin;
mod compliance;
mod dashboard;
mod demands;
mod editing;
mod evaluation;
pub mod export;
mod facilities;
mod fund;
mod fund_applications;
mod fund_money;
mod fund_notice;
mod fund_review;
pub mod expert;
mod heritage;
mod items;
mod organisations;
mod overview;
mod plan;
mod reviews;
mod sessions;
mod training;
mod vocabulary;

pub use accounts::{create_staff, disable_staff, managed_accounts, NewAccount};
pub use audit_log::read_audit;
pub use checkin::{check_in, door_list, CheckedIn};
pub use compliance::compliance_rows;
pub use dashboard::dashboard_scope;
pub use demands::{answer_demand, demands_to_answer, merge_demands};
pub use evaluation::{evaluation, evaluation_indicators, evaluation_table, set_evaluation_indicators, store_ended_quarter, Evaluation};
pub use editing::{edit_item, item_for_edit, set_item_image, EditableItem};
pub use fund::{save_fund_call, save_fund_category};
pub use fund_review::{add_fund_experts, propose_fund_award, replace_fund_criteria, review_board, start_fund_review, AwardInput, ExpertsInput, ReviewBoard};
pub use fund_money::{accept_fund_application, claw_back_fund, release_fund_payment, sign_fund_agreement, EvidenceInput};
pub use fund_notice::{answer_fund_objection, decline_fund_application, finalise_fund_award, publish_fund_awards, DeclineInput, Published};
pub use fund_applications::{fund_applications, fund_application, fund_attachment, return_fund_application, ReturnInput};
pub use heritage::{add_heritage_image, create_heritage_project, link_item_to_heritage, update_heritage_project};
pub use facilities::{facility_records, update_facility, update_standard, FacilityInput, StandardInput};
pub use items::{add_session, create_item, move_item, set_capacity};
pub use organisations::{decide_organisation, organisations, OrgDecision};
pub use overview::{overview, Overview};
pub use plan::{
    add_plan_evidence, add_plan_file, add_plan_milestone, complete_plan_milestone, decide_plan_comment, flagged, plan_choices, plan_comments, plan_file, plan_task,
    plan_tasks, update_plan_task,
};
pub use reviews::{hide_review, reviews_to_moderate};
pub use training::{
    add_training_session, cancel_training_enrolment, create_training_course, enrol_in_training, my_training, training_check_in, training_course, training_courses, training_door,
    training_hours, CourseDesk, Placed, TrainingCheckedIn,
};
pub use vocabulary::{add_term, change_term, delete_term, kept_terms, move_term, order_terms};
pub use sessions::{cancel_session, change_session, REASON_MAX_CHARS};

use cc_store::staff::{AuditEntry, StaffMember};
use cc_store::Store;

use crate::ServiceError;

/// Who acts, and from where (for the audit log).
#[derive(Debug, Clone)]
pub struct Actor {
    pub member: StaffMember,
    pub client: String,
}

impl Actor {
    /// An audit line for this actor about an object.
    fn audit(&self, action: &str, object_type: &str, object_id: Option<i64>) -> AuditEntry {
        AuditEntry {
            staff_id: Some(self.member.id),
            role: self.member.scope.role.as_str().into(),
            action: action.into(),
            object_type: object_type.into(),
            object_id,
            client: self.client.clone(),
            ..AuditEntry::default()
        }
    }
}

/// Writes the refusal to the audit log and returns `Forbidden`.
async fn refuse<T>(store: &Store, mut entry: AuditEntry) -> Result<T, ServiceError> {
    entry.refused = true;
    store.append_audit(&entry).await?;
    Err(ServiceError::Forbidden)
}
