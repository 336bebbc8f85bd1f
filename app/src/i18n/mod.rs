//! Every word the interface says, in Chinese and English.
//!
//! One struct with a field per phrase: a missing translation is a compile error, not a blank
//! on a resident's screen. Phrases with numbers or dates are functions below.

pub mod account;
pub mod apply;
pub mod dashboard;
pub mod fund_desk;
pub mod demands;
pub mod feeds;
pub mod heritage;
pub mod islands;
pub mod me;
pub mod messages;
pub mod org;
pub mod plan;
pub mod training;
pub mod vocabulary;
pub mod reviews;
pub mod second_factor;
pub mod service;
pub mod staff;
pub mod staff_accounts;

use cc_domain::Locale;
use chrono::{DateTime, Datelike, FixedOffset, Timelike};

/// The fixed phrases of the interface in one language.
pub struct Strings {
    pub site_name: &'static str,
    pub district: &'static str,
    pub tagline: &'static str,
    pub nav_home: &'static str,
    pub nav_catalog: &'static str,
    pub nav_main: &'static str,
    pub nav_tabs: &'static str,
    pub nav_me: &'static str,
    /// The tab bar's short names of the catalogue and the map.
    pub tab_catalog: &'static str,
    pub tab_map: &'static str,
    pub skip_to_content: &'static str,
    pub search_label: &'static str,
    pub search_placeholder: &'static str,
    pub search_button: &'static str,
    pub home_categories: &'static str,
    pub home_upcoming: &'static str,
    pub home_see_all: &'static str,
    pub catalog_title: &'static str,
    pub filters: &'static str,
    pub filter_category: &'static str,
    pub filter_street: &'static str,
    pub filter_audience: &'static str,
    pub filter_from: &'static str,
    pub filter_to: &'static str,
    pub filter_free_only: &'static str,
    pub filter_any: &'static str,
    /// The button that opens the filters on a phone.
    pub filter_sheet: &'static str,
    pub filter_apply: &'static str,
    pub filter_reset: &'static str,
    pub sort_label: &'static str,
    pub sort_date: &'static str,
    pub sort_popular: &'static str,
    pub no_results: &'static str,
    pub free: &'static str,
    pub next_session: &'static str,
    pub no_upcoming: &'static str,
    pub page_prev: &'static str,
    pub page_next: &'static str,
    pub pagination: &'static str,
    pub item_provider: &'static str,
    pub item_facility: &'static str,
    pub item_address: &'static str,
    pub item_audience: &'static str,
    pub item_category: &'static str,
    pub item_price: &'static str,
    pub item_sessions: &'static str,
    pub item_no_sessions: &'static str,
    pub session_time: &'static str,
    pub session_places: &'static str,
    pub session_status: &'static str,
    pub back_to_catalog: &'static str,
    pub open_in_maps: &'static str,
    pub not_found_title: &'static str,
    pub not_found_body: &'static str,
    pub item_not_found: &'static str,
    pub error_title: &'static str,
    pub bad_filter: &'static str,
    pub loading: &'static str,
    pub demo_notice: &'static str,
    /// The footer's way into the staff console.
    pub staff_entrance: &'static str,
    pub other_language: &'static str,
    /// The header's entry for adding the app to the home screen (shown where the browser offers it).
    pub install_app: &'static str,
    pub switch_language: &'static str,
    pub offline_title: &'static str,
    pub offline_body: &'static str,
    pub offline_tickets: &'static str,
    pub nav_facilities: &'static str,
    pub nav_map: &'static str,
    pub facilities_title: &'static str,
    pub map_title: &'static str,
    pub filter_level: &'static str,
    pub level_district: &'static str,
    pub level_street: &'static str,
    pub level_community: &'static str,
    pub open_now: &'static str,
    pub closed_now: &'static str,
    pub hours_unknown: &'static str,
    pub opening_hours: &'static str,
    pub free_opening: &'static str,
    pub yes: &'static str,
    pub no: &'static str,
    pub not_on_record: &'static str,
    pub floor_area: &'static str,
    pub facility_level: &'static str,
    pub facility_kind: &'static str,
    pub facility_community: &'static str,
    pub upcoming_here: &'static str,
    pub nothing_upcoming: &'static str,
    pub this_week: &'static str,
    pub near_me_clear: &'static str,
    pub distance: &'static str,
    pub map_offline: &'static str,
    pub map_list: &'static str,
    pub map_label: &'static str,
    pub facility_not_found: &'static str,
    pub search_facilities: &'static str,
    pub nav_coverage: &'static str,
    pub coverage_title: &'static str,
    pub coverage_intro: &'static str,
    pub compliance_rate: &'static str,
    pub street_coverage_rate: &'static str,
    pub community_coverage_rate: &'static str,
    pub standards_heading: &'static str,
    pub standards_default_note: &'static str,
    pub min_area: &'static str,
    pub min_hours: &'static str,
    pub free_required: &'static str,
    pub required: &'static str,
    pub not_required: &'static str,
    pub per_street_heading: &'static str,
    pub col_facilities: &'static str,
    pub col_compliant: &'static str,
    pub col_centre: &'static str,
    pub col_communities: &'static str,
    pub col_uncovered: &'static str,
    pub shortfalls_heading: &'static str,
    pub no_shortfalls: &'static str,
    pub hours_per_week_unit: &'static str,
}

