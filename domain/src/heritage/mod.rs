//! 非遗 — the registry of representative intangible cultural heritage projects (非遗代表性项目):
//! the ten national categories, the three levels a project (or an inheritor) is listed at, a
//! project as anyone reads it, the registry's filters, and the rules staff's edits must keep.
//! Nothing here needs a database.

use serde::{Deserialize, Serialize};

use crate::ids::{HeritageProjectId, ItemId};
use crate::query::{ParamError, ParamProblem};
use crate::search::SearchQuery;
use crate::Locale;

mod input;
pub use input::*;

/// The ten categories of the national list (国家级非物质文化遗产代表性项目名录).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "kebab-case")]
pub enum HeritageCategory {
    FolkLiterature,
    Music,
    Dance,
    Drama,
    Quyi,
    Sports,
    Art,
    Craft,
    Medicine,
    Folklore,
}

impl HeritageCategory {
    pub const ALL: [HeritageCategory; 10] = [
        Self::FolkLiterature, Self::Music, Self::Dance, Self::Drama, Self::Quyi,
        Self::Sports, Self::Art, Self::Craft, Self::Medicine, Self::Folklore,
    ];

    /// The stored and serialised name (a slug).
    pub fn as_str(self) -> &'static str {
        self.words().0
    }

    pub fn parse(text: &str) -> Option<HeritageCategory> {
        Self::ALL.into_iter().find(|c| c.as_str() == text)
    }

    /// How pages say it.
    pub fn label(self, locale: Locale) -> &'static str {
        let (_, zh, en) = self.words();
        if locale == Locale::Zh { zh } else { en }
    }

    fn words(self) -> (&'static str, &'static str, &'static str) {
        match self {
            Self::FolkLiterature => ("folk-literature", "民间文学", "Folk literature"),
            Self::Music => ("music", "传统音乐", "Traditional music"),
            Self::Dance => ("dance", "传统舞蹈", "Traditional dance"),
            Self::Drama => ("drama", "传统戏剧", "Traditional drama"),
            Self::Quyi => ("quyi", "曲艺", "Quyi (storytelling and ballad singing)"),
            Self::Sports => ("sports", "传统体育、游艺与杂技", "Traditional sports, games and acrobatics"),
            Self::Art => ("art", "传统美术", "Traditional art"),
            Self::Craft => ("craft", "传统技艺", "Traditional craftsmanship"),
            Self::Medicine => ("medicine", "传统医药", "Traditional medicine"),
            Self::Folklore => ("folklore", "民俗", "Folk customs"),
        }
    }
}

/// The list a project, or an inheritor, is named on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum HeritageLevel {
    National,
    Municipal,
    District,
}

impl HeritageLevel {
    pub const ALL: [HeritageLevel; 3] = [Self::National, Self::Municipal, Self::District];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::National => "national",
            Self::Municipal => "municipal",
            Self::District => "district",
        }
    }

    pub fn parse(text: &str) -> Option<HeritageLevel> {
        Self::ALL.into_iter().find(|l| l.as_str() == text)
    }

    pub fn label(self, locale: Locale) -> &'static str {
        match (self, locale) {
            (Self::National, Locale::Zh) => "国家级",
            (Self::Municipal, Locale::Zh) => "市级",
            (Self::District, Locale::Zh) => "区级",
            (Self::National, Locale::En) => "National",
            (Self::Municipal, Locale::En) => "Municipal",
            (Self::District, Locale::En) => "District",
        }
    }
}

/// A representative inheritor (代表性传承人).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Inheritor {
    pub name: String,
    pub level: HeritageLevel,
    /// The year they were named, where known.
    pub year_named: Option<i32>,
}

/// A place where the project is practised (shown on the map).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct HeritagePlace {
    pub name: String,
    pub lat: f64,
    pub lng: f64,
}

/// A catalogue service that lets residents experience or see the project.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LinkedService {
    pub id: ItemId,
    pub title: String,
}

/// A project named by a page that links to it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct HeritageRef {
    pub id: HeritageProjectId,
    pub name: String,
}

/// A project of the registry as anyone reads it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct HeritageProject {
    pub id: HeritageProjectId,
    pub name: String,
    pub category: HeritageCategory,
    pub level: HeritageLevel,
    /// The year it was put on the list of its level.
    pub year_listed: i32,
    /// 保护单位.
    pub protecting_unit: String,
    /// Plain text (line breaks kept).
    pub description: String,
    pub inheritors: Vec<Inheritor>,
    pub places: Vec<HeritagePlace>,
    /// Where its pictures are served, first the one to show first.
    pub images: Vec<String>,
    /// Published services that let residents experience or see it.
    pub services: Vec<LinkedService>,
    /// Demo data, not a real listing.
    pub demo: bool,
}

