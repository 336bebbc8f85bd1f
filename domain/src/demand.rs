//! 点单 — residents say what they want delivered: a demand (a category, their community, a
//! short note) that others add their vote to, which staff in scope answer (planned, delivered
//! with the service that delivers it, or declined with a reason). The rules need no database.

use serde::{Deserialize, Serialize};

use crate::authoring::FieldError;
use crate::query::{parse_slug, ParamError, ParamProblem};
use crate::{Locale, Named};

/// The longest note, in characters (a demand is a line or two, like a suggestion slip).
pub const NOTE_MAX_CHARS: usize = 200;
/// The longest answer staff give, in characters (voters are told it by SMS too).
pub const ANSWER_MAX_CHARS: usize = 200;

/// Where a demand stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum DemandStatus {
    /// Raised, waiting for an answer; residents can add their vote.
    Open,
    /// Staff plan to deliver it.
    Planned,
    /// Delivered by a service in the catalogue.
    Delivered,
    /// Staff will not deliver it (the reason is the answer).
    Declined,
    /// Joined into another demand saying the same (its votes moved there).
    Merged,
}

impl DemandStatus {
    pub const ALL: [DemandStatus; 5] =
        [DemandStatus::Open, DemandStatus::Planned, DemandStatus::Delivered, DemandStatus::Declined, DemandStatus::Merged];

    /// The stored and serialised name.
    pub fn as_str(self) -> &'static str {
        match self {
            DemandStatus::Open => "open",
            DemandStatus::Planned => "planned",
            DemandStatus::Delivered => "delivered",
            DemandStatus::Declined => "declined",
            DemandStatus::Merged => "merged",
        }
    }

    pub fn parse(text: &str) -> Option<DemandStatus> {
        Self::ALL.into_iter().find(|s| s.as_str() == text)
    }

    /// How pages say it.
    pub fn label(self, locale: Locale) -> &'static str {
        match (self, locale) {
            (DemandStatus::Open, Locale::Zh) => "征集中",
            (DemandStatus::Open, Locale::En) => "Open",
            (DemandStatus::Planned, Locale::Zh) => "已列入计划",
            (DemandStatus::Planned, Locale::En) => "Planned",
            (DemandStatus::Delivered, Locale::Zh) => "已配送",
            (DemandStatus::Delivered, Locale::En) => "Delivered",
            (DemandStatus::Declined, Locale::Zh) => "暂不采纳",
            (DemandStatus::Declined, Locale::En) => "Declined",
            (DemandStatus::Merged, Locale::Zh) => "已合并",
            (DemandStatus::Merged, Locale::En) => "Merged",
        }
    }

    /// Whether residents can still add their vote.
    pub fn takes_votes(self) -> bool {
        matches!(self, DemandStatus::Open | DemandStatus::Planned)
    }
}

/// The most demands one resident raises in a day (24 hours): more than anyone has to say, fewer
/// than a flood. Votes are not limited — each demand takes one per resident anyway.
pub const DEMANDS_PER_DAY: i64 = 5;

/// What a resident sends to raise a demand.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewDemand {
    /// A category's slug (see /categories).
    pub category: String,
    /// The resident's community (see /streets).
    pub community_id: i64,
    /// What they would like, in a line or two (2 to 200 characters).
    #[cfg_attr(feature = "openapi", schema(min_length = 2, max_length = 200))]
    pub note: String,
    /// Raise it even though similar open demands exist in the community and category (they are
    /// offered first: 409 `similar`).
    #[serde(default)]
    pub new_anyway: bool,
}

impl NewDemand {
    /// The note trimmed and checked; the error names the field.
    pub fn checked_note(&self) -> Result<String, FieldError> {
        let note = self.note.trim();
        let chars = note.chars().count();
        if !(2..=NOTE_MAX_CHARS).contains(&chars) || note.chars().any(char::is_control) {
            return Err(FieldError { field: "note", zh: "请用一两句话写明想要的活动（2到200个字，一行）", en: "say what you would like in a line (2 to 200 characters)" });
        }
        Ok(note.to_string())
    }
}

