//! The publishing workflow of a service item: draft → submitted → published, or returned with a
//! comment; archived at the end. Who may move an item, and from where to where.

use serde::{Deserialize, Serialize};

use crate::staff::{Place, Role, StaffScope};
use crate::Locale;

/// Where an item is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ItemStatus {
    Draft,
    Submitted,
    Returned,
    Published,
    Archived,
}

impl ItemStatus {
    /// The stored and API name.
    pub fn as_str(self) -> &'static str {
        match self {
            ItemStatus::Draft => "draft",
            ItemStatus::Submitted => "submitted",
            ItemStatus::Returned => "returned",
            ItemStatus::Published => "published",
            ItemStatus::Archived => "archived",
        }
    }

    /// Reads a stored status.
    pub fn parse(text: &str) -> Option<ItemStatus> {
        [Self::Draft, Self::Submitted, Self::Returned, Self::Published, Self::Archived]
            .into_iter()
            .find(|s| s.as_str() == text)
    }
}

/// A move in the workflow.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    /// Send a draft (or a returned item, after changes) for review.
    Submit,
    /// Put a submitted item in the public catalogue.
    Publish,
    /// Send a submitted item back with a comment.
    Return,
    /// Take an item out of use for good.
    Archive,
}

impl Action {
    /// Reads an action's API name.
    pub fn parse(text: &str) -> Option<Action> {
        match text {
            "submit" => Some(Action::Submit),
            "publish" => Some(Action::Publish),
            "return" => Some(Action::Return),
            "archive" => Some(Action::Archive),
            _ => None,
        }
    }
}

/// Why a move was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum WorkflowRefusal {
    /// The role never makes this move.
    RoleMayNot,
    /// Not from this status.
    NotFrom(ItemStatus),
    /// Returning needs a comment saying what to change.
    CommentRequired,
}

impl WorkflowRefusal {
    /// The API's `error.code`.
    pub fn code(self) -> &'static str {
        match self {
            WorkflowRefusal::RoleMayNot => "forbidden",
            WorkflowRefusal::NotFrom(_) => "invalid_transition",
            WorkflowRefusal::CommentRequired => "comment_required",
        }
    }

    /// What the staff member reads.
    pub fn message(self, locale: Locale) -> String {
        match (self, locale) {
            (WorkflowRefusal::RoleMayNot, Locale::Zh) => "您的角色不能进行此操作。".into(),
            (WorkflowRefusal::RoleMayNot, Locale::En) => "Your role cannot do this.".into(),
            (WorkflowRefusal::NotFrom(s), Locale::Zh) => {
                format!("当前状态（{}）下不能进行此操作。", s.as_str())
            }
            (WorkflowRefusal::NotFrom(s), Locale::En) => {
                format!("Not possible while the item is {}.", s.as_str())
            }
            (WorkflowRefusal::CommentRequired, Locale::Zh) => "退回时请写明需要修改的地方。".into(),
            (WorkflowRefusal::CommentRequired, Locale::En) => {
                "Say what to change when returning an item.".into()
            }
        }
    }
}

/// The status after `action` by `role` on an item in `from`. Scope (is the item in the staff
/// member's street, their organisation's?) is checked separately, per object.
pub fn transition(
    from: ItemStatus,
    action: Action,
    role: Role,
    comment: &str,
) -> Result<ItemStatus, WorkflowRefusal> {
    use ItemStatus::*;
    let (reviews, authors) = (role.reviews(), role.authors());
    let (allowed, from_ok, to) = match action {
        Action::Submit => (authors, matches!(from, Draft | Returned), Submitted),
        Action::Publish => (reviews, from == Submitted, Published),
        Action::Return => (reviews, from == Submitted, Returned),
        Action::Archive => (reviews || role == Role::StreetAdmin, from != Archived, Archived),
    };
    if !allowed {
        return Err(WorkflowRefusal::RoleMayNot);
    }
    if !from_ok {
        return Err(WorkflowRefusal::NotFrom(from));
    }
    if action == Action::Return && comment.trim().is_empty() {
        return Err(WorkflowRefusal::CommentRequired);
    }
    Ok(to)
}

/// Whether an item in `status` may be edited by its authors (drafts and returned items); published
/// items only by district admins, whose changes reach residents at once.
pub fn editable(status: ItemStatus, role: Role) -> bool {
    match status {
        ItemStatus::Draft | ItemStatus::Returned => role.authors(),
        ItemStatus::Published => role == Role::DistrictAdmin,
        ItemStatus::Submitted | ItemStatus::Archived => false,
    }
}

