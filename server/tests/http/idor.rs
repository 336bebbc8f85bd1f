//! Guessing ids: another resident's booking, through every way to reach one, is "not found" and
//! stays as it was; staff ids do not open resident endpoints; a staff member of one street
//! cannot reach another street's objects by changing the number in the address.

use cc_domain::staff::{Role, StaffScope};
use leptos::server_fn::ServerFn;
use serde_json::json;

use crate::helpers::spawn_app;

#[tokio::test]
async fn another_residents_booking_is_not_found_through_the_api_and_the_pages_and_stays_booked() {
    let app = spawn_app().await;
    let session = app.store.seed_open_session("IDOR 测试场次", 5, true).await.unwrap();
    let owner = app.register("13800000001", "石景山 lantern 1").await;
    let other = app.register("13800000002", "石景山 lantern 2").await;
    let (_, booking) = owner.book(session).await;
    let id = booking["id"].as_i64().unwrap();
    for path in ["", "/ticket.svg", "/calendar.ics"] {
        let (status, _, body) = other.get_text(&format!("/api/v1/bookings/{id}{path}")).await;
        assert_eq!(status, 404, "{path}: {body}");
        assert!(!body.contains(booking["code"].as_str().unwrap()), "{path} leaks the ticket code");
    }
    assert_eq!(other.delete(&format!("/api/v1/bookings/{id}")).await.0, 404);
    assert_eq!(other.post(&format!("/api/v1/bookings/{id}/accept"), json!({})).await.0, 404);
    for path in [app::account_fns::CancelMyBooking::PATH, app::account_fns::AcceptMyOffer::PATH] {
        let response = other
            .client
            .post(format!("{}{path}", other.address))
            .header("origin", other.address.clone())
            .form(&[("booking_id", id.to_string())])
            .send()
            .await
            .unwrap();
        assert_eq!(response.status().as_u16(), 404, "the page's {path} says not found too");
        let error: serde_json::Value = serde_json::from_str(&response.text().await.unwrap()).unwrap();
        assert_eq!(error["code"], "not_found");
    }
    let (_, mine) = owner.get(&format!("/api/v1/bookings/{id}")).await;
    assert_eq!(mine["status"], "confirmed", "the booking is untouched");
    let (_, _, page) = other.get_text("/me/bookings").await;
    assert!(!page.contains("IDOR 测试场次"), "not listed among the other's bookings");
}

#[tokio::test]
async fn staff_are_not_residents_and_a_street_cannot_reach_anothers_session_by_its_number() {
    let app = spawn_app().await;
    let session = app.store.seed_open_session("别的街道的场次", 5, true).await.unwrap();
    let place = app.store.session_place(session).await.unwrap().unwrap();
    let elsewhere = if place.street_id == 1 { 2 } else { 1 };
    let staff = app
        .staff(
            "street-x",
            StaffScope { role: Role::StreetAdmin, street_id: Some(elsewhere), facility_ids: vec![] },
        )
        .await;
    assert_eq!(staff.book(session).await.0, 401, "a staff login does not book as a resident");
    assert_eq!(staff.get("/api/v1/me/bookings").await.0, 401);
    let resident = app.register("13800000003", "石景山 lantern 3").await;
    let (_, booking) = resident.book(session).await;
    let code = booking["code"].as_str().unwrap();
    let checkin = format!("/api/v1/staff/sessions/{session}/checkins");
    assert_eq!(staff.post(&checkin, json!({ "ticket": code })).await.0, 403);
    assert_eq!(staff.get_text(&format!("/api/v1/staff/sessions/{session}/bookings.csv")).await.0, 403);
    let (_, _, door) = staff.get_text(&format!("/staff/checkin/{session}")).await;
    assert!(!door.contains("138****0003"), "the door list is not shown");
    let (_, counts) = resident.get(&format!("/api/v1/bookings/{}", booking["id"])).await;
    assert_eq!(counts["status"], "confirmed", "not checked in by the outsider");
}
