//! Where the pages find the built files: the stylesheet's (content-hashed) name and the version
//! to put on every other asset URL, so that browsers may keep them for good. The server scans
//! the site at start and provides this; without it (tests without a built site) the plain
//! names are used.

use leptos::prelude::*;

/// The URLs of this build's assets.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AssetUrls {
    /// `/pkg/culture-cloud.<hash>.css`.
    pub stylesheet: String,
    /// A hash of the unhashed files (`/js`, `/vendor`, `/icons`).
    pub version: String,
}

impl AssetUrls {
    /// `path` with this build's version, e.g. `/js/app.js?v=…`.
    pub fn versioned(&self, path: &str) -> String {
        if self.version.is_empty() {
            path.to_string()
        } else {
            format!("{path}?v={}", self.version)
        }
    }
}

/// This build's asset URLs (server side; the plain names where none were provided).
pub fn use_assets() -> AssetUrls {
    use_context::<AssetUrls>().unwrap_or_else(|| AssetUrls {
        stylesheet: "/pkg/culture-cloud.css".into(),
        version: String::new(),
    })
}
