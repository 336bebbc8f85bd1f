//! The catalogue query: what the `/catalog` URL and `GET /api/v1/items` accept, parsed once.
//!
//! The URL is the filter state (shareable, back button works), so parsing and printing it live
//! together and round-trip.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::search::{SearchError, SearchQuery};
use crate::Locale;

/// How the catalogue is ordered (after search relevance, when there is a search).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Sort {
    /// Next session first; items without an upcoming session last.
    #[default]
    Date,
    /// Most booked first.
    Popular,
}

impl Sort {
    /// The value used in URLs.
    pub fn as_str(self) -> &'static str {
        match self {
            Sort::Date => "date",
            Sort::Popular => "popular",
        }
    }
}

/// A parsed, valid catalogue query. The default is the whole catalogue's first page (what an
/// empty query string parses to), never a page of zero lines.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CatalogQuery {
    pub q: Option<SearchQuery>,
    pub category: Option<String>,
    pub street: Option<String>,
    pub audience: Option<String>,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    pub free_only: bool,
    pub sort: Sort,
    pub page: u32,
    pub per_page: u32,
    /// Where the previous page of a listing without search text ended (`cursor`): the page
    /// starts after it, however many items came or went before it (keyset paging).
    pub after: Option<Cursor>,
}

/// A place in the catalogue's order, as `Page::next_cursor` hands it out: the item's sort key
/// (its stored next session start, or its popularity) and its id, written `key.id`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cursor {
    pub key: i64,
    pub id: i64,
}

impl Cursor {
    /// Reads `key.id`; `None` for anything else.
    pub fn parse(text: &str) -> Option<Cursor> {
        let (key, id) = text.split_once('.')?;
        let (key, id) = (key.parse().ok()?, id.parse().ok()?);
        (id > 0).then_some(Cursor { key, id })
    }
}

impl std::fmt::Display for Cursor {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}.{}", self.key, self.id)
    }
}

/// What was wrong with one parameter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum ParamProblem {
    NotASlug,
    NotADate,
    YearOutOfRange { min: i32, max: i32 },
    NotABoolean,
    NotASort,
    NotAPositiveNumber,
    OutOfRange { min: u32, max: u32 },
    TooLong { max: usize },
    ToBeforeFrom,
    NotALevel,
    NotAPosition,
    /// Not 1 to `max` visible ASCII characters (an idempotency key).
    NotAKey { max: usize },
    /// A page beyond the first [`CatalogQuery::MAX_RESULTS`] results; `max` is the last page.
    TooDeep { max: u32 },
    /// Not a cursor handed out by a page (`next_cursor`).
    NotACursor,
    /// A cursor with search text: search results are ranked, and paged by number.
    CursorWithSearch,
    /// Not one of the words listed (e.g. `open, planned, delivered`).
    NotOneOf(String),
}

/// A parameter that could not be parsed; names the parameter so the caller can fix it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[error("invalid parameter `{param}`: {}", self.message(Locale::En))]
pub struct ParamError {
    pub param: String,
    pub problem: ParamProblem,
}

impl ParamError {
    pub(crate) fn new(param: &str, problem: ParamProblem) -> Self {
        ParamError { param: param.to_string(), problem }
    }