const ZH: Strings = Strings {
    site_name: "公共文化云",
    district: "石景山区",
    tagline: "找活动、约场馆、看非遗，家门口的公共文化服务",
    nav_home: "首页",
    nav_catalog: "服务目录",
    nav_main: "主导航",
    nav_tabs: "快捷导航",
    nav_me: "我的",
    tab_catalog: "目录",
    tab_map: "地图",
    skip_to_content: "跳到主要内容",
    search_label: "搜索文化服务",
    search_placeholder: "搜索 非遗、广场舞、京剧…",
    search_button: "搜索",
    home_categories: "服务类别",
    home_upcoming: "近期活动",
    home_see_all: "查看全部服务",
    catalog_title: "公共文化服务目录",
    filters: "筛选条件",
    filter_category: "类别",
    filter_street: "街道",
    filter_audience: "服务对象",
    filter_from: "开始日期",
    filter_to: "结束日期",
    filter_free_only: "只看免费",
    filter_any: "全部",
    filter_sheet: "筛选",
    filter_apply: "筛选",
    filter_reset: "清除筛选",
    sort_label: "排序",
    sort_date: "按时间",
    sort_popular: "按热度",
    no_results: "没有找到符合条件的服务，试试减少筛选条件或换个关键词。",
    free: "免费",
    next_session: "下一场",
    no_upcoming: "暂无场次",
    page_prev: "上一页",
    page_next: "下一页",
    pagination: "翻页",
    item_provider: "提供方",
    item_facility: "地点",
    item_address: "地址",
    item_audience: "服务对象",
    item_category: "类别",
    item_price: "费用",
    item_sessions: "场次",
    item_no_sessions: "近期暂无场次，敬请关注。",
    session_time: "时间",
    session_places: "余位",
    session_status: "预约状态",
    back_to_catalog: "返回服务目录",
    open_in_maps: "在地图应用中打开",
    not_found_title: "页面不存在",
    not_found_body: "您要找的页面不存在或已下线。",
    item_not_found: "该服务不存在或已下线。",
    error_title: "出错了",
    bad_filter: "筛选条件有误",
    loading: "加载中…",
    demo_notice: "当前为石景山区演示数据。",
    staff_entrance: "工作人员入口",
    other_language: "English",
    install_app: "安装到手机",
    switch_language: "Switch to English",
    offline_title: "现在没有网络",
    offline_body: "这个页面还没有保存在手机上。请连上网络后再打开。",
    offline_tickets: "打开过的电子票没有网络也能出示：",
    nav_facilities: "文化设施",
    nav_map: "文化地图",
    facilities_title: "公共文化设施",
    map_title: "文化地图",
    filter_level: "级别",
    level_district: "区级",
    level_street: "街道级",
    level_community: "社区级",
    open_now: "开放中",
    closed_now: "未开放",
    hours_unknown: "开放时间未登记",
    opening_hours: "开放时间",
    free_opening: "免费开放",
    yes: "是",
    no: "否",
    not_on_record: "未登记",
    floor_area: "建筑面积",
    facility_level: "级别",
    facility_kind: "类型",
    facility_community: "所属社区",
    upcoming_here: "近期活动",
    nothing_upcoming: "近期暂无活动。",
    this_week: "本周活动",
    near_me_clear: "不按距离排序",
    distance: "距离",
    map_offline: "地图底图暂时无法加载：设施已标在简化地图上，也可使用下方的列表。",
    map_list: "设施列表",
    map_label: "文化设施地图",
    facility_not_found: "该设施不存在。",
    search_facilities: "搜索设施名称或地址",
    nav_coverage: "达标与覆盖",
    coverage_title: "设施达标与覆盖",
    coverage_intro: "区—街道—社区三级公共文化设施网络的建设达标情况。目标：两年内覆盖率、达标率均达到 100%。",
    compliance_rate: "设施达标率",
    street_coverage_rate: "街道覆盖率",
    community_coverage_rate: "社区覆盖率",
    standards_heading: "建设标准",
    standards_default_note: "以上为默认标准（依据地方建设标准设定），区级管理员可以修改。",
    min_area: "最小建筑面积",
    min_hours: "每周最少开放时间",
    free_required: "免费开放",
    required: "要求",
    not_required: "不要求",
    per_street_heading: "各街道情况",
    col_facilities: "设施数",
    col_compliant: "达标",
    col_centre: "街道中心达标",
    col_communities: "社区覆盖",
    col_uncovered: "未覆盖社区",
    shortfalls_heading: "未达标设施及原因",
    no_shortfalls: "所有设施均已达标。",
    hours_per_week_unit: "小时/周",
};

