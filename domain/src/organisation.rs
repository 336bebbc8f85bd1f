//! Organisations (保护单位, 传承人工作室, 社会组织): the units that apply to the heritage fund and,
//! later, provide services. A unit is named by its unified social credit code (统一社会信用代码,
//! GB 32100-2015), checked here with its check digit; its contact person is a resident whose
//! mobile number is verified by SMS; district staff verify the unit before it may apply.

use serde::{Deserialize, Serialize};

use crate::authoring::{one_line, FieldError};
use crate::Locale;

/// The characters of a credit code: digits and capitals without I, O, S, V and Z.
const CODE_CHARS: &[u8; 31] = b"0123456789ABCDEFGHJKLMNPQRTUWXY";
/// The weights of the first seventeen characters (3^i mod 31).
const WEIGHTS: [u32; 17] = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/// A unified social credit code: eighteen characters whose last is the check digit of the others.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CreditCode(String);

impl CreditCode {
    /// Reads a code as typed (spaces and lower case forgiven); `None` when it is not one.
    pub fn parse(text: &str) -> Option<CreditCode> {
        let code: String = text.chars().filter(|c| !c.is_whitespace()).map(|c| c.to_ascii_uppercase()).collect();
        let values: Vec<u32> = code.bytes().map(|b| CODE_CHARS.iter().position(|&c| c == b).map(|v| v as u32)).collect::<Option<_>>()?;
        if values.len() != 18 {
            return None;
        }
        let sum: u32 = values[..17].iter().zip(WEIGHTS).map(|(v, w)| v * w).sum();
        let check = (31 - sum % 31) % 31;
        (values[17] == check).then_some(CreditCode(code))
    }

    /// A code as the store keeps it (written only once parsed).
    pub fn from_stored(text: String) -> CreditCode {
        CreditCode(text)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// What kind of unit it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum OrgKind {
    /// 保护单位: the unit that protects a listed project.
    ProtectingUnit,
    /// 传承人工作室: an inheritor's studio.
    Studio,
    /// 社会组织: an association, a foundation, a social enterprise.
    SocialOrganisation,
}

impl OrgKind {
    pub const ALL: [OrgKind; 3] = [OrgKind::ProtectingUnit, OrgKind::Studio, OrgKind::SocialOrganisation];

    pub fn as_str(self) -> &'static str {
        match self {
            OrgKind::ProtectingUnit => "protecting_unit",
            OrgKind::Studio => "studio",
            OrgKind::SocialOrganisation => "social_organisation",
        }
    }

    pub fn parse(text: &str) -> Option<OrgKind> {
        Self::ALL.into_iter().find(|k| k.as_str() == text)
    }

    pub fn label(self, locale: Locale) -> &'static str {
        match (self, locale) {
            (OrgKind::ProtectingUnit, Locale::Zh) => "保护单位",
            (OrgKind::Studio, Locale::Zh) => "传承人工作室",
            (OrgKind::SocialOrganisation, Locale::Zh) => "社会组织",
            (OrgKind::ProtectingUnit, Locale::En) => "Protecting unit",
            (OrgKind::Studio, Locale::En) => "Inheritor's studio",
            (OrgKind::SocialOrganisation, Locale::En) => "Social organisation",
        }
    }
}

/// Where a unit's registration stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum OrgStatus {
    /// Registered, waiting for district staff.
    Pending,
    /// Verified: it may apply (and, later, provide services).
    Verified,
    /// Not verified, with the reason.
    Rejected,
    /// Verified once, now disabled: its access ends at once.
    Disabled,
}

impl OrgStatus {
    pub const ALL: [OrgStatus; 4] = [OrgStatus::Pending, OrgStatus::Verified, OrgStatus::Rejected, OrgStatus::Disabled];

