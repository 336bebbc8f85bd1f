//! The security review's findings, each reproduced: what a hostile provider, visitor or script
//! could do before, and what they get now.

use cc_domain::staff::{Role, StaffScope};
use futures::future::join_all;
use serde_json::json;

use crate::helpers::{spawn_app, TestApp, Visitor};

const HOSTILE_TITLE: &str = "</title><script>alert(document.domain)</script>";
const HOSTILE_TEXT: &str = "</textarea><script>fetch('/api/v1/staff/accounts')</script>";

fn district() -> StaffScope {
    StaffScope { role: Role::DistrictAdmin, street_id: None, facility_ids: vec![] }
}

/// A provider's published item with hostile text; returns its id.
async fn hostile_item(app: &TestApp) -> i64 {
    let facility = app.facility_in(1).await;
    let provider = app
        .staff("provider", StaffScope { role: Role::Provider, street_id: None, facility_ids: vec![] })
        .await;
    let fields = json!({
        "title": HOSTILE_TITLE, "description": HOSTILE_TEXT, "provider": "\"><img src=x onerror=alert(1)>",
        "category": "heritage", "audience": "all", "facility_id": facility,
    });
    let (status, created) = provider.post("/api/v1/staff/items", fields).await;
    assert_eq!(status, 201, "{created}");
    let id = created["id"].as_i64().unwrap();
    provider.post(&format!("/api/v1/staff/items/{id}/transitions"), json!({ "action": "submit" })).await;
    let admin = app.staff("admin", district()).await;
    let (status, body) =
        admin.post(&format!("/api/v1/staff/items/{id}/transitions"), json!({ "action": "publish" })).await;
    assert_eq!(status, 200, "{body}");
    id
}

#[tokio::test]
async fn an_item_title_cannot_end_the_page_title_and_a_description_cannot_end_the_console_textarea() {
    let app = spawn_app().await;
    let id = hostile_item(&app).await;
    let (status, page) = app.get(&format!("/items/{id}")).await;
    assert_eq!(status, 200);
    assert!(page.contains("<title>&lt;/title&gt;&lt;script&gt;alert(document.domain)&lt;/script&gt;"), "{page}");
    assert!(!page.contains("<script>alert") && !page.contains("<img src=x"), "nothing of it is markup");

    let admin = staff_visitor(&app, "admin").await;
    let (status, _, console) = admin.get_text(&format!("/staff/items/{id}")).await;
    assert_eq!(status, 200);
    assert!(console.contains("&lt;/textarea&gt;&lt;script&gt;fetch("), "{console}");
    assert_eq!(console.matches("</textarea>").count(), 1, "only the field's own end");
    assert!(!console.contains("<script>fetch"));
}

#[tokio::test]
async fn a_burst_of_logins_for_one_number_checks_at_most_five_passwords() {
    let app = spawn_app().await;
    app.register("13811112222", "lantern festival 1").await;
    let attempts = (0..40).map(|n| {
        let visitor = app.visitor();
        // The right password hides in the middle of the burst.
        let password = if n == 20 { "lantern festival 1" } else { "wrong password" };
        async move {
            visitor.post("/api/v1/auth/login", json!({ "phone": "13811112222", "password": password })).await.0
        }
    });
    let statuses = join_all(attempts).await;
    let checked = statuses.iter().filter(|&&s| s != 429).count();
    assert!(checked <= 5, "{checked} passwords were checked: {statuses:?}");
    let after = app.visitor().post("/api/v1/auth/login", json!({ "phone": "13811112222", "password": "lantern festival 1" })).await;
    assert_eq!(after.0, 429, "the number stays throttled for the window");
}

#[tokio::test]
async fn staff_lockout_is_atomic_and_answers_the_same_for_names_that_do_not_exist() {
    let app = spawn_app().await;
    app.staff("known", district()).await;
    for name in ["known", "nobody-by-this-name"] {
        // Ten each: the address's own limit (30 per 15 minutes) stays out of the way.
        let burst = (0..10).map(|_| {
            let visitor = app.visitor();
            async move {
                visitor.post("/api/v1/staff/login", json!({ "username": name, "password": "wrong password!!" })).await
            }
        });
        let answers = join_all(burst).await;
        let checked = answers.iter().filter(|(s, _)| *s == 401).count();
        let locked = answers.iter().filter(|(s, b)| *s == 429 && b["error"]["code"] == "too_many_attempts").count();
        assert_eq!((checked, locked), (5, 5), "{name}: {answers:?}");
    }
}