const EN: Strings = Strings {
    site_name: "Culture Cloud",
    district: "Shijingshan District",
    tagline: "Events, venues and intangible heritage on your doorstep",
    nav_home: "Home",
    nav_catalog: "Catalogue",
    nav_main: "Main navigation",
    nav_tabs: "Quick navigation",
    nav_me: "Me",
    tab_catalog: "Browse",
    tab_map: "Map",
    skip_to_content: "Skip to main content",
    search_label: "Search cultural services",
    search_placeholder: "Search heritage, square dance, Peking opera…",
    search_button: "Search",
    home_categories: "Categories",
    home_upcoming: "Coming up",
    home_see_all: "See the whole catalogue",
    catalog_title: "Public cultural service catalogue",
    filters: "Filters",
    filter_category: "Category",
    filter_street: "Street",
    filter_audience: "Audience",
    filter_from: "From",
    filter_to: "To",
    filter_free_only: "Free only",
    filter_any: "Any",
    filter_sheet: "Filter",
    filter_apply: "Apply",
    filter_reset: "Clear filters",
    sort_label: "Sort",
    sort_date: "By date",
    sort_popular: "Most popular",
    no_results: "Nothing matches. Try fewer filters or another word.",
    free: "Free",
    next_session: "Next",
    no_upcoming: "No upcoming sessions",
    page_prev: "Previous",
    page_next: "Next",
    pagination: "Pages",
    item_provider: "Provider",
    item_facility: "Venue",
    item_address: "Address",
    item_audience: "Audience",
    item_category: "Category",
    item_price: "Price",
    item_sessions: "Sessions",
    item_no_sessions: "No sessions coming up yet.",
    session_time: "Time",
    session_places: "Places left",
    session_status: "Booking",
    back_to_catalog: "Back to the catalogue",
    open_in_maps: "Open in a maps app",
    not_found_title: "Page not found",
    not_found_body: "The page you are looking for does not exist or was taken down.",
    item_not_found: "This service does not exist or was taken down.",
    error_title: "Something went wrong",
    bad_filter: "A filter is not valid",
    loading: "Loading…",
    demo_notice: "Showing demo data for Shijingshan District.",
    staff_entrance: "Staff sign-in",
    other_language: "中文",
    install_app: "Add to home screen",
    switch_language: "切换到中文",
    offline_title: "You are offline",
    offline_body: "This page has not been saved on your phone yet. Open it again once you are connected.",
    offline_tickets: "Tickets you have opened before can be shown without a network:",
    nav_facilities: "Venues",
    nav_map: "Map",
    facilities_title: "Public cultural venues",
    map_title: "Culture map",
    filter_level: "Level",
    level_district: "District",
    level_street: "Street",
    level_community: "Community",
    open_now: "Open now",
    closed_now: "Closed now",
    hours_unknown: "Opening hours not on record",
    opening_hours: "Opening hours",
    free_opening: "Free admission",
    yes: "Yes",
    no: "No",
    not_on_record: "Not on record",
    floor_area: "Floor area",
    facility_level: "Level",
    facility_kind: "Type",
    facility_community: "Community",
    upcoming_here: "Coming up here",
    nothing_upcoming: "Nothing coming up here yet.",
    this_week: "This week",
    near_me_clear: "Stop sorting by distance",
    distance: "Distance",
    map_offline:
        "The map background cannot load right now: venues are shown on a plain map, and in the list below.",
    map_list: "List of venues",
    map_label: "Map of cultural venues",
    facility_not_found: "This venue does not exist.",
    search_facilities: "Search venue names or addresses",
    nav_coverage: "Compliance",
    coverage_title: "Facility compliance and coverage",
    coverage_intro: "How the district–street–community network of cultural facilities meets its standards. Target: 100% coverage and compliance within two years.",
    compliance_rate: "Facilities compliant",
    street_coverage_rate: "Streets covered",
    community_coverage_rate: "Communities covered",
    standards_heading: "Standards",
    standards_default_note: "These are default standards taken from local rules; district administrators can change them.",
    min_area: "Minimum floor area",
    min_hours: "Minimum weekly opening",
    free_required: "Free admission",
    required: "Required",
    not_required: "Not required",
    per_street_heading: "By street",
    col_facilities: "Facilities",
    col_compliant: "Compliant",
    col_centre: "Street centre compliant",
    col_communities: "Communities covered",
    col_uncovered: "Uncovered communities",
    shortfalls_heading: "Facilities falling short, and why",
    no_shortfalls: "Every facility meets its standard.",
    hours_per_week_unit: "h/week",
};