    pub fn as_str(self) -> &'static str {
        match self {
            OrgStatus::Pending => "pending",
            OrgStatus::Verified => "verified",
            OrgStatus::Rejected => "rejected",
            OrgStatus::Disabled => "disabled",
        }
    }

    pub fn parse(text: &str) -> Option<OrgStatus> {
        Self::ALL.into_iter().find(|s| s.as_str() == text)
    }

    /// The `status` filter of a staff list (`?status=pending`); none means every unit.
    pub fn from_query_string(qs: &str) -> Result<Option<OrgStatus>, crate::query::ParamError> {
        let pairs = crate::query::decode_pairs(qs);
        let Some((_, value)) = pairs.iter().find(|(k, v)| k == "status" && !v.trim().is_empty()) else { return Ok(None) };
        let words = || crate::query::ParamProblem::NotOneOf("pending, verified, rejected, disabled".into());
        OrgStatus::parse(value.trim()).map(Some).ok_or_else(|| crate::query::ParamError::new("status", words()))
    }

    /// Whether the contact may still change the registration (and so resubmit it).
    pub fn editable_by_contact(self) -> bool {
        matches!(self, OrgStatus::Pending | OrgStatus::Rejected)
    }

    /// Whether district staff may move a unit from this status to `next`: verify or reject
    /// one waiting, disable a verified one, enable a disabled one again.
    pub fn may_become(self, next: OrgStatus) -> bool {
        use OrgStatus::*;
        matches!((self, next), (Pending, Verified | Rejected) | (Verified, Disabled) | (Disabled, Verified))
    }

    /// Whether staff must say why (the contact is told it).
    pub fn needs_reason(self) -> bool {
        matches!(self, OrgStatus::Rejected | OrgStatus::Disabled)
    }

    pub fn label(self, locale: Locale) -> &'static str {
        match (self, locale) {
            (OrgStatus::Pending, Locale::Zh) => "待审核",
            (OrgStatus::Verified, Locale::Zh) => "已认证",
            (OrgStatus::Rejected, Locale::Zh) => "未通过",
            (OrgStatus::Disabled, Locale::Zh) => "已停用",
            (OrgStatus::Pending, Locale::En) => "Waiting for verification",
            (OrgStatus::Verified, Locale::En) => "Verified",
            (OrgStatus::Rejected, Locale::En) => "Not verified",
            (OrgStatus::Disabled, Locale::En) => "Disabled",
        }
    }
}

/// A unit as its contact and district staff see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Organisation {
    pub id: crate::ids::OrganisationId,
    pub name: String,
    pub credit_code: CreditCode,
    pub kind: OrgKind,
    pub contact_name: String,
    /// The contact's mobile number, masked (138****5678).
    pub contact_phone: String,
    pub status: OrgStatus,
    /// Why it was rejected or disabled.
    pub status_reason: Option<String>,
    /// When it registered and when staff last decided (UTC seconds).
    pub created_at: i64,
    pub decided_at: Option<i64>,
}

/// The longest reason staff give for a rejection or a disabling.
pub const REASON_MAX_CHARS: usize = 200;

/// Staff's decision, checked: the reason required where the contact must be told why.
pub fn checked_reason(next: OrgStatus, reason: Option<&str>) -> Result<Option<String>, FieldError> {
    let reason = reason.map(str::trim).filter(|r| !r.is_empty());
    match reason {
        Some(r) if r.chars().count() > REASON_MAX_CHARS || r.chars().any(char::is_control) => {
            Err(FieldError { field: "reason", zh: "原因为一行，不超过200个字", en: "one line, at most 200 characters" })
        }
        None if next.needs_reason() => {
            Err(FieldError { field: "reason", zh: "请写明原因，单位联系人会收到它", en: "give the reason: the unit's contact is told it" })
        }
        reason => Ok(reason.map(str::to_string)),
    }
}

/// What a unit sends to register.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewOrganisation {
    /// The unit's registered name, 2 to 60 characters.
    pub name: String,
    /// The unified social credit code (18 characters with its check digit).
    pub credit_code: String,
    /// `protecting_unit`, `studio` or `social_organisation`.
    pub kind: String,
    /// The contact person's name, 2 to 20 characters.
    pub contact_name: String,
}

/// A registration, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckedOrganisation {
    pub name: String,
    pub credit_code: CreditCode,
    pub kind: OrgKind,
    pub contact_name: String,
}


