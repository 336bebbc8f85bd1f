//! The languages the product speaks. Chinese first, English second.

use serde::{Deserialize, Serialize};

/// A language residents can choose.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum Locale {
    /// 简体中文, the default.
    #[default]
    Zh,
    /// English.
    En,
}

impl Locale {
    /// The value of `?lang=` that picks this language (`zh`, `en`).
    pub fn query_value(self) -> &'static str {
        match self {
            Locale::Zh => "zh",
            Locale::En => "en",
        }
    }

    /// The BCP 47 tag used in `<html lang>` and cookies.
    pub fn tag(self) -> &'static str {
        match self {
            Locale::Zh => "zh-CN",
            Locale::En => "en",
        }
    }

    /// Reads a tag as stored in the `cc_lang` cookie or sent in `Accept-Language`;
    /// anything that is not English falls back to Chinese.
    pub fn from_tag(tag: &str) -> Locale {
        if tag.trim().to_ascii_lowercase().starts_with("en") {
            Locale::En
        } else {
            Locale::Zh
        }
    }

    /// Picks the localized one of a pair of names.
    pub fn pick<'a>(self, zh: &'a str, en: &'a str) -> &'a str {
        match self {
            Locale::Zh => zh,
            Locale::En if en.is_empty() => zh,
            Locale::En => en,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_tags_select_english_and_everything_else_chinese() {
        assert_eq!(Locale::from_tag("en-GB"), Locale::En);
        assert_eq!(Locale::from_tag("EN"), Locale::En);
        assert_eq!(Locale::from_tag("zh-CN"), Locale::Zh);
        assert_eq!(Locale::from_tag("fr"), Locale::Zh);
        assert_eq!(Locale::from_tag(""), Locale::Zh);
    }

    #[test]
    fn english_falls_back_to_chinese_when_a_name_has_no_translation() {
        assert_eq!(Locale::En.pick("八角", ""), "八角");
        assert_eq!(Locale::En.pick("八角", "Bajiao"), "Bajiao");
        assert_eq!(Locale::Zh.pick("八角", "Bajiao"), "八角");
    }
}
