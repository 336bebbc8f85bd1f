//! How text is cut for the index, and the phrases a search looks for.
//!
//! Chinese has no spaces, and residents type any part of a title ("京剧", "非遗", "剧"), so a
//! field is indexed as its characters and its pairs of neighbouring characters, each at the
//! position of its first character. A text of one character is found by its character; a
//! longer one by the chain of its pairs at consecutive positions, which only a field
//! containing that very text has. Pinyin and initials are cut the same way, so "gcw" and
//! "changwu" are found inside `gcwjx` and `guangchangwujiaoxue`.
//!
//! A start marker at position 0 and an end marker after the last character let a phrase ask
//! for "at the start" or "the whole field" (the ranking prefers those).

use tantivy::schema::Field;
use tantivy::tokenizer::{Token, TokenStream, Tokenizer};
use tantivy::Term;

/// The name the tokenizer is registered under.
pub(super) const NAME: &str = "grams";
/// Marks the start of a field (position 0).
const START: &str = "\u{2}";
/// Marks the end of a field (the position after its last character).
const END: &str = "\u{3}";

/// Cuts normalised text ([`cc_domain::search::normalise`]) into characters and pairs.
#[derive(Clone, Default)]
pub(super) struct Grams;

impl Tokenizer for Grams {
    type TokenStream<'a> = GramStream;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> GramStream {
        let chars: Vec<char> = text.chars().collect();
        let mut tokens = Vec::with_capacity(chars.len() * 2 + 2);
        let mut push = |text: String, position: usize| {
            tokens.push(Token { offset_from: 0, offset_to: 0, position, text, position_length: 1 });
        };
        push(START.into(), 0);
        for (i, &c) in chars.iter().enumerate() {
            push(c.to_string(), i + 1);
            if let Some(&next) = chars.get(i + 1) {
                push([c, next].iter().collect(), i + 1);
            }
        }
        push(END.into(), chars.len() + 1);
        GramStream { tokens, next: 0 }
    }
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

/// The terms, with their relative positions, that a field holds when `text` (normalised, not
/// empty) stands in it at `anchor`: one term means a plain term query, more a phrase.
pub(super) fn phrase(field: Field, text: &str, anchor: Anchor) -> Vec<(usize, Term)> {
    let chars: Vec<char> = text.chars().collect();
    let term = |s: &str| Term::from_field_text(field, s);
    let mut terms = Vec::new();
    let first = if anchor == Anchor::Anywhere {
        0
    } else {
        terms.push((0, term(START)));
        1
    };
    if chars.len() == 1 {
        terms.push((first, term(&chars[0].to_string())));
    } else {
        // Every other pair fixes every character (the last pair too, for an odd length): the
        // same matches as every pair, with half the terms to check.
        let last = chars.len() - 2;
        let starts = (0..=last).step_by(2).chain((last % 2 == 1).then_some(last));
        for i in starts {
            terms.push((first + i, term(&chars[i..i + 2].iter().collect::<String>())));
        }
    }
    if anchor == Anchor::Whole {
        terms.push((first + chars.len(), term(END)));
    }
    terms
}

/// The distinct pairs of neighbouring characters of `text`: what a text with a typo still
/// shares with the one meant.
pub(super) fn pairs(field: Field, text: &str) -> Vec<Term> {
    let chars: Vec<char> = text.chars().collect();
    let mut terms: Vec<Term> =
        chars.windows(2).map(|pair| Term::from_field_text(field, &pair.iter().collect::<String>())).collect();
    terms.sort();
    terms.dedup();
    terms
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(text: &str) -> Vec<(usize, String)> {
        let mut stream = Grams.token_stream(text);
        let mut out = Vec::new();
        while stream.advance() {
            out.push((stream.token().position, stream.token().text.clone()));
        }
        out
    }

    #[test]
    fn a_field_is_its_characters_and_pairs_between_markers() {
        let got = tokens("京剧");
        let want = [(0, START), (1, "京"), (1, "京剧"), (2, "剧"), (3, END)];
        assert_eq!(got, want.map(|(p, t)| (p, t.to_string())));
    }

    #[test]
    fn a_whole_field_phrase_ends_where_the_field_does() {
        let field = Field::from_field_id(0);
        let whole = phrase(field, "京剧", Anchor::Whole);
        let positions: Vec<usize> = whole.iter().map(|(p, _)| *p).collect();
        assert_eq!(positions, [0, 1, 3], "start marker, the pair, end marker after two characters");
        assert_eq!(phrase(field, "剧", Anchor::Anywhere).len(), 1);
    }

    #[test]
    fn a_phrase_checks_every_character_with_every_other_pair() {
        let field = Field::from_field_id(0);
        let at = |text: &str| phrase(field, text, Anchor::Anywhere).iter().map(|(p, _)| *p).collect::<Vec<_>>();
        assert_eq!(at("广场舞"), [0, 1], "an odd length ends with the last pair");
        assert_eq!(at("广场舞蹈"), [0, 2]);
        assert_eq!(at("guangchangwu"), [0, 2, 4, 6, 8, 10]);
        assert_eq!(at("guangchangw"), [0, 2, 4, 6, 8, 9]);
    }
}
