//! Phrases of `/staff/vocabulary`, where district admins keep the categories and audiences.

use cc_domain::Locale;

/// Phrases of the page.
pub struct VocabularyStrings {
    pub title: &'static str,
    pub hint: &'static str,
    pub slug: &'static str,
    pub slug_hint: &'static str,
    pub name: &'static str,
    pub name_en: &'static str,
    pub icon: &'static str,
    pub used: &'static str,
    pub services: &'static str,
    pub requests: &'static str,
    pub edit: &'static str,
    pub save: &'static str,
    pub up: &'static str,
    pub down: &'static str,
    pub delete: &'static str,
    pub add: &'static str,
    pub saved: &'static str,
}

/// The phrases in `locale`.
pub fn vocabulary_strings(locale: Locale) -> VocabularyStrings {
    match locale {
        Locale::Zh => VocabularyStrings {
            title: "类别与服务对象",
            hint: "居民在首页、服务目录的筛选和开放数据接口中看到的类别与服务对象。改名、调整顺序或图标后立即生效；标识出现在链接和日历订阅地址中，创建后不再改变。仍有服务使用的项不能删除，可以改名。",
            slug: "标识",
            slug_hint: "2到30个小写字母、数字或连字符，以字母开头，如 film；创建后不可更改",
            name: "名称",
            name_en: "英文名称",
            icon: "图标",
            used: "使用情况",
            services: "项服务",
            requests: "条点单",
            edit: "修改",
            save: "保存",
            up: "上移",
            down: "下移",
            delete: "删除",
            add: "新增",
            saved: "已保存。",
        },
        Locale::En => VocabularyStrings {
            title: "Categories and audiences",
            hint: "What residents see on the home page, in the catalogue's filters and in the open-data API. New names, order and icons take effect at once; a slug stands in links and calendar addresses, so it never changes once made. A term services still use cannot be deleted: rename it instead.",
            slug: "Slug",
            slug_hint: "2 to 30 lower-case letters, digits or hyphens, starting with a letter, e.g. film; fixed once made",
            name: "Name",
            name_en: "English name",
            icon: "Icon",
            used: "In use",
            services: "services",
            requests: "requests",
            edit: "Change",
            save: "Save",
            up: "Move up",
            down: "Move down",
            delete: "Delete",
            add: "Add",
            saved: "Saved.",
        },
    }
}

/// A refusal's code (a field or a refusal) worded for the page.
pub fn vocabulary_error(locale: Locale, code: &str) -> &'static str {
    let zh = locale == Locale::Zh;
    match code {
        "slug" if zh => "标识为2到30个小写字母、数字或连字符，以字母开头。",
        "slug" => "A slug has 2 to 30 lower-case letters, digits or hyphens, starting with a letter.",
        "slug_taken" if zh => "已有一项使用这个标识，请换一个。",
        "slug_taken" => "Another term has this slug: choose another.",
        "name" if zh => "名称请写2到12个字。",
        "name" => "Use 2 to 12 characters for the name.",
        "name_en" if zh => "英文名称不超过40个字符。",
        "name_en" => "At most 40 characters for the English name.",
        "icon" if zh => "请从列表中选择图标。",
        "icon" => "Choose one of the listed icons.",
        "in_use" if zh => "仍有服务或点单使用它，不能删除；可以改名。",
        "in_use" => "Services or requests still use it, so it cannot be deleted: rename it instead.",
        "slugs" if zh => "列表刚被改动过，请刷新后再调整顺序。",
        "slugs" => "The list has just changed: reload the page and try the order again.",
        "forbidden" if zh => "只有区级管理员可以维护类别与服务对象。",
        "forbidden" => "Only district admins keep the categories and audiences.",
        "not_found" if zh => "没有这一项，可能已被删除。",
        "not_found" => "There is no such term: it may have been deleted.",
        _ if zh => "没有保存，请重试。",
        _ => "Not saved: please try again.",
    }
}
