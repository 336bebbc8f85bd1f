//! Staff roles and what each may touch. Pure rules: the server asks them for every object.

use serde::{Deserialize, Serialize};

use crate::Locale;

/// What a staff account is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// The whole district: publishes, edits standards, creates any staff.
    DistrictAdmin,
    /// One street's facilities and services.
    StreetAdmin,
    /// Some facilities: their records and door check-in.
    FacilityManager,
    /// Reviews and publishes submitted services, district-wide.
    Reviewer,
    /// A social organisation (社会力量) that submits its own services.
    Provider,
    /// An expert who scores the heritage fund's applications assigned to them, and nothing else.
    Expert,
}

impl Role {
    /// Whether the role reviews: publishes or returns items submitted anywhere in the district.
    pub fn reviews(self) -> bool {
        matches!(self, Role::Reviewer | Role::DistrictAdmin)
    }

    /// Whether the role moderates what residents write (hides a review, with a reason).
    pub fn moderates(self) -> bool {
        matches!(self, Role::Reviewer | Role::DistrictAdmin)
    }

    /// Whether the role keeps the district's intangible-heritage registry (projects, their
    /// pictures, the services linked to them): district admins.
    pub fn keeps_registry(self) -> bool {
        self == Role::DistrictAdmin
    }

    /// Whether the role runs the heritage fund (its categories and calls): district admins.
    pub fn runs_fund(self) -> bool {
        self == Role::DistrictAdmin
    }

    /// Whether the role is the work plan's leading group (创建工作领导小组): district admins,
    /// who see and change every task; others keep the tasks they own.
    pub fn leads_plan(self) -> bool {
        self == Role::DistrictAdmin
    }

    /// Whether the role takes part in training (enrols itself in courses): every staff role
    /// but experts, who are outside reviewers.
    pub fn takes_training(self) -> bool {
        self != Role::Expert
    }

    /// Whether the role keeps the district's categories and audiences: district admins.
    pub fn keeps_vocabulary(self) -> bool {
        self == Role::DistrictAdmin
    }

    /// Whether the role verifies units (and rejects, disables or enables them): district admins.
    pub fn verifies_units(self) -> bool {
        self == Role::DistrictAdmin
    }

    /// Whether the role writes items (within its reach): everyone but reviewers and experts.
    pub fn authors(self) -> bool {
        !matches!(self, Role::Reviewer | Role::Expert)
    }

    /// Whether the role scores fund applications (those assigned to it): experts.
    pub fn scores_applications(self) -> bool {
        self == Role::Expert
    }

    /// Whether the role runs places: the sessions of published items and their doors.
    pub fn runs_places(self) -> bool {
        matches!(self, Role::DistrictAdmin | Role::StreetAdmin | Role::FacilityManager)
    }

    /// Every role, in the order forms list them.
    pub const ALL: [Role; 6] =
        [Role::DistrictAdmin, Role::StreetAdmin, Role::FacilityManager, Role::Reviewer, Role::Provider, Role::Expert];

    /// The stored and API name.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::DistrictAdmin => "district_admin",
            Role::StreetAdmin => "street_admin",
            Role::FacilityManager => "facility_manager",
            Role::Reviewer => "reviewer",
            Role::Provider => "provider",
            Role::Expert => "expert",
        }
    }

    /// Reads a stored or typed role name.
    pub fn parse(text: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.as_str() == text.trim())
    }

    /// How the role reads on screen.
    pub fn label(self, locale: Locale) -> &'static str {
        match (self, locale) {
            (Role::DistrictAdmin, Locale::Zh) => "区级管理员",
            (Role::DistrictAdmin, Locale::En) => "District admin",
            (Role::StreetAdmin, Locale::Zh) => "街道管理员",
            (Role::StreetAdmin, Locale::En) => "Street admin",
            (Role::FacilityManager, Locale::Zh) => "场馆管理员",
            (Role::FacilityManager, Locale::En) => "Facility manager",
            (Role::Reviewer, Locale::Zh) => "审核员",
            (Role::Reviewer, Locale::En) => "Reviewer",
            (Role::Provider, Locale::Zh) => "社会力量",
            (Role::Provider, Locale::En) => "Provider",
            (Role::Expert, Locale::Zh) => "评审专家",
            (Role::Expert, Locale::En) => "Expert",
        }
    }
}

