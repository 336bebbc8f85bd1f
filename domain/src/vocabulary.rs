//! The district's own words for its services: categories (类别) and audiences (服务对象). They
//! are data a district admin edits — names in both languages, an order, an icon — and the
//! catalogue, its filters and the API follow at once. A term's slug is fixed when it is made:
//! it stands in addresses (`/catalog?category=film`, a category's calendar feed) that residents
//! have saved, so renaming a term never breaks a link.

use serde::{Deserialize, Serialize};

use crate::authoring::{one_line, FieldError};
use crate::catalog::Named;
use crate::Locale;

/// Which list of terms.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Vocabulary {
    /// 类别: what kind of service (performances, exhibitions, …).
    Categories,
    /// 服务对象: whom a service is for (children, older people, …).
    Audiences,
}

impl Vocabulary {
    /// Both, in the order the console shows them.
    pub const ALL: [Vocabulary; 2] = [Vocabulary::Categories, Vocabulary::Audiences];

    /// In addresses and the audit log.
    pub fn as_str(self) -> &'static str {
        match self {
            Vocabulary::Categories => "categories",
            Vocabulary::Audiences => "audiences",
        }
    }

    /// Reads an address's segment.
    pub fn parse(text: &str) -> Option<Vocabulary> {
        Vocabulary::ALL.into_iter().find(|v| v.as_str() == text)
    }

    /// One term of it, in English, for "no such …" answers and the audit log.
    pub fn noun(self) -> &'static str {
        match self {
            Vocabulary::Categories => "category",
            Vocabulary::Audiences => "audience",
        }
    }

    /// Its heading in `locale`.
    pub fn label(self, locale: Locale) -> &'static str {
        match self {
            Vocabulary::Categories => locale.pick("服务类别", "Categories"),
            Vocabulary::Audiences => locale.pick("服务对象", "Audiences"),
        }
    }
}

macro_rules! icons {
    ($($(#[$doc:meta])* $name:ident = $slug:literal, $zh:literal, $en:literal;)*) => {
        /// A small picture beside a term, chosen from the platform's own drawings (never a
        /// file or markup from the form, so nothing a staff member types is ever drawn).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
        #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
        #[serde(rename_all = "snake_case")]
        pub enum Icon { $($(#[$doc])* $name,)* }

        impl Icon {
            /// Every icon, in the order the picker offers them.
            pub const ALL: &'static [Icon] = &[$(Icon::$name,)*];

            /// Its stored and typed name.
            pub fn as_str(self) -> &'static str {
                match self { $(Icon::$name => $slug,)* }
            }

            /// What it shows, for the picker.
            pub fn label(self, locale: Locale) -> &'static str {
                match self { $(Icon::$name => locale.pick($zh, $en),)* }
            }
        }
    };
}

icons! {
    /// A stage with its curtain.
    Stage = "stage", "舞台", "Stage";
    /// A framed picture.
    Frame = "frame", "画框", "Picture frame";
    /// A speaker at a lectern.
    Lecture = "lecture", "讲台", "Lectern";
    /// An open book.
    Book = "book", "书本", "Book";
    /// A paper-cut flower, for heritage crafts.
    PaperCut = "paper_cut", "剪纸", "Paper cut";
    /// Three people.
    People = "people", "人群", "People";
    /// A strip of film.
    Film = "film", "胶片", "Film";
    /// A screen.
    Screen = "screen", "屏幕", "Screen";
    /// A note of music.
    Music = "music", "音符", "Music";
    /// A fan, for dance.
    Fan = "fan", "扇子", "Fan";
    /// A brush, for calligraphy and painting.
    Brush = "brush", "毛笔", "Brush";
    /// A ball, for sport and games.
    Ball = "ball", "球", "Ball";
    /// Everyone: a circle of people.
    Everyone = "everyone", "所有人", "Everyone";
    /// A child.
    Child = "child", "儿童", "Child";
    /// A young person.
    Youth = "youth", "青少年", "Young person";
    /// An older person with a stick.
    Elder = "elder", "老人", "Older person";
    /// The access symbol.
    Access = "access", "无障碍", "Accessibility";
    /// A family.
    Family = "family", "家庭", "Family";
    /// A star, for anything else.
    Star = "star", "星标", "Star";
}

impl Icon {
    /// Reads a stored or typed name.
    pub fn parse(text: &str) -> Option<Icon> {
        Icon::ALL.iter().copied().find(|icon| icon.as_str() == text.trim())
    }
}

/// A term as the catalogue and the API show it: its slug and names, and its icon.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Term {
    #[serde(flatten)]
    pub named: Named,
    pub icon: Icon,
}

/// The names of `terms`, for lists that show no icons (filters, forms).
pub fn names(terms: Vec<Term>) -> Vec<Named> {
    terms.into_iter().map(|t| t.named).collect()
}

/// A term as the console shows it: also how many services (and, for categories, residents'
/// requests) use it, since a term in use cannot be deleted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct KeptTerm {
    #[serde(flatten)]
    pub term: Term,
    /// Services of this category or for this audience.
    pub items: i64,
    /// Residents' requests (点单) naming this category.
    pub demands: i64,
}

impl KeptTerm {
    /// Whether anything refers to it.
    pub fn in_use(&self) -> bool {
        self.items > 0 || self.demands > 0
    }
}

/// A term as staff write it. `slug` is read only when the term is made; a change leaves what
/// it does not name as it was.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TermInput {
    /// Lower-case letters, digits and hyphens, 2 to 30, starting with a letter (new terms only).
    #[serde(default)]
    pub slug: String,
    /// The Chinese name, 2 to 12 characters (needed for a new term).
    #[serde(default)]
    pub name: Option<String>,
    /// The English name, at most 40 characters (empty: none).
    #[serde(default)]
    pub name_en: Option<String>,
    /// One of the platform's icons (a new term without one gets `star`).
    #[serde(default)]
    pub icon: Option<String>,
}

