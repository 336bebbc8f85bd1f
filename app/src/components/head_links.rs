//! Links in `<head>` that search engines read: this page's canonical address, and the same
//! page in each language (`?lang=`; Chinese, without it, is also the default).

use cc_domain::Locale;
use leptos::prelude::*;
use leptos_meta::Link;
use leptos_router::hooks::use_location;

use crate::prefs::{use_prefs, with_lang};

/// The site's public address when the deployment names one (`CC_PUBLIC_URL`), for links that
/// must be absolute; otherwise the request's own host is used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublicUrl(pub String);

/// `https://example.org` — the configured public address, else the request's scheme and host.
pub fn origin() -> String {
    if let Some(PublicUrl(url)) = use_context::<PublicUrl>() {
        return url.trim_end_matches('/').to_string();
    }
    #[cfg(feature = "ssr")]
    if let Some(parts) = use_context::<http::request::Parts>() {
        let header = |name: &str| parts.headers.get(name).and_then(|v| v.to_str().ok()).map(String::from);
        let host = header("host").filter(|h| h.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':' | '[' | ']')));
        let scheme = if header("x-forwarded-proto").as_deref() == Some("https") { "https" } else { "http" };
        if let Some(host) = host {
            return format!("{scheme}://{host}");
        }
    }
    String::new()
}

/// `path` (below this site) as a `webcal://` address calendar apps subscribe to; the path itself
/// when the site's address is unknown.
pub fn webcal(path: &str) -> String {
    let origin = origin();
    match origin.split_once("://") {
        Some((_, host)) => format!("webcal://{host}{path}"),
        None => path.to_string(),
    }
}

/// Canonical and language alternates for the current page.
#[component]
pub fn HeadLinks() -> impl IntoView {
    let prefs = use_prefs();
    let location = use_location();
    let (path, search) = (location.pathname.get_untracked(), location.search.get_untracked());
    let query = search.trim_start_matches('?').to_string();
    let origin = origin();
    let url = |locale: Option<Locale>| format!("{origin}{}", with_lang(&path, &query, locale));
    let canonical = url((prefs.lang() == Locale::En).then_some(Locale::En));
    view! {
        <Link rel="canonical" href=canonical/>
        <Link rel="alternate" hreflang="zh-CN" href=url(None)/>
        <Link rel="alternate" hreflang="en" href=url(Some(Locale::En))/>
        <Link rel="alternate" hreflang="x-default" href=url(None)/>
    }
}
