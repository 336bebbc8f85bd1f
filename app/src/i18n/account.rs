//! The phrases of accounts, booking and tickets, in Chinese and English.

use cc_domain::Locale;

/// Phrases for logging in, booking and the resident's tickets.
pub struct AccountStrings {
    pub nav_my_bookings: &'static str,
    pub phone_label: &'static str,
    pub phone_hint: &'static str,
    pub password_label: &'static str,
    pub new_password_hint: &'static str,
    pub code_label: &'static str,
    pub send_code: &'static str,
    pub code_sent: &'static str,
    pub login_button: &'static str,
    pub register_button: &'static str,
    pub reset_button: &'static str,
    pub logout: &'static str,
    pub ticket_code: &'static str,
    pub cancel_booking: &'static str,
    pub confirm_cancel: &'static str,
    pub keep_booking: &'static str,
    pub book_button: &'static str,
    pub join_waitlist: &'static str,
    pub login_to_book: &'static str,
    pub booked: &'static str,
    pub view_ticket: &'static str,
    /// Said when a booking or cancellation could not reach the server because the phone is offline.
    pub offline_action: &'static str,
    pub login_required: &'static str,
    pub booking_not_found: &'static str,
    pub working: &'static str,
}

const ZH: AccountStrings = AccountStrings {
    nav_my_bookings: "我的预约",
    phone_label: "手机号",
    phone_hint: "中国大陆手机号，11位",
    password_label: "密码",
    new_password_hint: "至少8个字符，不要用常见密码",
    code_label: "短信验证码",
    send_code: "获取验证码",
    code_sent: "验证码已发送，10分钟内有效。",
    login_button: "登录",
    register_button: "注册并登录",
    reset_button: "设置新密码并登录",
    logout: "退出登录",
    ticket_code: "票码",
    cancel_booking: "取消预约",
    confirm_cancel: "确认取消",
    keep_booking: "保留预约",
    book_button: "预约",
    join_waitlist: "候补",
    login_to_book: "登录后预约",
    booked: "预约成功！",
    view_ticket: "查看电子票",
    offline_action: "手机没有网络，这次操作没有发出。请连上网络后再试。",
    login_required: "请先登录。",
    booking_not_found: "没有找到这条预约。",
    working: "请稍候…",
};

const EN: AccountStrings = AccountStrings {
    nav_my_bookings: "My bookings",
    phone_label: "Mobile number",
    phone_hint: "Mainland China mobile, 11 digits",
    password_label: "Password",
    new_password_hint: "At least 8 characters; not a common password",
    code_label: "SMS code",
    send_code: "Send code",
    code_sent: "Code sent; it is valid for 10 minutes.",
    login_button: "Log in",
    register_button: "Register and log in",
    reset_button: "Set the new password and log in",
    logout: "Log out",
    ticket_code: "Ticket code",
    cancel_booking: "Cancel booking",
    confirm_cancel: "Yes, cancel",
    keep_booking: "Keep it",
    book_button: "Book",
    join_waitlist: "Join waitlist",
    login_to_book: "Log in to book",
    booked: "Booked!",
    view_ticket: "See your ticket",
    offline_action: "Your phone is offline, so this was not sent. Try again once you are connected.",
    login_required: "Please log in first.",
    booking_not_found: "This booking was not found.",
    working: "One moment…",
};

/// Phrases only server-rendered pages use: kept apart from [`AccountStrings`], which the
/// residents' islands read, so that their script does not carry them in both languages.
pub struct AccountPageStrings {
    pub nav_login: &'static str,
    pub login_title: &'static str,
    pub register_title: &'static str,
    pub no_account: &'static str,
    pub have_account: &'static str,
    pub my_bookings_title: &'static str,
    pub upcoming: &'static str,
    pub past: &'static str,
    pub no_bookings: &'static str,
    /// When every booking is past or cancelled.
    pub no_upcoming: &'static str,
    pub browse_catalog: &'static str,
    pub show_at_door: &'static str,
    pub qr_alt: &'static str,
    pub add_to_calendar: &'static str,
    /// The button that accepts a place held for a waitlisted resident.
    pub accept_offer: &'static str,
}

const PAGE_ZH: AccountPageStrings = AccountPageStrings {
    nav_login: "登录",
    login_title: "登录",
    register_title: "注册",
    no_account: "还没有账号？注册",
    have_account: "已有账号？登录",
    my_bookings_title: "我的预约",
    upcoming: "即将参加",
    past: "历史预约",
    no_bookings: "还没有预约。",
    no_upcoming: "没有待参加的活动。",
    browse_catalog: "去看看有哪些活动",
    show_at_door: "入场时请出示此二维码或报出票码",
    qr_alt: "电子票二维码",
    add_to_calendar: "加入日历",
    accept_offer: "确认参加",
};