/// A staff member's reach: their role and the street or facilities it is limited to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffScope {
    pub role: Role,
    /// For street admins.
    pub street_id: Option<i64>,
    /// For facility managers.
    pub facility_ids: Vec<i64>,
}

/// Where an object sits in the network, which is what scopes are about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place {
    pub facility_id: i64,
    pub street_id: i64,
}

/// How far a staff member's hand reaches for one kind of action: the one statement of each
/// role's reach, which the per-object checks ask ([`Reach::contains`]) and the store's lists
/// turn into SQL, so a list never shows less (or more) than the checks allow.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reach {
    /// The whole district.
    Everywhere,
    /// One street's facilities.
    Street(i64),
    /// These facilities.
    Facilities(Vec<i64>),
    /// Only the items the staff member wrote (providers).
    OwnItems,
    /// Nothing.
    Nowhere,
}

impl Reach {
    /// Whether an object at `place` is within reach (`wrote_it`: the staff member wrote it).
    pub fn contains(&self, place: Place, wrote_it: bool) -> bool {
        match self {
            Reach::Everywhere => true,
            Reach::Street(street) => *street == place.street_id,
            Reach::Facilities(ids) => ids.contains(&place.facility_id),
            Reach::OwnItems => wrote_it,
            Reach::Nowhere => false,
        }
    }
}

impl StaffScope {
    /// Where this staff member may let people in: admins of the district, a street or
    /// facilities, within them; reviewers and providers nowhere.
    pub fn check_in_reach(&self) -> Reach {
        match self.role {
            Role::DistrictAdmin => Reach::Everywhere,
            Role::StreetAdmin => self.street_reach(),
            Role::FacilityManager => Reach::Facilities(self.facility_ids.clone()),
            Role::Reviewer | Role::Provider | Role::Expert => Reach::Nowhere,
        }
    }

    /// Which items this staff member may write (create, edit, submit): as far as they check
    /// in, except that providers write only their own items, anywhere.
    pub fn author_reach(&self) -> Reach {
        match self.role {
            Role::Provider => Reach::OwnItems,
            _ => self.check_in_reach(),
        }
    }

    /// Which items this staff member's console lists: reviewers see the whole district,
    /// everyone else what they may write.
    pub fn view_reach(&self) -> Reach {
        match self.role {
            Role::Reviewer => Reach::Everywhere,
            _ => self.author_reach(),
        }
    }

    fn street_reach(&self) -> Reach {
        self.street_id.map_or(Reach::Nowhere, Reach::Street)
    }

    /// Whose training this staff member organises (courses, their sessions, enrolling workers,
    /// the door, the hours): district admins every course, street admins their street's.
    pub fn training_reach(&self) -> Reach {
        match self.role {
            Role::DistrictAdmin => Reach::Everywhere,
            Role::StreetAdmin => self.street_reach(),
            _ => Reach::Nowhere,
        }
    }

    /// Whether this staff member organises a course of `street` (none: a district course).
    pub fn organises_training(&self, street: Option<i64>) -> bool {
        match self.training_reach() {
            Reach::Everywhere => true,
            Reach::Street(own) => street == Some(own),
            _ => false,
        }
    }

    /// Whether this staff member may let people in at a session held at `place`.
    pub fn can_check_in_at(&self, place: Place) -> bool {
        self.check_in_reach().contains(place, false)
    }