#[tokio::test]
async fn an_absurd_date_is_a_bad_parameter_and_never_drops_the_connection() {
    let app = spawn_app().await;
    let (status, body) = app.get_json("/api/v1/items?from=-262143-01-01").await;
    assert_eq!((status, body["error"]["param"].as_str()), (400, Some("from")), "{body}");
    let (status, page) = app.get("/catalog?from=-262143-01-01").await;
    assert_eq!(status, 400, "{page}");
    let (status, body) = app.get_json("/api/v1/items?to=%2B262142-12-31").await;
    assert_eq!((status, body["error"]["param"].as_str()), (400, Some("to")));
}

#[tokio::test]
async fn every_page_has_a_fresh_nonce_on_its_scripts_and_a_content_security_policy() {
    let app = spawn_app().await;
    let mut nonces = Vec::new();
    for _ in 0..2 {
        let response = app.client.get(format!("{}/catalog", app.address)).send().await.unwrap();
        let csp = response.headers()["content-security-policy"].to_str().unwrap().to_string();
        let policy = response.headers()["permissions-policy"].to_str().unwrap().to_string();
        assert!(policy.contains("camera=()") && policy.contains("geolocation=()"), "{policy}");
        let html = response.text().await.unwrap();
        let nonce = csp.split("'nonce-").nth(1).and_then(|r| r.split('\'').next()).unwrap().to_string();
        for part in ["'strict-dynamic'", "'wasm-unsafe-eval'", "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'"] {
            assert!(csp.contains(part), "{part} in {csp}");
        }
        let tags: Vec<&str> = html.split("<script").skip(1).map(|rest| rest.split('>').next().unwrap()).collect();
        assert!(!tags.is_empty());
        for tag in tags {
            let inert = tag.contains("application/ld+json") || tag.contains("application/json");
            assert!(inert || tag.contains(&format!("nonce=\"{nonce}\"")), "a script without the nonce: <script{tag}>");
        }
        nonces.push(nonce);
    }
    assert_ne!(nonces[0], nonces[1], "a nonce is never reused");
    let door = app.client.get(format!("{}/staff/checkin/1", app.address)).send().await.unwrap();
    assert!(door.headers()["permissions-policy"].to_str().unwrap().contains("camera=(self)"));
    let map = app.client.get(format!("{}/map", app.address)).send().await.unwrap();
    assert!(map.headers()["permissions-policy"].to_str().unwrap().contains("geolocation=(self)"));
}

#[tokio::test]
async fn personal_answers_are_never_kept_by_a_cache() {
    let app = spawn_app().await;
    let resident = app.register("13822223333", "lantern festival 2").await;
    for path in ["/me/bookings", "/api/v1/me", "/api/v1/me/bookings", "/", "/catalog"] {
        let response = resident.client.get(format!("{}{path}", resident.address)).send().await.unwrap();
        assert_eq!(response.headers()["cache-control"], "private, no-store", "{path}");
    }
    let anonymous = app.client.get(format!("{}/me/bookings", app.address)).send().await.unwrap();
    assert_eq!(anonymous.headers()["cache-control"], "private, no-store");
}

#[tokio::test]
async fn server_functions_answer_refusals_with_their_status_not_500() {
    use app::account_fns::{BookSession, LogInResident};
    use leptos::server_fn::ServerFn;
    let app = spawn_app().await;
    let visitor = app.visitor();
    let call = |path: &'static str, form: Vec<(&'static str, String)>| {
        let visitor = &visitor;
        async move {
            visitor.client.post(format!("{}{path}", visitor.address)).form(&form).send().await.unwrap().status().as_u16()
        }
    };
    let wrong = vec![("phone", "13833334444".to_string()), ("password", "not the password".to_string())];
    assert_eq!(call(<LogInResident as ServerFn>::PATH, wrong).await, 401);
    let book = vec![("session_id", "1".to_string()), ("key", "k".to_string())];
    assert_eq!(call(<BookSession as ServerFn>::PATH, book).await, 401, "a login is needed");
    let bad = vec![("session_id", "not a number".to_string())];
    assert_eq!(call(<BookSession as ServerFn>::PATH, bad).await, 400);
}

#[tokio::test]
async fn a_replayed_key_after_a_cancellation_is_not_a_new_booking() {
    let app = spawn_app().await;
    let session = app.store.seed_open_session("重放测试", 5, true).await.unwrap();
    let resident = app.register("13844445555", "lantern festival 3").await;
    let key = [("idempotency-key", "replay-after-cancel-1")];
    let path = format!("/api/v1/sessions/{session}/bookings");
    let (status, booking) = resident.send(reqwest::Method::POST, &path, Some(json!({})), &key).await;
    assert_eq!(status, 201);
    assert_eq!(resident.delete(&format!("/api/v1/bookings/{}", booking["id"])).await.0, 204);
    let (status, body) = resident.send(reqwest::Method::POST, &path, Some(json!({})), &key).await;
    assert_eq!((status, body["error"]["code"].as_str()), (409, Some("booking_cancelled")), "{body}");
}

