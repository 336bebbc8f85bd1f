//! A catalogue query as an index query, and its ranked page.
//!
//! Each way the text can match (whole title, title start, … description) is a clause scoring
//! its own bit, so a match's score says exactly which clauses it met; [`decode`] turns that
//! back into [`Matches`] and `cc_domain::search::rank` ranks it. Filters score nothing.

use std::ops::Bound;

use cc_domain::search::{correction_within_one_edit, Matches, Place, SearchQuery};
use cc_domain::time::start_of_day;
use cc_domain::query::Cursor;
use cc_domain::{CatalogQuery, Sort};
use chrono::Days;
use tantivy::collector::{Count, TopDocs};
use tantivy::query::{
    AllQuery, BooleanQuery, ConstScoreQuery, Occur, PhraseQuery, Query, RangeQuery, TermQuery,
};
use tantivy::schema::{Field, IndexRecordOption, Value};
use tantivy::{DocId, Score, Searcher, SegmentReader, TantivyDocument, Term};

use super::docs::{Fields, ID, NEXT_SESSION, POPULARITY};
use super::grams::{pair_groups, phrase, Anchor};

/// The clauses a match can meet, each with its bit.
const TITLE_WHOLE: u32 = 1;
const TITLE_START: u32 = 1 << 1;
const TITLE_INSIDE: u32 = 1 << 2;
const CATEGORY: u32 = 1 << 3;
const PINYIN_START: u32 = 1 << 4;
const PINYIN_INSIDE: u32 = 1 << 5;
const INITIALS_WHOLE: u32 = 1 << 6;
const INITIALS_START: u32 = 1 << 7;
const INITIALS_INSIDE: u32 = 1 << 8;
const TEXT: u32 = 1 << 9;
/// Every word of a text with spaces ("非遗 剪纸") in the title, the category, the text.
const TITLE_WORDS: u32 = 1 << 11;
const CATEGORY_WORDS: u32 = 1 << 12;
const TEXT_WORDS: u32 = 1 << 13;

/// How many near matches a search with a typo looks at, at most (those sharing the most pairs
/// of letters with it first).
const TYPO_CANDIDATES: usize = 50;
/// A typo's group of pairs held by fewer items than this is always looked through.
const COMMON_GROUP: u64 = 1_000;
/// Pinyin shorter than this is not corrected: "gcw" with a typo could be anything.
const TYPO_MIN_LETTERS: usize = 5;

/// Which clauses a score says were met.
fn decode(score: Score) -> Matches {
    let bits = score as u32;
    let place = |whole: u32, start: u32, inside: u32| {
        if bits & whole != 0 {
            Some(Place::Whole)
        } else if bits & start != 0 {
            Some(Place::Start)
        } else if bits & inside != 0 {
            Some(Place::Inside)
        } else {
            None
        }
    };
    Matches {
        title: place(TITLE_WHOLE, TITLE_START, TITLE_INSIDE | TITLE_WORDS),
        category: bits & (CATEGORY | CATEGORY_WORDS) != 0,
        pinyin: place(0, PINYIN_START, PINYIN_INSIDE),
        initials: place(INITIALS_WHOLE, INITIALS_START, INITIALS_INSIDE),
        description: bits & (TEXT | TEXT_WORDS) != 0,
    }
}

/// The terms query for `text` standing in `field` at `anchor` (`Whole`: at the start, and as
/// long as the field).
fn stands(f: &Fields, field: Field, text: &str, anchor: Anchor) -> Box<dyn Query> {
    let mut terms = phrase(field, f.longest_gram(field), text, anchor);
    let found: Box<dyn Query> = if terms.len() == 1 {
        Box::new(TermQuery::new(terms.remove(0).1, IndexRecordOption::Basic))
    } else {
        Box::new(PhraseQuery::new_with_offset(terms))
    };
    match f.length_of(field).filter(|_| anchor == Anchor::Whole) {
        Some(length) => {
            let as_long = Term::from_field_u64(length, text.chars().count() as u64);
            Box::new(BooleanQuery::intersection(vec![found, Box::new(TermQuery::new(as_long, IndexRecordOption::Basic))]))
        }
        None => found,
    }
}

