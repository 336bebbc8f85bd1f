//! Hostile text in every field people can write — and in the network's names, which the
//! district writes — comes out inert everywhere it is shown: pages (resident and staff, as the
//! server renders them), the JSON-LD, the `.ics` file and the CSV exports. The browser half of
//! this (after hydration, no dialog, no new element) is `end2end/tests/hostile.spec.ts`.

use cc_domain::staff::{Role, StaffScope};
use serde_json::json;
use sqlx::Connection;

use crate::helpers::{enc, spawn_app, TestApp};

/// Each hostile shape the review listed, short enough for a title.
const TITLE: &str = "</title><script>alert(1)</script>\"><img src=x onerror=alert(2)>{{7*7}}\u{202E}evil";

/// What must never appear in an HTML page as it is: each would be markup.
const MARKUP: [&str; 4] = ["<script>alert", "<img src=x", "</title><script", "</textarea><script"];

/// A description: every shape, a `javascript:` URL, and a 10 KB line.
fn description() -> String {
    format!(
        "</textarea><script>alert(3)</script></script><script>alert(4)</script> javascript:alert(5) \r\nATTENDEE:mailto:x@evil.example\n{}",
        "长".repeat(3_500)
    )
}

async fn hostile_network(app: &TestApp) {
    sqlx::any::install_default_drivers();
    let mut db = sqlx::AnyConnection::connect(&app.database_url).await.unwrap();
    for sql in [
        "UPDATE streets SET name = $1 WHERE id = 1",
        "UPDATE communities SET name = $1 WHERE id = 1",
        "UPDATE facilities SET name = $1 || ' 馆' WHERE id = 1",
    ] {
        sqlx::query(sql).bind("=HYPERLINK(\"http://evil.example\")</title><script>alert(6)</script>").execute(&mut db).await.unwrap();
    }
}

#[tokio::test]
async fn hostile_text_is_inert_in_every_page_file_and_export() {
    let app = spawn_app().await;
    hostile_network(&app).await;
    let admin = app.staff("admin", StaffScope { role: Role::DistrictAdmin, street_id: None, facility_ids: vec![] }).await;
    let fields = json!({
        "title": TITLE, "description": description(), "provider": "\"><img src=x onerror=alert(7)>",
        "category": "heritage", "audience": "all", "facility_id": 1,
    });
    let (status, created) = admin.post("/api/v1/staff/items", fields).await;
    assert_eq!(status, 201, "{created}");
    let item = created["id"].as_i64().unwrap();
    let at = |hours: i64| cc_domain::time::local(cc_domain::time::now() + hours * 3600).to_rfc3339();
    let session = json!({ "starts_at": at(1), "ends_at": at(3), "capacity": 20, "booking_opens_at": at(-1), "booking_closes_at": at(1) });
    let (status, added) = admin.post(&format!("/api/v1/staff/items/{item}/sessions"), session).await;
    assert_eq!(status, 201, "{added}");
    let session = cc_domain::ids::SessionId(added["id"].as_i64().unwrap());
    for action in ["submit", "publish"] {
        admin.post(&format!("/api/v1/staff/items/{item}/transitions"), json!({ "action": action })).await;
    }
    let resident = app.register("13877778888", "lantern festival 8").await;
    let (status, booking) = resident.book(session).await;
    assert_eq!(status, 201, "{booking}");
    let booking = booking["id"].as_i64().unwrap();

    let public = [
        "/".to_string(), format!("/catalog?q={}", enc("alert")), format!("/items/{item}"), "/facilities".into(),
        "/facilities/1".into(), "/map".into(), "/coverage".into(),
    ];
    for path in public.iter() {
        let (status, page) = app.get(path).await;
        assert_eq!(status, 200, "{path}");
        for markup in MARKUP {
            assert!(!page.contains(markup), "{path} contains {markup}");
        }
        assert_eq!(page.matches("<script").count(), page.matches("</script>").count(), "{path}: a script was cut open");
    }
    let (_, page) = app.get(&format!("/items/{item}")).await;
    let json_ld = page.split("application/ld+json").nth(1).and_then(|r| r.split('>').nth(1)).unwrap();
    let json_ld = json_ld.trim_end_matches("</script");
    let events: serde_json::Value = serde_json::from_str(json_ld).expect("the JSON-LD still parses");
    assert_eq!(events[0]["name"], TITLE, "and reads as the text");

    let (_, _, mine) = resident.get_text("/me/bookings").await;
    let staff_pages = [
        "/staff".to_string(), format!("/staff/items/{item}"), "/staff/compliance".into(), "/staff/facilities".into(),
        "/staff/accounts".into(), "/staff/audit".into(), "/staff/dashboard".into(), format!("/staff/checkin/{session}"),
    ];
    let mut pages = vec![("/me/bookings".to_string(), mine)];
    for path in staff_pages {
        let (status, _, page) = admin.get_text(&path).await;
        assert_eq!(status, 200, "{path}");
        pages.push((path, page));
    }
    for (path, page) in &pages {
        for markup in MARKUP {
            assert!(!page.contains(markup), "{path} contains {markup}");
        }
    }

    let (status, kind, ics) = resident.get_text(&format!("/api/v1/bookings/{booking}/calendar.ics")).await;
    assert_eq!((status, kind.as_str()), (200, "text/calendar; charset=utf-8"));
    assert!(!ics.lines().any(|l| l.starts_with("ATTENDEE")), "no line of it became a property: {ics}");
    assert!(ics.lines().all(|l| l.len() <= 76), "lines stay folded");

    let (status, _, csv) = admin.get_text("/api/v1/staff/compliance.csv").await;
    assert_eq!(status, 200);
    assert!(csv.contains("\"'=HYPERLINK("), "a formula is defused: {}", &csv[..csv.len().min(600)]);
    assert!(!csv.contains(",=HYPERLINK") && !csv.contains("\"=HYPERLINK"));
    let (status, _, csv) = admin.get_text(&format!("/api/v1/staff/sessions/{session}/bookings.csv")).await;
    assert_eq!(status, 200, "{csv}");
}
