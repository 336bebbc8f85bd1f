//! The phrases the residents' islands show, kept apart from the pages' (which only the server
//! renders) so that the residents' bundle carries just these.

use cc_domain::Locale;

/// Phrases of the islands.
pub struct IslandStrings {
    pub booking_open: &'static str,
    pub booking_full: &'static str,
    pub booking_closed: &'static str,
    pub error_body: &'static str,
    pub elder_mode: &'static str,
    pub near_me: &'static str,
    pub near_me_locating: &'static str,
    pub near_me_failed: &'static str,
    pub text_size: &'static str,
    pub text_standard: &'static str,
    pub text_large: &'static str,
    pub text_largest: &'static str,
}

const ZH: IslandStrings = IslandStrings {
    booking_open: "可预约",
    booking_full: "已约满",
    booking_closed: "已截止",
    error_body: "服务暂时不可用，请稍后再试。",
    elder_mode: "长辈版",
    near_me: "查找附近场馆",
    near_me_locating: "正在定位…",
    near_me_failed: "无法获取您的位置，请允许定位或手动选择街道。",
    text_size: "字号",
    text_standard: "标准",
    text_large: "大",
    text_largest: "特大",
};

const EN: IslandStrings = IslandStrings {
    booking_open: "Open",
    booking_full: "Full",
    booking_closed: "Closed",
    error_body: "The service is unavailable right now. Please try again later.",
    elder_mode: "Elder mode",
    near_me: "Find venues near me",
    near_me_locating: "Finding your position…",
    near_me_failed: "Your position is not available. Allow location access or choose a street.",
    text_size: "Text size",
    text_standard: "Standard",
    text_large: "Large",
    text_largest: "Largest",
};

/// The phrases for `locale`.
pub fn island_strings(locale: Locale) -> &'static IslandStrings {
    match locale {
        Locale::Zh => &ZH,
        Locale::En => &EN,
    }
}

/// "余 12 / 30 位" / "12 of 30 left".
pub fn places_left(locale: Locale, remaining: i64, capacity: i64) -> String {
    match locale {
        Locale::Zh => format!("余 {remaining} / {capacity} 位"),
        Locale::En => format!("{remaining} of {capacity} left"),
    }
}