/// A clause that matches where `text` stands in `field` at `anchor`, scoring `bit`.
fn clause(f: &Fields, field: Field, text: &str, anchor: Anchor, bit: u32) -> (Occur, Box<dyn Query>) {
    scoring(stands(f, field, text, anchor), bit)
}

fn scoring(query: Box<dyn Query>, bit: u32) -> (Occur, Box<dyn Query>) {
    (Occur::Should, Box::new(ConstScoreQuery::new(query, bit as Score)))
}

/// Matches an item whose text contains the search anywhere, scoring which ways. A search of
/// several words ("非遗 剪纸") matches an item holding every word, each anywhere.
fn text_query(f: &Fields, q: &SearchQuery) -> Box<dyn Query> {
    let text = q.text();
    let mut clauses = vec![
        clause(f, f.title, text, Anchor::Whole, TITLE_WHOLE),
        clause(f, f.title, text, Anchor::Start, TITLE_START),
        clause(f, f.title, text, Anchor::Anywhere, TITLE_INSIDE),
        clause(f, f.category, text, Anchor::Anywhere, CATEGORY),
        clause(f, f.text, text, Anchor::Anywhere, TEXT),
    ];
    if let Some(letters) = q.pinyin() {
        clauses.extend([
            clause(f, f.pinyin, letters, Anchor::Start, PINYIN_START),
            clause(f, f.pinyin, letters, Anchor::Anywhere, PINYIN_INSIDE),
            clause(f, f.initials, letters, Anchor::Whole, INITIALS_WHOLE),
            clause(f, f.initials, letters, Anchor::Start, INITIALS_START),
            clause(f, f.initials, letters, Anchor::Anywhere, INITIALS_INSIDE),
        ]);
    }
    let words: Vec<&str> = text.split(' ').collect();
    if words.len() == 1 {
        return Box::new(BooleanQuery::new(clauses));
    }
    let every = |field: Field| -> Box<dyn Query> {
        Box::new(BooleanQuery::intersection(words.iter().map(|w| stands(f, field, w, Anchor::Anywhere)).collect()))
    };
    clauses.extend([
        scoring(every(f.title), TITLE_WORDS),
        scoring(every(f.category), CATEGORY_WORDS),
        scoring(every(f.text), TEXT_WORDS),
    ]);
    // Every word somewhere (or, for pinyin typed in syllables, the letters together).
    let mut somewhere: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    for word in &words {
        let fields = [f.title, f.category, f.text, f.pinyin, f.initials];
        let any = BooleanQuery::union(fields.iter().map(|&field| stands(f, field, word, Anchor::Anywhere)).collect());
        somewhere.push((Occur::Must, Box::new(any)));
    }
    let required = BooleanQuery::new(vec![
        (Occur::Should, Box::new(BooleanQuery::new(somewhere)) as Box<dyn Query>),
        (Occur::Should, Box::new(BooleanQuery::new(clauses.iter().map(|(o, q)| (*o, q.box_clone())).collect()))),
    ]);
    Box::new(BooleanQuery::new(vec![
        (Occur::Must, Box::new(ConstScoreQuery::new(Box::new(required), 0.0)) as Box<dyn Query>),
        (Occur::Should, Box::new(BooleanQuery::new(clauses))),
    ]))
}

/// The filters of `query`, each required and scoring nothing.
fn filters(f: &Fields, query: &CatalogQuery) -> Vec<(Occur, Box<dyn Query>)> {
    let mut out: Vec<Box<dyn Query>> = Vec::new();
    let term = |field: Field, slug: &str| -> Box<dyn Query> {
        Box::new(TermQuery::new(Term::from_field_text(field, slug), IndexRecordOption::Basic))
    };
    if let Some(slug) = &query.category {
        out.push(term(f.category_slug, slug));
    }
    if let Some(slug) = &query.audience {
        out.push(term(f.audience_slug, slug));
    }
    if let Some(slug) = &query.street {
        out.push(term(f.street_slug, slug));
    }
    if query.free_only {
        out.push(Box::new(TermQuery::new(Term::from_field_u64(f.free, 1), IndexRecordOption::Basic)));
    }
    if query.from.is_some() || query.to.is_some() {
        let from = query.from.map_or(i64::MIN, start_of_day);
        let to = query.to.and_then(|d| d.checked_add_days(Days::new(1))).map_or(i64::MAX, start_of_day);
        out.push(Box::new(RangeQuery::new(
            Bound::Included(Term::from_field_i64(f.starts, from)),
            Bound::Excluded(Term::from_field_i64(f.starts, to)),
        )));
    }
    out.into_iter().map(|q| (Occur::Must, Box::new(ConstScoreQuery::new(q, 0.0)) as Box<dyn Query>)).collect()
}

