//! The live dashboard: figures for district and street admins only, and a stream that shows a
//! booking within a second — a street admin's stream only for their own street.

use std::time::Duration;

use cc_domain::staff::{Role, StaffScope};
use serde_json::Value;

use crate::helpers::{spawn_app, Visitor};

/// Reads Server-Sent Events from a response, one `(event, data)` at a time.
pub struct EventReader {
    response: reqwest::Response,
    buffer: String,
}

impl EventReader {
    pub async fn open(visitor: &Visitor, path: &str) -> EventReader {
        let response = visitor.client.get(format!("{}{path}", visitor.address)).send().await.unwrap();
        assert_eq!(response.status(), 200);
        assert!(response.headers()["content-type"].to_str().unwrap().starts_with("text/event-stream"));
        EventReader { response, buffer: String::new() }
    }

    /// The next named event's JSON data, or `None` when none comes within `wait`.
    pub async fn next(&mut self, wait: Duration) -> Option<Value> {
        tokio::time::timeout(wait, async {
            loop {
                if let Some(end) = self.buffer.find("\n\n") {
                    let block: String = self.buffer.drain(..end + 2).collect();
                    let data: String =
                        block.lines().filter_map(|l| l.strip_prefix("data:")).map(str::trim).collect();
                    if block.lines().any(|l| l.starts_with("event:")) {
                        return serde_json::from_str(&data).unwrap_or(Value::Null);
                    }
                    continue; // a keep-alive comment
                }
                let chunk = self.response.chunk().await.unwrap().expect("the stream stays open");
                self.buffer.push_str(&String::from_utf8_lossy(&chunk));
            }
        })
        .await
        .ok()
    }
}

fn admin(role: Role, street_id: Option<i64>) -> StaffScope {
    StaffScope { role, street_id, facility_ids: vec![] }
}

#[tokio::test]
async fn district_and_street_admins_read_the_figures_and_others_are_refused() {
    let app = spawn_app().await;
    let district = app.staff("district", admin(Role::DistrictAdmin, None)).await;
    let street = app.staff("street-1", admin(Role::StreetAdmin, Some(1))).await;
    let reviewer = app.staff("reviewer", admin(Role::Reviewer, None)).await;
    let (status, all) = district.get("/api/v1/staff/dashboard").await;
    assert_eq!((status, all["street"].clone()), (200, Value::Null), "{all}");
    assert!(all["by_street"].is_array() && all["compliance_rate"].is_number());
    let (_, own) = street.get("/api/v1/staff/dashboard").await;
    assert!(own["street"].is_string(), "{own}");
    assert_eq!(reviewer.get("/api/v1/staff/dashboard").await.0, 403);
    assert_eq!(app.visitor().get("/api/v1/staff/dashboard/stream").await.0, 401);
    let refused = app.store.audit_entries(None, 10).await.unwrap();
    assert!(refused.iter().any(|e| e.action == "read_dashboard" && e.refused));
}

#[tokio::test]
async fn a_booking_shows_on_an_open_dashboard_within_a_second_and_only_in_its_street() {
    let app = spawn_app().await;
    let session = app.store.seed_open_session("直播看板讲座", 10, true).await.unwrap();
    let street = app.store.session_place(session).await.unwrap().unwrap().street_id;
    let other_street = if street == 1 { 2 } else { 1 };
    let district = app.staff("district", admin(Role::DistrictAdmin, None)).await;
    let own = app.staff("own-street", admin(Role::StreetAdmin, Some(street))).await;
    let other = app.staff("other-street", admin(Role::StreetAdmin, Some(other_street))).await;
    let mut district_stream = EventReader::open(&district, "/api/v1/staff/dashboard/stream").await;
    let mut own_stream = EventReader::open(&own, "/api/v1/staff/dashboard/stream").await;
    let mut other_stream = EventReader::open(&other, "/api/v1/staff/dashboard/stream").await;
    let wait = Duration::from_secs(1);
    let first = district_stream.next(wait).await.expect("the figures at once");
    own_stream.next(wait).await.expect("the figures at once");
    other_stream.next(wait).await.expect("the figures at once");

    let resident = app.register("13800000001", "石景山 lantern 1").await;
    assert_eq!(resident.book(session).await.0, 201);
    let update = district_stream.next(wait).await.expect("an update within a second");
    assert_eq!(update["today"]["bookings"].as_u64(), first["today"]["bookings"].as_u64().map(|n| n + 1));
    let own_update = own_stream.next(wait).await.expect("the street's admin sees it");
    assert_eq!(own_update["top_items"][0]["label"], "直播看板讲座");
    assert!(other_stream.next(wait).await.is_none(), "another street's admin is not told");
}

#[tokio::test]
async fn a_dashboard_that_reconnects_is_caught_up_at_once() {
    let app = spawn_app().await;
    let session = app.store.seed_open_session("断线重连讲座", 10, true).await.unwrap();
    let district = app.staff("district", admin(Role::DistrictAdmin, None)).await;
    let wait = Duration::from_secs(1);
    let mut stream = EventReader::open(&district, "/api/v1/staff/dashboard/stream").await;
    let before = stream.next(wait).await.expect("the figures at once");
    drop(stream); // the connection drops…
    for phone in ["13800000001", "13800000002"] {
        assert_eq!(app.register(phone, "石景山 lantern 1").await.book(session).await.0, 201);
    }
    // …and the browser reconnects: it is shown what it missed at once, or within a moment
    // when the changes were still being gathered as it came back.
    let mut stream = EventReader::open(&district, "/api/v1/staff/dashboard/stream").await;
    let expected = before["today"]["bookings"].as_u64().map(|n| n + 2);
    let deadline = tokio::time::Instant::now() + wait;
    loop {
        let figures = stream.next(wait).await.expect("figures keep coming");
        if figures["today"]["bookings"].as_u64() == expected {
            break;
        }
        assert!(tokio::time::Instant::now() < deadline, "not caught up within a second: {figures}");
    }
}