    /// A sentence a resident can act on, in their language.
    pub fn message(&self, locale: Locale) -> String {
        use ParamProblem::*;
        let p = &self.param;
        match (locale, &self.problem) {
            (Locale::Zh, NotASlug) => format!("参数 {p} 不是有效的代码（只能包含小写字母、数字和连字符）"),
            (Locale::Zh, NotADate) => format!("参数 {p} 不是有效日期，请用“年-月-日”格式，如 2026-12-01"),
            (Locale::Zh, YearOutOfRange { min, max }) => format!("参数 {p} 的年份必须在 {min} 到 {max} 之间"),
            (Locale::Zh, NotABoolean) => format!("参数 {p} 只能是 true 或 false"),
            (Locale::Zh, NotASort) => format!("参数 {p} 只能是 date（按时间）或 popular（按热度）"),
            (Locale::Zh, NotAPositiveNumber) => format!("参数 {p} 必须是正整数"),
            (Locale::Zh, OutOfRange { min, max }) => format!("参数 {p} 必须在 {min} 到 {max} 之间"),
            (Locale::Zh, TooLong { max }) => format!("参数 {p} 不能超过 {max} 个字"),
            (Locale::Zh, ToBeforeFrom) => format!("参数 {p}：结束日期不能早于开始日期"),
            (Locale::Zh, NotALevel) => {
                format!("参数 {p} 只能是 district（区级）、street（街道级）或 community（社区级）")
            }
            (Locale::Zh, NotAPosition) => {
                format!("参数 {p} 不是有效坐标，请写纬度和经度，用英文逗号隔开，如 39.9125,116.2")
            }
            (Locale::En, NotASlug) => {
                format!("{p} must be a code of lower-case letters, digits and hyphens")
            }
            (Locale::Zh, NotAKey { max }) => format!("参数 {p} 必须是 1 到 {max} 个可见的 ASCII 字符"),
            (Locale::En, NotAKey { max }) => format!("{p} must be 1 to {max} visible ASCII characters"),
            (Locale::Zh, TooDeep { max }) => format!(
                "只能翻到第 {max} 页（前 {} 条结果）。请加上搜索词或筛选条件缩小范围",
                CatalogQuery::MAX_RESULTS
            ),
            (Locale::En, TooDeep { max }) => format!(
                "{p} can go up to {max} (the first {} results): narrow them with a search or filters",
                CatalogQuery::MAX_RESULTS
            ),
            (Locale::Zh, NotACursor) => format!("参数 {p} 不是有效的位置，请使用上一页返回的 next_cursor"),
            (Locale::En, NotACursor) => format!("{p} must be a next_cursor handed out by the previous page"),
            (Locale::Zh, CursorWithSearch) => format!("参数 {p} 不能与搜索词 q 同用；搜索结果请按页码翻页"),
            (Locale::En, CursorWithSearch) => format!("{p} cannot be combined with q; page search results by number"),
            (Locale::Zh, NotOneOf(words)) => format!("参数 {p} 只能是 {words}"),
            (Locale::En, NotOneOf(words)) => format!("{p} must be one of {words}"),
            (Locale::En, NotADate) => format!("{p} must be a date like 2026-12-01"),
            (Locale::En, YearOutOfRange { min, max }) => format!("{p} must be a date between the years {min} and {max}"),
            (Locale::En, NotABoolean) => format!("{p} must be true or false"),
            (Locale::En, NotASort) => format!("{p} must be date or popular"),
            (Locale::En, NotAPositiveNumber) => format!("{p} must be a positive whole number"),
            (Locale::En, OutOfRange { min, max }) => format!("{p} must be between {min} and {max}"),
            (Locale::En, TooLong { max }) => format!("{p} must be at most {max} characters"),
            (Locale::En, ToBeforeFrom) => format!("{p} must not be before from"),
            (Locale::En, NotALevel) => format!("{p} must be district, street or community"),
            (Locale::En, NotAPosition) => {
                format!("{p} must be a position like 39.9125,116.2 (lat,lng in degrees)")
            }
        }
    }
}

impl Default for CatalogQuery {
    fn default() -> Self {
        CatalogQuery {
            q: None,
            category: None,
            street: None,
            audience: None,
            from: None,
            to: None,
            free_only: false,
            sort: Sort::default(),
            page: 1,
            per_page: Self::DEFAULT_PER_PAGE,
            after: None,
        }
    }
}

impl CatalogQuery {
    /// Results per page unless the caller asks otherwise.
    pub const DEFAULT_PER_PAGE: u32 = 20;
    /// Most results one page may carry.
    pub const MAX_PER_PAGE: u32 = 100;
    /// How many results page numbers reach; beyond, a listing is walked by `cursor`.
    pub const MAX_RESULTS: u64 = 10_000;

    /// The last page number of `per_page` results each that the cap allows.
    pub fn last_page(per_page: u32) -> u32 {
        Self::MAX_RESULTS.div_ceil(u64::from(per_page.max(1))) as u32
    }

