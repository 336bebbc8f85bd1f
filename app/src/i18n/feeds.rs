//! Phrases of calendar feeds: subscribing to a facility's or a street's sessions, and to one's
//! own bookings.

use cc_domain::Locale;

/// Phrases of the feed links and the resident's own feed.
pub struct FeedStrings {
    pub facility: &'static str,
    pub street: &'static str,
    pub mine_title: &'static str,
    pub mine: &'static str,
    pub mine_hint: &'static str,
    pub reset: &'static str,
    pub was_reset: &'static str,
}

/// The phrases in `locale`.
pub fn feed_strings(locale: Locale) -> FeedStrings {
    match locale {
        Locale::Zh => FeedStrings {
            facility: "订阅本设施的活动日历",
            street: "订阅本街道的活动日历",
            mine_title: "日历订阅",
            mine: "把我的预约加入手机日历",
            mine_hint: "日历应用会定时更新：新预约会出现，取消的场次会标为已取消。这个链接只属于您，请勿转发；如已泄露，可以更换链接，旧链接随即失效。",
            reset: "更换链接",
            was_reset: "已更换：旧链接已失效，请用新链接重新订阅。",
        },
        Locale::En => FeedStrings {
            facility: "Subscribe to this facility's sessions",
            street: "Subscribe to this street's sessions",
            mine_title: "Calendar",
            mine: "Add my bookings to my phone's calendar",
            mine_hint: "Calendar apps update it on their own: new bookings appear, cancelled sessions show as cancelled. The link is yours alone: do not share it; if it leaked, change it and the old one stops working.",
            reset: "Change the link",
            was_reset: "Changed: the old link no longer works; subscribe again with the new one.",
        },
    }
}