/// The phrases for a language.
pub fn strings(locale: Locale) -> &'static Strings {
    match locale {
        Locale::Zh => &ZH,
        Locale::En => &EN,
    }
}

/// What follows a label before its value: a full-width colon in Chinese, ": " in English.
pub fn colon(locale: Locale) -> &'static str {
    match locale {
        Locale::Zh => "：",
        Locale::En => ": ",
    }
}

/// "共 128 项" / "128 results".
pub fn results_count(locale: Locale, n: u64) -> String {
    match locale {
        Locale::Zh => format!("共 {n} 项"),
        Locale::En if n == 1 => "1 result".into(),
        Locale::En => format!("{n} results"),
    }
}

/// "第 2 / 7 页" / "Page 2 of 7".
/// Shown on a page number beyond the results' last page, before a link to it.
pub fn past_last_page(locale: Locale, total: u64, pages: u32) -> String {
    match locale {
        Locale::Zh => format!("这一页没有结果：共 {total} 项，只有 {pages} 页。"),
        Locale::En if pages == 1 => format!("Nothing on this page: all {total} results are on page 1."),
        Locale::En => format!("Nothing on this page: {total} results fill {pages} pages."),
    }
}

/// The link from a page past the end to the last page.
pub fn go_to_last_page(locale: Locale, pages: u32) -> String {
    match locale {
        Locale::Zh => format!("去第 {pages} 页（最后一页）"),
        Locale::En => format!("Go to page {pages}, the last"),
    }
}

pub fn page_of(locale: Locale, page: u32, pages: u32) -> String {
    match locale {
        Locale::Zh => format!("第 {page} / {pages} 页"),
        Locale::En => format!("Page {page} of {pages}"),
    }
}

/// "12月1日 周二 19:00" / "Tue 1 Dec 19:00", in the district's time.
pub fn date_time(locale: Locale, t: &DateTime<FixedOffset>) -> String {
    let wd = t.weekday().num_days_from_monday() as usize;
    match locale {
        Locale::Zh => {
            const DAYS: [&str; 7] = ["周一", "周二", "周三", "周四", "周五", "周六", "周日"];
            format!("{}月{}日 {} {:02}:{:02}", t.month(), t.day(), DAYS[wd], t.hour(), t.minute())
        }
        Locale::En => {
            const DAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
            const MONTHS: [&str; 12] =
                ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
            format!(
                "{} {} {} {:02}:{:02}",
                DAYS[wd],
                t.day(),
                MONTHS[t.month0() as usize],
                t.hour(),
                t.minute()
            )
        }
    }
}