impl TermInput {
    /// Checks a new term: slug, names and icon; the error names the field.
    pub fn check_new(&self) -> Result<Term, FieldError> {
        let slug = self.slug.trim();
        if !slug_ok(slug) {
            return Err(FieldError::new("slug", "标识为2到30个小写字母、数字或连字符，以字母开头", "2 to 30 lower-case letters, digits or hyphens, starting with a letter"));
        }
        let blank = Term { named: Named { slug: slug.to_string(), name: String::new(), name_en: String::new() }, icon: Icon::Star };
        if self.name.is_none() {
            return Err(name_refused());
        }
        self.check_change(&blank)
    }

    /// Checks a change of `before`: what the input names is checked and replaces it, the slug
    /// stays; the error names the field.
    pub fn check_change(&self, before: &Term) -> Result<Term, FieldError> {
        let name = match &self.name {
            Some(name) => one_line(name, 2, 12).ok_or(name_refused())?,
            None => before.named.name.clone(),
        };
        let name_en = match &self.name_en {
            Some(name_en) => one_line(name_en, 0, 40).ok_or(FieldError::new("name_en", "英文名称不超过40个字符", "at most 40 characters"))?,
            None => before.named.name_en.clone(),
        };
        let icon = match &self.icon {
            Some(icon) => Icon::parse(icon).ok_or(FieldError::new("icon", "请从列表中选择图标", "choose one of the listed icons"))?,
            None => before.icon,
        };
        Ok(Term { named: Named { slug: before.named.slug.clone(), name, name_en }, icon })
    }
}

fn name_refused() -> FieldError {
    FieldError::new("name", "名称为2到12个字", "2 to 12 characters")
}

