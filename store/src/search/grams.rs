//! How text is cut for the index, and the phrases a search looks for.
//!
//! Chinese has no spaces, and residents type any part of a title ("京剧", "非遗", "剧"), so a
//! field is indexed as its characters and its runs of neighbouring characters ("grams", each
//! at the position of its first character). A text of one character is found by its
//! character; a longer one by a chain of its grams at the right distances, which only a field
//! containing that very text has. Chinese fields keep pairs (two characters are already a
//! rare term); pinyin and initials, written with 26 letters, also keep runs of three ("gua",
//! "ngc"), so a pinyin phrase has a third fewer terms, each far rarer, to check the positions
//! of. "gcw" and "changwu" are found inside `gcwjx` and `guangchangwujiaoxue`.
//!
//! The first character and the first grams are also indexed with a start mark in front, so
//! "at the start" is one term for a short text (京剧 at the start of 京剧名段欣赏) and a phrase
//! beginning with a rare term for a longer one: no position of a marker every field has needs
//! checking. "The whole field" is "at the start" and the field's length (the index keeps the
//! lengths of the fields that need it).

use tantivy::schema::Field;
use tantivy::tokenizer::{Token, TokenStream, Tokenizer};
use tantivy::Term;

/// The names the tokenizers are registered under: pairs, and pairs and threes.
pub(super) const PAIRS: &str = "grams2";
pub(super) const THREES: &str = "grams3";
/// Marks a term that stands at the start of its field (no normalised text holds it).
const START: char = '\u{2}';

/// Cuts normalised text ([`cc_domain::search::normalise`]) into characters and the runs of
/// neighbouring characters up to `longest` long.
#[derive(Clone)]
pub(super) struct Grams {
    pub longest: usize,
}

impl Tokenizer for Grams {
    type TokenStream<'a> = GramStream;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> GramStream {
        let chars: Vec<char> = text.chars().collect();
        let mut tokens = Vec::with_capacity(chars.len() * (self.longest + 1));
        let mut push = |gram: &[char], marked: bool, position: usize| {
            let text = gram_text(gram, marked);
            tokens.push(Token { offset_from: 0, offset_to: 0, position, text, position_length: 1 });
        };
        for length in 1..=self.longest.min(chars.len()) {
            push(&chars[..length], true, 0);
        }
        for i in 0..chars.len() {
            for length in 1..=self.longest.min(chars.len() - i) {
                push(&chars[i..i + length], false, i);
            }
        }
        GramStream { tokens, next: 0 }
    }
}

/// A gram's term text, with the start mark in front when it stands at the start of its field.
fn gram_text(gram: &[char], at_start: bool) -> String {
    at_start.then_some(START).into_iter().chain(gram.iter().copied()).collect()
}

/// The tokens of one text, handed out one by one.
pub(super) struct GramStream {
    tokens: Vec<Token>,
    next: usize,
}

impl TokenStream for GramStream {
    fn advance(&mut self) -> bool {
        self.next += 1;
        self.next <= self.tokens.len()
    }

    fn token(&self) -> &Token {
        &self.tokens[self.next - 1]
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.tokens[self.next - 1]
    }
}

/// Where in a field a search text must stand.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Anchor {
    Anywhere,
    Start,
    Whole,
}

/// The terms, with their relative positions, that a field cut into grams up to `longest`
/// holds when `text` (normalised, not empty) stands in it at `anchor`: one term means a plain
/// term query, more a phrase. For `Whole`, the caller also asks for the field's length.
pub(super) fn phrase(field: Field, longest: usize, text: &str, anchor: Anchor) -> Vec<(usize, Term)> {
    let chars: Vec<char> = text.chars().collect();
    let at_start = anchor != Anchor::Anywhere;
    let term = |i: usize, gram: &[char]| (i, Term::from_field_text(field, &gram_text(gram, at_start && i == 0)));
    let n = longest.min(chars.len());
    // Grams that touch end to end fix every character (the last one overlapping, where the
    // length is not a multiple): the same matches as every gram, with far fewer terms.
    let last = chars.len() - n;
    let starts = (0..=last).step_by(n).chain((last % n != 0).then_some(last));
    starts.map(|i| term(i, &chars[i..i + n])).collect()
}

