//! Public pages from memory. A visitor without a login cookie asking for the home page, the
//! catalogue (any filters), an item, the facilities, a facility, the map or the coverage page
//! gets the page rendered for the previous such visitor with the same address, language,
//! elder mode and text size — as long as nothing it shows has changed since.
//!
//! "Changed" is the store's public pages version ([`Store::public_pages_version`]): every write
//! that changes a public page (a booking, publishing, an edit, a session or facility change)
//! moves it on as it commits, and on PostgreSQL every server's writes move it on every server
//! (LISTEN/NOTIFY). A page is kept with the version read *before* rendering it, and served only
//! while the version is the same — so a render that raced a write is never served. Pages also
//! expire after a minute, for what time alone changes ("booking opens in …").
//!
//! A logged-in visitor's request never reads or fills the cache, and a page whose answer sets
//! a cookie (`?lang=`) is not kept. Each answer gets its own CSP nonce: the kept page's nonce
//! is replaced by the request's. `ETag`/`If-None-Match` answer 304 without a body.

use std::sync::Arc;
use std::time::Duration;

use axum::body::Body;
use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use bytes::Bytes;
use cc_store::Store;
use http::header::{CACHE_CONTROL, CONTENT_TYPE, COOKIE, ETAG, HOST, IF_NONE_MATCH, SET_COOKIE, VARY};
use http::{HeaderMap, HeaderValue, Method, StatusCode};

/// How many bytes of pages are kept, at most.
const CAPACITY_BYTES: u64 = 64 * 1024 * 1024;
/// How long a page is kept at most, for what changes with time alone.
const TIME_TO_LIVE: Duration = Duration::from_secs(60);
/// A page larger than this is served but not kept.
const LARGEST_PAGE: usize = 2 * 1024 * 1024;
/// Stands for the nonce when a page's ETag is computed, so equal pages have equal tags.
const NONCE_PLACEHOLDER: &str = "{nonce}";

/// What makes two requests get the same page.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct PageKey {
    path: String,
    query: String,
    /// The preference cookies (language, elder mode, text size), as sent.
    preferences: Vec<String>,
    /// The host and scheme the page's links are made from when no public URL is configured.
    host: String,
    https: bool,
}

/// A rendered page, cut where its nonce stood: an answer is the pieces with the request's
/// nonce between them, sent without copying the page.
struct Kept {
    pieces: Vec<Bytes>,
    /// The page's length without its nonces.
    length: usize,
    content_type: HeaderValue,
    etag: HeaderValue,
    /// The public pages version read before rendering.
    version: u64,
}

/// The cache, shared by every request of this server.
#[derive(Clone)]
pub struct PageCache {
    pages: moka::sync::Cache<PageKey, Arc<Kept>>,
    store: Store,
}

impl PageCache {
    /// An empty cache for pages of `store`'s data.
    pub fn new(store: Store) -> PageCache {
        let pages = moka::sync::Cache::builder()
            .max_capacity(CAPACITY_BYTES)
            .weigher(|key: &PageKey, page: &Arc<Kept>| {
                (page.length + key.path.len() + key.query.len()).try_into().unwrap_or(u32::MAX)
            })
            .time_to_live(TIME_TO_LIVE)
            .build();
        PageCache { pages, store }
    }
}

/// The middleware (inside the security headers, which put the request's nonce in place).
pub async fn serve_from_memory(State(cache): State<PageCache>, request: Request, next: Next) -> Response {
    let Some(key) = key_for(&request) else { return next.run(request).await };
    let nonce = request.extensions().get::<app::CspNonce>().map(|n| n.0.clone()).unwrap_or_default();
    let asked = request.headers().get(IF_NONE_MATCH).cloned();
    let version = cache.store.public_pages_version();
    if let Some(page) = cache.pages.get(&key).filter(|page| page.version == version) {
        return answer(&page, &nonce, asked.as_ref(), "hit");
    }
    let response = next.run(request).await;
    if !keepable(&response) {
        return response;
    }
    let (parts, body) = response.into_parts();
    let body = match whole(body).await {
        Ok(body) => body,
        Err(unkept) => return Response::from_parts(parts, unkept),
    };
    let Some(content_type) = parts.headers.get(CONTENT_TYPE).cloned() else {
        return Response::from_parts(parts, Body::from(body));
    };
    let (pieces, length) = cut(&body, &nonce);
    let page = Arc::new(Kept { etag: etag(&body, &nonce), pieces, length, content_type, version });
    cache.pages.insert(key, page.clone());
    answer(&page, &nonce, asked.as_ref(), "miss")
}