/// Whether two notes say nearly the same: one holds the other, or they share most of their
/// two-character pieces (Dice ≥ 0.5), ignoring spaces, punctuation and case.
pub fn near_duplicate(a: &str, b: &str) -> bool {
    let norm = |s: &str| -> Vec<char> { s.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect() };
    let (a, b) = (norm(a), norm(b));
    if a.len() < 2 || b.len() < 2 {
        return a == b;
    }
    let text = |v: &[char]| v.iter().collect::<String>();
    if text(&a).contains(&text(&b)) || text(&b).contains(&text(&a)) {
        return true;
    }
    let pairs = |v: &[char]| v.windows(2).map(|w| (w[0], w[1])).collect::<std::collections::HashSet<_>>();
    let (pa, pb) = (pairs(&a), pairs(&b));
    let shared = pa.intersection(&pb).count();
    2.0 * shared as f64 / (pa.len() + pb.len()) as f64 >= 0.5
}

/// How staff answer a demand.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AnswerRequest {
    /// `planned`, `delivered` (with `item_id`) or `declined` (with the reason in `note`).
    pub status: String,
    /// What residents are told (required to decline), at most 200 characters.
    #[serde(default)]
    pub note: Option<String>,
    /// The published service that delivers it (required for `delivered`).
    #[serde(default)]
    pub item_id: Option<i64>,
}

/// An answer, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answer {
    pub status: DemandStatus,
    pub note: Option<String>,
    pub item_id: Option<i64>,
}

impl AnswerRequest {
    /// Checks the answer; the error names the field.
    pub fn check(&self) -> Result<Answer, FieldError> {
        let status = match DemandStatus::parse(self.status.trim()) {
            Some(s @ (DemandStatus::Planned | DemandStatus::Delivered | DemandStatus::Declined)) => s,
            _ => return Err(FieldError { field: "status", zh: "请选择：列入计划、已配送或暂不采纳", en: "choose planned, delivered or declined" }),
        };
        let note = self.note.as_deref().map(str::trim).filter(|n| !n.is_empty());
        if note.is_some_and(|n| n.chars().count() > ANSWER_MAX_CHARS || n.chars().any(char::is_control)) {
            return Err(FieldError { field: "note", zh: "答复为一行，不超过200个字", en: "one line, at most 200 characters" });
        }
        if status == DemandStatus::Declined && note.is_none() {
            return Err(FieldError { field: "note", zh: "暂不采纳时请写明原因，点单的居民会收到它", en: "give the reason: residents who asked are told it" });
        }
        let item_id = self.item_id.filter(|_| status == DemandStatus::Delivered);
        if status == DemandStatus::Delivered && item_id.is_none() {
            return Err(FieldError { field: "item_id", zh: "请选择配送这项点单的服务", en: "choose the service that delivers it" });
        }
        Ok(Answer { status, note: note.map(str::to_string), item_id })
    }
}

/// A demand as anyone sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Demand {
    pub id: crate::ids::DemandId,
    pub category: Named,
    pub street: Named,
    pub street_id: i64,
    pub community_id: i64,
    pub community: String,
    pub note: String,
    pub status: DemandStatus,
    pub votes: i64,
    /// Staff's answer, once answered.
    pub answer: Option<String>,
    /// The service that delivered it.
    pub item_id: Option<i64>,
    /// Where its votes went, once merged.
    pub merged_into: Option<crate::ids::DemandId>,
    /// When it was raised and answered (UTC seconds).
    pub created_at: i64,
    pub answered_at: Option<i64>,
}

/// How to order demands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DemandSort {
    /// Most votes first (the TOP board).
    #[default]
    Votes,
    /// Newest first.
    Recent,
}

/// Which demands to list.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct DemandQuery {
    pub street: Option<String>,
    pub community: Option<i64>,
    pub category: Option<String>,
    pub status: Option<DemandStatus>,
    pub sort: DemandSort,
}

