//! Phrases of reviews (评价): the item page's rating and reviews, the resident's review form and
//! the moderators' page. Server-rendered only: no island reads them.

use cc_domain::review::Rating;
use cc_domain::Locale;

/// Phrases about reviews.
pub struct ReviewStrings {
    pub heading: &'static str,
    pub none: &'static str,
    pub stars_label: &'static str,
    pub comment_label: &'static str,
    pub comment_hint: &'static str,
    pub save: &'static str,
    pub saved: &'static str,
    pub write: &'static str,
    pub change: &'static str,
    pub form_title: &'static str,
    pub not_attended: &'static str,
    pub closed: &'static str,
    pub hidden: &'static str,
    pub back: &'static str,
    pub moderation_title: &'static str,
    pub moderation_hint: &'static str,
    pub hide: &'static str,
    pub hide_reason: &'static str,
    pub hidden_badge: &'static str,
    pub nav: &'static str,
}

const ZH: ReviewStrings = ReviewStrings {
    heading: "居民评价",
    none: "还没有评价。参加活动后可以在“我的预约”中评价。",
    stars_label: "评分",
    comment_label: "说说您的感受（选填，不超过500字）",
    comment_hint: "评价会公开显示，手机号只显示前三位和后四位。",
    save: "提交评价",
    saved: "评价已保存。7天内可以修改。",
    write: "评价",
    change: "修改评价",
    form_title: "评价这次活动",
    not_attended: "签到参加后才能评价。",
    closed: "评价超过7天，不能再修改。",
    hidden: "这条评价已被管理员隐藏，原因：",
    back: "返回我的预约",
    moderation_title: "评价管理",
    moderation_hint: "最新的100条评价。隐藏后不再公开显示、不计入评分，评价人会收到原因。",
    hide: "隐藏",
    hide_reason: "隐藏原因（评价人会收到）",
    hidden_badge: "已隐藏：",
    nav: "评价",
};

const EN: ReviewStrings = ReviewStrings {
    heading: "Residents' reviews",
    none: "No reviews yet. After taking part, residents review it from My bookings.",
    stars_label: "Rating",
    comment_label: "How was it? (optional, at most 500 characters)",
    comment_hint: "Reviews are public; your number shows only its first three and last four digits.",
    save: "Submit review",
    saved: "Review saved. You can change it for 7 days.",
    write: "Review",
    change: "Change review",
    form_title: "Review this session",
    not_attended: "Only a session you were checked in at can be reviewed.",
    closed: "The review is more than 7 days old and can no longer be changed.",
    hidden: "A moderator hid this review: ",
    back: "Back to My bookings",
    moderation_title: "Reviews",
    moderation_hint: "The latest 100 reviews. A hidden review is no longer shown nor counted; its author is told why.",
    hide: "Hide",
    hide_reason: "Reason (the author is told)",
    hidden_badge: "Hidden: ",
    nav: "Reviews",
};

/// The review phrases in `locale`.
pub fn review_strings(locale: Locale) -> &'static ReviewStrings {
    match locale {
        Locale::Zh => &ZH,
        Locale::En => &EN,
    }
}

/// "★ 4.7 · 12 条评价".
pub fn rating_text(locale: Locale, rating: &Rating) -> String {
    match locale {
        Locale::Zh => format!("★ {:.1} · {} 条评价", rating.average, rating.count),
        Locale::En => format!("★ {:.1} · {} review{}", rating.average, rating.count, if rating.count == 1 { "" } else { "s" }),
    }
}

/// A review's stars as a row of ★ and ☆, with the number for screen readers.
pub fn stars_text(stars: i64) -> String {
    let stars = stars.clamp(0, 5) as usize;
    format!("{}{}", "★".repeat(stars), "☆".repeat(5 - stars))
}

/// What an error code from saving a review says (codes only this form can meet).
pub fn review_error(locale: Locale, code: &str) -> Option<&'static str> {
    let s = review_strings(locale);
    match (code, locale) {
        ("not_attended", _) => Some(s.not_attended),
        ("edit_closed", _) => Some(s.closed),
        ("duplicate", Locale::Zh) => Some("您已评价过这次活动。"),
        ("duplicate", Locale::En) => Some("You have reviewed this already."),
        ("stars", Locale::Zh) => Some("请选择1到5颗星。"),
        ("stars", Locale::En) => Some("Choose 1 to 5 stars."),
        ("comment", Locale::Zh) => Some("评价内容不能超过500字，也不能含有不能显示的字符。"),
        ("comment", Locale::En) => Some("The comment must be at most 500 characters of plain text."),
        ("reason", Locale::Zh) => Some("请写明隐藏的原因（一行，不超过200个字）。"),
        ("reason", Locale::En) => Some("Give the reason (one line, at most 200 characters)."),
        _ => None,
    }
}
