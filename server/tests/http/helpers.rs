//! Spawning the application for a test, and talking to it.

use culture_cloud::config::Config;
use culture_cloud::startup::Application;
use serde_json::Value;

/// A running application and a client for it.
pub struct TestApp {
    pub address: String,
    pub client: reqwest::Client,
}

/// Starts the application on a fresh database with the Shijingshan demo loaded.
pub async fn spawn_app() -> TestApp {
    culture_cloud::telemetry::init();
    let config = Config {
        database_url: cc_store::testing::fresh_database_url().await.expect("a fresh test database"),
        addr: "127.0.0.1:0".parse().unwrap(),
        site_root: "target/site".into(),
        dev: false,
        map: app::server_fns::MapSettings {
            tile_url: "https://tiles.invalid/{z}/{x}/{y}.png".into(),
            attribution: "test tiles".into(),
        },
    };
    let app = Application::build(&config).await.expect("the application builds");
    app.store().seed_demo().await.expect("the demo loads");
    let address = format!("http://127.0.0.1:{}", app.port());
    tokio::spawn(app.run_until_stopped());
    TestApp { address, client: reqwest::Client::new() }
}

impl TestApp {
    /// GETs a path; returns status and body text.
    pub async fn get(&self, path: &str) -> (u16, String) {
        self.get_with(path, &[]).await
    }

    /// GETs a path with extra headers; returns status and body text.
    pub async fn get_with(&self, path: &str, headers: &[(&str, &str)]) -> (u16, String) {
        let mut request = self.client.get(format!("{}{path}", self.address));
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        let response = request.send().await.expect("the server answers");
        let status = response.status().as_u16();
        (status, response.text().await.expect("a text body"))
    }

    /// GETs a JSON path; returns status and the parsed body.
    pub async fn get_json(&self, path: &str) -> (u16, Value) {
        self.get_json_with(path, &[]).await
    }

    /// GETs a JSON path with extra headers.
    pub async fn get_json_with(&self, path: &str, headers: &[(&str, &str)]) -> (u16, Value) {
        let (status, body) = self.get_with(path, headers).await;
        let json = serde_json::from_str(&body).unwrap_or_else(|e| panic!("{path} is not JSON ({e}): {body}"));
        (status, json)
    }
}

/// Percent-encodes a query value (enough for the Chinese words the tests send).
pub fn enc(s: &str) -> String {
    cc_domain::query::percent_encode(s)
}
