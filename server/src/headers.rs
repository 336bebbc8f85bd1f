//! The security headers every response gets, decided in one place:
//! - a Content-Security-Policy with a fresh nonce per request on every HTML page (Leptos puts
//!   the nonce on its own scripts; `app::CspNonce` hands it over), so no injected markup can run
//!   a script even if some text ever escaped its escaping;
//! - a Permissions-Policy that allows the camera only on the door page and geolocation only on
//!   the pages that ask for a position (links to them load a new document, see `app`);
//! - `Cache-Control: private, no-store` on anything personal (a logged-in visitor's pages and
//!   answers, account and staff routes), so no shared cache or back button keeps it.

use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::Response;
use http::header::{CACHE_CONTROL, CONTENT_TYPE, COOKIE};
use http::HeaderValue;
use rand::Rng;

/// What the policy needs to know about this deployment.
#[derive(Debug, Clone)]
pub struct HeaderPolicy {
    /// Where map tiles come from (an origin such as `https://tile.openstreetmap.org`).
    tile_source: String,
    /// Development: live reload talks over a WebSocket to another port.
    dev: bool,
}

impl HeaderPolicy {
    /// The policy for tiles from `tile_url` (a Leaflet template).
    pub fn new(tile_url: &str, dev: bool) -> HeaderPolicy {
        HeaderPolicy { tile_source: tile_source(tile_url), dev }
    }

    /// The Content-Security-Policy of an HTML page whose scripts carry `nonce`.
    pub fn content_security_policy(&self, nonce: &str) -> String {
        let connect = if self.dev { "'self' ws: wss:" } else { "'self'" };
        format!(
            "default-src 'self'; \
             script-src 'nonce-{nonce}' 'strict-dynamic' 'wasm-unsafe-eval'; \
             object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'; \
             img-src 'self' data: blob: {tiles}; style-src 'self' 'unsafe-inline'; \
             connect-src {connect}; media-src 'self' blob:; worker-src 'self'; manifest-src 'self'",
            tiles = self.tile_source,
        )
    }
}

/// The origin tiles are loaded from, as a CSP source: `https://{s}.tile.example/{z}/…` →
/// `https://*.tile.example`. Anything unusual falls back to any HTTPS host.
fn tile_source(tile_url: &str) -> String {
    let Some((scheme, rest)) = tile_url.split_once("://") else { return "https:".into() };
    let host = rest.split('/').next().unwrap_or_default().replace("{s}", "*");
    let plain = |c: char| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':' | '*');
    if !matches!(scheme, "http" | "https") || host.is_empty() || !host.chars().all(plain) {
        return "https:".into();
    }
    format!("{scheme}://{host}")
}

/// Which powerful features a path's document may use.
fn permissions_policy(path: &str) -> &'static str {
    if path.starts_with("/staff/checkin/") {
        "camera=(self), geolocation=(), microphone=(), payment=(), usb=()"
    } else if path == "/map" {
        "camera=(), geolocation=(self), microphone=(), payment=(), usb=()"
    } else {
        "camera=(), geolocation=(), microphone=(), payment=(), usb=()"
    }
}

/// Paths whose answers are about the person asking, logged in or not.
fn personal(path: &str) -> bool {
    const PREFIXES: [&str; 11] = [
        "/me",
        "/login",
        "/register",
        "/staff",
        "/api/v1/me",
        "/api/v1/bookings",
        "/api/v1/auth",
        "/api/v1/staff",
        // A training ticket's address is the ticket: never kept by a cache on the way.
        "/training/tickets",
        "/api/v1/training/tickets",
        // So is a resident's own calendar feed's.
        "/api/v1/feeds/me",
    ];
    PREFIXES.iter().any(|p| path == *p || path.starts_with(&format!("{p}/")) || path.starts_with(&format!("{p}?")))
}

/// Files that are the same for everyone and carry their own caching.
fn static_file(path: &str) -> bool {
    ["/pkg/", "/vendor/", "/js/", "/media/"].iter().any(|p| path.starts_with(p)) || path == "/favicon.svg"
}

/// A fresh nonce: 128 random bits, hex (a valid CSP nonce; never reused across responses).
fn new_nonce() -> String {
    let bytes: [u8; 16] = rand::rng().random();
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The middleware: a nonce for the page's scripts, then the headers on the way out.
pub async fn security_headers(State(policy): State<HeaderPolicy>, mut request: Request, next: Next) -> Response {
    let nonce = new_nonce();
    request.extensions_mut().insert(app::CspNonce(nonce.clone()));
    let path = request.uri().path().to_string();
    let logged_in = request
        .headers()
        .get_all(COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .any(|v| v.split(';').any(|c| c.trim().starts_with(&format!("{}=", cc_auth::SESSION_COOKIE))));
    let mut response = next.run(request).await;
    let html = response
        .headers()
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    let headers = response.headers_mut();
    if html && !headers.contains_key("content-security-policy") {
        if let Ok(value) = HeaderValue::from_str(&policy.content_security_policy(&nonce)) {
            headers.insert("content-security-policy", value);
        }
    }
    if !headers.contains_key("permissions-policy") {
        headers.insert("permissions-policy", HeaderValue::from_static(permissions_policy(&path)));
    }
    if (logged_in || personal(&path)) && !static_file(&path) {
        headers.insert(CACHE_CONTROL, HeaderValue::from_static("private, no-store"));
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tiles_come_from_their_own_origin() {
        assert_eq!(tile_source("https://tile.openstreetmap.org/{z}/{x}/{y}.png"), "https://tile.openstreetmap.org");
        assert_eq!(tile_source("https://{s}.tiles.example.cn:8443/{z}/{x}/{y}.png"), "https://*.tiles.example.cn:8443");
        assert_eq!(tile_source("javascript:alert(1)"), "https:");
        assert_eq!(tile_source("https://evil.example'; script-src *"), "https:");
    }

    #[test]
    fn the_policy_allows_only_nonced_scripts_and_no_framing() {
        let csp = HeaderPolicy::new("https://tile.openstreetmap.org/{z}/{x}/{y}.png", false).content_security_policy("abc");
        assert!(csp.contains("script-src 'nonce-abc' 'strict-dynamic' 'wasm-unsafe-eval';"), "{csp}");
        for part in ["object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "https://tile.openstreetmap.org"] {
            assert!(csp.contains(part), "{part} in {csp}");
        }
        assert!(!csp.contains("unsafe-eval'") || csp.contains("wasm-unsafe-eval"));
    }

    #[test]
    fn camera_and_position_only_where_used() {
        assert!(permissions_policy("/staff/checkin/7").contains("camera=(self)"));
        assert!(permissions_policy("/map").contains("geolocation=(self)"));
        assert!(permissions_policy("/").contains("camera=()") && permissions_policy("/").contains("geolocation=()"));
    }

    #[test]
    fn personal_paths_are_recognised_by_segment() {
        assert!(personal("/me/bookings") && personal("/staff") && personal("/api/v1/me") && personal("/login"));
        assert!(!personal("/media/x.png") && !personal("/catalog") && !personal("/meeting"));
    }
}