    /// Parses URL query pairs. Unknown parameters are ignored; a repeated one keeps its last value.
    pub fn parse<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Result<Self, ParamError> {
        let mut query = CatalogQuery::default();
        for (key, value) in pairs {
            let value = value.trim();
            match key {
                "q" => {
                    query.q = SearchQuery::parse(value).map_err(|SearchError::TooLong { max }| {
                        ParamError::new("q", ParamProblem::TooLong { max })
                    })?
                }
                "category" => query.category = parse_slug("category", value)?,
                "street" => query.street = parse_slug("street", value)?,
                "audience" => query.audience = parse_slug("audience", value)?,
                "from" => query.from = parse_date("from", value)?,
                "to" => query.to = parse_date("to", value)?,
                "free" => query.free_only = parse_bool("free", value)?,
                "sort" => query.sort = parse_sort(value)?,
                // Any page number parses; how deep pages go depends on per_page (below), and one
                // rule with one message says so.
                "page" => {
                    query.page = parse_number("page", value, 1, u32::MAX)
                        .map_err(|_| ParamError::new("page", ParamProblem::NotAPositiveNumber))?
                        .unwrap_or(1)
                }
                "per_page" => {
                    query.per_page = parse_number("per_page", value, 1, Self::MAX_PER_PAGE)?
                        .unwrap_or(Self::DEFAULT_PER_PAGE)
                }
                "cursor" if value.is_empty() => query.after = None,
                "cursor" => {
                    query.after = Some(Cursor::parse(value).ok_or(ParamError::new("cursor", ParamProblem::NotACursor))?)
                }
                _ => {}
            }
        }
        if query.after.is_some() && query.q.is_some() {
            return Err(ParamError::new("cursor", ParamProblem::CursorWithSearch));
        }
        if query.page > Self::last_page(query.per_page) {
            return Err(ParamError::new("page", ParamProblem::TooDeep { max: Self::last_page(query.per_page) }));
        }
        if let (Some(from), Some(to)) = (query.from, query.to) {
            if to < from {
                return Err(ParamError::new("to", ParamProblem::ToBeforeFrom));
            }
        }
        Ok(query)
    }

    /// Parses a raw query string such as `q=%E9%9D%9E&street=bajiao` (percent-decoded here).
    pub fn parse_query_string(qs: &str) -> Result<Self, ParamError> {
        let pairs = decode_pairs(qs);
        Self::parse(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())))
    }

    /// The same query as URL pairs, leaving out defaults, so links stay short and shareable.
    pub fn to_pairs(&self) -> Vec<(&'static str, String)> {
        let mut pairs = Vec::new();
        if let Some(q) = &self.q {
            pairs.push(("q", q.text().to_string()));
        }
        for (key, value) in
            [("category", &self.category), ("street", &self.street), ("audience", &self.audience)]
        {
            if let Some(v) = value {
                pairs.push((key, v.clone()));
            }
        }
        if let Some(from) = self.from {
            pairs.push(("from", from.to_string()));
        }
        if let Some(to) = self.to {
            pairs.push(("to", to.to_string()));
        }
        if self.free_only {
            pairs.push(("free", "true".into()));
        }
        if self.sort != Sort::Date {
            pairs.push(("sort", self.sort.as_str().into()));
        }
        if self.page != 1 {
            pairs.push(("page", self.page.to_string()));
        }
        if self.per_page != Self::DEFAULT_PER_PAGE {
            pairs.push(("per_page", self.per_page.to_string()));
        }
        if let Some(after) = self.after {
            pairs.push(("cursor", after.to_string()));
        }
        pairs
    }

    /// The query string (without `?`), percent-encoded.
    pub fn to_query_string(&self) -> String {
        query_string(self.to_pairs())
    }

    /// The same query on another page.
    pub fn with_page(&self, page: u32) -> Self {
        CatalogQuery { page, ..self.clone() }
    }

    /// Rows to skip for the current page (none after a cursor: the cursor says where).
    pub fn offset(&self) -> u64 {
        if self.after.is_some() {
            return 0;
        }
        u64::from(self.page.saturating_sub(1)) * u64::from(self.per_page)
    }
}

pub(crate) fn parse_slug(param: &str, value: &str) -> Result<Option<String>, ParamError> {
    if value.is_empty() {
        return Ok(None);
    }
    let valid =
        value.len() <= 40 && value.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    if valid {
        Ok(Some(value.to_string()))
    } else {
        Err(ParamError::new(param, ParamProblem::NotASlug))
    }
}

fn parse_date(param: &str, value: &str) -> Result<Option<NaiveDate>, ParamError> {
    if value.is_empty() {
        return Ok(None);
    }
    let date = NaiveDate::parse_from_str(value, "%Y-%m-%d")
        .map_err(|_| ParamError::new(param, ParamProblem::NotADate))?;
    // chrono reads years far outside any calendar of events (-262143…); keep to what means something.
    if !(FIRST_YEAR..=LAST_YEAR).contains(&date.year()) {
        return Err(ParamError::new(param, ParamProblem::YearOutOfRange { min: FIRST_YEAR, max: LAST_YEAR }));
    }
    Ok(Some(date))
}

/// The years a date filter may name.
const FIRST_YEAR: i32 = 2000;
const LAST_YEAR: i32 = 2100;

