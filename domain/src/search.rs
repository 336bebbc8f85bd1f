//! Catalogue search that serves Chinese: substring matches on characters (Chinese has no spaces to
//! split words on), pinyin and pinyin initials for people typing on a Latin keyboard, and a ranking
//! that puts title matches first.
//!
//! The search index (in `cc-store`) finds the items whose fields contain the query and reports
//! where ([`Matches`]); [`rank`] orders them.

use serde::{Deserialize, Serialize};

/// A resident's search text, normalised: trimmed, inner whitespace collapsed, lower case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchQuery {
    text: String,
    pinyin: Option<String>,
}

/// Text as search compares it: lower case, inner whitespace collapsed to one space, trimmed.
/// The index stores every field this way, and a query is read this way.
/// Control characters count as spaces (the index marks a field's ends with two of them), and so
/// does punctuation that separates words (“《京剧》，入门” reads as "京剧 入门"); full-width
/// letters and digits are their ASCII selves ("ｇｃｗ" is "gcw").
pub fn normalise(text: &str) -> String {
    let visible: String = text.chars().map(|c| if separates(c) { ' ' } else { half_width(c) }).collect();
    visible.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

/// Whether `c` only separates words: a control character or punctuation. `%`, `_`, `#`, `&`,
/// `+`, `@` and `*` are kept, since they can be part of what is searched for (and a search for
/// a wildcard must find it, not everything).
fn separates(c: char) -> bool {
    c.is_control()
        || matches!(half_width(c), ',' | '.' | ';' | ':' | '!' | '?' | '"' | '\'' | '(' | ')' | '[' | ']'
            | '{' | '}' | '<' | '>' | '/' | '\\' | '|' | '~' | '`' | '^' | '=' | '-')
        // General punctuation (dashes, quotes, ellipsis), the middle dot, CJK punctuation and
        // brackets (、。〈〉《》「」『』【】〔〕〜), and the full-width forms' own marks.
        || matches!(c, '\u{2010}'..='\u{2027}' | '\u{00b7}' | '\u{3001}'..='\u{3003}' | '\u{3008}'..='\u{3011}'
            | '\u{3014}'..='\u{301f}' | '\u{ff5f}'..='\u{ff65}')
}

/// The ASCII letter, digit or mark a full-width form stands for; any other character itself.
fn half_width(c: char) -> char {
    match c {
        '\u{ff01}'..='\u{ff5e}' => char::from_u32(c as u32 - 0xfee0).unwrap_or(c),
        '\u{3000}' => ' ',
        _ => c,
    }
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
        let text = normalise(raw);
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

/// Where a search text was found in one field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Place {
    /// Somewhere inside.
    Inside,
    /// At the start.
    Start,
    /// The whole field.
    Whole,
}

/// Which fields of one item a search matched, as the search index reports them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Matches {
    pub title: Option<Place>,
    /// The category's name, in either language.
    pub category: bool,
    /// The title's pinyin without tones or spaces, e.g. `guangchangwujiaoxue`.
    pub pinyin: Option<Place>,
    /// The first letters of the title's pinyin, e.g. `gcwjx`.
    pub initials: Option<Place>,
    /// The title or the description (a title match is also counted here).
    pub description: bool,
}

/// How well an item matches: higher is better; the ranking rule of search, in one place.
///
/// Title beats category beats pinyin beats description; within the title, the whole title
/// beats its start, which beats its inside; a title match in a matching category gets a
/// little more. Zero means no match at all.
pub fn rank(m: &Matches) -> u32 {
    let title = match m.title {
        Some(Place::Whole) => 100,
        Some(Place::Start) => 80,
        Some(Place::Inside) => 60,
        None => 0,
    };
    let category = if m.category { 40 } else { 0 };
    let pinyin = match (m.pinyin, m.initials) {
        (Some(Place::Whole | Place::Start), _) | (_, Some(Place::Whole)) => 35,
        (Some(Place::Inside), _) => 30,
        (_, Some(Place::Start)) => 28,
        (_, Some(Place::Inside)) => 25,
        (None, None) => 0,
    };
    let description = if m.description { 1 } else { 0 };
    let best = title.max(category).max(pinyin).max(description);
    let bonus = if title > 0 && m.category { 5 } else { 0 };
    best + bonus
}

/// The part of `haystack` that `needle` meant, when it has one letter wrong, missing or extra
/// (or two neighbours swapped): "guangcangwu" in "guangchangwujiaoxue" is "guangchangwu".
/// The leftmost such part, preferring one of the same length; `None` when there is none.
pub fn correction_within_one_edit<'a>(haystack: &'a str, needle: &str) -> Option<&'a str> {
    let n = needle.chars().count();
    if n == 0 {
        return None;
    }
    let starts: Vec<usize> = haystack.char_indices().map(|(i, _)| i).chain([haystack.len()]).collect();
    for len in [n, n - 1, n + 1] {
        for (k, &from) in starts.iter().enumerate() {
            let Some(&to) = starts.get(k + len) else { break };
            let part = &haystack[from..to];
            if len > 0 && one_edit_apart(part, needle) {
                return Some(part);
            }
        }
    }
    None
}

