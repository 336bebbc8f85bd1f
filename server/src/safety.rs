//! What keeps one bad request from hurting others: a panic becomes a 500 in the usual shape
//! (the connection stays up, the panic hook has logged it once), and request bodies are bounded
//! per route before anything reads them.

use std::panic::AssertUnwindSafe;

use axum::body::Body;
use axum::extract::Request;
use axum::middleware::Next;
use axum::response::{Html, IntoResponse, Response};
use axum::Json;
use cc_domain::Locale;
use futures::FutureExt;
use http::header::{ACCEPT, CONTENT_LENGTH};
use http::StatusCode;
use serde_json::json;

use crate::api::error::locale_of;

/// Bodies of forms, JSON and server-function calls: far more than any of them needs.
pub const DEFAULT_BODY_LIMIT: usize = 64 * 1024;

/// Logs every panic once, through the log, with where it happened.
pub fn log_panics() {
    std::panic::set_hook(Box::new(|info| {
        let location = info.location().map(|l| format!("{}:{}", l.file(), l.line())).unwrap_or_default();
        tracing::error!(%location, panic = %info.payload_as_str().unwrap_or("(not text)"), "a task panicked");
    }));
}

/// Answers a request whose handler panicked with a 500 — a page for browsers, the API's error
/// shape for everyone else — instead of dropping the connection.
pub async fn catch_panic(request: Request, next: Next) -> Response {
    let locale = locale_of(request.headers());
    let wants_page = request
        .headers()
        .get(ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.contains("text/html"));
    match AssertUnwindSafe(next.run(request)).catch_unwind().await {
        Ok(response) => response,
        Err(_) if wants_page => (StatusCode::INTERNAL_SERVER_ERROR, Html(PANIC_PAGE)).into_response(),
        Err(_) => error(StatusCode::INTERNAL_SERVER_ERROR, "internal", locale.pick(
            "服务暂时不可用，请稍后再试。",
            "The service is unavailable, please try again later.",
        )),
    }
}

const PANIC_PAGE: &str = "<!DOCTYPE html><html lang=\"zh-CN\"><meta charset=\"utf-8\">\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>公共文化云</title>\
<h1>服务暂时不可用</h1><p>请稍后再试。</p><p lang=\"en\">The service is unavailable, please try again later.</p>\
<p><a href=\"/\">返回首页 · Home</a></p></html>";

/// The most a request to `path` may carry.
fn body_limit(path: &str) -> usize {
    let upload = path.starts_with("/api/v1/staff/items/") && path.ends_with("/image");
    if upload {
        crate::api::staff_media::BODY_LIMIT
    } else {
        DEFAULT_BODY_LIMIT
    }
}

/// Refuses a body longer than its route's limit up front (by its declared length) and cuts off
/// one that grows past it while being read (chunked): 413 either way.
pub async fn limit_bodies(request: Request, next: Next) -> Response {
    let limit = body_limit(request.uri().path());
    let declared = request
        .headers()
        .get(CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|n| n > limit as u64) {
        let locale = locale_of(request.headers());
        return too_large(locale, limit);
    }
    let request = request.map(|body| Body::new(http_body_util::Limited::new(body, limit)));
    next.run(request).await
}

fn too_large(locale: Locale, limit: usize) -> Response {
    let kib = limit / 1024;
    let message = match locale {
        Locale::Zh => format!("请求内容太大：最多 {kib} KB。"),
        Locale::En => format!("The request is too large: at most {kib} KB."),
    };
    error(StatusCode::PAYLOAD_TOO_LARGE, "too_large", &message)
}

fn error(status: StatusCode, code: &str, message: &str) -> Response {
    (status, Json(json!({ "error": { "code": code, "message": message } }))).into_response()
}

#[cfg(test)]
mod tests {
    use axum::routing::{get, post};
    use axum::Router;
    use tower::ServiceExt;

    use super::*;

    fn app() -> Router {
        Router::new()
            .route("/boom", get(boom))
            .route("/echo", post(|body: axum::body::Bytes| async move { body.len().to_string() }))
            .layer(axum::middleware::from_fn(limit_bodies))
            .layer(axum::middleware::from_fn(catch_panic))
    }

    async fn boom() -> &'static str {
        panic!("a bug")
    }

    #[tokio::test]
    async fn a_panicking_handler_answers_500_in_the_error_shape_or_as_a_page() {
        let json = app().oneshot(Request::get("/boom").body(Body::empty()).unwrap()).await.unwrap();
        assert_eq!(json.status(), StatusCode::INTERNAL_SERVER_ERROR);
        let body = axum::body::to_bytes(json.into_body(), 1 << 16).await.unwrap();
        let value: serde_json::Value = serde_json::from_slice(&body).unwrap();
        assert_eq!(value["error"]["code"], "internal");

        let page = Request::get("/boom").header(ACCEPT, "text/html").body(Body::empty()).unwrap();
        let page = app().oneshot(page).await.unwrap();
        assert_eq!(page.status(), StatusCode::INTERNAL_SERVER_ERROR);
        assert!(page.headers()["content-type"].to_str().unwrap().starts_with("text/html"));
    }

    #[tokio::test]
    async fn bodies_past_the_limit_are_refused_declared_or_streamed() {
        let big = vec![b'x'; DEFAULT_BODY_LIMIT + 1];
        let declared = Request::post("/echo").body(Body::from(big.clone())).unwrap();
        let mut declared = declared;
        declared.headers_mut().insert(CONTENT_LENGTH, big.len().into());
        assert_eq!(app().oneshot(declared).await.unwrap().status(), StatusCode::PAYLOAD_TOO_LARGE);

        let chunks = futures::stream::iter(big.chunks(1024).map(|c| Ok::<_, std::io::Error>(c.to_vec())).collect::<Vec<_>>());
        let streamed = Request::post("/echo").body(Body::from_stream(chunks)).unwrap();
        assert_eq!(app().oneshot(streamed).await.unwrap().status(), StatusCode::PAYLOAD_TOO_LARGE);

        let small = Request::post("/echo").body(Body::from("hello")).unwrap();
        assert_eq!(app().oneshot(small).await.unwrap().status(), StatusCode::OK);
    }
}