impl HeritageProject {
    /// Whether the project matches a search: its name, unit, inheritors or description hold the
    /// text, or its name's pinyin (or pinyin initials) holds the letters typed.
    #[cfg(feature = "index")]
    pub fn matches(&self, query: &SearchQuery) -> bool {
        let names: Vec<&str> = self.inheritors.iter().map(|i| i.name.as_str()).collect();
        let text = [self.name.as_str(), &self.protecting_unit, &names.join(" "), &self.description].join("\u{1}");
        if crate::search::normalise(&text).contains(query.text()) {
            return true;
        }
        let (full, initials) = crate::search::pinyin_keys(&self.name);
        query.pinyin().is_some_and(|p| full.contains(p) || initials.contains(p))
    }
}

/// The registry's filters (`/heritage?category=&level=&q=`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HeritageQuery {
    pub category: Option<HeritageCategory>,
    pub level: Option<HeritageLevel>,
    pub q: Option<SearchQuery>,
}

impl HeritageQuery {
    /// Parses URL pairs; unknown parameters are ignored, a bad one is named.
    pub fn parse<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Result<Self, ParamError> {
        let mut query = HeritageQuery::default();
        for (key, value) in pairs {
            let value = value.trim();
            match key {
                "category" if !value.is_empty() => {
                    let words = HeritageCategory::ALL.map(HeritageCategory::as_str).join(", ");
                    query.category =
                        Some(HeritageCategory::parse(value).ok_or_else(|| ParamError::new("category", ParamProblem::NotOneOf(words)))?);
                }
                "level" if !value.is_empty() => {
                    let words = "national, municipal, district".to_string();
                    query.level = Some(HeritageLevel::parse(value).ok_or_else(|| ParamError::new("level", ParamProblem::NotOneOf(words)))?);
                }
                "q" => {
                    query.q = SearchQuery::parse(value).map_err(|_| {
                        ParamError::new("q", ParamProblem::TooLong { max: SearchQuery::MAX_CHARS })
                    })?;
                }
                _ => {}
            }
        }
        Ok(query)
    }

    /// Parses a query string (without `?`).
    pub fn parse_query_string(qs: &str) -> Result<Self, ParamError> {
        let pairs = crate::query::decode_pairs(qs);
        Self::parse(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_filters_parse_and_a_bad_one_is_named() {
        let query = HeritageQuery::parse_query_string("category=dance&level=national&q=%E5%A4%AA%E5%B9%B3%E9%BC%93").unwrap();
        assert_eq!((query.category, query.level), (Some(HeritageCategory::Dance), Some(HeritageLevel::National)));
        assert_eq!(query.q.unwrap().text(), "太平鼓");
        assert_eq!(HeritageQuery::parse_query_string("category=&level=").unwrap(), HeritageQuery::default());
        assert_eq!(HeritageQuery::parse_query_string("category=opera").unwrap_err().param, "category");
        assert_eq!(HeritageQuery::parse_query_string("level=world").unwrap_err().param, "level");
        assert_eq!(HeritageQuery::parse_query_string(&format!("q={}", "鼓".repeat(41))).unwrap_err().param, "q");
    }

    #[test]
    fn every_category_and_level_reads_back_from_its_slug() {
        for category in HeritageCategory::ALL {
            assert_eq!(HeritageCategory::parse(category.as_str()), Some(category));
            assert_eq!(serde_json::to_value(category).unwrap(), category.as_str());
        }
        for level in HeritageLevel::ALL {
            assert_eq!(HeritageLevel::parse(level.as_str()), Some(level));
            assert_eq!(serde_json::to_value(level).unwrap(), level.as_str());
        }
    }

    #[cfg(feature = "index")]
    #[test]
    fn search_finds_a_project_by_its_words_its_people_and_its_pinyin() {
        let project = HeritageProject {
            id: HeritageProjectId(1),
            name: "京西太平鼓".into(),
            category: HeritageCategory::Dance,
            level: HeritageLevel::National,
            year_listed: 2006,
            protecting_unit: "石景山区文化馆".into(),
            description: "正月里击鼓起舞，祈求太平。".into(),
            inheritors: vec![Inheritor { name: "王秀兰".into(), level: HeritageLevel::Municipal, year_named: None }],
            places: vec![],
            images: vec![],
            services: vec![],
            demo: true,
        };
        let finds = |q: &str| project.matches(&SearchQuery::parse(q).unwrap().unwrap());
        assert!(finds("太平鼓") && finds("文化馆") && finds("王秀兰") && finds("祈求"));
        assert!(finds("taipinggu") && finds("jxtpg") && finds("TaiPing"));
        assert!(!finds("剪纸") && !finds("jianzhi"));
    }
}