fn slug_ok(slug: &str) -> bool {
    (2..=30).contains(&slug.len())
        && slug.starts_with(|c: char| c.is_ascii_lowercase())
        && slug.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// A new order for a list: every slug of it once, in the order wanted. `None` when `wanted`
/// misses a term, names one twice or names one that is not there.
pub fn reorder(current: &[String], wanted: &[String]) -> Option<Vec<String>> {
    let mut sorted_current = current.to_vec();
    let mut sorted_wanted = wanted.to_vec();
    sorted_current.sort();
    sorted_wanted.sort();
    (sorted_current == sorted_wanted).then(|| wanted.to_vec())
}

/// `slugs` with `slug` moved one place up (`up`) or down; unchanged at either end.
pub fn moved(slugs: &[String], slug: &str, up: bool) -> Vec<String> {
    let mut out = slugs.to_vec();
    if let Some(at) = out.iter().position(|s| s == slug) {
        let other = if up { at.checked_sub(1) } else { Some(at + 1).filter(|n| *n < out.len()) };
        if let Some(other) = other {
            out.swap(at, other);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(slug: &str, name: &str, icon: &str) -> TermInput {
        TermInput { slug: slug.into(), name: Some(name.into()), name_en: None, icon: Some(icon.into()) }
    }

    #[test]
    fn a_new_term_needs_a_slug_that_can_stand_in_an_address() {
        for bad in ["", "a", "Film", "电影", "9film", "film screening", "film/x", &"x".repeat(31)] {
            assert_eq!(input(bad, "电影放映", "film").check_new().unwrap_err().field, "slug", "{bad:?}");
        }
        assert_eq!(input("film-2", "电影放映", "film").check_new().unwrap().named.slug, "film-2");
        let nameless = TermInput { name: None, ..input("film", "", "film") };
        assert_eq!(nameless.check_new().unwrap_err().field, "name");
        assert_eq!(TermInput { icon: None, ..input("film", "电影放映", "") }.check_new().unwrap().icon, Icon::Star);
    }

    #[test]
    fn names_and_icons_are_checked_by_field() {
        assert_eq!(input("film", "电", "film").check_new().unwrap_err().field, "name");
        assert_eq!(input("film", "电影\n放映", "film").check_new().unwrap_err().field, "name");
        assert_eq!(input("film", "电影放映", "<svg>").check_new().unwrap_err().field, "icon");
        assert_eq!(input("film", "电影放映", "").check_new().unwrap_err().field, "icon");
        let long = TermInput { name_en: Some("x".repeat(41)), ..input("film", "电影放映", "film") };
        assert_eq!(long.check_new().unwrap_err().field, "name_en");
    }

    #[test]
    fn a_change_keeps_what_it_does_not_name_and_never_the_slug() {
        let before = input("film", "电影放映", "film").check_new().unwrap();
        let before = Term { named: Named { name_en: "Films".into(), ..before.named }, ..before };
        let renamed = TermInput { slug: "cinema".into(), name: Some("露天电影".into()), ..TermInput::default() }.check_change(&before).unwrap();
        assert_eq!((renamed.named.slug.as_str(), renamed.named.name.as_str(), renamed.named.name_en.as_str(), renamed.icon), ("film", "露天电影", "Films", Icon::Film));
        let cleared = TermInput { name_en: Some(String::new()), icon: Some("screen".into()), ..TermInput::default() }.check_change(&before).unwrap();
        assert_eq!((cleared.named.name.as_str(), cleared.named.name_en.as_str(), cleared.icon), ("电影放映", "", Icon::Screen));
    }

    #[test]
    fn every_icon_reads_back_from_its_name() {
        for icon in Icon::ALL {
            assert_eq!(Icon::parse(icon.as_str()), Some(*icon));
        }
        assert_eq!(Vocabulary::parse("audiences"), Some(Vocabulary::Audiences));
        assert_eq!(Vocabulary::parse("streets"), None);
    }

    #[test]
    fn an_order_names_every_term_once() {
        let now: Vec<String> = ["a", "b", "c"].map(String::from).to_vec();
        let want = |s: &[&str]| s.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        assert_eq!(reorder(&now, &want(&["c", "a", "b"])), Some(want(&["c", "a", "b"])));
        assert_eq!(reorder(&now, &want(&["c", "a"])), None);
        assert_eq!(reorder(&now, &want(&["c", "a", "a"])), None);
        assert_eq!(reorder(&now, &want(&["c", "a", "b", "d"])), None);
        assert_eq!(moved(&now, "b", true), want(&["b", "a", "c"]));
        assert_eq!(moved(&now, "a", true), now);
        assert_eq!(moved(&now, "c", false), now);
        assert_eq!(moved(&now, "x", false), now);
    }
}
