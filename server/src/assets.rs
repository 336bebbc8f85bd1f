//! The built site's static files — `/pkg` (the bundles and the stylesheet, content-hashed by
//! `scripts/build`), `/js`, `/vendor`, `/icons` — served with an `ETag` (a hash of the file;
//! `If-None-Match` answers 304) and, where the URL names exactly this content, cached for good:
//! a hashed `/pkg` name, or `?v=` with the current assets version (`SiteAssets::version`), which
//! the pages put on every other asset URL. Anything else is revalidated each time.

use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;

use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use http::header::{CACHE_CONTROL, CONTENT_ENCODING, ETAG, IF_NONE_MATCH};
use http::{HeaderValue, StatusCode};
use sha2::{Digest, Sha256};

/// The folders of the site root that hold static files.
const FOLDERS: [&str; 4] = ["pkg", "js", "vendor", "icons"];
const FOREVER: &str = "public, max-age=31536000, immutable";

/// What the server knows of the built files, scanned once at start.
#[derive(Debug, Clone, Default)]
pub struct SiteAssets {
    /// URL path → content hash.
    hashes: Arc<HashMap<String, String>>,
    /// A hash over every unhashed file: `?v=` this on an asset URL means "this build's file".
    pub version: String,
    /// The stylesheet's URL path (hashed by `scripts/build` in a release build).
    pub stylesheet: String,
    /// A hash over every file: what a service worker's caches are named after.
    pub build: String,
}

impl SiteAssets {
    /// Scans the site root's static folders (missing ones are empty).
    pub fn scan(site_root: &Path) -> SiteAssets {
        let mut hashes = HashMap::new();
        for folder in FOLDERS {
            collect(&site_root.join(folder), &format!("/{folder}"), &mut hashes);
        }
        let mut unhashed: Vec<(&String, &String)> =
            hashes.iter().filter(|(path, _)| !path.starts_with("/pkg/")).collect();
        unhashed.sort();
        let mut all = Sha256::new();
        for (path, hash) in unhashed {
            all.update(path.as_bytes());
            all.update(hash.as_bytes());
        }
        let version = hex(&all.clone().finalize())[..12].to_string();
        let mut hashed: Vec<(&String, &String)> = hashes.iter().filter(|(path, _)| path.starts_with("/pkg/")).collect();
        hashed.sort();
        for (path, hash) in hashed {
            all.update(path.as_bytes());
            all.update(hash.as_bytes());
        }
        let build = hex(&all.finalize())[..12].to_string();
        let stylesheet = hashes
            .keys()
            .filter(|p| p.starts_with("/pkg/culture-cloud.") && p.ends_with(".css"))
            .min_by_key(|p| p.len())
            .cloned()
            .unwrap_or_else(|| "/pkg/culture-cloud.css".into());
        SiteAssets { hashes: Arc::new(hashes), version, stylesheet, build }
    }

    /// The residents' bundle: its script and WebAssembly (what the service worker keeps).
    pub fn residents_bundle(&self) -> Vec<String> {
        let mut files: Vec<String> = self
            .hashes
            .keys()
            .filter(|p| p.starts_with("/pkg/culture-cloud.") && (p.ends_with(".js") || p.ends_with(".wasm")))
            .cloned()
            .collect();
        files.sort();
        files
    }

    /// `path` with this build's version, for a long-cached URL (`/js/app.js?v=…`).
    pub fn versioned(&self, path: &str) -> String {
        format!("{path}?v={}", self.version)
    }
}

fn collect(dir: &Path, prefix: &str, into: &mut HashMap<String, String>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for path in entries.flatten().map(|e| e.path()) {
        let Some(name) = path.file_name().and_then(|n| n.to_str()).map(String::from) else { continue };
        if path.is_dir() {
            collect(&path, &format!("{prefix}/{name}"), into);
        } else if !name.ends_with(".br") && !name.ends_with(".gz") {
            if let Ok(bytes) = std::fs::read(&path) {
                into.insert(format!("{prefix}/{name}"), hex(&Sha256::digest(&bytes))[..16].to_string());
            }
        }
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Whether a `/pkg` file name carries its content hash (`culture-cloud.1a2b3c4d5e6f7a8b.wasm`).
fn hashed_name(path: &str) -> bool {
    path.starts_with("/pkg/")
        && path.rsplit('/').next().is_some_and(|name| {
            name.split('.').any(|part| part.len() == 16 && part.bytes().all(|b| b.is_ascii_hexdigit()))
        })
}

/// The middleware on the static folders: `ETag`, 304, and how long the file may be kept.
pub async fn static_headers(State(assets): State<SiteAssets>, request: Request, next: Next) -> Response {
    let path = request.uri().path().to_string();
    let Some(hash) = assets.hashes.get(&path).cloned() else { return next.run(request).await };
    let forever = hashed_name(&path)
        || request.uri().query().is_some_and(|q| q.split('&').any(|p| p == format!("v={}", assets.version)));
    let sent = request.headers().get(IF_NONE_MATCH).and_then(|v| v.to_str().ok()).map(String::from);
    let mut response = next.run(request).await;
    if !response.status().is_success() {
        return response;
    }
    // One representation per encoding: the tag says which.
    let encoding = response.headers().get(CONTENT_ENCODING).and_then(|v| v.to_str().ok()).unwrap_or("");
    let etag = if encoding.is_empty() { format!("\"{hash}\"") } else { format!("\"{hash}-{encoding}\"") };
    let cache = if forever { FOREVER } else { "no-cache" };
    if sent.is_some_and(|sent| sent.split(',').any(|tag| tag.trim().trim_start_matches("W/") == etag)) {
        let mut not_modified = StatusCode::NOT_MODIFIED.into_response();
        not_modified.headers_mut().insert(ETAG, HeaderValue::from_str(&etag).expect("hex"));
        not_modified.headers_mut().insert(CACHE_CONTROL, HeaderValue::from_static(cache));
        return not_modified;
    }
    let headers = response.headers_mut();
    headers.insert(ETAG, HeaderValue::from_str(&etag).expect("hex"));
    headers.insert(CACHE_CONTROL, HeaderValue::from_static(cache));
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashed_pkg_names_are_recognised() {
        assert!(hashed_name("/pkg/culture-cloud.1a2b3c4d5e6f7a8b.wasm"));
        assert!(!hashed_name("/pkg/culture-cloud.wasm"));
        assert!(!hashed_name("/js/app.1a2b3c4d5e6f7a8b.js"));
    }

    #[test]
    fn the_version_follows_the_content_of_unhashed_files() {
        let root = std::env::temp_dir().join(format!("cc_assets_{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        std::fs::create_dir_all(root.join("js")).unwrap();
        std::fs::create_dir_all(root.join("pkg")).unwrap();
        std::fs::write(root.join("js/app.js"), "one").unwrap();
        std::fs::write(root.join("pkg/culture-cloud.0123456789abcdef.css"), "body{}").unwrap();
        let first = SiteAssets::scan(&root);
        assert_eq!(first.stylesheet, "/pkg/culture-cloud.0123456789abcdef.css");
        std::fs::write(root.join("js/app.js"), "two").unwrap();
        let second = SiteAssets::scan(&root);
        assert_ne!(first.version, second.version);
        assert_eq!(second.versioned("/js/app.js"), format!("/js/app.js?v={}", second.version));
    }
}
