//! Phrases of `/me` (我的): the resident's own corner of the app.

use cc_domain::Locale;

/// Phrases of the 我的 page.
pub struct MeStrings {
    pub title: &'static str,
    pub tickets: &'static str,
    pub not_logged_in: &'static str,
    pub language: &'static str,
    pub display: &'static str,
    pub install_title: &'static str,
    pub install_button: &'static str,
    pub install_help: &'static str,
    pub installed: &'static str,
}

const ZH: MeStrings = MeStrings {
    title: "我的",
    tickets: "我的预约与电子票",
    not_logged_in: "登录后可以预约活动、出示电子票。",
    language: "语言",
    display: "显示",
    install_title: "安装到手机",
    install_button: "安装到手机桌面",
    install_help: "苹果手机：在 Safari 中点“分享”按钮，再选“添加到主屏幕”。其他手机：打开浏览器菜单，选“安装应用”或“添加到主屏幕”。",
    installed: "已安装到手机，可以从桌面图标打开。",
};

const EN: MeStrings = MeStrings {
    title: "Me",
    tickets: "My bookings and tickets",
    not_logged_in: "Log in to book events and show your tickets.",
    language: "Language",
    display: "Display",
    install_title: "Add to home screen",
    install_button: "Install on this phone",
    install_help: "iPhone: in Safari, tap Share, then Add to Home Screen. Other phones: open the browser menu and choose Install app or Add to Home screen.",
    installed: "Installed: open it from its icon on your home screen.",
};

/// The phrases for `locale`.
pub fn me_strings(locale: Locale) -> &'static MeStrings {
    match locale {
        Locale::Zh => &ZH,
        Locale::En => &EN,
    }
}