/// Whether `a` becomes `b` by changing, removing or adding one letter, or swapping two
/// neighbours (equal texts are not one edit apart).
fn one_edit_apart(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let same_start = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let (ra, rb) = (&a[same_start..], &b[same_start..]);
    match (ra.len(), rb.len()) {
        (0, 0) => false,
        (x, y) if x == y => ra[1..] == rb[1..] || (x >= 2 && ra[0] == rb[1] && ra[1] == rb[0] && ra[2..] == rb[2..]),
        (x, y) if x == y + 1 => ra[1..] == *rb,
        (x, y) if y == x + 1 => *ra == rb[1..],
        _ => false,
    }
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

    #[test]
    fn blank_input_is_no_search_and_whitespace_is_collapsed() {
        assert_eq!(SearchQuery::parse("   ").unwrap(), None);
        assert_eq!(q("  京剧   入门 ").text(), "京剧 入门");
        assert_eq!(q("京剧\u{2}\u{3}入门").text(), "京剧 入门", "no control character reaches the index");
        assert_eq!(SearchQuery::parse("\u{2}").unwrap(), None);
    }

    #[test]
    fn punctuation_separates_words_and_full_width_letters_are_ascii() {
        assert_eq!(q("《京剧》，入门！").text(), "京剧 入门");
        assert_eq!(q("“非遗”·剪纸…").text(), "非遗 剪纸");
        assert_eq!(q("guang-chang, wu.").pinyin(), Some("guangchangwu"));
        assert_eq!(q("ＧＣＷ").pinyin(), Some("gcw"));
        assert_eq!(q("１００％").text(), "100%", "a full-width percent sign is still searched for");
        assert_eq!(q("%").text(), "%");
        assert_eq!(q("_").text(), "_");
        assert_eq!(SearchQuery::parse("，。！").unwrap(), None, "punctuation alone is no search");
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
    fn a_title_match_outranks_a_category_match_which_outranks_pinyin_and_the_description() {
        let title = rank(&Matches { title: Some(Place::Inside), description: true, ..Matches::default() });
        let category = rank(&Matches { category: true, ..Matches::default() });
        let pinyin = rank(&Matches { pinyin: Some(Place::Start), ..Matches::default() });
        let description = rank(&Matches { description: true, ..Matches::default() });
        assert!(title > category && category > pinyin && pinyin > description && description > 0);
        assert_eq!(rank(&Matches::default()), 0);
    }

    #[test]
    fn an_exact_title_beats_a_prefix_which_beats_a_substring() {
        let at = |place| rank(&Matches { title: Some(place), ..Matches::default() });
        assert!(at(Place::Whole) > at(Place::Start) && at(Place::Start) > at(Place::Inside));
        let in_category = rank(&Matches { title: Some(Place::Inside), category: true, ..Matches::default() });
        assert!(in_category > at(Place::Inside) && in_category < at(Place::Start));
    }

    #[test]
    fn full_pinyin_beats_initials() {
        let full = rank(&Matches { pinyin: Some(Place::Inside), ..Matches::default() });
        let initials = rank(&Matches { initials: Some(Place::Inside), ..Matches::default() });
        let whole_initials = rank(&Matches { initials: Some(Place::Whole), ..Matches::default() });
        assert!(whole_initials > full && full > initials && initials > 1);
    }

    #[test]
    fn one_wrong_missing_extra_or_swapped_letter_is_corrected() {
        let title = "guangchangwujiaoxue";
        for (typo, meant) in [
            ("guangcangwu", "guangchangwu"),
            ("guangchamgwu", "guangchangwu"),
            ("guangchhangwu", "guangchangwu"),
            ("gunagchangwu", "guangchangwu"),
            ("jiaoxeu", "jiaoxue"),
        ] {
            assert_eq!(correction_within_one_edit(title, typo), Some(meant), "{typo}");
        }
        for far in ["guangcanwu", "jingju", "gunagcahngwu"] {
            assert_eq!(correction_within_one_edit(title, far), None, "{far}");
        }
        assert_eq!(correction_within_one_edit("xiangshengquyi", "xiangshegn"), Some("xiangsheng"));
    }

    #[cfg(feature = "index")]
    #[test]
    fn pinyin_keys_spell_the_title_without_tones() {
        assert_eq!(pinyin_keys("广场舞"), ("guangchangwu".into(), "gcw".into()));
        assert_eq!(pinyin_keys("3D打印"), ("3ddayin".into(), "3ddy".into()));
    }
}
