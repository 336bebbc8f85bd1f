//! Phrases of the live dashboard, in Chinese and English.

use cc_domain::Locale;

/// Phrases of the dashboard.
pub struct DashboardStrings {
    pub title: &'static str,
    pub district: &'static str,
    pub today_bookings: &'static str,
    pub today_check_ins: &'static str,
    pub week_bookings: &'static str,
    pub week_check_ins: &'static str,
    pub full_screen: &'static str,
    pub week_cancellations: &'static str,
    pub no_show_rate: &'static str,
    pub compliance: &'static str,
    pub coverage: &'static str,
    pub sessions_today: &'static str,
    pub no_sessions_today: &'static str,
    pub top_items: &'static str,
    pub by_category: &'static str,
    pub by_street: &'static str,
    /// Residents' satisfaction: the share of 4–5 star reviews.
    pub satisfaction: &'static str,
    pub satisfaction_by: &'static str,
    pub no_reviews: &'static str,
    pub demands_open: &'static str,
    pub demands_answered: &'static str,
    pub top_demands: &'static str,
    pub nothing_yet: &'static str,
    pub no_demands: &'static str,
    pub live: &'static str,
    pub connecting: &'static str,
    pub reconnecting: &'static str,
    pub closed: &'static str,
    pub wall: &'static str,
    pub leave_wall: &'static str,
    pub updated: &'static str,
}

const ZH: DashboardStrings = DashboardStrings {
    title: "数据看板",
    district: "全区",
    today_bookings: "今日预约",
    today_check_ins: "今日签到",
    week_bookings: "本周预约",
    week_check_ins: "本周签到",
    full_screen: "全屏",
    week_cancellations: "本周取消",
    no_show_rate: "本周爽约率",
    compliance: "场馆达标率",
    coverage: "社区覆盖率",
    sessions_today: "今日场次上座",
    no_sessions_today: "今天没有场次。",
    top_items: "本周热门服务",
    by_category: "本周各类别预约",
    by_street: "本周各街道预约",
    satisfaction: "满意度（4–5星）",
    satisfaction_by: "居民评价满意度（各街道、各类别）",
    no_reviews: "还没有评价。",
    demands_open: "待答复点单",
    demands_answered: "已答复点单",
    top_demands: "附议最多的点单",
    nothing_yet: "本周还没有预约。",
    no_demands: "还没有待答复的点单。",
    live: "实时",
    connecting: "连接中…",
    reconnecting: "连接中断，正在重连…",
    closed: "连接已断开：登录可能已过期。",
    wall: "大屏模式",
    leave_wall: "退出大屏",
    updated: "更新于",
};

const EN: DashboardStrings = DashboardStrings {
    title: "Dashboard",
    district: "The district",
    today_bookings: "Booked today",
    today_check_ins: "Checked in today",
    week_bookings: "Booked this week",
    week_check_ins: "Checked in this week",
    full_screen: "Full screen",
    week_cancellations: "Cancelled this week",
    no_show_rate: "No-shows this week",
    compliance: "Facilities compliant",
    coverage: "Communities covered",
    sessions_today: "Today's sessions filling",
    no_sessions_today: "No sessions today.",
    top_items: "Most booked this week",
    by_category: "This week by category",
    by_street: "This week by street",
    satisfaction: "Satisfied (4–5 stars)",
    satisfaction_by: "Residents' satisfaction by street and category",
    no_reviews: "No reviews yet.",
    demands_open: "Demands to answer",
    demands_answered: "Demands answered",
    top_demands: "Most wanted demands",
    nothing_yet: "No bookings this week yet.",
    no_demands: "No demands waiting for an answer.",
    live: "Live",
    connecting: "Connecting…",
    reconnecting: "Connection lost, reconnecting…",
    closed: "Disconnected: your login may have expired.",
    wall: "Wall display",
    leave_wall: "Leave the wall display",
    updated: "Updated",
};

/// The dashboard's phrases in `locale`.
pub fn dashboard_strings(locale: Locale) -> &'static DashboardStrings {
    match locale {
        Locale::Zh => &ZH,
        Locale::En => &EN,
    }
}

/// "12 条评价", "1 review", "12 reviews".
pub fn reviews_count(locale: Locale, count: u64) -> String {
    match (locale, count) {
        (Locale::Zh, n) => format!("{n} 条评价"),
        (Locale::En, 1) => "1 review".into(),
        (Locale::En, n) => format!("{n} reviews"),
    }
}
