//! What district staff send to add or change a project of the registry, and the rules it must
//! keep. Every refusal names the field (for a list, its first bad entry).

use serde::{Deserialize, Serialize};

use super::{HeritageCategory, HeritageLevel, HeritagePlace, Inheritor};
use crate::authoring::{one_line, FieldError};

/// The first year of the national list (2006): no project was listed earlier.
pub const FIRST_LIST_YEAR: i32 = 2006;
/// The most inheritors and places one project lists.
pub const MAX_INHERITORS: usize = 20;
pub const MAX_PLACES: usize = 20;
/// The longest description, in characters.
pub const DESCRIPTION_MAX_CHARS: usize = 5000;

/// A project as staff write it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ProjectInput {
    /// 2 to 60 characters.
    #[cfg_attr(feature = "openapi", schema(min_length = 2, max_length = 60))]
    pub name: String,
    /// One of the ten categories' slugs (`folk-literature`, `music`, … `folklore`).
    pub category: String,
    /// `national`, `municipal` or `district`.
    pub level: String,
    /// From 2006 to this year.
    pub year_listed: i32,
    /// 保护单位: 2 to 80 characters.
    #[cfg_attr(feature = "openapi", schema(min_length = 2, max_length = 80))]
    pub protecting_unit: String,
    /// Plain text, at most 5,000 characters (line breaks kept).
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub inheritors: Vec<InheritorInput>,
    #[serde(default)]
    pub places: Vec<HeritagePlace>,
}

/// An inheritor as staff write one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct InheritorInput {
    /// 2 to 20 characters.
    pub name: String,
    /// `national`, `municipal` or `district`.
    pub level: String,
    #[serde(default)]
    pub year_named: Option<i32>,
}

/// A project's facts, checked (what the store keeps).
#[derive(Debug, Clone, PartialEq)]
pub struct CheckedProject {
    pub name: String,
    pub category: HeritageCategory,
    pub level: HeritageLevel,
    pub year_listed: i32,
    pub protecting_unit: String,
    pub description: String,
    pub inheritors: Vec<Inheritor>,
    pub places: Vec<HeritagePlace>,
}

impl ProjectInput {
    /// Checks the project against the rules, `this_year` being the district's current year.
    pub fn check(&self, this_year: i32) -> Result<CheckedProject, FieldError> {
        let name = one_line(&self.name, 2, 60).ok_or(FieldError::new("name", "请填写项目名称（2到60个字）", "give the project's name (2 to 60 characters)"))?;
        let category = HeritageCategory::parse(self.category.trim())
            .ok_or(FieldError::new("category", "请选择十大门类之一", "choose one of the ten categories"))?;
        let level = HeritageLevel::parse(self.level.trim())
            .ok_or(FieldError::new("level", "请选择国家级、市级或区级", "choose national, municipal or district"))?;
        if !(FIRST_LIST_YEAR..=this_year).contains(&self.year_listed) {
            return Err(FieldError::new("year_listed", "公布年份应在2006年到今年之间", "the year listed lies between 2006 and this year"));
        }
        let protecting_unit = one_line(&self.protecting_unit, 2, 80)
            .ok_or(FieldError::new("protecting_unit", "请填写保护单位（2到80个字）", "give the protecting unit (2 to 80 characters)"))?;
        let description = self.description.trim().replace("\r\n", "\n");
        let stray = description.chars().any(|c| c.is_control() && c != '\n');
        if description.chars().count() > DESCRIPTION_MAX_CHARS || stray {
            return Err(FieldError::new("description", "介绍不超过5000个字", "at most 5,000 characters"));
        }
        if self.inheritors.len() > MAX_INHERITORS {
            return Err(FieldError::new("inheritors", "代表性传承人最多20位", "at most 20 inheritors"));
        }
        let inheritors = self.inheritors.iter().map(|i| i.check(this_year)).collect::<Result<Vec<_>, _>>()?;
        if self.places.len() > MAX_PLACES {
            return Err(FieldError::new("places", "传承地点最多20处", "at most 20 places"));
        }
        let places = self.places.iter().map(check_place).collect::<Result<Vec<_>, _>>()?;
        Ok(CheckedProject { name, category, level, year_listed: self.year_listed, protecting_unit, description, inheritors, places })
    }
}