fn parse_bool(param: &str, value: &str) -> Result<bool, ParamError> {
    match value {
        "" | "false" | "0" | "off" => Ok(false),
        "true" | "1" | "on" => Ok(true),
        _ => Err(ParamError::new(param, ParamProblem::NotABoolean)),
    }
}

fn parse_sort(value: &str) -> Result<Sort, ParamError> {
    match value {
        "" | "date" => Ok(Sort::Date),
        "popular" | "popularity" => Ok(Sort::Popular),
        _ => Err(ParamError::new("sort", ParamProblem::NotASort)),
    }
}

fn parse_number(param: &str, value: &str, min: u32, max: u32) -> Result<Option<u32>, ParamError> {
    if value.is_empty() {
        return Ok(None);
    }
    let n: u32 = value.parse().map_err(|_| ParamError::new(param, ParamProblem::NotAPositiveNumber))?;
    if n < min || n > max {
        return Err(ParamError::new(param, ParamProblem::OutOfRange { min, max }));
    }
    Ok(Some(n))
}

/// The optional id in parameter `param` of a query string (`?call=3`): absent is `None`;
/// anything but a positive whole number is refused, naming the parameter.
pub fn optional_id<T: crate::ids::Id>(qs: &str, param: &str) -> Result<Option<T>, ParamError> {
    match decode_pairs(qs).into_iter().find(|(key, _)| key == param) {
        None => Ok(None),
        Some((_, value)) => T::parse(&value).map(Some).ok_or_else(|| ParamError::new(param, ParamProblem::NotAPositiveNumber)),
    }
}

/// The optional whole number in parameter `param` of a query string (`?year=2027`), within
/// `min..=max`: absent or empty is `None`; anything else is refused, naming the parameter.
pub fn optional_number(qs: &str, param: &str, min: u32, max: u32) -> Result<Option<u32>, ParamError> {
    match decode_pairs(qs).into_iter().find(|(key, _)| key == param) {
        None => Ok(None),
        Some((_, value)) => parse_number(param, &value, min, max),
    }
}

/// Splits a raw query string (without `?`) into percent-decoded pairs.
pub fn decode_pairs(qs: &str) -> Vec<(String, String)> {
    qs.trim_start_matches('?')
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            (percent_decode(k), percent_decode(v))
        })
        .collect()
}

/// `k=v&…` with every value percent-encoded (keys are ours, plain ASCII).
pub fn query_string<K: AsRef<str>, V: AsRef<str>>(pairs: impl IntoIterator<Item = (K, V)>) -> String {
    let pairs: Vec<String> =
        pairs.into_iter().map(|(k, v)| format!("{}={}", k.as_ref(), percent_encode(v.as_ref()))).collect();
    pairs.join("&")
}