/// A page's item ids, each with its cursor, and how many match in all.
pub(super) type Lines = (Vec<(i64, Cursor)>, u64);

/// One page of a listing without search text: the filters, the chosen order, then id — from a
/// cursor (keyset) or a page number.
pub(super) fn listing_page(searcher: &Searcher, f: &Fields, query: &CatalogQuery) -> tantivy::Result<Lines> {
    let mut all: Vec<(Occur, Box<dyn Query>)> = vec![(Occur::Must, Box::new(ConstScoreQuery::new(Box::new(AllQuery), 0.0)))];
    if let Some(after) = query.after {
        all.push((Occur::Must, Box::new(ConstScoreQuery::new(after_cursor(f, after, query.sort), 0.0))));
    }
    run(searcher, f, query, Box::new(BooleanQuery::new(all)))
}

/// The items after `after` in `sort`'s order: a later key, or the same key and a later id.
fn after_cursor(f: &Fields, after: Cursor, sort: Sort) -> Box<dyn Query> {
    let key = |field: Field, from: Bound<i64>, to: Bound<i64>| -> Box<dyn Query> {
        let term = |v| Term::from_field_i64(field, v);
        Box::new(RangeQuery::new(from.map(term), to.map(term)))
    };
    let id = after.id as u64;
    let same_key_later_id = |field| -> Box<dyn Query> {
        Box::new(BooleanQuery::intersection(vec![
            key(field, Bound::Included(after.key), Bound::Included(after.key)),
            match sort {
                // By date, ids ascend; by popularity they descend.
                Sort::Date => Box::new(RangeQuery::new(Bound::Excluded(Term::from_field_u64(f.id, id)), Bound::Unbounded)),
                Sort::Popular => Box::new(RangeQuery::new(Bound::Unbounded, Bound::Excluded(Term::from_field_u64(f.id, id)))),
            },
        ]))
    };
    let (field, later) = match sort {
        Sort::Date => (f.next_session, key(f.next_session, Bound::Excluded(after.key), Bound::Unbounded)),
        Sort::Popular => (f.popularity, key(f.popularity, Bound::Unbounded, Bound::Excluded(after.key))),
    };
    Box::new(BooleanQuery::union(vec![later, same_key_later_id(field)]))
}

/// One page of ids (best first, then the chosen order, then id) and how many match in all.
pub(super) fn ranked_page(searcher: &Searcher, f: &Fields, query: &CatalogQuery, q: &SearchQuery) -> tantivy::Result<Lines> {
    let found = run(searcher, f, query, text_query(f, q))?;
    if found.1 > 0 {
        return Ok(found);
    }
    // Nothing at all: perhaps one letter of the pinyin is wrong. Search again for what a near
    // match says was meant ("guangcangwu" → "guangchangwu"), so the results are as complete
    // and ranked as for the right spelling.
    let Some(letters) = q.pinyin().filter(|p| p.len() >= TYPO_MIN_LETTERS) else { return Ok(found) };
    match meant(searcher, f, letters)? {
        Some(meant) => run(searcher, f, query, text_query(f, &meant)),
        None => Ok(found),
    }
}