/// "booking opens 11月24日 19:00" / "Opens Tue 24 Nov 19:00".
pub fn opens_at(locale: Locale, t: &DateTime<FixedOffset>) -> String {
    match locale {
        Locale::Zh => format!("{} 开放预约", date_time(locale, t)),
        Locale::En => format!("Opens {}", date_time(locale, t)),
    }
}

/// The name of a facility level.
pub fn level_name(locale: Locale, level: cc_domain::FacilityLevel) -> &'static str {
    let t = strings(locale);
    match level {
        cc_domain::FacilityLevel::District => t.level_district,
        cc_domain::FacilityLevel::Street => t.level_street,
        cc_domain::FacilityLevel::Community => t.level_community,
    }
}

/// The name of a kind of facility (`library`, `street_centre`…).
pub fn kind_name(locale: Locale, kind: &str) -> &'static str {
    match (locale, kind) {
        (Locale::Zh, "library") => "图书馆",
        (Locale::Zh, "cultural_centre") => "文化馆",
        (Locale::Zh, "museum") => "博物馆",
        (Locale::Zh, "square") => "文化广场",
        (Locale::Zh, "street_centre") => "街道综合文化中心",
        (Locale::Zh, "community_room") => "社区综合文化室",
        (Locale::Zh, _) => "其他",
        (Locale::En, "library") => "Library",
        (Locale::En, "cultural_centre") => "Cultural centre",
        (Locale::En, "museum") => "Museum",
        (Locale::En, "square") => "Cultural square",
        (Locale::En, "street_centre") => "Street cultural centre",
        (Locale::En, "community_room") => "Community cultural room",
        (Locale::En, _) => "Other",
    }
}

/// "850 平方米" / "850 m²".
pub fn area(locale: Locale, m2: f64) -> String {
    match locale {
        Locale::Zh => format!("{m2:.0} 平方米"),
        Locale::En => format!("{m2:.0} m²"),
    }
}

/// The labels the map script needs, as JSON for its `data-labels` attribute.
pub fn map_labels(locale: Locale) -> String {
    let t = strings(locale);
    let (m, km) = if locale == Locale::Zh { ("米", "公里") } else { ("m", "km") };
    let short = if locale == Locale::Zh { ["区", "街", "社"] } else { ["D", "S", "C"] };
    let demands = if locale == Locale::Zh {
        ["群众点单", "项点单", "人附议", "查看并附议 →"]
    } else {
        ["Demands", "open demands", "votes", "See them and vote →"]
    };
    serde_json::json!({
        "district": t.level_district, "street": t.level_street, "community": t.level_community,
        "short_district": short[0], "short_street": short[1], "short_community": short[2],
        "open": t.open_now, "closed": t.closed_now, "this_week": t.this_week,
        "distance": t.distance, "m": m, "km": km,
        "demands": demands[0], "demands_open": demands[1], "demand_votes": demands[2], "see_demands": demands[3],
        "heritage": heritage::heritage_strings(locale).title, "short_heritage": if locale == Locale::Zh { "遗" } else { "H" },
    })
    .to_string()
}

/// "87% (39/45)"; "—" when there is nothing to count.
pub fn rate(rate: Option<f64>, part: u32, whole: u32) -> String {
    match rate {
        Some(r) => format!("{:.0}% ({part}/{whole})", r * 100.0),
        None => "—".into(),
    }
}

/// "¥30.00" for a price in fen.
pub fn price(cents: i64) -> String {
    format!("¥{}.{:02}", cents / 100, cents % 100)
}

#[cfg(test)]
mod tests {
    use super::*;
    use cc_domain::time::local;

    #[test]
    fn dates_read_naturally_in_both_languages() {
        // 2026-12-01 11:00 UTC is Tuesday 19:00 in Beijing.
        let t = local(1_796_122_800);
        assert_eq!(date_time(Locale::Zh, &t), "12月1日 周二 19:00");
        assert_eq!(date_time(Locale::En, &t), "Tue 1 Dec 19:00");
    }

    #[test]
    fn counts_and_prices() {
        assert_eq!(results_count(Locale::En, 1), "1 result");
        assert_eq!(results_count(Locale::Zh, 12), "共 12 项");
        assert_eq!(price(3050), "¥30.50");
    }
}
