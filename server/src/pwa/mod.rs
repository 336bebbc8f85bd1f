//! The residents' app on a phone: the web app manifest (installable, with our icons) and the
//! service worker, both made at start from this build's files: the worker carries the build's
//! version, so a new deployment installs a new worker, and the list of files to keep.

use std::io::Write;

use axum::extract::State;
use axum::response::{IntoResponse, Response};
use bytes::Bytes;
use http::header::{ACCEPT_ENCODING, CACHE_CONTROL, CONTENT_ENCODING, CONTENT_TYPE, VARY};
use http::HeaderMap;
use serde_json::json;

use crate::assets::SiteAssets;

/// The manifest and the worker, as served.
#[derive(Debug, Clone)]
pub struct Pwa {
    manifest: String,
    worker: Bytes,
    /// The worker compressed once, at brotli's best: every phone fetches it on every visit.
    worker_br: Bytes,
}

impl Pwa {
    /// Both for `assets`; `build_id` (`CC_BUILD_ID`) overrides the version the files make.
    pub fn new(assets: &SiteAssets, build_id: Option<&str>) -> Pwa {
        let icon = |src: &str, size: &str, purpose: &str| {
            json!({ "src": assets.versioned(src), "sizes": size, "type": "image/png", "purpose": purpose })
        };
        let manifest = json!({
            "name": "公共文化云 · 石景山区",
            "short_name": "文化云",
            "description": "预约公益文化活动，查找文化设施，出示电子票。",
            "lang": "zh-CN",
            "dir": "ltr",
            "start_url": "/",
            "scope": "/",
            "id": "/",
            "display": "standalone",
            "orientation": "portrait",
            "theme_color": "#b4281e",
            "background_color": "#faf7f2",
            "icons": [
                icon("/icons/icon-192.png", "192x192", "any"),
                icon("/icons/icon-512.png", "512x512", "any"),
                icon("/icons/maskable-512.png", "512x512", "maskable"),
            ],
        });
        let mut precache: Vec<String> = assets.residents_bundle();
        precache.push(assets.stylesheet.clone());
        for file in ["/js/app.js", "/favicon.svg", "/icons/icon-192.png"] {
            precache.push(assets.versioned(file));
        }
        precache.push("/manifest.webmanifest".into());
        let version = build_id.map_or_else(|| assets.build.clone(), String::from);
        // Its whole-line comments and indentation are for us; every phone downloads the worker.
        // (It has no template literals, whose lines' leading spaces would be text.)
        let worker: String = include_str!("sw.js")
            .lines()
            .map(str::trim_start)
            .filter(|line| !line.starts_with("//"))
            .collect::<Vec<_>>()
            .join("\n")
            .replace("'__VERSION__'", &json!(version).to_string())
            .replace("__PRECACHE__", &json!(precache).to_string());
        let worker_br = best_brotli(worker.as_bytes());
        Pwa { manifest: manifest.to_string(), worker: Bytes::from(worker), worker_br }
    }
}

/// `GET /manifest.webmanifest`.
pub async fn manifest(State(pwa): State<Pwa>) -> impl IntoResponse {
    ([(CONTENT_TYPE, "application/manifest+json"), (CACHE_CONTROL, "no-cache")], pwa.manifest)
}

/// `GET /sw.js`: always checked anew, so a new deployment is found at once; compressed ahead
/// for browsers that take brotli (the compression layer leaves an encoded answer alone).
pub async fn worker(State(pwa): State<Pwa>, request: HeaderMap) -> Response {
    let headers = [(CONTENT_TYPE, "text/javascript; charset=utf-8"), (CACHE_CONTROL, "no-cache"), (VARY, "accept-encoding")];
    let takes_brotli = request.get_all(ACCEPT_ENCODING).iter().any(|value| {
        value.to_str().unwrap_or_default().split(',').any(|coding| {
            let mut parts = coding.split(';');
            let named = parts.next().is_some_and(|name| name.trim().eq_ignore_ascii_case("br"));
            named && !parts.any(|param| matches!(param.trim(), "q=0" | "q=0.0" | "q=0.00" | "q=0.000"))
        })
    });
    if takes_brotli {
        (headers, [(CONTENT_ENCODING, "br")], pwa.worker_br).into_response()
    } else {
        (headers, pwa.worker).into_response()
    }
}

/// `bytes` compressed at brotli's best quality (11) and largest window (22).
fn best_brotli(bytes: &[u8]) -> Bytes {
    let mut out = Vec::new();
    {
        let mut writer = brotli::CompressorWriter::new(&mut out, 4096, 11, 22);
        // Writing into memory cannot fail.
        let _ = writer.write_all(bytes);
    }
    Bytes::from(out)
}