/// The whole body, or — when it is larger than [`LARGEST_PAGE`] or fails midway — a body that
/// still gives the reader everything (what was read, then the rest).
async fn whole(mut body: Body) -> Result<Bytes, Body> {
    use futures::StreamExt;
    use http_body_util::BodyExt;
    let mut read = bytes::BytesMut::new();
    while let Some(frame) = body.frame().await {
        let Ok(frame) = frame else { return Err(Body::from(read.freeze())) };
        if let Ok(data) = frame.into_data() {
            read.extend_from_slice(&data);
            if read.len() > LARGEST_PAGE {
                let first = futures::stream::once(async move { Ok::<Bytes, axum::Error>(read.freeze()) });
                return Err(Body::from_stream(first.chain(body.into_data_stream())));
            }
        }
    }
    Ok(read.freeze())
}

/// The key of a request that may be served from memory, or `None`.
fn key_for(request: &Request) -> Option<PageKey> {
    let path = request.uri().path();
    if request.method() != Method::GET || !public_page(path) {
        return None;
    }
    let cookies = cookies(request.headers());
    if cookies.iter().any(|c| c.starts_with(&format!("{}=", cc_auth::SESSION_COOKIE))) {
        return None;
    }
    let preferences = cookies
        .into_iter()
        .filter(|c| ["cc_lang=", "cc_elder=", "cc_text="].iter().any(|p| c.starts_with(p)))
        .collect();
    let header = |name| request.headers().get(name).and_then(|v| v.to_str().ok()).unwrap_or_default().to_string();
    Some(PageKey {
        path: path.to_string(),
        query: request.uri().query().unwrap_or_default().to_string(),
        preferences,
        host: header(HOST),
        https: header(http::HeaderName::from_static("x-forwarded-proto")) == "https",
    })
}

/// The pages anyone sees alike.
fn public_page(path: &str) -> bool {
    let under = |prefix: &str| path.strip_prefix(prefix).is_some_and(|id| !id.is_empty() && !id.contains('/'));
    matches!(path, "/" | "/catalog" | "/facilities" | "/map" | "/coverage") || under("/items/") || under("/facilities/")
}

/// Every cookie in the request, trimmed, sorted (so their order does not split the cache).
fn cookies(headers: &HeaderMap) -> Vec<String> {
    let mut all: Vec<String> = headers
        .get_all(COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';').map(|c| c.trim().to_string()))
        .filter(|c| !c.is_empty())
        .collect();
    all.sort();
    all
}

/// Whether a rendered answer is the same for the next visitor: a whole HTML page that sets
/// no cookie.
fn keepable(response: &Response) -> bool {
    let html = response
        .headers()
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    response.status() == StatusCode::OK && html && !response.headers().contains_key(SET_COOKIE)
}

/// The page cut at each occurrence of `nonce` (one piece when there is none), and the pieces'
/// total length.
fn cut(body: &Bytes, nonce: &str) -> (Vec<Bytes>, usize) {
    let Ok(text) = std::str::from_utf8(body) else { return (vec![body.clone()], body.len()) };
    if nonce.is_empty() {
        return (vec![body.clone()], body.len());
    }
    let mut pieces = Vec::new();
    let mut from = 0;
    for (at, _) in text.match_indices(nonce) {
        pieces.push(body.slice(from..at));
        from = at + nonce.len();
    }
    pieces.push(body.slice(from..));
    let length = pieces.iter().map(Bytes::len).sum();
    (pieces, length)
}

