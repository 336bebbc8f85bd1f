use culture_cloud::config::Config;
use culture_cloud::startup::Application;

#[tokio::test]
async fn built_assets_are_sent_precompressed_to_browsers_that_accept_brotli() {
    let site = std::env::temp_dir().join(format!("cc_site_{}", std::process::id()));
    std::fs::create_dir_all(site.join("pkg")).unwrap();
    std::fs::write(site.join("pkg/app.js"), "console.log('plain');").unwrap();
    std::fs::write(site.join("pkg/app.js.br"), b"pretend-brotli").unwrap();
    let mut config = Config::from_lookup(|_| None).unwrap();
    config.database_url = cc_store::testing::fresh_database_url().await.unwrap();
    config.addr = "127.0.0.1:0".parse().unwrap();
    config.site_root = site.display().to_string();
    let app = Application::build(&config).await.unwrap();
    let url = format!("http://127.0.0.1:{}/pkg/app.js", app.port());
    tokio::spawn(app.run_until_stopped());
    let client = reqwest::Client::new();

    let br = client.get(&url).header("Accept-Encoding", "br").send().await.unwrap();
    assert_eq!(br.headers()["content-encoding"], "br");
    assert_eq!(br.bytes().await.unwrap().as_ref(), b"pretend-brotli");

    let plain = client.get(&url).header("Accept-Encoding", "identity").send().await.unwrap();
    assert!(plain.headers().get("content-encoding").is_none());
    assert_eq!(plain.text().await.unwrap(), "console.log('plain');");
}