impl DemandQuery {
    /// Parses URL pairs; unknown parameters are ignored, a bad one is named.
    pub fn parse<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Result<Self, ParamError> {
        let mut query = DemandQuery::default();
        let bad = |param: &str, problem| ParamError { param: param.into(), problem };
        for (key, value) in pairs {
            let value = value.trim();
            match key {
                "street" => query.street = parse_slug("street", value)?,
                "category" => query.category = parse_slug("category", value)?,
                "community" if value.is_empty() => query.community = None,
                "community" => {
                    let id = value.parse::<i64>().ok().filter(|id| *id > 0);
                    query.community = Some(id.ok_or_else(|| bad("community", ParamProblem::NotAPositiveNumber))?);
                }
                "status" if value.is_empty() => query.status = None,
                "status" => {
                    let words = "open, planned, delivered, declined, merged";
                    query.status = Some(DemandStatus::parse(value).ok_or_else(|| bad("status", ParamProblem::NotOneOf(words.into())))?)
                }
                "sort" => {
                    query.sort = match value {
                        "" | "votes" => DemandSort::Votes,
                        "recent" => DemandSort::Recent,
                        _ => return Err(bad("sort", ParamProblem::NotOneOf("votes, recent".into()))),
                    }
                }
                _ => {}
            }
        }
        Ok(query)
    }

    /// Parses a raw query string.
    pub fn parse_query_string(qs: &str) -> Result<Self, ParamError> {
        let pairs = crate::query::decode_pairs(qs);
        Self::parse(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notes_that_say_nearly_the_same_are_found() {
        assert!(near_duplicate("希望开设书法班", "希望开设书法班！"));
        assert!(near_duplicate("老年书法班", "希望社区开老年书法班"));
        assert!(near_duplicate("周末亲子绘本阅读", "周末的亲子绘本阅读活动"));
        assert!(!near_duplicate("老年书法班", "青少年街舞课"));
        assert!(!near_duplicate("合唱", "京剧"));
    }

    #[test]
    fn a_note_is_one_line_of_two_to_two_hundred_characters() {
        let demand = |note: &str| NewDemand { category: "art".into(), community_id: 1, note: note.into(), new_anyway: false };
        assert_eq!(demand("  书法班 ").checked_note().unwrap(), "书法班");
        assert!(demand("书").checked_note().is_err());
        assert!(demand(&"书".repeat(201)).checked_note().is_err());
        assert!(demand("书法\n班").checked_note().is_err());
    }

    #[test]
    fn an_answer_declines_with_a_reason_and_delivers_with_a_service() {
        let answer = |status: &str, note: Option<&str>, item_id: Option<i64>| {
            AnswerRequest { status: status.into(), note: note.map(str::to_string), item_id }.check()
        };
        assert_eq!(answer("declined", None, None).unwrap_err().field, "note");
        assert_eq!(answer("delivered", Some("已开班"), None).unwrap_err().field, "item_id");
        assert_eq!(answer("open", None, None).unwrap_err().field, "status");
        assert_eq!(answer("planned", Some(" 明年春季开班 "), Some(3)).unwrap(), Answer { status: DemandStatus::Planned, note: Some("明年春季开班".into()), item_id: None });
        assert_eq!(answer("delivered", None, Some(3)).unwrap().item_id, Some(3));
    }

    #[test]
    fn the_list_filters_by_place_category_and_status_and_sorts_by_votes_or_time() {
        let q = DemandQuery::parse([("street", "bajiao"), ("community", "4"), ("status", "open"), ("sort", "recent")]).unwrap();
        assert_eq!((q.community, q.status, q.sort), (Some(4), Some(DemandStatus::Open), DemandSort::Recent));
        assert_eq!(DemandQuery::parse([("community", "x")]).unwrap_err().param, "community");
        assert_eq!(DemandQuery::parse([("status", "lost")]).unwrap_err().param, "status");
        assert_eq!(DemandQuery::parse([("sort", "random")]).unwrap_err().param, "sort");
    }
}