/// A strong tag of the page's content (its nonce aside).
fn etag(body: &Bytes, nonce: &str) -> HeaderValue {
    use std::hash::{Hash, Hasher};
    let text = String::from_utf8_lossy(body);
    let neutral = if nonce.is_empty() { text } else { text.replace(nonce, NONCE_PLACEHOLDER).into() };
    // SipHash with fixed keys: the same page gets the same tag on every server of a build.
    #[allow(deprecated)]
    let mut hasher = std::hash::SipHasher::new();
    neutral.hash(&mut hasher);
    HeaderValue::from_str(&format!("\"{:016x}-{:x}\"", hasher.finish(), body.len())).expect("hex is a valid header")
}

/// The kept page as this request's answer: 304 when the browser has it, else the page with
/// this request's nonce.
fn answer(page: &Kept, nonce: &str, asked: Option<&HeaderValue>, how: &'static str) -> Response {
    let mut response = if asked.is_some_and(|tags| matches(tags, &page.etag)) {
        StatusCode::NOT_MODIFIED.into_response()
    } else {
        let nonce = Bytes::copy_from_slice(nonce.as_bytes());
        let gaps = page.pieces.len() - 1;
        let length = page.length + gaps * nonce.len();
        let mut chunks = Vec::with_capacity(page.pieces.len() * 2);
        for (i, piece) in page.pieces.iter().enumerate() {
            if i > 0 {
                chunks.push(Ok::<Bytes, std::convert::Infallible>(nonce.clone()));
            }
            chunks.push(Ok(piece.clone()));
        }
        let mut response = Response::new(Body::from_stream(futures::stream::iter(chunks)));
        response.headers_mut().insert(CONTENT_TYPE, page.content_type.clone());
        response.headers_mut().insert(http::header::CONTENT_LENGTH, HeaderValue::from(length));
        response
    };
    let headers = response.headers_mut();
    headers.insert(ETAG, page.etag.clone());
    // Browsers keep it but ask each time (a 304 is cheap); the page differs by cookie.
    headers.insert(CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    headers.insert(VARY, HeaderValue::from_static("Cookie"));
    headers.insert("x-page-cache", HeaderValue::from_static(how));
    response
}

/// Whether an `If-None-Match` value names `etag` (or is `*`).
pub(crate) fn matches(asked: &HeaderValue, etag: &HeaderValue) -> bool {
    let Ok(asked) = asked.to_str() else { return false };
    let tag = etag.to_str().unwrap_or_default();
    asked.split(',').map(|t| t.trim().trim_start_matches("W/")).any(|t| t == "*" || t == tag)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_public_pages_are_kept() {
        for path in ["/", "/catalog", "/items/7", "/facilities", "/facilities/3", "/map", "/coverage"] {
            assert!(public_page(path), "{path}");
        }
        for path in ["/me", "/me/bookings", "/login", "/staff", "/items/", "/items/7/x", "/api/v1/items", "/offline"] {
            assert!(!public_page(path), "{path}");
        }
    }

    #[test]
    fn a_page_is_cut_where_its_nonce_stood() {
        let (pieces, length) = cut(&Bytes::from("<script nonce=\"ab\"></script><b nonce=\"ab\">"), "ab");
        assert_eq!(pieces, ["<script nonce=\"", "\"></script><b nonce=\"", "\">"]);
        assert_eq!(length, 15 + 21 + 2);
        assert_eq!(cut(&Bytes::from("plain"), "ab").0, ["plain"]);
    }

    #[test]
    fn an_etag_ignores_the_nonce_and_if_none_match_finds_it_in_a_list() {
        let a = etag(&Bytes::from("<script nonce=\"n1\">"), "n1");
        let b = etag(&Bytes::from("<script nonce=\"n2\">"), "n2");
        assert_eq!(a, b);
        assert_ne!(a, etag(&Bytes::from("<script nonce=\"n2\">x"), "n2"));
        let list = HeaderValue::from_str(&format!("\"other\", W/{}", a.to_str().unwrap())).unwrap();
        assert!(matches(&list, &a));
        assert!(!matches(&HeaderValue::from_static("\"other\""), &a));
    }
}
