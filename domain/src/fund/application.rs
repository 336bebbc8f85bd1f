//! What a unit writes when it applies to the fund. A draft keeps everything as typed (amounts
//! too), so nothing is ever lost to a refusal; it is only bounded in length. Submitting reads
//! it whole: every refusal names its field, and the budget lines must add up to the amount
//! requested, which the category's cap bounds.

use serde::{Deserialize, Serialize};

use super::Fen;
use crate::authoring::{one_line, FieldError};

/// The most budget lines an application has.
pub const MAX_BUDGET_LINES: usize = 30;
/// The longest a paragraph field (aims, schedule) may be, in characters.
pub const MAX_PARAGRAPHS: usize = 3000;

/// One line of the budget as typed: what the money is for, and how much (yuan).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BudgetLineInput {
    #[serde(default)]
    pub item: String,
    /// In yuan, as typed ("12,000").
    #[serde(default)]
    pub amount: String,
}

/// An application as the unit types it: a draft keeps it like this.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ApplicationInput {
    /// The project's name (2 to 60 characters).
    #[serde(default)]
    pub project: String,
    /// What it will achieve (up to 3000 characters, paragraphs allowed).
    #[serde(default)]
    pub aims: String,
    /// When what happens (up to 3000 characters).
    #[serde(default)]
    pub schedule: String,
    /// At most 30 lines; their sum is the amount requested.
    #[serde(default)]
    pub budget_lines: Vec<BudgetLineInput>,
    /// The amount requested from the fund, in yuan as typed.
    #[serde(default)]
    pub requested: String,
    /// Money from elsewhere (自筹), in yuan as typed; empty is none.
    #[serde(default)]
    pub cofunding: String,
}

/// A budget line, read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BudgetLine {
    pub item: String,
    pub amount: Fen,
}

/// An application read whole, as it is submitted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckedApplication {
    pub project: String,
    pub aims: String,
    pub schedule: String,
    pub budget_lines: Vec<BudgetLine>,
    pub requested: Fen,
    pub cofunding: Fen,
}

pub(crate) use crate::authoring::paragraphs;