const PAGE_EN: AccountPageStrings = AccountPageStrings {
    nav_login: "Log in",
    login_title: "Log in",
    register_title: "Register",
    no_account: "No account yet? Register",
    have_account: "Have an account? Log in",
    my_bookings_title: "My bookings",
    upcoming: "Coming up",
    past: "Booking history",
    no_bookings: "No bookings yet.",
    no_upcoming: "Nothing coming up.",
    browse_catalog: "See what is on",
    show_at_door: "Show this QR code or say the ticket code at the door",
    qr_alt: "Ticket QR code",
    add_to_calendar: "Add to calendar",
    accept_offer: "Accept the place",
};

/// The page-only account phrases in `locale`.
pub fn account_page_strings(locale: Locale) -> &'static AccountPageStrings {
    match locale {
        Locale::Zh => &PAGE_ZH,
        Locale::En => &PAGE_EN,
    }
}

/// The account phrases in `locale`.
pub fn account_strings(locale: Locale) -> &'static AccountStrings {
    match locale {
        Locale::Zh => &ZH,
        Locale::En => &EN,
    }
}

/// "You are number N on the waitlist".
pub fn waitlist_position(locale: Locale, position: u32) -> String {
    match locale {
        Locale::Zh => format!("已加入候补，当前排第 {position} 位。有名额时通知您；临近开始时需限时确认。"),
        Locale::En => format!(
            "You are number {position} on the waitlist; you are told when a place frees up (close to the start, accept it in time)."
        ),
    }
}

/// A place held for a waitlisted resident until `until`, as their ticket says it.
pub fn offer_held(locale: Locale, until: &chrono::DateTime<chrono::FixedOffset>) -> String {
    let until = crate::i18n::date_time(locale, until);
    match locale {
        Locale::Zh => format!("有名额空出，为您保留至 {until}。请确认参加；逾期未确认，名额将转给下一位候补者（不计爽约）。不能参加请点“取消预约”。"),
        Locale::En => format!(
            "A place freed up and is held for you until {until}. Accept it to get your ticket; otherwise it passes to the next person waiting (never a no-show). If you cannot come, cancel."
        ),
    }
}

/// Why a place offered could not be accepted, from the code the form came back with.
pub fn offer_error(locale: Locale, code: &str) -> Option<&'static str> {
    match (code, locale) {
        ("offer_lapsed", Locale::Zh) => Some("为您保留名额的时间已过，名额已转给下一位候补者（不计爽约）。"),
        ("offer_lapsed", Locale::En) => Some("The time the place was held for you has passed; it went to the next person waiting (never a no-show)."),
        ("not_offered", Locale::Zh) => Some("这个预约目前没有待确认的名额。"),
        ("not_offered", Locale::En) => Some("No place is waiting for this booking to accept it."),
        _ => None,
    }
}

/// A session this resident already holds (or waits for), as its card on the item page says it.
pub fn booking_held(locale: Locale, booking: &cc_domain::booking::BookingSummary) -> String {
    use cc_domain::booking::BookingStatus;
    let a = account_strings(locale);
    match (booking.status, &booking.code) {
        (BookingStatus::Waitlisted, _) => waitlist_position(locale, booking.waitlist_position.unwrap_or(1)),
        (status, Some(code)) => {
            format!("{} · {}{}{code}", status.label(locale), a.ticket_code, crate::i18n::colon(locale))
        }
        (status, None) => status.label(locale).to_string(),
    }
}

/// The masked number of who is logged in.
pub fn logged_in_as(locale: Locale, masked_phone: &str) -> String {
    match locale {
        Locale::Zh => format!("已登录：{masked_phone}"),
        Locale::En => format!("Logged in as {masked_phone}"),
    }
}

/// The words of the forgotten-password page and its link, apart from [`AccountStrings`]: only
/// server-rendered pages use them, so the residents' script does not carry them.
pub struct ResetPageStrings {
    pub forgot_password: &'static str,
    pub title: &'static str,
    pub intro: &'static str,
}

/// The forgotten-password page's words in `locale`.
pub fn reset_page_strings(locale: Locale) -> ResetPageStrings {
    match locale {
        Locale::Zh => ResetPageStrings {
            forgot_password: "忘记密码？用短信验证码重设",
            title: "重设密码",
            intro: "我们会向您的手机号发送验证码。设置新密码后，其他设备上的登录都会退出。",
        },
        Locale::En => ResetPageStrings {
            forgot_password: "Forgot your password? Reset it with an SMS code",
            title: "Reset your password",
            intro: "We will text a code to your number. Once the new password is set, every other device is logged out.",
        },
    }
}
