//! Spawning the application for a test, and talking to it.

use std::sync::Arc;

use cc_auth::{issue_session, LogSms, SessionLimits, SESSION_COOKIE};
use cc_domain::account::PhoneNumber;
use cc_domain::ids::FacilityId;
use cc_store::Store;
use culture_cloud::config::Config;
use culture_cloud::startup::Application;
use serde_json::{json, Value};

/// A running application and a client for it.
pub struct TestApp {
    pub address: String,
    /// The app's database, for tests that write what no form can (hostile names in the network).
    pub database_url: String,
    pub client: reqwest::Client,
    pub store: Store,
    pub sms: Arc<LogSms>,
}

/// Starts the application on a fresh database with the Shijingshan demo loaded.
pub async fn spawn_app() -> TestApp {
    spawn_app_with(|_| {}).await
}

/// Starts the application with a changed configuration.
pub async fn spawn_app_with(change: impl FnOnce(&mut Config)) -> TestApp {
    culture_cloud::telemetry::init();
    let mut config = Config::from_lookup(|_| None).expect("the defaults are valid");
    config.database_url = cc_store::testing::fresh_database_url().await.expect("a fresh test database");
    config.addr = "127.0.0.1:0".parse().unwrap();
    config.map.tile_url = "https://tiles.invalid/{z}/{x}/{y}.png".into();
    config.map.attribution = "test tiles".into();
    // Most tests log staff in with a password alone; the second-factor tests turn it back on.
    config.staff_2fa = cc_auth::SecondFactorPolicy::Off;
    // Messages go out by SMS within a moment, not the production five seconds.
    config.sms_every = std::time::Duration::from_millis(200);
    change(&mut config);
    let app = Application::build(&config).await.expect("the application builds");
    app.store().seed_demo().await.expect("the demo loads");
    let address = format!("http://127.0.0.1:{}", app.port());
    let (store, sms) = (app.store().clone(), app.dev_sms());
    tokio::spawn(app.run_until_stopped());
    TestApp { address, database_url: config.database_url.clone(), client: reqwest::Client::new(), store, sms }
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
        let (status, _, body) = answer(request, "GET").await;
        (status, body)
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

    /// A browser-like visitor with its own cookie jar.
    pub fn visitor(&self) -> Visitor {
        let client = reqwest::Client::builder().cookie_store(true).build().unwrap();
        Visitor { address: self.address.clone(), client }
    }

    /// Registers a resident through the API (code from the development SMS sender) and returns
    /// their logged-in visitor.
    pub async fn register(&self, phone: &str, password: &str) -> Visitor {
        let visitor = self.visitor();
        let (status, body) = visitor.post("/api/v1/auth/code", json!({ "phone": phone })).await;
        assert_eq!(status, 202, "{body}");
        let code = self.sms.last_code(&PhoneNumber::parse(phone).unwrap()).expect("a code was sent");
        let (status, body) = visitor
            .post("/api/v1/auth/register", json!({ "phone": phone, "code": code, "password": password }))
            .await;
        assert_eq!(status, 201, "{body}");
        visitor
    }

    /// `count` residents, each already logged in (without hashing a password each): their
    /// session cookies, for rush tests.
    pub async fn logged_in_residents(&self, first_phone: u64, count: u64) -> Vec<String> {
        let ids = self.store.create_residents_in_bulk(first_phone, count, "$argon2id$unused").await.unwrap();
        let mut cookies = Vec::with_capacity(ids.len());
        for id in ids {
            let session = issue_session(&self.store, id.0, SessionLimits::default()).await.unwrap();
            cookies.push(format!("{SESSION_COOKIE}={session}"));
        }
        cookies
    }
}

/// One visitor's client: cookies kept between requests, like a browser.
pub struct Visitor {
    pub address: String,
    pub client: reqwest::Client,
}

impl Visitor {
    /// Sends a request with a JSON body (if any) and extra headers; returns status and JSON (or Null).
    pub async fn send(
        &self,
        method: reqwest::Method,
        path: &str,
        body: Option<Value>,
        headers: &[(&str, &str)],
    ) -> (u16, Value) {
        let mut request = self.client.request(method.clone(), format!("{}{path}", self.address));
        if let Some(body) = body {
            request = request.json(&body);
        }
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        let (status, _, text) = answer(request, method.as_str()).await;
        (status, serde_json::from_str(&text).unwrap_or(Value::Null))
    }

    pub async fn post(&self, path: &str, body: Value) -> (u16, Value) {
        self.send(reqwest::Method::POST, path, Some(body), &[]).await
    }

    pub async fn get(&self, path: &str) -> (u16, Value) {
        self.send(reqwest::Method::GET, path, None, &[]).await
    }

    pub async fn get_text(&self, path: &str) -> (u16, String, String) {
        answer(self.client.get(format!("{}{path}", self.address)), "GET").await
    }

    pub async fn delete(&self, path: &str) -> (u16, Value) {
        self.send(reqwest::Method::DELETE, path, None, &[]).await
    }