/// Whether sessions of an item in `status` may have their capacity or booking window changed
/// by `role` (within its scope). Before review, by its authors; once published, by the staff
/// who run it — district and street admins and facility managers — but not by a provider, whose
/// changes to a published item would reach residents without review.
pub fn sessions_changeable(status: ItemStatus, role: Role) -> bool {
    match status {
        ItemStatus::Draft | ItemStatus::Returned => role.authors(),
        ItemStatus::Published => role.runs_places(),
        ItemStatus::Submitted | ItemStatus::Archived => false,
    }
}

impl StaffScope {
    /// Whether this staff member may make `action` on an item at `place`, as far as scope goes
    /// (`transition` decides the rest): reviewing is district-wide, writing is not.
    pub fn may_act_on(&self, action: Action, place: Place, wrote_it: bool) -> bool {
        match action {
            Action::Publish | Action::Return => self.role.reviews(),
            Action::Archive => self.role.reviews() || self.can_author_at(place, wrote_it),
            Action::Submit => self.can_author_at(place, wrote_it),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ItemStatus::*;

    #[test]
    fn a_provider_cannot_change_the_sessions_of_a_published_item() {
        assert!(sessions_changeable(Draft, Role::Provider));
        assert!(!sessions_changeable(Published, Role::Provider));
        assert!(sessions_changeable(Published, Role::StreetAdmin));
        assert!(!sessions_changeable(Archived, Role::DistrictAdmin));
        assert!(!sessions_changeable(Submitted, Role::StreetAdmin));
    }

    #[test]
    fn the_happy_path_is_draft_submitted_published_archived() {
        assert_eq!(transition(Draft, Action::Submit, Role::StreetAdmin, ""), Ok(Submitted));
        assert_eq!(transition(Submitted, Action::Publish, Role::Reviewer, ""), Ok(Published));
        assert_eq!(transition(Published, Action::Archive, Role::DistrictAdmin, ""), Ok(Archived));
    }

    #[test]
    fn returning_needs_a_comment_and_a_returned_item_can_be_submitted_again() {
        assert_eq!(
            transition(Submitted, Action::Return, Role::Reviewer, " "),
            Err(WorkflowRefusal::CommentRequired)
        );
        assert_eq!(transition(Submitted, Action::Return, Role::Reviewer, "时间写错了"), Ok(Returned));
        assert_eq!(transition(Returned, Action::Submit, Role::Provider, ""), Ok(Submitted));
    }

    #[test]
    fn authors_do_not_publish_and_reviewers_do_not_submit() {
        for role in [Role::Provider, Role::StreetAdmin, Role::FacilityManager] {
            assert_eq!(
                transition(Submitted, Action::Publish, role, ""),
                Err(WorkflowRefusal::RoleMayNot),
                "{role:?}"
            );
        }
        assert_eq!(transition(Draft, Action::Submit, Role::Reviewer, ""), Err(WorkflowRefusal::RoleMayNot));
        assert_eq!(
            transition(Published, Action::Archive, Role::Provider, ""),
            Err(WorkflowRefusal::RoleMayNot)
        );
    }

    #[test]
    fn moves_only_start_from_their_status() {
        assert_eq!(
            transition(Draft, Action::Publish, Role::Reviewer, ""),
            Err(WorkflowRefusal::NotFrom(Draft))
        );
        assert_eq!(
            transition(Published, Action::Submit, Role::StreetAdmin, ""),
            Err(WorkflowRefusal::NotFrom(Published))
        );
        assert_eq!(
            transition(Archived, Action::Archive, Role::DistrictAdmin, ""),
            Err(WorkflowRefusal::NotFrom(Archived))
        );
    }

    #[test]
    fn only_drafts_and_returned_items_are_edited_by_authors() {
        assert!(editable(Draft, Role::Provider) && editable(Returned, Role::StreetAdmin));
        assert!(!editable(Submitted, Role::StreetAdmin) && !editable(Published, Role::StreetAdmin));
        assert!(editable(Published, Role::DistrictAdmin));
        assert!(!editable(Draft, Role::Reviewer));
    }

    #[test]
    fn reviewing_is_district_wide_and_writing_is_not() {
        let street = StaffScope { role: Role::StreetAdmin, street_id: Some(1), facility_ids: vec![] };
        let reviewer = StaffScope { role: Role::Reviewer, street_id: None, facility_ids: vec![] };
        let (here, there) =
            (Place { facility_id: 10, street_id: 1 }, Place { facility_id: 20, street_id: 2 });
        assert!(reviewer.may_act_on(Action::Publish, there, false));
        assert!(!street.may_act_on(Action::Archive, there, false));
        assert!(street.may_act_on(Action::Submit, here, false));
        assert!(!street.may_act_on(Action::Publish, here, false));
    }
}