    /// Whether this staff member may write (create, edit, submit) items held at `place`;
    /// providers only the items they wrote (`wrote_it`), reviewers none.
    pub fn can_author_at(&self, place: Place, wrote_it: bool) -> bool {
        self.author_reach().contains(place, wrote_it)
    }

    /// Whether this staff member's console lists an object at `place`.
    pub fn sees(&self, place: Place, wrote_it: bool) -> bool {
        self.view_reach().contains(place, wrote_it)
    }

    /// Whether this staff member may create an account with `other`'s scope: district admins
    /// anyone; street admins only facility managers of facilities in their street (whose
    /// streets the caller passes as `other_streets`); nobody else anyone.
    pub fn can_create(&self, other: &StaffScope, other_streets: &[i64]) -> bool {
        match self.role {
            Role::DistrictAdmin => true,
            Role::StreetAdmin => {
                other.role == Role::FacilityManager
                    && !other.facility_ids.is_empty()
                    && other_streets.iter().all(|s| Some(*s) == self.street_id)
            }
            _ => false,
        }
    }
}

/// The shortest staff password: staff accounts open more than a resident's.
pub const MIN_STAFF_PASSWORD_CHARS: usize = 12;

#[cfg(test)]
mod tests {
    use super::*;

    fn scope(role: Role, street: Option<i64>, facilities: &[i64]) -> StaffScope {
        StaffScope { role, street_id: street, facility_ids: facilities.to_vec() }
    }

    const IN_STREET_1: Place = Place { facility_id: 10, street_id: 1 };
    const IN_STREET_2: Place = Place { facility_id: 20, street_id: 2 };

    #[test]
    fn check_in_follows_the_network() {
        assert!(scope(Role::DistrictAdmin, None, &[]).can_check_in_at(IN_STREET_2));
        assert!(scope(Role::StreetAdmin, Some(1), &[]).can_check_in_at(IN_STREET_1));
        assert!(!scope(Role::StreetAdmin, Some(1), &[]).can_check_in_at(IN_STREET_2));
        assert!(scope(Role::FacilityManager, None, &[10]).can_check_in_at(IN_STREET_1));
        assert!(!scope(Role::FacilityManager, None, &[10]).can_check_in_at(IN_STREET_2));
        assert!(!scope(Role::Reviewer, None, &[]).can_check_in_at(IN_STREET_1));
        assert!(!scope(Role::Provider, None, &[]).can_check_in_at(IN_STREET_1));
    }

    #[test]
    fn authors_write_only_inside_their_street_facilities_or_own_items() {
        let street = scope(Role::StreetAdmin, Some(1), &[]);
        assert!(street.can_author_at(IN_STREET_1, false));
        assert!(!street.can_author_at(IN_STREET_2, false));
        let provider = scope(Role::Provider, None, &[]);
        assert!(provider.can_author_at(IN_STREET_2, true) && !provider.can_author_at(IN_STREET_2, false));
        assert!(!scope(Role::Reviewer, None, &[]).can_author_at(IN_STREET_1, false));
    }

    #[test]
    fn staff_create_staff_only_inside_their_scope() {
        let district = scope(Role::DistrictAdmin, None, &[]);
        let street = scope(Role::StreetAdmin, Some(1), &[]);
        let manager_here = scope(Role::FacilityManager, None, &[10]);
        assert!(district.can_create(&street, &[]));
        assert!(street.can_create(&manager_here, &[1]));
        assert!(!street.can_create(&manager_here, &[1, 2]), "a facility in another street");
        assert!(!street.can_create(&scope(Role::StreetAdmin, Some(1), &[]), &[]));
        assert!(!street.can_create(&scope(Role::FacilityManager, None, &[]), &[]), "a manager of nothing");
        assert!(!manager_here.can_create(&manager_here, &[1]));
    }

    #[test]
    fn roles_round_trip_their_names() {
        for role in Role::ALL {
            assert_eq!(Role::parse(role.as_str()), Some(role));
        }
        assert_eq!(Role::parse("root"), None);
    }
}
