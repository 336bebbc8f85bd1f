//! What search engines read besides the pages: `robots.txt` (everything public, nothing
//! personal or staff) and `sitemap.xml` (the public pages, each in both languages).

use axum::extract::State;
use axum::response::{IntoResponse, Response};
use cc_store::Store;
use http::header::{CONTENT_TYPE, HOST};
use http::HeaderMap;

use crate::api::error::ApiError;

/// The public address: `CC_PUBLIC_URL`, else the request's host.
#[derive(Debug, Clone, Default)]
pub struct PublicUrl(pub Option<String>);

impl PublicUrl {
    /// `https://example.org`: the configured address, else the request's scheme and host.
    pub fn origin(&self, headers: &HeaderMap) -> String {
        if let Some(url) = &self.0 {
            return url.trim_end_matches('/').to_string();
        }
        let host = headers.get(HOST).and_then(|v| v.to_str().ok()).unwrap_or("localhost");
        let plain = host.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':' | '[' | ']'));
        let secure = headers.get("x-forwarded-proto").and_then(|v| v.to_str().ok()) == Some("https");
        format!("{}://{}", if secure { "https" } else { "http" }, if plain { host } else { "localhost" })
    }
}

/// `GET /robots.txt`.
pub async fn robots(State(public): State<PublicUrl>, headers: HeaderMap) -> impl IntoResponse {
    let origin = public.origin(&headers);
    let text = format!(
        "User-agent: *\nAllow: /\nDisallow: /api/\nDisallow: /staff\nDisallow: /me\nDisallow: /login\nDisallow: /register\nDisallow: /training/tickets/\n\nSitemap: {origin}/sitemap.xml\n"
    );
    ([(CONTENT_TYPE, "text/plain; charset=utf-8")], text)
}

/// `GET /sitemap.xml`: the home page, lists, every published item and every facility, each
/// with its English alternate.
pub async fn sitemap(State(store): State<Store>, State(public): State<PublicUrl>, headers: HeaderMap) -> Response {
    let origin = public.origin(&headers);
    let (items, facilities) = match store.public_page_ids().await {
        Ok(ids) => ids,
        Err(e) => return ApiError::from(e).into_response(),
    };
    let mut paths: Vec<String> =
        ["/", "/catalog", "/facilities", "/map", "/coverage"].iter().map(|p| p.to_string()).collect();
    paths.extend(items.iter().map(|id| format!("/items/{id}")));
    paths.extend(facilities.iter().map(|id| format!("/facilities/{id}")));
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" \
         xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n",
    );
    for path in paths {
        let zh = format!("{origin}{path}");
        let en = format!("{origin}{path}?lang=en");
        xml.push_str(&format!(
            "<url><loc>{zh}</loc><xhtml:link rel=\"alternate\" hreflang=\"zh-CN\" href=\"{zh}\"/>\
             <xhtml:link rel=\"alternate\" hreflang=\"en\" href=\"{en}\"/></url>\n"
        ));
    }
    xml.push_str("</urlset>\n");
    ([(CONTENT_TYPE, "application/xml; charset=utf-8")], xml).into_response()
}
