//! Expert review of an application: weighted criteria as data (weights in percent, adding up
//! to 100), each expert's declaration of any conflict of interest before they read it, their
//! scores (0 to 100 per criterion), and the weighted total, kept in hundredths of a point so
//! that no float decides anything.

use serde::{Deserialize, Serialize};

use crate::authoring::{one_line, FieldError};
use crate::ids::FundCriterionId;

/// The fewest experts who must score an application (not counting those who declared a
/// conflict).
pub const MIN_EXPERTS: usize = 3;

/// A criterion experts score.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Criterion {
    pub id: FundCriterionId,
    pub name: String,
    pub name_en: String,
    /// Its share of the total, in percent.
    pub weight: i32,
}

/// A criterion as staff write it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CriterionInput {
    pub name: String,
    #[serde(default)]
    pub name_en: String,
    /// Percent, 1 to 100; all the criteria's weights add up to 100.
    pub weight: i32,
}

/// Checks a whole set of criteria: 2 to 10, each named, weights adding up to 100.
pub fn check_criteria(criteria: &[CriterionInput]) -> Result<Vec<CriterionInput>, FieldError> {
    if !(2..=10).contains(&criteria.len()) {
        return Err(FieldError::new("criteria", "评分标准为2到10项", "2 to 10 criteria"));
    }
    let checked = criteria
        .iter()
        .map(|c| {
            let name = one_line(&c.name, 2, 30).ok_or(FieldError::new("criteria", "每项标准的名称为2到30个字", "each criterion's name has 2 to 30 characters"))?;
            let name_en = one_line(&c.name_en, 0, 60).ok_or(FieldError::new("criteria", "英文名称不超过60个字符", "English names have at most 60 characters"))?;
            if !(1..=100).contains(&c.weight) {
                return Err(FieldError::new("criteria", "每项权重为1到100", "each weight is 1 to 100"));
            }
            Ok(CriterionInput { name, name_en, weight: c.weight })
        })
        .collect::<Result<Vec<_>, _>>()?;
    if checked.iter().map(|c| c.weight).sum::<i32>() != 100 {
        return Err(FieldError::new("criteria", "各项权重之和应为100", "the weights add up to 100"));
    }
    Ok(checked)
}

/// An expert's word before reading an application.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DeclarationInput {
    /// True: the expert has a conflict of interest with the applicant and steps aside.
    pub conflict: bool,
    /// What the conflict is (required when there is one), at most 200 characters.
    #[serde(default)]
    pub statement: String,
}

impl DeclarationInput {
    /// The statement, checked.
    pub fn check(&self) -> Result<String, FieldError> {
        let statement = one_line(&self.statement, 0, 200).ok_or(FieldError::new("statement", "说明为一行，不超过200个字", "one line, at most 200 characters"))?;
        if self.conflict && statement.chars().count() < 2 {
            return Err(FieldError::new("statement", "存在利益冲突时请说明情况", "say what the conflict is"));
        }
        Ok(statement)
    }
}

/// One criterion's points.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Points {
    pub criterion_id: FundCriterionId,
    /// 0 to 100.
    pub points: i32,
}

/// An expert's scores as sent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ScoreInput {
    /// One for every criterion.
    pub scores: Vec<Points>,
    /// The expert's opinion, at most 500 characters.
    #[serde(default)]
    pub comment: String,
}

impl ScoreInput {
    /// Checks the scores against `criteria` (each exactly once, 0 to 100) and returns the
    /// weighted total in hundredths of a point (0 to 10,000) and the comment.
    pub fn check(&self, criteria: &[Criterion]) -> Result<(i64, String), FieldError> {
        let every_once = self.scores.len() == criteria.len()
            && criteria.iter().all(|c| self.scores.iter().filter(|s| s.criterion_id == c.id).count() == 1);
        if !every_once {
            return Err(FieldError::new("scores", "请为每一项标准打分（各一次）", "score every criterion, once each"));
        }
        if self.scores.iter().any(|s| !(0..=100).contains(&s.points)) {
            return Err(FieldError::new("scores", "每项得分为0到100", "each score is 0 to 100"));
        }
        let comment = super::application::paragraphs(&self.comment, 500)
            .ok_or(FieldError::new("comment", "评审意见不超过500个字", "at most 500 characters"))?;
        Ok((weighted_total(criteria, &self.scores), comment))
    }
}

/// The weighted total of `scores`, in hundredths of a point: Σ points × weight (weights in
/// percent), so 100 points everywhere is 10,000.
pub fn weighted_total(criteria: &[Criterion], scores: &[Points]) -> i64 {
    criteria
        .iter()
        .filter_map(|c| scores.iter().find(|s| s.criterion_id == c.id).map(|s| i64::from(s.points) * i64::from(c.weight)))
        .sum()
}

/// An expert account staff may hand applications to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ExpertAccount {
    pub id: crate::ids::StaffId,
    pub name: String,
}

/// Where one expert's review of one application stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ReviewState {
    /// Assigned; the expert has not yet declared whether they have a conflict of interest.
    Assigned,
    /// Declared a conflict: they step aside and never read it.
    Recused,
    /// Declared no conflict: they read it and score it.
    Reading,
    /// Scored.
    Scored,
}

/// One expert's review as it may be shown: scores only to those allowed to see them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ExpertReview {
    pub expert_id: crate::ids::StaffId,
    pub expert_name: String,
    pub state: ReviewState,
    /// What the conflict is, for a recused expert.
    pub statement: Option<String>,
    /// The weighted total in hundredths of a point, once scored (and shown).
    pub total: Option<i64>,
    pub scores: Vec<Points>,
    pub comment: Option<String>,
}

