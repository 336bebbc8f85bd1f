//! The live dashboard: figures for district and street admins only, and a stream that shows a
//! booking within a second — a street admin's stream only for their own street.

use std::time::Duration;

use cc_domain::staff::{Role, StaffScope};
use serde_json::Value;

use crate::common::EventReader;
use crate::helpers::{spawn_app, Visitor};

/// The dashboard stream as `visitor` sees it.
async fn dashboard_stream(visitor: &Visitor) -> EventReader {
    EventReader::open(&visitor.client, &format!("{}/api/v1/staff/dashboard/stream", visitor.address)).await
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
    let mut district_stream = dashboard_stream(&district).await;
    let mut own_stream = dashboard_stream(&own).await;
    let mut other_stream = dashboard_stream(&other).await;
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
    let mut stream = dashboard_stream(&district).await;
    let before = stream.next(wait).await.expect("the figures at once");
    drop(stream); // the connection drops…
    for phone in ["13800000001", "13800000002"] {
        assert_eq!(app.register(phone, "石景山 lantern 1").await.book(session).await.0, 201);
    }
    // …and the browser reconnects: it is shown what it missed at once, or within a moment
    // when the changes were still being gathered as it came back.
    let mut stream = dashboard_stream(&district).await;
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
