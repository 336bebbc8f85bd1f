//! Phrases of the resident's inbox (`/me/messages`). Server-rendered only: no island reads them.

use cc_domain::Locale;

/// Phrases of the inbox page and the header's link to it.
pub struct MessageStrings {
    pub title: &'static str,
    pub nav: &'static str,
    pub none: &'static str,
    pub unread: &'static str,
    pub see_ticket: &'static str,
    pub settings_title: &'static str,
    pub settings_hint: &'static str,
    pub by_sms: &'static str,
    pub reminders: &'static str,
    pub save: &'static str,
    pub login_required: &'static str,
}

const ZH: MessageStrings = MessageStrings {
    title: "我的消息",
    nav: "消息",
    none: "还没有消息。候补成功、活动提醒等都会发到这里。",
    unread: "未读",
    see_ticket: "查看我的预约",
    settings_title: "通知方式",
    settings_hint: "所有消息都会发到这里；勾选的几类还会发短信到您的手机。",
    by_sms: "同时发短信",
    reminders: "活动前一天提醒我",
    save: "保存",
    login_required: "请先登录再查看消息。",
};

const EN: MessageStrings = MessageStrings {
    title: "My messages",
    nav: "Messages",
    none: "No messages yet. Waitlist places, reminders and other news about your bookings arrive here.",
    unread: "Unread",
    see_ticket: "See my bookings",
    settings_title: "How you are told",
    settings_hint: "Every message arrives here; the kinds you tick also come by SMS to your phone.",
    by_sms: "also by SMS",
    reminders: "Remind me the day before",
    save: "Save",
    login_required: "Log in to read your messages.",
};

/// The inbox's phrases in `locale`.
pub fn message_strings(locale: Locale) -> &'static MessageStrings {
    match locale {
        Locale::Zh => &ZH,
        Locale::En => &EN,
    }
}

/// "3 unread messages", for the header badge's accessible name.
pub fn unread_label(locale: Locale, count: i64) -> String {
    match locale {
        Locale::Zh => format!("{count} 条未读消息"),
        Locale::En if count == 1 => "1 unread message".to_string(),
        Locale::En => format!("{count} unread messages"),
    }
}
