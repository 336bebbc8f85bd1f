//! Phrases of the heritage registry (`/heritage`, `/heritage/{id}`). Server-rendered only: no
//! island reads them.

use cc_domain::Locale;

/// Phrases about the registry.
pub struct HeritageStrings {
    pub nav: &'static str,
    pub title: &'static str,
    pub intro: &'static str,
    pub category: &'static str,
    pub level: &'static str,
    pub any: &'static str,
    pub search: &'static str,
    pub search_hint: &'static str,
    pub filter: &'static str,
    pub none: &'static str,
    pub found: &'static str,
    pub year_listed: &'static str,
    pub protecting_unit: &'static str,
    pub inheritors: &'static str,
    pub no_inheritors: &'static str,
    pub places: &'static str,
    pub on_map: &'static str,
    pub services: &'static str,
    pub no_services: &'static str,
    pub demo: &'static str,
    pub back: &'static str,
    pub project_of_item: &'static str,
    pub pictures: &'static str,
}

const ZH: HeritageStrings = HeritageStrings {
    nav: "非遗",
    title: "非遗名录",
    intro: "石景山区的非物质文化遗产代表性项目：它们的传承人、传承地点，以及可以亲身体验的课程与展演。",
    category: "门类",
    level: "级别",
    any: "全部",
    search: "搜索",
    search_hint: "名称、传承人或拼音",
    filter: "筛选",
    none: "没有符合条件的项目。",
    found: "个项目",
    year_listed: "公布年份",
    protecting_unit: "保护单位",
    inheritors: "代表性传承人",
    no_inheritors: "暂无认定的代表性传承人。",
    places: "传承地点",
    on_map: "在地图上查看",
    services: "体验与展演",
    no_services: "近期没有相关的体验或展演。",
    demo: "演示数据",
    back: "返回非遗名录",
    project_of_item: "非遗项目",
    pictures: "项目图片",
};

const EN: HeritageStrings = HeritageStrings {
    nav: "Heritage",
    title: "Intangible heritage",
    intro: "Shijingshan's representative projects of intangible cultural heritage: their inheritors, where they are practised, and classes and shows to experience them.",
    category: "Category",
    level: "Level",
    any: "Any",
    search: "Search",
    search_hint: "Name, inheritor or pinyin",
    filter: "Filter",
    none: "No project matches.",
    found: "projects",
    year_listed: "Year listed",
    protecting_unit: "Protecting unit",
    inheritors: "Representative inheritors",
    no_inheritors: "No representative inheritor is named yet.",
    places: "Where it is practised",
    on_map: "See on the map",
    services: "Experience and shows",
    no_services: "No class or show of it is coming up.",
    demo: "Demo data",
    back: "Back to the registry",
    project_of_item: "Heritage project",
    pictures: "Pictures of the project",
};

/// The registry's phrases in `locale`.
pub fn heritage_strings(locale: Locale) -> &'static HeritageStrings {
    match locale {
        Locale::Zh => &ZH,
        Locale::En => &EN,
    }
}
