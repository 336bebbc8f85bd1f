//! An application as its unit and district staff read it: what was typed, where it stands,
//! and the files attached.

use serde::{Deserialize, Serialize};

use super::{ApplicationInput, AppStatus, AttachmentKind, Fen};
use crate::ids::{AttachmentId, FundApplicationId, FundCallId, FundCategoryId, OrganisationId};

/// A file attached to an application.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Attachment {
    pub id: AttachmentId,
    /// The required attachment it answers, as the category names it; empty for another file.
    pub label: String,
    pub file_name: String,
    pub kind: AttachmentKind,
    /// Its size in bytes.
    pub size: i64,
    pub uploaded_at: i64,
}

/// An application.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FundApplication {
    pub id: FundApplicationId,
    pub call_id: FundCallId,
    pub call_year: i32,
    pub category_id: FundCategoryId,
    pub category_name: String,
    pub category_name_en: String,
    /// The category's cap per award.
    pub cap: Fen,
    pub organisation_id: OrganisationId,
    pub unit_name: String,
    pub status: AppStatus,
    /// What the unit typed (a draft's amounts as typed).
    pub input: ApplicationInput,
    /// The amount requested, read when it was submitted.
    pub requested: Option<Fen>,
    /// Staff's words when they last returned it for completion, or why it was declined.
    pub comment: Option<String>,
    /// The committee's amount, once proposed.
    pub award: Option<Fen>,
    /// When its public notice ends (or ended), once published.
    pub notice_until: Option<i64>,
    /// The agreement, once signed.
    pub agreement: Option<super::payments::Agreement>,
    /// The payments made, in order.
    pub payments: Vec<super::payments::Payment>,
    /// The unit's reports (mid-term, final).
    pub reports: Vec<super::payments::Report>,
    /// Money reclaimed and why.
    pub clawback: Option<(Fen, String)>,
    /// The attachments the category requires.
    pub required_attachments: Vec<String>,
    pub attachments: Vec<Attachment>,
    pub created_at: i64,
    pub updated_at: i64,
    pub submitted_at: Option<i64>,
}

impl FundApplication {
    /// The required attachments no file answers yet.
    pub fn missing_attachments(&self) -> Vec<&str> {
        self.required_attachments
            .iter()
            .filter(|label| !self.attachments.iter().any(|a| &a.label == *label))
            .map(String::as_str)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_attachments_are_those_no_file_answers() {
        let file = |label: &str| Attachment {
            id: AttachmentId(1),
            label: label.into(),
            file_name: "a.pdf".into(),
            kind: AttachmentKind::Pdf,
            size: 10,
            uploaded_at: 0,
        };
        let application = FundApplication {
            id: FundApplicationId(1),
            call_id: FundCallId(1),
            call_year: 2027,
            category_id: FundCategoryId(1),
            category_name: "理论研究".into(),
            category_name_en: String::new(),
            cap: Fen(100),
            organisation_id: OrganisationId(1),
            unit_name: "单位".into(),
            status: AppStatus::Draft,
            input: ApplicationInput::default(),
            requested: None,
            comment: None,
            award: None,
            notice_until: None,
            agreement: None,
            payments: vec![],
            reports: vec![],
            clawback: None,
            required_attachments: vec!["申报书".into(), "研究方案".into(), "预算表".into()],
            attachments: vec![file("研究方案"), file(""), file("研究方案")],
            created_at: 0,
            updated_at: 0,
            submitted_at: None,
        };
        assert_eq!(application.missing_attachments(), ["申报书", "预算表"]);
    }
}