    /// Posts the form of `page` that calls `server_fn` the way a browser without scripts does;
    /// the answer is the page the browser lands on.
    pub async fn post_form(&self, page: &str, server_fn: &str, form: &[(&str, String)]) -> reqwest::Response {
        let (_, _, html) = self.get_text(page).await;
        let at = html.find(&format!("action=\"/api/{server_fn}")).unwrap_or_else(|| panic!("{page} has a {server_fn} form"));
        let action = html[at + 8..].split('"').next().unwrap().to_string();
        self.post_form_to(page, &action, form).await
    }

    /// Posts a form to `action` from `page` without a script (HTML accepted, the page as referer).
    pub async fn post_form_to(&self, page: &str, action: &str, form: &[(&str, String)]) -> reqwest::Response {
        self.client
            .post(format!("{}{action}", self.address))
            .header("accept", "text/html")
            .header("referer", format!("{}{page}", self.address))
            .form(form)
            .send()
            .await
            .expect("the server answers")
    }

    /// Posts raw bytes (a file) to `path`; returns status and JSON.
    pub async fn upload(&self, path: &str, bytes: Vec<u8>) -> (u16, Value) {
        let request = self.client.post(format!("{}{path}", self.address)).header("content-type", "application/octet-stream").body(bytes);
        let (status, _, text) = answer(request, "POST").await;
        (status, serde_json::from_str(&text).unwrap_or(Value::Null))
    }

    /// Posts a multipart form the way a browser without scripts does: `(name, file name, bytes)`
    /// per field, a file name making it a file; the answer is the page the browser lands on.
    pub async fn post_multipart(&self, action: &str, fields: &[(&str, Option<&str>, &[u8])]) -> reqwest::Response {
        let boundary = "----cc-test-boundary";
        let mut body = Vec::new();
        for (name, file_name, bytes) in fields {
            let file = file_name.map(|f| format!("; filename=\"{f}\"")).unwrap_or_default();
            body.extend_from_slice(format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"{file}\r\n\r\n").as_bytes());
            body.extend_from_slice(bytes);
            body.extend_from_slice(b"\r\n");
        }
        body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
        self.client
            .post(format!("{}{action}", self.address))
            .header("accept", "text/html")
            .header("content-type", format!("multipart/form-data; boundary={boundary}"))
            .body(body)
            .send()
            .await
            .expect("the server answers")
    }

    /// Books a session; returns status and body.
    pub async fn book(&self, session: cc_domain::ids::SessionId) -> (u16, Value) {
        self.post(&format!("/api/v1/sessions/{session}/bookings"), json!({})).await
    }
}

/// Sends a request and reads the answer (status, content type, body), holding API answers to
/// the OpenAPI document on the way.
async fn answer(request: reqwest::RequestBuilder, method: &str) -> (u16, String, String) {
    let response = request.send().await.expect("the server answers");
    let status = response.status().as_u16();
    let url = response.url().to_string();
    let kind = response
        .headers()
        .get("content-type")
        .map(|v| v.to_str().unwrap_or_default().to_string())
        .unwrap_or_default();
    let body = response.text().await.expect("a text body");
    crate::conformance::check(method, &url, status, &kind, &body);
    (status, kind, body)
}

/// Percent-encodes a query value (enough for the Chinese words the tests send).
pub fn enc(s: &str) -> String {
    cc_domain::query::percent_encode(s)
}

impl TestApp {
    /// A facility in the street with id `street`.
    pub async fn facility_in(&self, street: i64) -> i64 {
        for id in 1..100 {
            if self.store.facility_place(FacilityId(id)).await.unwrap().is_some_and(|p| p.street_id == street)
            {
                return id;
            }
        }
        panic!("no facility in street {street}");
    }

    /// Creates a staff account with `scope` and returns their logged-in visitor.
    pub async fn staff(&self, username: &str, scope: cc_domain::staff::StaffScope) -> Visitor {
        let password = "staff password 2026 石景山";
        let auth = cc_auth::StaffAuth::new(self.store.clone(), true, cc_auth::SecondFactorPolicy::Off);
        auth.create(username, "测试工作人员", password, &scope, None).await.unwrap().expect("a new username");
        let visitor = self.visitor();
        let (status, body) =
            visitor.post("/api/v1/staff/login", json!({ "username": username, "password": password })).await;
        assert_eq!(status, 200, "{body}");
        visitor
    }
}

/// Text that would run as script or break out of a field if it were ever rendered as markup.
pub const HOSTILE: &str = "</textarea><script>alert(1)</script>\"><img src=x onerror=alert(2)>";
/// What of [`HOSTILE`] must never appear in a page as written.
const MARKUP: [&str; 3] = ["<script>alert", "<img src=x", "</textarea><script"];

/// A page `visitor` gets with 200, holding no markup of [`HOSTILE`] (it is all escaped).
pub async fn inert_page(visitor: &Visitor, path: &str) -> String {
    let (status, _, html) = visitor.get_text(path).await;
    assert_eq!(status, 200, "{path}");
    for markup in MARKUP {
        assert!(!html.contains(markup), "{path} contains {markup}");
    }
    html
}
