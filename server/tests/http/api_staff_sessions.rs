//! Staff cancel or move a session: everyone booked or waiting is told (inbox and SMS), tickets
//! of a moved session stay valid, a cancelled booking is nobody's no-show, and every change and
//! refusal is audited.

use std::time::{Duration, Instant};

use cc_domain::account::PhoneNumber;
use cc_domain::staff::{Role, StaffScope};
use cc_domain::time::{local, now};
use serde_json::{json, Value};

use crate::helpers::{spawn_app, TestApp, Visitor};

const HOLDER: &str = "13800000041";
const WAITING: &str = "13800000042";

/// A session of one place: one resident holds it, another waits; and a district admin.
async fn booked_session(app: &TestApp, title: &str) -> (i64, Visitor, Visitor, Visitor) {
    let session = app.store.seed_open_session(title, 1, true).await.unwrap();
    let holder = app.register(HOLDER, "石景山 lantern 41").await;
    let waiting = app.register(WAITING, "石景山 lantern 42").await;
    assert_eq!(holder.book(session).await.0, 201);
    assert_eq!(waiting.book(session).await.0, 202);
    let admin = app.staff("district", StaffScope { role: Role::DistrictAdmin, street_id: None, facility_ids: vec![] }).await;
    (session.0, holder, waiting, admin)
}

/// The resident's newest message.
async fn newest_message(resident: &Visitor) -> Value {
    let (status, inbox) = resident.get("/api/v1/me/messages").await;
    assert_eq!(status, 200, "{inbox}");
    inbox["messages"][0].clone()
}

