//! A resident's interface preferences — language, elder mode (长辈版) and text size —
//! remembered in cookies, so the server renders the right page before any WASM runs and nothing
//! flickers. A `?lang=en` or `?lang=zh` in the URL chooses the language for that page (links
//! crawlers can follow) and is remembered like the switch.

use cc_domain::Locale;
use leptos::prelude::*;

use crate::i18n::{strings, Strings};

const LANG_COOKIE: &str = "cc_lang";
const ELDER_COOKIE: &str = "cc_elder";
const TEXT_COOKIE: &str = "cc_text";

/// The text size steps: 1 standard, 2 large, 3 largest (the root size, so everything scales).
pub const TEXT_SIZES: [u8; 3] = [1, 2, 3];

/// The preferences as reactive state, provided once by the app shell.
#[derive(Clone, Copy)]
pub struct Prefs {
    pub locale: RwSignal<Locale>,
    pub elder: RwSignal<bool>,
    /// 1, 2 or 3 (see [`TEXT_SIZES`]).
    pub text: RwSignal<u8>,
    /// The language this page was requested in: a plain value for what is rendered into
    /// `<head>`, which the server assembles after the page's reactive graph may be gone.
    #[cfg_attr(not(feature = "ssr"), allow(dead_code))]
    requested: Locale,
}

impl Prefs {
    /// The phrases for the current language (tracks the locale signal).
    pub fn t(&self) -> &'static Strings {
        strings(self.lang())
    }

    /// The current language (tracked). On the server, `<head>` content such as the title is
    /// rendered after the page's reactive owner may be gone; the default then stands in rather
    /// than a panic that would drop the response.
    pub fn lang(&self) -> Locale {
        self.locale.try_get().unwrap_or_default()
    }

    /// The language for `<title>`, `<meta>` and `<html lang>`. On the server that is the
    /// requested language, read without touching any signal; in the browser it follows the
    /// locale signal, so switching language retitles the page.
    pub fn head_lang(&self) -> Locale {
        #[cfg(feature = "ssr")]
        return self.requested;
        #[cfg(not(feature = "ssr"))]
        return self.lang();
    }

    /// The phrases for `<head>` content (see [`Prefs::head_lang`]).
    pub fn head_t(&self) -> &'static Strings {
        strings(self.head_lang())
    }

    /// Switches between Chinese and English and remembers the choice; the page is then
    /// loaded again, since the server renders it in its language.
    pub fn toggle_locale(&self) {
        let next = match self.locale.get_untracked() {
            Locale::Zh => Locale::En,
            Locale::En => Locale::Zh,
        };
        self.locale.set(next);
        remember(LANG_COOKIE, next.tag());
    }

    /// Turns elder mode on or off and remembers the choice; elder mode starts at large text.
    pub fn toggle_elder(&self) {
        let on = !self.elder.get_untracked();
        self.elder.set(on);
        remember(ELDER_COOKIE, if on { "1" } else { "0" });
        // On, the text grows to at least 大; off, the 大 it brought goes with it (特大, which
        // only the resident picks, stays).
        match (on, self.text.get_untracked()) {
            (true, step) if step < 2 => self.set_text(2),
            (false, 2) => self.set_text(1),
            _ => {}
        }
    }

    /// Sets the text size step and remembers it.
    pub fn set_text(&self, step: u8) {
        let step = step.clamp(1, 3);
        self.text.set(step);
        remember(TEXT_COOKIE, &step.to_string());
    }

    /// Reads elder mode and the text size again from the cookies: another switch on the page
    /// (an island with its own state) may have changed them.
    pub fn reread(&self) {
        let (_, elder, text) = parse_cookies(&cookie_header());
        self.elder.set(elder);
        self.text.set(text);
    }

    /// The classes of `<html>`: elder mode and the text size.
    pub fn html_class(&self) -> String {
        let text = self.text.get_untracked();
        let elder = if self.elder.get_untracked() { "elder " } else { "" };
        format!("{elder}text-{text}")
    }
}

/// Reads `(locale, elder, text size)` from a `Cookie` header value.
pub fn parse_cookies(header: &str) -> (Locale, bool, u8) {
    let mut locale = Locale::Zh;
    let mut elder = false;
    let mut text = 1;
    for pair in header.split(';') {
        match pair.trim().split_once('=') {
            Some((LANG_COOKIE, v)) => locale = Locale::from_tag(v),
            Some((ELDER_COOKIE, v)) => elder = v == "1",
            Some((TEXT_COOKIE, v)) => text = v.parse::<u8>().unwrap_or(1).clamp(1, 3),
            _ => {}
        }
    }
    (locale, elder, text)
}