impl InheritorInput {
    fn check(&self, this_year: i32) -> Result<Inheritor, FieldError> {
        let wrong = FieldError::new("inheritors", "每位传承人需有姓名（2到20个字）、级别和2006年以来的认定年份", "each inheritor needs a name (2 to 20 characters), a level, and a year since 2006");
        let name = one_line(&self.name, 2, 20).ok_or(wrong.clone())?;
        let level = HeritageLevel::parse(self.level.trim()).ok_or(wrong.clone())?;
        if self.year_named.is_some_and(|y| !(FIRST_LIST_YEAR..=this_year).contains(&y)) {
            return Err(wrong);
        }
        Ok(Inheritor { name, level, year_named: self.year_named })
    }
}

fn check_place(place: &HeritagePlace) -> Result<HeritagePlace, FieldError> {
    let wrong = FieldError::new("places", "每处地点需有名称（2到60个字）和有效的经纬度", "each place needs a name (2 to 60 characters) and a valid position");
    let name = one_line(&place.name, 2, 60).ok_or(wrong.clone())?;
    let valid = place.lat.is_finite() && place.lng.is_finite() && place.lat.abs() <= 90.0 && place.lng.abs() <= 180.0;
    if !valid {
        return Err(wrong);
    }
    Ok(HeritagePlace { name, lat: place.lat, lng: place.lng })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input() -> ProjectInput {
        ProjectInput {
            name: " 京西太平鼓 ".into(),
            category: "dance".into(),
            level: "national".into(),
            year_listed: 2006,
            protecting_unit: "石景山区文化馆".into(),
            description: "第一段\r\n第二段".into(),
            inheritors: vec![InheritorInput { name: "张三".into(), level: "municipal".into(), year_named: Some(2012) }],
            places: vec![HeritagePlace { name: "模式口".into(), lat: 39.94, lng: 116.16 }],
        }
    }

    fn field(input: ProjectInput) -> &'static str {
        input.check(2026).unwrap_err().field
    }

    #[test]
    fn a_good_project_is_kept_trimmed_with_its_line_breaks() {
        let checked = input().check(2026).unwrap();
        assert_eq!((checked.name.as_str(), checked.category, checked.level), ("京西太平鼓", HeritageCategory::Dance, HeritageLevel::National));
        assert_eq!(checked.description, "第一段\n第二段");
        assert_eq!(checked.inheritors[0].level, HeritageLevel::Municipal);
    }

    #[test]
    fn every_refusal_names_its_field() {
        assert_eq!(field(ProjectInput { name: "鼓".into(), ..input() }), "name");
        assert_eq!(field(ProjectInput { name: "京西\u{7}太平鼓".into(), ..input() }), "name");
        assert_eq!(field(ProjectInput { category: "opera".into(), ..input() }), "category");
        assert_eq!(field(ProjectInput { level: "world".into(), ..input() }), "level");
        assert_eq!(field(ProjectInput { year_listed: 2005, ..input() }), "year_listed");
        assert_eq!(field(ProjectInput { year_listed: 2027, ..input() }), "year_listed");
        assert_eq!(field(ProjectInput { protecting_unit: " ".into(), ..input() }), "protecting_unit");
        assert_eq!(field(ProjectInput { description: "字".repeat(5001), ..input() }), "description");
        assert_eq!(field(ProjectInput { description: "a\u{0}b".into(), ..input() }), "description");
        let nameless = InheritorInput { name: "".into(), level: "district".into(), year_named: None };
        assert_eq!(field(ProjectInput { inheritors: vec![nameless], ..input() }), "inheritors");
        let too_many = vec![input().inheritors[0].clone(); 21];
        assert_eq!(field(ProjectInput { inheritors: too_many, ..input() }), "inheritors");
        let nowhere = HeritagePlace { name: "模式口".into(), lat: f64::NAN, lng: 116.0 };
        assert_eq!(field(ProjectInput { places: vec![nowhere], ..input() }), "places");
        let off = HeritagePlace { name: "模式口".into(), lat: 91.0, lng: 116.0 };
        assert_eq!(field(ProjectInput { places: vec![off], ..input() }), "places");
    }
}