/// The pairs of neighbouring characters of `text` in four groups (the pair starting at
/// character `i` in group `i % 4`): a text with one typo in it still holds every pair of at
/// least one group of the text meant. A wrong, missing or extra letter spoils at most two
/// neighbouring pairs and two swapped letters three, so one group is left untouched.
pub(super) fn pair_groups(field: Field, text: &str) -> Vec<Vec<Term>> {
    let chars: Vec<char> = text.chars().collect();
    let mut groups: Vec<Vec<Term>> = vec![Vec::new(); 4];
    for (i, pair) in chars.windows(2).enumerate() {
        groups[i % 4].push(Term::from_field_text(field, &pair.iter().collect::<String>()));
    }
    for group in &mut groups {
        group.sort();
        group.dedup();
    }
    groups.retain(|group| !group.is_empty());
    groups
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(longest: usize, text: &str) -> Vec<(usize, String)> {
        let mut stream = Grams { longest }.token_stream(text);
        let mut out = Vec::new();
        while stream.advance() {
            out.push((stream.token().position, stream.token().text.clone()));
        }
        out
    }

    fn texts(terms: Vec<(usize, Term)>) -> Vec<(usize, String)> {
        terms.iter().map(|(p, t)| (*p, t.value().as_str().unwrap().to_string())).collect()
    }

    #[test]
    fn a_field_is_its_characters_and_grams_and_how_it_starts() {
        let want = [(0, "\u{2}京"), (0, "\u{2}京剧"), (0, "京"), (0, "京剧"), (1, "剧")];
        assert_eq!(tokens(2, "京剧"), want.map(|(p, t)| (p, t.to_string())));
        let want = [(0, "\u{2}g"), (0, "\u{2}gc"), (0, "\u{2}gcw"), (0, "g"), (0, "gc"), (0, "gcw"), (1, "c"), (1, "cw"), (2, "w")];
        assert_eq!(tokens(3, "gcw"), want.map(|(p, t)| (p, t.to_string())));
    }

    #[test]
    fn at_the_start_the_first_term_is_marked() {
        let field = Field::from_field_id(0);
        let at = |text, anchor| texts(phrase(field, 2, text, anchor));
        assert_eq!(at("京剧", Anchor::Start), [(0, "\u{2}京剧".to_string())], "one term, no positions");
        assert_eq!(at("剧", Anchor::Whole), [(0, "\u{2}剧".to_string())]);
        assert_eq!(at("广场舞", Anchor::Start), [(0, "\u{2}广场".to_string()), (1, "场舞".to_string())]);
        assert_eq!(at("广场舞", Anchor::Anywhere), [(0, "广场".to_string()), (1, "场舞".to_string())]);
    }

    #[test]
    fn a_phrase_fixes_every_character_with_grams_end_to_end() {
        let field = Field::from_field_id(0);
        let at = |longest, text| phrase(field, longest, text, Anchor::Anywhere).iter().map(|(p, _)| *p).collect::<Vec<_>>();
        assert_eq!(at(2, "广场舞"), [0, 1], "an odd length ends with the last pair");
        assert_eq!(at(2, "广场舞蹈"), [0, 2]);
        assert_eq!(at(3, "guangchangwu"), [0, 3, 6, 9]);
        assert_eq!(at(3, "guangchangw"), [0, 3, 6, 8]);
        assert_eq!(at(3, "gc"), [0], "shorter than the longest gram: itself");
        let grams = texts(phrase(field, 3, "guangchangw", Anchor::Start));
        let grams: Vec<&str> = grams.iter().map(|(_, t)| t.as_str()).collect();
        assert_eq!(grams, ["\u{2}gua", "ngc", "han", "ngw"]);
    }

    #[test]
    fn one_typo_leaves_a_group_of_pairs_whole() {
        let field = Field::from_field_id(0);
        let texts = |groups: Vec<Vec<Term>>| -> Vec<Vec<String>> {
            groups.iter().map(|g| g.iter().map(|t| t.value().as_str().unwrap().to_string()).collect()).collect()
        };
        let meant = "guangchangwu";
        let pairs_of_meant: Vec<String> =
            meant.as_bytes().windows(2).map(|w| String::from_utf8(w.to_vec()).unwrap()).collect();
        // Wrong, missing, extra and swapped letters, each at every place.
        for typo in ["guangcangwu", "guangchamgwu", "guangchhangwu", "guagnchangwu", "uangchangwu", "guangchangw"] {
            let groups = texts(pair_groups(field, typo));
            assert!(
                groups.iter().any(|g| g.iter().all(|pair| pairs_of_meant.contains(pair))),
                "{typo}: some group is all pairs of {meant}: {groups:?}"
            );
        }
        assert_eq!(texts(pair_groups(field, "gcwjx")), [["gc"], ["cw"], ["wj"], ["jx"]]);
    }
}