/// The `lang` a URL's query asks for, if any (`?lang=en`).
pub fn lang_in_query(query: &str) -> Option<Locale> {
    query.split('&').find_map(|pair| match pair.split_once('=') {
        Some(("lang", "en")) => Some(Locale::En),
        Some(("lang", "zh" | "zh-CN")) => Some(Locale::Zh),
        _ => None,
    })
}

/// `path` and `query` with `lang` set to `locale` (or left out for Chinese, the default).
pub fn with_lang(path: &str, query: &str, locale: Option<Locale>) -> String {
    let mut pairs: Vec<&str> = query.split('&').filter(|p| !p.is_empty() && !p.starts_with("lang=")).collect();
    let tag = locale.map(|l| format!("lang={}", l.query_value()));
    if let Some(tag) = &tag {
        pairs.push(tag);
    }
    if pairs.is_empty() {
        path.to_string()
    } else {
        format!("{path}?{}", pairs.join("&"))
    }
}

/// Creates the preferences from this request's cookies (server) or the document's (browser);
/// both read the same cookies, so hydration sees what the server rendered.
pub fn provide_prefs() -> Prefs {
    let (cookie_locale, elder, text) = parse_cookies(&cookie_header());
    let locale = requested_lang().unwrap_or(cookie_locale);
    let prefs = Prefs {
        locale: RwSignal::new(locale),
        elder: RwSignal::new(elder),
        text: RwSignal::new(text),
        requested: locale,
    };
    provide_context(prefs);
    prefs
}

/// The preferences provided by the app shell — or, inside an island in the browser (which
/// sees no context of the server's), read from the same cookies and provided for its children.
pub fn use_prefs() -> Prefs {
    use_context::<Prefs>().unwrap_or_else(provide_prefs)
}

/// The language the URL asks for; on the server it is also remembered for the next pages.
#[cfg(feature = "ssr")]
fn requested_lang() -> Option<Locale> {
    let parts = use_context::<http::request::Parts>()?;
    let locale = lang_in_query(parts.uri.query().unwrap_or_default())?;
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        let cookie = format!("{LANG_COOKIE}={}; Path=/; Max-Age=31536000; SameSite=Lax", locale.tag());
        if let Ok(value) = http::HeaderValue::from_str(&cookie) {
            response.append_header(http::header::SET_COOKIE, value);
        }
    }
    Some(locale)
}

#[cfg(not(feature = "ssr"))]
fn requested_lang() -> Option<Locale> {
    None
}

#[cfg(feature = "ssr")]
fn cookie_header() -> String {
    use_context::<http::request::Parts>()
        .and_then(|parts| parts.headers.get(http::header::COOKIE)?.to_str().ok().map(String::from))
        .unwrap_or_default()
}

#[cfg(all(feature = "hydrate", not(feature = "ssr")))]
fn cookie_header() -> String {
    use wasm_bindgen::JsCast;
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.dyn_into::<web_sys::HtmlDocument>().ok())
        .and_then(|d| d.cookie().ok())
        .unwrap_or_default()
}

#[cfg(not(any(feature = "ssr", feature = "hydrate")))]
fn cookie_header() -> String {
    String::new()
}

#[cfg(all(feature = "hydrate", not(feature = "ssr")))]
fn remember(name: &str, value: &str) {
    use wasm_bindgen::JsCast;
    if let Some(doc) =
        web_sys::window().and_then(|w| w.document()).and_then(|d| d.dyn_into::<web_sys::HtmlDocument>().ok())
    {
        // A year; Lax is enough for a preference that carries no authority.
        let _ = doc.set_cookie(&format!("{name}={value}; Path=/; Max-Age=31536000; SameSite=Lax"));
    }
}

#[cfg(not(all(feature = "hydrate", not(feature = "ssr"))))]
fn remember(_name: &str, _value: &str) {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cookies_choose_language_and_elder_mode() {
        assert_eq!(parse_cookies(""), (Locale::Zh, false, 1));
        assert_eq!(parse_cookies("a=b; cc_lang=en; cc_elder=1; cc_text=3"), (Locale::En, true, 3));
        assert_eq!(parse_cookies("cc_lang=zh-CN;cc_elder=0;cc_text=9"), (Locale::Zh, false, 3));
    }

    #[test]
    fn the_url_can_choose_the_language_and_links_carry_it() {
        assert_eq!(lang_in_query("q=x&lang=en"), Some(Locale::En));
        assert_eq!(lang_in_query("lang=fr"), None);
        assert_eq!(with_lang("/catalog", "q=%E4%BA%AC&lang=zh", Some(Locale::En)), "/catalog?q=%E4%BA%AC&lang=en");
        assert_eq!(with_lang("/", "lang=en", None), "/");
    }
}