/// Waits (up to five seconds) for an SMS to `phone` that contains `words`.
async fn texted(app: &TestApp, phone: &str, words: &str) -> bool {
    let phone = PhoneNumber::parse(phone).unwrap();
    let started = Instant::now();
    while started.elapsed() < Duration::from_secs(5) {
        if app.sms.messages_to(&phone).iter().any(|text| text.contains(words)) {
            return true;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    false
}

#[tokio::test]
async fn cancelling_a_session_tells_everyone_booked_or_waiting_and_is_nobodys_no_show() {
    let app = spawn_app().await;
    let (session, holder, waiting, admin) = booked_session(&app, "社区电影放映").await;
    let path = format!("/api/v1/staff/sessions/{session}/cancel");

    let (status, refused) = admin.post(&path, json!({ "reason": "  " })).await;
    assert_eq!((status, refused["error"]["param"].as_str()), (400, Some("reason")), "a reason is required");
    let elsewhere = app.facility_in(2).await;
    let stranger = app.staff("manager-elsewhere", StaffScope { role: Role::FacilityManager, street_id: None, facility_ids: vec![elsewhere] }).await;
    assert_eq!(stranger.post(&path, json!({ "reason": "不是我的场次" })).await.0, 403);
    assert_eq!(holder.post(&path, json!({ "reason": "居民不能取消场次" })).await.0, 401, "a resident is not staff");

    let (status, done) = admin.post(&path, json!({ "reason": "场馆临时检修" })).await;
    assert_eq!((status, done["told"].as_i64()), (200, Some(2)), "{done}");
    for (resident, phone) in [(&holder, HOLDER), (&waiting, WAITING)] {
        let message = newest_message(resident).await;
        assert_eq!((message["kind"].as_str(), message["detail"].as_str()), (Some("session_cancelled"), Some("场馆临时检修")));
        let (_, bookings) = resident.get("/api/v1/me/bookings").await;
        assert_eq!(bookings["past"][0]["status"], "cancelled", "{bookings}");
        assert!(texted(&app, phone, "场馆临时检修").await, "an SMS to {phone}");
    }
    let (_, _, page) = holder.get_text("/me/messages").await;
    assert!(page.contains("原因：场馆临时检修") && page.contains("不计爽约"), "the inbox says why");

    // Nobody can book it now, cancelling it again is too late, and nobody missed it.
    let (status, refusal) = app.register("13800000043", "石景山 lantern 43").await.book(cc_domain::ids::SessionId(session)).await;
    assert_eq!((status, refusal["error"]["code"].as_str()), (409, Some("closed")));
    let (status, again) = admin.post(&path, json!({ "reason": "再取消一次" })).await;
    assert_eq!((status, again["error"]["code"].as_str()), (409, Some("too_late")));
    app.store.record_no_shows(now() + 10 * 3600).await.unwrap();
    let (_, bookings) = holder.get("/api/v1/me/bookings").await;
    assert_eq!(bookings["past"][0]["status"], "cancelled", "never a no-show");

    let audit = app.store.audit_entries(None, 100).await.unwrap();
    let cancelled: Vec<_> = audit.iter().filter(|e| e.action == "cancel_session").collect();
    assert!(cancelled.iter().any(|e| !e.refused && e.after.as_deref().is_some_and(|a| a.contains("场馆临时检修"))));
    assert!(cancelled.iter().any(|e| e.refused), "the refusal is on the log too");
}

#[tokio::test]
async fn moving_a_session_keeps_tickets_valid_and_tells_everyone() {
    let app = spawn_app().await;
    let (session, holder, waiting, admin) = booked_session(&app, "少儿书法课").await;
    let path = format!("/api/v1/staff/sessions/{session}");
    let (_, before) = holder.get("/api/v1/me/bookings").await;
    let code = before["upcoming"][0]["code"].as_str().unwrap().to_string();

    let tomorrow = local(now() + 26 * 3600);
    let change = json!({ "starts_at": tomorrow.to_rfc3339(), "place": " 三层排练厅 " });
    let (status, moved) = admin.send(reqwest::Method::PATCH, &path, Some(change), &[]).await;
    assert_eq!(status, 200, "{moved}");
    let at = |field: &str| chrono::DateTime::parse_from_rfc3339(moved[field].as_str().unwrap()).unwrap().timestamp();
    assert_eq!(at("starts_at"), tomorrow.timestamp());
    assert_eq!(at("ends_at") - at("starts_at"), 2 * 3600, "the same length");
    assert_eq!(moved["place"], "三层排练厅");
    // Its booking window keeps its shape: still open, closing at the (new) start as before.
    assert_eq!(at("booking_closes_at"), at("starts_at"));
    assert!(at("booking_opens_at") < now(), "still open for booking");
    for (resident, phone) in [(&holder, HOLDER), (&waiting, WAITING)] {
        let message = newest_message(resident).await;
        assert_eq!((message["kind"].as_str(), message["detail"].as_str()), (Some("session_changed"), Some("三层排练厅")));
        assert_eq!(message["starts_at"].as_i64(), Some(tomorrow.timestamp()));
        assert!(texted(&app, phone, "地点：三层排练厅").await, "an SMS to {phone}");
    }
    let (_, after) = holder.get("/api/v1/me/bookings").await;
    let ticket = &after["upcoming"][0];
    assert_eq!((ticket["code"].as_str(), ticket["status"].as_str()), (Some(code.as_str()), Some("confirmed")));
    assert!(ticket["facility_address"].as_str().unwrap().ends_with(" · 三层排练厅"), "the ticket says where: {ticket}");

    // Bad moves are refused by field, and change nothing; the same place again tells nobody.
    let past = json!({ "starts_at": local(now() - 60).to_rfc3339() });
    let (status, refused) = admin.send(reqwest::Method::PATCH, &path, Some(past), &[]).await;
    assert_eq!((status, refused["error"]["param"].as_str()), (400, Some("starts_at")));
    let garbled = json!({ "place": "一楼\n<b>大厅</b>" });
    let (status, refused) = admin.send(reqwest::Method::PATCH, &path, Some(garbled), &[]).await;
    assert_eq!((status, refused["error"]["param"].as_str()), (400, Some("place")));
    let same = json!({ "place": "三层排练厅" });
    assert_eq!(admin.send(reqwest::Method::PATCH, &path, Some(same), &[]).await.0, 200);
    let (_, inbox) = holder.get("/api/v1/me/messages").await;
    assert_eq!(inbox["messages"].as_array().unwrap().len(), 1, "told once: {inbox}");
    let audit = app.store.audit_entries(None, 100).await.unwrap();
    assert!(audit.iter().any(|e| e.action == "change_session" && e.after.as_deref().is_some_and(|a| a.contains("三层排练厅"))));
}
