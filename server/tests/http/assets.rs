use std::io::Write;
use std::path::{Path, PathBuf};

use culture_cloud::config::Config;
use culture_cloud::startup::Application;

fn brotli(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut writer = brotli::CompressorWriter::new(&mut out, 4096, 5, 22);
    writer.write_all(bytes).unwrap();
    drop(writer);
    out
}

/// A site root of its own for one test.
fn site(name: &str) -> PathBuf {
    let site = std::env::temp_dir().join(format!("cc_site_{name}_{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&site);
    std::fs::create_dir_all(site.join("pkg")).unwrap();
    site
}

/// Serves `site` and returns the URL of `/pkg/app.js`.
async fn serve(site: &Path) -> String {
    let mut config = Config::from_lookup(|_| None).unwrap();
    config.database_url = cc_store::testing::fresh_database_url().await.unwrap();
    config.addr = "127.0.0.1:0".parse().unwrap();
    config.site_root = site.display().to_string();
    let app = Application::build(&config).await.unwrap();
    let url = format!("http://127.0.0.1:{}/pkg/app.js", app.port());
    tokio::spawn(app.run_until_stopped());
    url
}

#[tokio::test]
async fn built_assets_are_sent_precompressed_to_browsers_that_accept_brotli() {
    let site = site("fresh");
    std::fs::write(site.join("pkg/app.js"), "console.log('plain');").unwrap();
    let compressed = brotli(b"console.log('plain');");
    std::fs::write(site.join("pkg/app.js.br"), &compressed).unwrap();
    let url = serve(&site).await;
    let client = reqwest::Client::builder().no_brotli().build().unwrap();

    let br = client.get(&url).header("Accept-Encoding", "br").send().await.unwrap();
    assert_eq!(br.headers()["content-encoding"], "br");
    assert_eq!(br.bytes().await.unwrap().as_ref(), compressed.as_slice());

    let plain = client.get(&url).header("Accept-Encoding", "identity").send().await.unwrap();
    assert!(plain.headers().get("content-encoding").is_none());
    assert_eq!(plain.text().await.unwrap(), "console.log('plain');");
}

#[tokio::test]
async fn a_precompressed_copy_of_an_older_build_is_never_served() {
    let site = site("stale");
    std::fs::write(site.join("pkg/app.js"), "console.log('new build');").unwrap();
    std::fs::write(site.join("pkg/app.js.br"), brotli(b"console.log('old build');")).unwrap();
    let url = serve(&site).await;
    let client = reqwest::Client::builder().no_brotli().build().unwrap();

    let response = client.get(&url).header("Accept-Encoding", "br").send().await.unwrap();
    let encoded = response.headers().get("content-encoding").cloned();
    let body = response.bytes().await.unwrap();
    let text = match encoded.as_ref().map(|v| v.to_str().unwrap()) {
        // The compression layer may compress the fresh file on the fly: decode to compare.
        Some("br") => {
            let mut out = Vec::new();
            brotli::BrotliDecompress(&mut &body[..], &mut out).unwrap();
            String::from_utf8(out).unwrap()
        }
        None => String::from_utf8(body.to_vec()).unwrap(),
        Some(other) => panic!("unexpected encoding {other}"),
    };
    assert_eq!(text, "console.log('new build');");
    assert!(!site.join("pkg/app.js.br").exists(), "the stale copy is removed at start");
}

#[tokio::test]
async fn static_files_carry_an_etag_and_a_repeat_visit_is_answered_not_modified() {
    let site = site("etag");
    std::fs::create_dir_all(site.join("js")).unwrap();
    std::fs::write(site.join("js/app.js"), "console.log('shell');").unwrap();
    let url = serve(&site).await.replace("/pkg/app.js", "/js/app.js");
    let client = reqwest::Client::builder().no_brotli().no_gzip().build().unwrap();

    let first = client.get(&url).send().await.unwrap();
    assert_eq!(first.headers()["cache-control"], "no-cache", "an unversioned URL is checked each time");
    let etag = first.headers()["etag"].to_str().unwrap().to_string();
    let again = client.get(&url).header("If-None-Match", &etag).send().await.unwrap();
    assert_eq!(again.status(), 304);
    assert!(again.bytes().await.unwrap().is_empty());

    std::fs::write(site.join("js/app.js"), "console.log('changed');").unwrap();
    let other = client.get(format!("{url}?v=stale")).send().await.unwrap();
    assert_eq!(other.headers()["cache-control"], "no-cache", "only the current version is kept for a year");
}
