//! The residents' app on a phone: the web app manifest (installable, with our icons) and the
//! service worker, both made at start from this build's files: the worker carries the build's
//! version, so a new deployment installs a new worker, and the list of files to keep.

use axum::extract::State;
use axum::response::IntoResponse;
use http::header::{CACHE_CONTROL, CONTENT_TYPE};
use serde_json::json;

use crate::assets::SiteAssets;

/// The manifest and the worker, as served.
#[derive(Debug, Clone)]
pub struct Pwa {
    manifest: String,
    worker: String,
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
        // Its whole-line comments are for us; every phone downloads the worker.
        let worker: String = include_str!("sw.js")
            .lines()
            .filter(|line| !line.trim_start().starts_with("//"))
            .collect::<Vec<_>>()
            .join("\n")
            .replace("'__VERSION__'", &json!(version).to_string())
            .replace("__PRECACHE__", &json!(precache).to_string());
        Pwa { manifest: manifest.to_string(), worker }
    }
}

/// `GET /manifest.webmanifest`.
pub async fn manifest(State(pwa): State<Pwa>) -> impl IntoResponse {
    ([(CONTENT_TYPE, "application/manifest+json"), (CACHE_CONTROL, "no-cache")], pwa.manifest)
}

/// `GET /sw.js`: always checked anew, so a new deployment is found at once.
pub async fn worker(State(pwa): State<Pwa>) -> impl IntoResponse {
    ([(CONTENT_TYPE, "text/javascript; charset=utf-8"), (CACHE_CONTROL, "no-cache")], pwa.worker)
}
