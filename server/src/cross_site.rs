//! Refusing cross-site writes. Leptos server functions and our API take cookies, and a browser
//! sends cookies with a form another site posts; so every request that can change state must
//! come from our own pages. Browsers say where a request comes from in `Sec-Fetch-Site`
//! (all current ones) or `Origin`; requests with neither are not from a browser and carry no
//! ambient cookies, so they pass.

use axum::extract::Request;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::Json;
use http::{header, HeaderMap, Method, StatusCode};
use serde_json::json;

use crate::api::error::locale_of;

/// Middleware: lets safe methods through, and unsafe ones only from the same origin.
pub async fn refuse_cross_site(request: Request, next: Next) -> Response {
    let safe = matches!(*request.method(), Method::GET | Method::HEAD | Method::OPTIONS);
    if safe || is_same_origin(request.headers()) {
        return next.run(request).await;
    }
    tracing::warn!(
        method = %request.method(),
        path = request.uri().path(),
        origin = ?request.headers().get(header::ORIGIN),
        "refused a cross-site request"
    );
    let message = match locale_of(request.headers()) {
        cc_domain::Locale::Zh => "请求来自其他网站，已拒绝。请在本站页面中操作。",
        cc_domain::Locale::En => {
            "This request came from another site and was refused. Use this site's pages."
        }
    };
    (StatusCode::FORBIDDEN, Json(json!({ "error": { "code": "cross_site", "message": message } })))
        .into_response()
}

/// Whether the request comes from our own origin (or not from a browser at all).
pub fn is_same_origin(headers: &HeaderMap) -> bool {
    if let Some(site) = headers.get("sec-fetch-site") {
        return matches!(site.to_str(), Ok("same-origin" | "none"));
    }
    let Some(origin) = headers.get(header::ORIGIN) else { return true };
    let (Ok(origin), Some(host)) = (origin.to_str(), headers.get(header::HOST).and_then(|h| h.to_str().ok()))
    else {
        return false;
    };
    // `Origin: null` (sandboxed frames, some redirects) never matches.
    origin.split_once("://").is_some_and(|(_, authority)| authority.eq_ignore_ascii_case(host))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        pairs.iter().map(|(k, v)| (http::HeaderName::from_static(k), v.parse().unwrap())).collect()
    }

    #[test]
    fn fetch_metadata_decides_when_present() {
        assert!(is_same_origin(&headers(&[("sec-fetch-site", "same-origin")])));
        assert!(!is_same_origin(&headers(&[("sec-fetch-site", "cross-site")])));
        assert!(!is_same_origin(&headers(&[("sec-fetch-site", "same-site")])));
    }

    #[test]
    fn otherwise_the_origin_must_match_the_host() {
        assert!(is_same_origin(&headers(&[("origin", "http://127.0.0.1:3000"), ("host", "127.0.0.1:3000")])));
        assert!(!is_same_origin(&headers(&[("origin", "https://evil.example"), ("host", "127.0.0.1:3000")])));
        assert!(!is_same_origin(&headers(&[("origin", "null"), ("host", "127.0.0.1:3000")])));
        assert!(is_same_origin(&headers(&[("host", "127.0.0.1:3000")])), "not a browser");
    }
}