impl ExpertReview {
    /// The same review with its scores hidden (for another expert, before all are in).
    pub fn blinded(self) -> ExpertReview {
        ExpertReview { total: None, scores: Vec::new(), comment: None, ..self }
    }
}

/// Where the review of one application stands, for the committee.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReviewProgress {
    /// Experts assigned who did not step aside.
    pub experts: usize,
    pub recused: usize,
    pub scored: usize,
    /// The mean of the weighted totals (hundredths of a point), once every expert scored.
    pub mean: Option<i64>,
}

impl ReviewProgress {
    /// Of a set of reviews.
    pub fn of(reviews: &[ExpertReview]) -> ReviewProgress {
        let recused = reviews.iter().filter(|r| r.state == ReviewState::Recused).count();
        let experts = reviews.len() - recused;
        let totals: Vec<i64> = reviews.iter().filter(|r| r.state == ReviewState::Scored).filter_map(|r| r.total).collect();
        let scored = reviews.iter().filter(|r| r.state == ReviewState::Scored).count();
        let complete = experts >= MIN_EXPERTS && scored == experts && totals.len() == scored;
        let mean = complete.then(|| totals.iter().sum::<i64>() / totals.len() as i64);
        ReviewProgress { experts, recused, scored, mean }
    }

    /// Whether every expert who did not step aside has scored, and there are enough of them.
    pub fn all_in(&self) -> bool {
        self.experts >= MIN_EXPERTS && self.scored == self.experts
    }
}

/// Hundredths of a point as people read them: `86.50`.
pub fn points_text(hundredths: i64) -> String {
    format!("{}.{:02}", hundredths / 100, hundredths % 100)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn criteria() -> Vec<Criterion> {
        [("项目价值", 30), ("可行性", 25), ("传承效果", 25), ("预算合理性", 20)]
            .iter()
            .enumerate()
            .map(|(i, (name, weight))| Criterion { id: FundCriterionId(i as i64 + 1), name: name.to_string(), name_en: String::new(), weight: *weight })
            .collect()
    }

    fn input(points: [i32; 4]) -> ScoreInput {
        ScoreInput { scores: (0..4).map(|i| Points { criterion_id: FundCriterionId(i as i64 + 1), points: points[i] }).collect(), comment: String::new() }
    }

    #[test]
    fn the_total_is_weighted_and_exact() {
        assert_eq!(input([90, 80, 70, 60]).check(&criteria()).unwrap().0, 90 * 30 + 80 * 25 + 70 * 25 + 60 * 20);
        assert_eq!(points_text(7650), "76.50");
        assert_eq!(input([100; 4]).check(&criteria()).unwrap().0, 10_000);
    }

    #[test]
    fn every_criterion_is_scored_once_within_range() {
        let mut twice = input([50; 4]);
        twice.scores[3].criterion_id = FundCriterionId(1);
        assert_eq!(twice.check(&criteria()).unwrap_err().field, "scores");
        let mut short = input([50; 4]);
        short.scores.pop();
        assert_eq!(short.check(&criteria()).unwrap_err().field, "scores");
        assert_eq!(input([101, 0, 0, 0]).check(&criteria()).unwrap_err().field, "scores");
        assert_eq!(input([-1, 0, 0, 0]).check(&criteria()).unwrap_err().field, "scores");
    }

    #[test]
    fn criteria_weights_add_up_to_a_hundred() {
        let c = |name: &str, weight| CriterionInput { name: name.into(), name_en: String::new(), weight };
        assert!(check_criteria(&[c("价值", 60), c("可行性", 40)]).is_ok());
        assert_eq!(check_criteria(&[c("价值", 60), c("可行性", 30)]).unwrap_err().field, "criteria");
        assert_eq!(check_criteria(&[c("价值", 100)]).unwrap_err().field, "criteria");
        assert_eq!(check_criteria(&[c("价", 60), c("可行性", 40)]).unwrap_err().field, "criteria");
    }

    #[test]
    fn a_conflict_is_explained() {
        assert!(DeclarationInput { conflict: false, statement: String::new() }.check().is_ok());
        assert_eq!(DeclarationInput { conflict: true, statement: " ".into() }.check().unwrap_err().field, "statement");
    }

    fn review(state: ReviewState, total: Option<i64>) -> ExpertReview {
        ExpertReview { expert_id: crate::ids::StaffId(1), expert_name: String::new(), state, statement: None, total, scores: vec![], comment: None }
    }

    #[test]
    fn the_review_is_in_when_three_experts_who_did_not_step_aside_have_scored() {
        let scored = |t| review(ReviewState::Scored, Some(t));
        let progress = ReviewProgress::of(&[scored(8000), scored(7000), review(ReviewState::Reading, None), review(ReviewState::Recused, None)]);
        assert_eq!((progress.experts, progress.recused, progress.scored, progress.all_in(), progress.mean), (3, 1, 2, false, None));
        let progress = ReviewProgress::of(&[scored(8000), scored(7000), scored(6000), review(ReviewState::Recused, None)]);
        assert_eq!((progress.all_in(), progress.mean), (true, Some(7000)));
        assert!(!ReviewProgress::of(&[scored(8000), scored(7000)]).all_in(), "two are not enough");
    }

    proptest! {
        #[test]
        fn the_total_stays_within_a_hundred_points(points in proptest::array::uniform4(0i32..=100)) {
            let total = input(points).check(&criteria()).unwrap().0;
            prop_assert!((0..=10_000).contains(&total));
            prop_assert!(total >= i64::from(*points.iter().min().unwrap()) * 100 && total <= i64::from(*points.iter().max().unwrap()) * 100);
        }
    }
}