/// Runs `text` with the filters of `query`, ranked and paged.
fn run(searcher: &Searcher, f: &Fields, query: &CatalogQuery, text: Box<dyn Query>) -> tantivy::Result<Lines> {
    let mut clauses = vec![(Occur::Must, text)];
    clauses.extend(filters(f, query));
    let all = BooleanQuery::new(clauses);
    let sort = query.sort;
    let top = TopDocs::with_limit(query.per_page.max(1) as usize).and_offset(query.offset() as usize).tweak_score(
        move |segment: &SegmentReader| {
            let fast = segment.fast_fields();
            let popularity = fast.i64(POPULARITY).ok().map(|c| c.first_or_default_col(0));
            let next = fast.i64(NEXT_SESSION).ok().map(|c| c.first_or_default_col(0));
            let id = fast.u64(ID).ok().map(|c| c.first_or_default_col(0));
            move |doc: DocId, score: Score| {
                let popularity = popularity.as_ref().map_or(0, |c| c.get_val(doc));
                let next = next.as_ref().map_or(0, |c| c.get_val(doc));
                let id = id.as_ref().map_or(0, |c| c.get_val(doc));
                let rank = cc_domain::search::rank(&decode(score));
                // Larger sorts first: by date, the earliest next session, then the smallest id
                // (negated); by popularity, the most popular, then the newest (largest id).
                // The key and the id are a line's cursor, so nothing else may break a tie.
                match sort {
                    Sort::Date => (rank, -next, -(id as i64), id),
                    Sort::Popular => (rank, popularity, id as i64, id),
                }
            }
        },
    );
    let (total, page) = searcher.search(&all, &(Count, top))?;
    // Each line with its place in the order (the stored sort key and the id: its cursor).
    let lines = page
        .into_iter()
        .map(|(key, _)| {
            let id = key.3 as i64;
            let value = match sort {
                Sort::Date => -key.1,
                Sort::Popular => key.1,
            };
            (id, Cursor { key: value, id })
        })
        .collect();
    Ok((lines, total as u64))
}

/// What `letters` meant, when the pinyin of an item holds it with one letter wrong, missing,
/// extra or swapped: the correction the item closest to it suggests.
///
/// Such an item holds every pair of letters of at least one of the typo's four groups of
/// pairs ([`pair_groups`]); each group is an intersection, which the index answers from its
/// rarest pair, so common pairs ("an", "ng") cost nothing. Items holding more groups are
/// nearer and are checked first.
fn meant(searcher: &Searcher, f: &Fields, letters: &str) -> tantivy::Result<Option<SearchQuery>> {
    let mut groups = Vec::new();
    for group in pair_groups(f.pinyin, letters) {
        let mut rarest = u64::MAX;
        for term in &group {
            rarest = rarest.min(searcher.doc_freq(term)?);
        }
        groups.push((rarest, group));
    }
    // A group that thousands of items hold, a quarter of all ("an", "ng" in a city's
    // catalogue), cannot be looked through in fifty candidates anyway: leave it out when a
    // rarer group is there to find the item meant. (A small catalogue keeps every group.)
    let common = (searcher.num_docs() / 4).max(COMMON_GROUP);
    if groups.iter().any(|(rarest, _)| *rarest <= common) {
        groups.retain(|(rarest, _)| *rarest <= common);
    }
    let groups = groups
        .into_iter()
        .map(|(_, group)| {
            let all: Vec<Box<dyn Query>> = group
                .into_iter()
                .map(|t| Box::new(TermQuery::new(t, IndexRecordOption::Basic)) as Box<dyn Query>)
                .collect();
            let held = Box::new(ConstScoreQuery::new(Box::new(BooleanQuery::intersection(all)), 1.0));
            (Occur::Should, held as Box<dyn Query>)
        })
        .collect();
    let near = BooleanQuery::new(groups);
    for (_, address) in searcher.search(&near, &TopDocs::with_limit(TYPO_CANDIDATES).order_by_score())? {
        let doc: TantivyDocument = searcher.doc(address)?;
        let pinyin = doc.get_first(f.pinyin).and_then(|v| v.as_str()).unwrap_or_default();
        if let Some(part) = correction_within_one_edit(pinyin, letters) {
            return Ok(SearchQuery::parse(part).ok().flatten());
        }
    }
    Ok(None)
}