impl NewOrganisation {
    /// Checks the registration; the error names the field.
    pub fn check(&self) -> Result<CheckedOrganisation, FieldError> {
        let name = one_line(&self.name, 2, 60)
            .ok_or(FieldError { field: "name", zh: "请填写单位名称（2到60个字）", en: "give the unit's name (2 to 60 characters)" })?;
        let credit_code = CreditCode::parse(&self.credit_code).ok_or(FieldError {
            field: "credit_code",
            zh: "统一社会信用代码应为18位，且校验位正确",
            en: "a unified social credit code has 18 characters and a matching check digit",
        })?;
        let kind = OrgKind::parse(self.kind.trim())
            .ok_or(FieldError { field: "kind", zh: "请选择单位类型", en: "choose the kind of unit" })?;
        let contact_name = one_line(&self.contact_name, 2, 20)
            .ok_or(FieldError { field: "contact_name", zh: "请填写联系人姓名（2到20个字）", en: "give the contact person's name (2 to 20 characters)" })?;
        Ok(CheckedOrganisation { name, credit_code, kind, contact_name })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn credit_codes_are_checked_by_their_check_digit() {
        // Check digits worked out apart from this code (a few lines of Python over the
        // standard's character set and weights).
        for good in ["91110000600037341L", "91110107592346585N", "52110107MJ0000001G", "12110107400700155P"] {
            assert!(CreditCode::parse(good).is_some(), "{good}");
        }
        let code = CreditCode::parse(" 9111 0000 6000 3734 1l ").unwrap();
        assert_eq!(code.as_str(), "91110000600037341L", "spaces and lower case are forgiven");
        assert_eq!(CreditCode::parse("91110000600037341M"), None, "a wrong check digit");
        assert_eq!(CreditCode::parse("91110000600037341"), None, "seventeen characters");
        assert_eq!(CreditCode::parse("9111000060003734IL"), None, "I is not a code character");
        assert_eq!(CreditCode::parse("91110000600037341L0"), None);
        assert_eq!(CreditCode::parse(""), None);
    }

    #[test]
    fn every_last_character_but_one_is_refused() {
        let body = "91110000600037341";
        let accepted: Vec<char> = CODE_CHARS.iter().map(|&c| c as char).filter(|c| CreditCode::parse(&format!("{body}{c}")).is_some()).collect();
        assert_eq!(accepted.len(), 1, "{accepted:?}");
    }

    #[test]
    fn staff_move_a_unit_only_along_the_allowed_paths() {
        use OrgStatus::*;
        let allowed: Vec<(OrgStatus, OrgStatus)> = OrgStatus::ALL
            .into_iter()
            .flat_map(|from| OrgStatus::ALL.into_iter().map(move |to| (from, to)))
            .filter(|(from, to)| from.may_become(*to))
            .collect();
        assert_eq!(allowed, [(Pending, Verified), (Pending, Rejected), (Verified, Disabled), (Disabled, Verified)]);
        assert!(Pending.editable_by_contact() && Rejected.editable_by_contact());
        assert!(!Verified.editable_by_contact() && !Disabled.editable_by_contact());
        assert_eq!(checked_reason(Rejected, Some("  ")).unwrap_err().field, "reason");
        assert_eq!(checked_reason(Verified, None), Ok(None));
        assert_eq!(checked_reason(Disabled, Some(" 材料不实 ")), Ok(Some("材料不实".into())));
        assert!(checked_reason(Rejected, Some(&"长".repeat(201))).is_err());
    }

    #[test]
    fn a_registration_names_its_bad_field() {
        let good = NewOrganisation {
            name: "石景山区非遗保护协会".into(),
            credit_code: "91110000600037341L".into(),
            kind: "social_organisation".into(),
            contact_name: "张三".into(),
        };
        assert!(good.check().is_ok());
        assert_eq!(NewOrganisation { name: "协".into(), ..good.clone() }.check().unwrap_err().field, "name");
        assert_eq!(NewOrganisation { credit_code: "123".into(), ..good.clone() }.check().unwrap_err().field, "credit_code");
        assert_eq!(NewOrganisation { kind: "club".into(), ..good.clone() }.check().unwrap_err().field, "kind");
        assert_eq!(NewOrganisation { contact_name: " ".into(), ..good }.check().unwrap_err().field, "contact_name");
    }
}
