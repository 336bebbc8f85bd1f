//! What makes the residents' site an app on a phone, and what search engines read.

use serde_json::Value;

use crate::helpers::spawn_app;

#[tokio::test]
async fn the_manifest_names_the_app_and_its_icons() {
    let app = spawn_app().await;
    let response = reqwest::get(format!("{}/manifest.webmanifest", app.address)).await.unwrap();
    assert_eq!(response.headers()["content-type"], "application/manifest+json");
    let manifest: Value = response.json().await.unwrap();
    assert_eq!(manifest["display"], "standalone");
    assert_eq!(manifest["start_url"], "/");
    assert_eq!(manifest["short_name"], "文化云");
    let icons = manifest["icons"].as_array().unwrap();
    assert!(icons.iter().any(|i| i["sizes"] == "512x512" && i["purpose"] == "maskable"));
    assert!(icons.iter().any(|i| i["sizes"] == "192x192"));
}

#[tokio::test]
async fn the_service_worker_is_never_cached_and_knows_its_version() {
    let app = spawn_app().await;
    let response = reqwest::get(format!("{}/sw.js", app.address)).await.unwrap();
    assert_eq!(response.status(), 200);
    assert!(response.headers()["content-type"].to_str().unwrap().starts_with("text/javascript"));
    assert_eq!(response.headers()["cache-control"], "no-cache");
    let worker = response.text().await.unwrap();
    assert!(!worker.contains("__VERSION__") && !worker.contains("__PRECACHE__"), "placeholders are filled");
    assert!(worker.contains("/manifest.webmanifest"));

    // Compressed ahead for browsers that take brotli: the same worker, fewer bytes.
    let client = reqwest::Client::new();
    let fetch = |encoding: &'static str| client.get(format!("{}/sw.js", app.address)).header("accept-encoding", encoding).send();
    let compressed = fetch("gzip, deflate, br, zstd").await.unwrap();
    assert_eq!(compressed.headers()["content-encoding"], "br");
    assert_eq!(compressed.headers()["cache-control"], "no-cache");
    let bytes = compressed.bytes().await.unwrap();
    assert!(bytes.len() < worker.len() / 2, "{} of {} bytes", bytes.len(), worker.len());
    let mut unpacked = String::new();
    std::io::Read::read_to_string(&mut brotli_decompressor::Decompressor::new(&bytes[..], 4096), &mut unpacked).unwrap();
    assert_eq!(unpacked, worker);
    let refused = fetch("gzip;q=0, br;q=0").await.unwrap();
    assert!(refused.headers().get("content-encoding").is_none(), "br;q=0 refuses brotli");
    assert_eq!(refused.text().await.unwrap(), worker);
}

#[tokio::test]
async fn robots_keep_crawlers_out_of_personal_and_staff_pages() {
    let app = spawn_app().await;
    let (status, robots) = app.get("/robots.txt").await;
    assert_eq!(status, 200);
    for closed in ["Disallow: /staff", "Disallow: /me", "Disallow: /api/"] {
        assert!(robots.contains(closed), "{closed}");
    }
    assert!(robots.contains(&format!("Sitemap: {}/sitemap.xml", app.address)));
}

#[tokio::test]
async fn the_sitemap_lists_published_items_and_facilities_in_both_languages() {
    let app = spawn_app().await;
    let (status, xml) = app.get("/sitemap.xml").await;
    assert_eq!(status, 200);
    let (_, items) = app.get_json("/api/v1/items?per_page=1").await;
    let id = items["items"][0]["id"].as_i64().expect("the demo has items");
    assert!(xml.contains(&format!("<loc>{}/items/{id}</loc>", app.address)));
    assert!(xml.contains(&format!(r#"hreflang="en" href="{}/items/{id}?lang=en""#, app.address)));
    assert!(xml.contains("/facilities/"));
    assert!(!xml.contains("/staff"));
}

#[tokio::test]
async fn pages_name_their_canonical_address_and_their_other_language() {
    let app = spawn_app().await;
    let (_, html) = app.get("/catalog?lang=en&category=heritage").await;
    let head = html.split("</head>").next().unwrap();
    assert!(head.contains(r#"rel="canonical""#), "{head}");
    assert!(head.contains(r#"hreflang="zh-CN""#) && head.contains(r#"hreflang="en""#));
    assert!(head.contains(r#"href="/manifest.webmanifest""#));
}
