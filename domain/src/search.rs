//! Catalogue search that serves Chinese: substring matches on characters (Chinese has no spaces to
//! split words on), pinyin and pinyin initials for people typing on a Latin keyboard, and a ranking
//! that puts title matches first.
//!
//! Storage finds the candidates (any field contains the query); [`score`] orders them.

use serde::{Deserialize, Serialize};

/// A resident's search text, normalised: trimmed, inner whitespace collapsed, lower case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchQuery {
    text: String,
    pinyin: Option<String>,
}

/// Why a search text was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SearchError {
    #[error("search text is longer than {max} characters")]
    TooLong { max: usize },
}

impl SearchQuery {
    /// Longest search text accepted; longer input is a mistake or an attack, not a query.
    pub const MAX_CHARS: usize = 40;

    /// Parses what was typed. Blank input means "no search" (`Ok(None)`).
    pub fn parse(raw: &str) -> Result<Option<SearchQuery>, SearchError> {
        let text = raw.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
        if text.is_empty() {
            return Ok(None);
        }
        if text.chars().count() > Self::MAX_CHARS {
            return Err(SearchError::TooLong { max: Self::MAX_CHARS });
        }
        // Latin letters alone may be pinyin ("guangchangwu", "guang chang wu", "gcw").
        let letters: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        let pinyin = letters.chars().all(|c| c.is_ascii_lowercase()).then_some(letters);
        Ok(Some(SearchQuery { text, pinyin }))
    }

    /// The normalised text, matched as a substring.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The query as pinyin letters without spaces, when it could be pinyin.
    pub fn pinyin(&self) -> Option<&str> {
        self.pinyin.as_deref()
    }
}

/// What ranking looks at for one candidate item.
#[derive(Debug, Clone, Copy)]
pub struct Candidate<'a> {
    pub title: &'a str,
    pub category: &'a str,
    /// Pinyin of the title without tones or spaces, e.g. `guangchangwujiaoxue`.
    pub title_pinyin: &'a str,
    /// First letters of the title's pinyin, e.g. `gcwjx`.
    pub title_initials: &'a str,
}

/// How well a candidate matches: higher is better, 0 means "not in the title, category or
/// pinyin" — the candidate matched on its description only, and still ranks above nothing.
pub fn score(query: &SearchQuery, c: &Candidate<'_>) -> u32 {
    let q = query.text();
    let title = c.title.to_lowercase();
    let in_category = c.category.to_lowercase().contains(q);
    let title_score = if title == q {
        100
    } else if title.starts_with(q) {
        80
    } else if title.contains(q) {
        60
    } else {
        0
    };
    let pinyin_score = query.pinyin().map_or(0, |p| {
        if c.title_pinyin.starts_with(p) || c.title_initials == p {
            35
        } else if c.title_pinyin.contains(p) {
            30
        } else if c.title_initials.starts_with(p) {
            28
        } else if c.title_initials.contains(p) {
            25
        } else {
            0
        }
    });
    let category_score = if in_category { 40 } else { 0 };
    let best = title_score.max(pinyin_score).max(category_score);
    // A title match in a matching category is the best kind of hit.
    let bonus = if title_score > 0 && in_category { 5 } else { 0 };
    best.max(1) + bonus
}

/// Pinyin search keys for a text (server side only: the tables are large).
#[cfg(feature = "index")]
pub fn pinyin_keys(text: &str) -> (String, String) {
    use pinyin::ToPinyin;
    let mut full = String::new();
    let mut initials = String::new();
    for ch in text.chars() {
        if let Some(p) = ch.to_pinyin() {
            full.push_str(p.plain());
            initials.push_str(p.first_letter());
        } else if ch.is_ascii_alphanumeric() {
            let lower = ch.to_ascii_lowercase();
            full.push(lower);
            initials.push(lower);
        }
    }
    (full, initials)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(s: &str) -> SearchQuery {
        SearchQuery::parse(s).unwrap().unwrap()
    }

    fn cand<'a>(title: &'a str, category: &'a str, py: &'a str, ini: &'a str) -> Candidate<'a> {
        Candidate { title, category, title_pinyin: py, title_initials: ini }
    }

    #[test]
    fn blank_input_is_no_search_and_whitespace_is_collapsed() {
        assert_eq!(SearchQuery::parse("   ").unwrap(), None);
        assert_eq!(q("  京剧   入门 ").text(), "京剧 入门");
    }

    #[test]
    fn overlong_input_is_refused() {
        let long = "非".repeat(SearchQuery::MAX_CHARS + 1);
        assert_eq!(SearchQuery::parse(&long), Err(SearchError::TooLong { max: 40 }));
    }

    #[test]
    fn only_latin_letters_count_as_pinyin() {
        assert_eq!(q("Guang Chang Wu").pinyin(), Some("guangchangwu"));
        assert_eq!(q("gcw").pinyin(), Some("gcw"));
        assert_eq!(q("广场舞").pinyin(), None);
        assert_eq!(q("3d打印").pinyin(), None);
    }

    #[test]
    fn a_title_match_outranks_a_category_match_which_outranks_the_description() {
        let query = q("非遗");
        let title = score(&query, &cand("非遗剪纸体验课", "讲座培训", "", ""));
        let category = score(&query, &cand("剪纸体验课", "非遗体验", "", ""));
        let description = score(&query, &cand("周末手工课", "讲座培训", "", ""));
        assert!(title > category, "{title} > {category}");
        assert!(category > description, "{category} > {description}");
        assert!(description > 0);
    }

    #[test]
    fn an_exact_title_beats_a_prefix_which_beats_a_substring() {
        let query = q("京剧");
        let exact = score(&query, &cand("京剧", "文艺演出", "", ""));
        let prefix = score(&query, &cand("京剧名段欣赏", "文艺演出", "", ""));
        let inner = score(&query, &cand("少儿京剧", "文艺演出", "", ""));
        assert!(exact > prefix && prefix > inner);
    }

    #[test]
    fn full_pinyin_and_initials_both_find_the_title() {
        let item = cand("广场舞教学", "群众文化活动", "guangchangwujiaoxue", "gcwjx");
        assert!(score(&q("guangchangwu"), &item) >= 30);
        assert!(score(&q("gcw"), &item) >= 25);
        assert_eq!(score(&q("jingju"), &item), 1);
    }

    #[cfg(feature = "index")]
    #[test]
    fn pinyin_keys_spell_the_title_without_tones() {
        assert_eq!(pinyin_keys("广场舞"), ("guangchangwu".into(), "gcw".into()));
        assert_eq!(pinyin_keys("3D打印"), ("3ddayin".into(), "3ddy".into()));
    }
}