/// Percent-encodes everything but unreserved characters (RFC 3986) and the comma, which a
/// query may carry as it is and which keeps positions (`39.9,116.2`) readable.
pub fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~' | b',') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Decodes `%XX` and `+`; malformed escapes are kept as typed.
pub fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                (Some(hi), Some(lo)) => {
                    out.push(hi * 16 + lo);
                    i += 2;
                }
                _ => out.push(b'%'),
            },
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn hex(b: u8) -> Option<u8> {
    (b as char).to_digit(16).map(|d| d as u8)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(pairs: &[(&str, &str)]) -> Result<CatalogQuery, ParamError> {
        CatalogQuery::parse(pairs.iter().copied())
    }

    #[test]
    fn an_empty_query_is_the_first_page_sorted_by_date() {
        let q = parse(&[]).unwrap();
        assert_eq!((q.page, q.per_page, q.sort, q.free_only), (1, 20, Sort::Date, false));
    }

    #[test]
    fn every_filter_is_read() {
        let q = parse(&[
            ("q", "非遗"),
            ("category", "feiyi"),
            ("street", "bajiao"),
            ("audience", "elderly"),
            ("from", "2026-12-01"),
            ("to", "2026-12-31"),
            ("free", "true"),
            ("sort", "popular"),
            ("page", "2"),
            ("per_page", "50"),
            ("utm_source", "wechat"),
        ])
        .unwrap();
        assert_eq!(q.q.unwrap().text(), "非遗");
        assert_eq!(q.street.as_deref(), Some("bajiao"));
        assert_eq!(q.to.unwrap().to_string(), "2026-12-31");
        assert!(q.free_only);
        assert_eq!((q.sort, q.page, q.per_page), (Sort::Popular, 2, 50));
    }

    #[test]
    fn a_bad_parameter_is_named() {
        assert_eq!(parse(&[("from", "tomorrow")]).unwrap_err().param, "from");
        assert_eq!(parse(&[("page", "0")]).unwrap_err().param, "page");
        assert_eq!(parse(&[("per_page", "1000")]).unwrap_err().param, "per_page");
        assert_eq!(parse(&[("street", "八角")]).unwrap_err().param, "street");
        assert_eq!(parse(&[("free", "maybe")]).unwrap_err().param, "free");
        assert_eq!(parse(&[("sort", "random")]).unwrap_err().param, "sort");
        let err = parse(&[("from", "2026-12-02"), ("to", "2026-12-01")]).unwrap_err();
        assert_eq!((err.param.as_str(), err.problem), ("to", ParamProblem::ToBeforeFrom));
    }

    #[test]
    fn errors_speak_both_languages() {
        let err = parse(&[("from", "x")]).unwrap_err();
        assert!(err.message(Locale::Zh).contains("日期"));
        assert!(err.message(Locale::En).contains("date"));
    }

    #[test]
    fn the_query_string_round_trips() {
        let qs = "q=%E5%B9%BF%E5%9C%BA%E8%88%9E&street=bajiao&free=true&sort=popular&page=3";
        let q = CatalogQuery::parse_query_string(qs).unwrap();
        assert_eq!(q.q.as_ref().unwrap().text(), "广场舞");
        assert_eq!(q.to_query_string(), qs);
        assert_eq!(CatalogQuery::parse_query_string(&q.to_query_string()).unwrap(), q);
    }

    #[test]
    fn decoding_keeps_malformed_escapes_and_reads_plus_as_space() {
        assert_eq!(percent_decode("a+b%2"), "a b%2");
        assert_eq!(percent_decode("%zz"), "%zz");
        assert_eq!(percent_decode("%E4%BA%AC"), "京");
    }

    #[test]
    fn the_default_query_is_what_nothing_parses_to_and_carries_no_parameter() {
        assert_eq!(CatalogQuery::default(), CatalogQuery::parse_query_string("").unwrap());
        assert!(CatalogQuery::default().to_pairs().is_empty(), "no per_page=0 for a form to carry");
    }

    #[test]
    fn pages_stop_at_the_first_ten_thousand_results_and_say_so() {
        assert_eq!(CatalogQuery::last_page(20), 500);
        assert!(parse(&[("page", "500")]).is_ok());
        let deep = parse(&[("page", "501")]).unwrap_err();
        assert_eq!((deep.param.as_str(), &deep.problem), ("page", &ParamProblem::TooDeep { max: 500 }));
        assert!(deep.message(Locale::Zh).contains("第 500 页"), "{}", deep.message(Locale::Zh));
        assert!(parse(&[("page", "100"), ("per_page", "100")]).is_ok());
        assert!(parse(&[("page", "101"), ("per_page", "100")]).is_err());
        // However deep, one rule and one message: never "1 to 1000" for a cap of 500.
        for page in ["1001", "4294967295"] {
            assert_eq!(parse(&[("page", page)]).unwrap_err().problem, ParamProblem::TooDeep { max: 500 }, "{page}");
        }
        assert_eq!(parse(&[("page", "0")]).unwrap_err().problem, ParamProblem::NotAPositiveNumber);
    }

    #[test]
    fn a_cursor_round_trips_and_refuses_junk_and_search_text() {
        let q = parse(&[("cursor", "1764547200.42"), ("street", "bajiao")]).unwrap();
        assert_eq!(q.after, Some(Cursor { key: 1_764_547_200, id: 42 }));
        assert_eq!(q.offset(), 0);
        assert_eq!(CatalogQuery::parse_query_string(&q.to_query_string()).unwrap(), q);
        assert_eq!(parse(&[("cursor", "-5.3")]).unwrap().after, Some(Cursor { key: -5, id: 3 }));
        for junk in ["abc", "1.0", "1.-2", "1", ".", "1.2.3"] {
            assert_eq!(parse(&[("cursor", junk)]).unwrap_err().problem, ParamProblem::NotACursor, "{junk}");
        }
        let with_q = parse(&[("q", "京剧"), ("cursor", "1.2")]).unwrap_err();
        assert_eq!(with_q.problem, ParamProblem::CursorWithSearch);
        assert_eq!(parse(&[("cursor", "")]).unwrap().after, None);
    }

    #[test]
    fn the_offset_follows_the_page() {
        assert_eq!(parse(&[("page", "3")]).unwrap().offset(), 40);
    }
}