/// Logs a staff account made by `hostile_item` in again, in a visitor of its own.
async fn staff_visitor(app: &TestApp, username: &str) -> Visitor {
    let visitor = app.visitor();
    let login = json!({ "username": username, "password": "staff password 2026 石景山" });
    assert_eq!(visitor.post("/api/v1/staff/login", login).await.0, 200);
    visitor
}

/// A session three days ahead for item `id`, added by the district admin; its id.
async fn session_in_three_days(admin: &Visitor, id: i64) -> i64 {
    let at = |hours: i64| cc_domain::time::local(cc_domain::time::now() + hours * 3600).to_rfc3339();
    let session = json!({ "starts_at": at(72), "ends_at": at(74), "capacity": 20, "booking_opens_at": at(-1), "booking_closes_at": at(71) });
    let (status, added) = admin.post(&format!("/api/v1/staff/items/{id}/sessions"), session).await;
    assert_eq!(status, 201, "{added}");
    added["id"].as_i64().unwrap()
}

#[tokio::test]
async fn a_ticket_cannot_be_used_days_before_its_session() {
    let app = spawn_app().await;
    let id = hostile_item(&app).await;
    let admin = staff_visitor(&app, "admin").await;
    let session = session_in_three_days(&admin, id).await;
    let resident = app.register("13855556666", "lantern festival 4").await;
    let (status, booking) = resident.book(cc_domain::ids::SessionId(session)).await;
    assert_eq!(status, 201, "{booking}");
    let ticket = json!({ "ticket": booking["code"] });
    let (status, body) = admin.post(&format!("/api/v1/staff/sessions/{session}/checkins"), ticket).await;
    assert_eq!((status, body["error"]["code"].as_str()), (409, Some("too_early")), "{body}");
    let said = body["error"]["message"].as_str().unwrap_or_default();
    let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    let reads_as_a_day = months.iter().any(|m| said.contains(&format!(" {m} "))) || (said.contains('月') && said.contains('日'));
    assert!(reads_as_a_day, "the opening reads as dates do elsewhere: {body}");
    // A mistyped or forged ticket is told as such, early or not: staff must know which it is.
    let made_up = [
        ("<img src=x onerror=alert(1)>", (404, "unknown_ticket")),
        ("ABCD-EFGH-JKMN", (404, "unknown_ticket")),
        ("CC1.1.ABCDEFGHJKMN.00", (400, "invalid_ticket")),
    ];
    for (ticket, expected) in made_up {
        let (status, body) = admin.post(&format!("/api/v1/staff/sessions/{session}/checkins"), json!({ "ticket": ticket })).await;
        assert_eq!((status, body["error"]["code"].as_str().unwrap_or_default()), expected, "{ticket}: {body}");
    }
}

#[tokio::test]
async fn a_provider_cannot_change_a_published_items_sessions_without_review() {
    let app = spawn_app().await;
    let id = hostile_item(&app).await;
    let admin = staff_visitor(&app, "admin").await;
    let session = session_in_three_days(&admin, id).await;
    let provider = staff_visitor(&app, "provider").await;
    let change = Some(json!({ "capacity": 500 }));
    let (status, _) =
        provider.send(reqwest::Method::PATCH, &format!("/api/v1/staff/sessions/{session}"), change, &[]).await;
    assert_eq!(status, 403);
    let (_, public) = app.get_json(&format!("/api/v1/items/{id}")).await;
    assert_eq!(public["sessions"][0]["capacity"], 20);
}

#[tokio::test]
async fn a_half_sent_request_is_closed_after_the_header_timeout() {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let app = spawn_app().await;
    let address = app.address.trim_start_matches("http://").to_string();
    let mut stream = tokio::net::TcpStream::connect(&address).await.unwrap();
    stream.write_all(b"GET /catalog HTTP/1.1\r\nHost: x\r\nX-Slow: ").await.unwrap();
    let started = std::time::Instant::now();
    let mut buffer = [0u8; 256];
    // The server closes (or answers 408) well before this test's own limit.
    let read = tokio::time::timeout(std::time::Duration::from_secs(40), stream.read(&mut buffer)).await;
    assert!(read.is_ok(), "the connection was held for 40 s");
    assert!(started.elapsed() >= std::time::Duration::from_secs(10), "not closed before the timeout");
}