impl ApplicationInput {
    /// What a draft may hold: anything typed, within bounds (trimmed; empty lines dropped).
    pub fn check_draft(&self) -> Result<ApplicationInput, FieldError> {
        let short = |text: &str, field: &'static str, most: usize| {
            one_line(text, 0, most).ok_or(FieldError::new(field, "内容过长或含有不可见字符", "too long, or holds invisible characters"))
        };
        let long = |text: &str, field: &'static str| {
            paragraphs(text, MAX_PARAGRAPHS).ok_or(FieldError::new(field, "不超过3000个字，且不含不可见字符", "at most 3000 characters, no invisible ones"))
        };
        let lines: Vec<&BudgetLineInput> = self.budget_lines.iter().filter(|l| !(l.item.trim().is_empty() && l.amount.trim().is_empty())).collect();
        if lines.len() > MAX_BUDGET_LINES {
            return Err(FieldError::new("budget_lines", "预算明细最多30行", "at most 30 budget lines"));
        }
        let budget_lines = lines
            .into_iter()
            .map(|l| Ok(BudgetLineInput { item: short(&l.item, "budget_lines", 60)?, amount: short(&l.amount, "budget_lines", 30)? }))
            .collect::<Result<_, FieldError>>()?;
        Ok(ApplicationInput {
            project: short(&self.project, "project", 60)?,
            aims: long(&self.aims, "aims")?,
            schedule: long(&self.schedule, "schedule")?,
            budget_lines,
            requested: short(&self.requested, "requested", 30)?,
            cofunding: short(&self.cofunding, "cofunding", 30)?,
        })
    }

    /// Reads the application whole for submitting, in the form's order; `cap` is the
    /// category's cap per award.
    pub fn check_submission(&self, cap: Fen) -> Result<CheckedApplication, FieldError> {
        let draft = self.check_draft()?;
        let project = one_line(&draft.project, 2, 60).ok_or(FieldError::new("project", "请填写项目名称（2到60个字）", "give the project's name (2 to 60 characters)"))?;
        if draft.aims.chars().count() < 20 {
            return Err(FieldError::new("aims", "请写明项目目标（至少20个字）", "say what the project will achieve (at least 20 characters)"));
        }
        if draft.schedule.chars().count() < 10 {
            return Err(FieldError::new("schedule", "请写明实施计划（至少10个字）", "give the schedule (at least 10 characters)"));
        }
        if draft.budget_lines.is_empty() {
            return Err(FieldError::new("budget_lines", "请至少填写一行预算明细", "give at least one budget line"));
        }
        let budget_lines = draft
            .budget_lines
            .iter()
            .map(|l| {
                let item = one_line(&l.item, 2, 60).ok_or(FieldError::new("budget_lines", "每行预算请写明用途（2到60个字）", "say what each budget line is for (2 to 60 characters)"))?;
                let amount = Fen::parse_yuan(&l.amount)
                    .filter(|a| a.0 > 0)
                    .ok_or(FieldError::new("budget_lines", "每行预算的金额应为大于0的元数（如 12,000）", "each line's amount is yuan above zero, e.g. 12,000"))?;
                Ok(BudgetLine { item, amount })
            })
            .collect::<Result<Vec<_>, FieldError>>()?;
        let requested = Fen::parse_yuan(&draft.requested)
            .filter(|r| r.0 > 0)
            .ok_or(FieldError::new("requested", "请填写申请金额（元，如 30,000）", "give the amount requested in yuan, e.g. 30,000"))?;
        // Thirty lines of at most MAX_FEN each cannot overflow an i64.
        if budget_lines.iter().map(|l| l.amount).sum::<Fen>() != requested {
            return Err(FieldError::new("budget_lines", "预算明细合计应等于申请金额", "the budget lines add up to the amount requested"));
        }
        if requested > cap {
            return Err(FieldError::new("requested", "申请金额超过了该类别的资助上限", "the amount is above the category's cap per award"));
        }
        let cofunding = match draft.cofunding.as_str() {
            "" => Fen(0),
            typed => Fen::parse_yuan(typed).ok_or(FieldError::new("cofunding", "自筹资金应为元数（如 5,000），没有可不填", "yuan, e.g. 5,000; leave it empty for none"))?,
        };
        Ok(CheckedApplication { project, aims: draft.aims, schedule: draft.schedule, budget_lines, requested, cofunding })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn complete() -> ApplicationInput {
        ApplicationInput {
            project: "京西太平鼓进校园".into(),
            aims: "在五所小学开设太平鼓课程，培养一百名小传承人，并举办汇报展演。".into(),
            schedule: "三月备课，四至六月授课，七月展演。".into(),
            budget_lines: vec![
                BudgetLineInput { item: "教学鼓具".into(), amount: "12,000".into() },
                BudgetLineInput { item: "传承人课时费".into(), amount: "18000".into() },
                BudgetLineInput::default(),
            ],
            requested: "¥30,000".into(),
            cofunding: "".into(),
        }
    }

    #[test]
    fn a_complete_application_reads_in_fen() {
        let checked = complete().check_submission(Fen(5_000_000)).unwrap();
        assert_eq!(checked.requested, Fen(3_000_000));
        assert_eq!(checked.budget_lines.len(), 2, "the empty line is dropped");
        assert_eq!(checked.cofunding, Fen(0));
    }

    #[test]
    fn every_refusal_names_its_field() {
        let field = |a: ApplicationInput, cap: i64| a.check_submission(Fen(cap)).unwrap_err().field;
        assert_eq!(field(ApplicationInput { project: "鼓".into(), ..complete() }, 5_000_000), "project");
        assert_eq!(field(ApplicationInput { aims: "教鼓".into(), ..complete() }, 5_000_000), "aims");
        assert_eq!(field(ApplicationInput { schedule: "".into(), ..complete() }, 5_000_000), "schedule");
        assert_eq!(field(ApplicationInput { requested: "31,000".into(), ..complete() }, 5_000_000), "budget_lines");
        assert_eq!(field(ApplicationInput { requested: "三万".into(), ..complete() }, 5_000_000), "requested");
        assert_eq!(field(ApplicationInput { cofunding: "-5".into(), ..complete() }, 5_000_000), "cofunding");
        assert_eq!(field(complete(), 2_999_999), "requested");
        let mut bad_line = complete();
        bad_line.budget_lines[0].amount = "0".into();
        assert_eq!(field(bad_line, 5_000_000), "budget_lines");
    }

    #[test]
    fn a_draft_keeps_what_was_typed_even_when_it_would_not_submit() {
        let typed = ApplicationInput { requested: "大约三万".into(), aims: "第一段\r\n第二段".into(), ..complete() };
        let draft = typed.check_draft().unwrap();
        assert_eq!(draft.requested, "大约三万");
        assert_eq!(draft.aims, "第一段\n第二段");
        let too_long = ApplicationInput { aims: "字".repeat(MAX_PARAGRAPHS + 1), ..complete() };
        assert_eq!(too_long.check_draft().unwrap_err().field, "aims");
        let hidden = ApplicationInput { project: "鼓\u{0}".into(), ..complete() };
        assert_eq!(hidden.check_draft().unwrap_err().field, "project");
    }

    fn any_text() -> impl Strategy<Value = String> {
        prop_oneof![".{0,80}", "[0-9,.¥元 -]{0,16}", Just(String::new())]
    }

    proptest! {
        /// Whatever is typed, reading it never panics; what submits has lines that add up to
        /// a positive request within the cap, and a draft of a draft is the same draft.
        #[test]
        fn reading_any_input_is_total_and_keeps_its_promises(
            project in any_text(), aims in any_text(), schedule in any_text(), requested in any_text(), cofunding in any_text(),
            lines in proptest::collection::vec((any_text(), any_text()), 0..35), cap in 1i64..10_000_000_000,
        ) {
            let input = ApplicationInput {
                project, aims, schedule, requested, cofunding,
                budget_lines: lines.into_iter().map(|(item, amount)| BudgetLineInput { item, amount }).collect(),
            };
            if let Ok(draft) = input.check_draft() {
                prop_assert_eq!(draft.check_draft(), Ok(draft.clone()));
            }
            if let Ok(checked) = input.check_submission(Fen(cap)) {
                prop_assert!(checked.requested.0 > 0 && checked.requested.0 <= cap);
                prop_assert_eq!(checked.budget_lines.iter().map(|l| l.amount).sum::<Fen>(), checked.requested);
            }
        }
    }
}
