//! Booking over the API: the status codes, the waitlist, tickets, calendars and privacy.

use serde_json::json;

use crate::helpers::spawn_app;

#[tokio::test]
async fn booking_confirms_then_waitlists_then_refuses_duplicates() {
    let app = spawn_app().await;
    let session = app.store.seed_open_session("新年音乐会", 1, true).await.unwrap();
    let first = app.register("13800000001", "石景山 lantern 1").await;
    let second = app.register("13800000002", "石景山 lantern 2").await;

    let (status, booking) = first.book(session).await;
    assert_eq!((status, booking["status"].as_str()), (201, Some("confirmed")), "{booking}");
    assert_eq!(booking["code"].as_str().unwrap().len(), 12);
    let (status, waiting) = second.book(session).await;
    assert_eq!((status, waiting["status"].as_str()), (202, Some("waitlisted")), "{waiting}");
    assert_eq!(waiting["waitlist_position"], 1);
    assert_eq!(waiting["code"], serde_json::Value::Null, "no ticket while waiting");
    let (status, duplicate) = first.book(session).await;
    assert_eq!((status, duplicate["error"]["code"].as_str()), (409, Some("duplicate")));
}

#[tokio::test]
async fn a_full_session_without_waitlist_a_closed_one_and_a_stranger_are_refused() {
    let app = spawn_app().await;
    let session = app.store.seed_open_session("小剧场", 1, false).await.unwrap();
    let first = app.register("13800000001", "石景山 lantern 1").await;
    let second = app.register("13800000002", "石景山 lantern 2").await;
    assert_eq!(first.book(session).await.0, 201);
    let (status, full) = second.book(session).await;
    assert_eq!((status, full["error"]["code"].as_str()), (409, Some("full")));
    assert!(full["error"]["message"].as_str().unwrap().contains("full"));

    let past = past_session(&app).await;
    let (status, closed) = second.book(past).await;
    assert_eq!((status, closed["error"]["code"].as_str()), (409, Some("closed")), "{closed}");

    let (status, _) = app.visitor().book(session).await;
    assert_eq!(status, 401, "not logged in");
    assert_eq!(second.book(cc_domain::ids::SessionId(99_999_999)).await.0, 404);
}

/// A demo session whose booking has closed.
async fn past_session(app: &crate::helpers::TestApp) -> cc_domain::ids::SessionId {
    let (_, items) = app.get_json("/api/v1/items?per_page=50").await;
    for item in items["items"].as_array().unwrap() {
        let (_, detail) = app.get_json(&format!("/api/v1/items/{}", item["id"])).await;
        for s in detail["sessions"].as_array().unwrap() {
            let closes =
                chrono::DateTime::parse_from_rfc3339(s["booking_closes_at"].as_str().unwrap()).unwrap();
            if closes.timestamp() < cc_domain::time::now() {
                return cc_domain::ids::SessionId(s["id"].as_i64().unwrap());
            }
        }
    }
    // None in the demo right now: make one that closed an hour ago.
    let session = app.store.seed_open_session("已截止", 5, false).await.unwrap();
    let mut tx = app.store.begin().await.unwrap();
    let now = cc_domain::time::now();
    sqlx_update_closing(&mut tx, session.0, now - 3600).await;
    tx.commit().await.unwrap();
    session
}

async fn sqlx_update_closing(tx: &mut sqlx::Transaction<'static, sqlx::Any>, session: i64, closes: i64) {
    sqlx::query("UPDATE sessions SET booking_opens_at = $1, booking_closes_at = $2 WHERE id = $3")
        .bind(closes - 7200)
        .bind(closes)
        .bind(session)
        .execute(&mut **tx)
        .await
        .unwrap();
}

#[tokio::test]
async fn cancelling_offers_the_place_to_the_waitlist_and_another_residents_booking_is_a_404() {
    let app = spawn_app().await;
    let session = app.store.seed_open_session("亲子绘本阅读会", 1, true).await.unwrap();
    let first = app.register("13800000001", "石景山 lantern 1").await;
    let second = app.register("13800000002", "石景山 lantern 2").await;
    let (_, mine) = first.book(session).await;
    let (_, theirs) = second.book(session).await;
    let mine = mine["id"].as_i64().unwrap();
    let theirs = theirs["id"].as_i64().unwrap();

    assert_eq!(second.delete(&format!("/api/v1/bookings/{mine}")).await.0, 404);
    assert_eq!(second.get(&format!("/api/v1/bookings/{mine}")).await.0, 404);
    assert_eq!(second.get_text(&format!("/api/v1/bookings/{mine}/ticket.svg")).await.0, 404);

    assert_eq!(first.delete(&format!("/api/v1/bookings/{mine}")).await.0, 204);
    assert_eq!(
        first.delete(&format!("/api/v1/bookings/{mine}")).await.0,
        204,
        "cancelling twice is harmless"
    );
    // An hour before the start, the freed place is held for the first waiting until accepted.
    let (_, promoted) = second.get(&format!("/api/v1/bookings/{theirs}")).await;
    assert_eq!((promoted["status"].as_str(), promoted["code"].as_str()), (Some("offered"), None), "{promoted}");
    assert!(promoted["offered_until"].is_string(), "{promoted}");
    assert_eq!(first.post(&format!("/api/v1/bookings/{theirs}/accept"), serde_json::json!({})).await.0, 404, "not theirs");
    let (status, accepted) = second.post(&format!("/api/v1/bookings/{theirs}/accept"), serde_json::json!({})).await;
    assert_eq!((status, accepted["status"].as_str()), (200, Some("confirmed")), "{accepted}");
    assert!(accepted["code"].is_string() && accepted["offered_until"].is_null(), "{accepted}");
    let (_, list) = second.get("/api/v1/me/bookings").await;
    assert_eq!(list["upcoming"][0]["id"], theirs);
    let (_, list) = first.get("/api/v1/me/bookings").await;
    assert_eq!(list["past"][0]["status"], "cancelled");
}

#[tokio::test]
async fn a_confirmed_booking_has_a_qr_ticket_and_a_calendar_file() {
    let app = spawn_app().await;
    let session = app.store.seed_open_session("京剧名段欣赏", 5, true).await.unwrap();
    let resident = app.register("13800000001", "石景山 lantern 1").await;
    let (_, booking) = resident.book(session).await;
    let id = booking["id"].as_i64().unwrap();
    let (status, kind, svg) = resident.get_text(&format!("/api/v1/bookings/{id}/ticket.svg")).await;
    assert_eq!((status, kind.as_str()), (200, "image/svg+xml"));
    assert!(svg.contains("<svg"), "{}", &svg[..100.min(svg.len())]);
    let (status, kind, ics) = resident.get_text(&format!("/api/v1/bookings/{id}/calendar.ics")).await;
    assert_eq!(status, 200);
    assert!(kind.starts_with("text/calendar"));
    assert!(ics.contains("SUMMARY:京剧名段欣赏") && ics.contains(booking["code"].as_str().unwrap()), "{ics}");
}

#[tokio::test]
async fn a_replayed_idempotency_key_returns_the_same_booking() {
    let app = spawn_app().await;
    let session = app.store.seed_open_session("京剧名段欣赏", 5, true).await.unwrap();
    let resident = app.register("13800000001", "石景山 lantern 1").await;
    let path = format!("/api/v1/sessions/{session}/bookings");
    let key = [("idempotency-key", "5d1c6f1e-booking-1")];
    let (first_status, first) = resident.send(reqwest::Method::POST, &path, Some(json!({})), &key).await;
    let (again_status, again) = resident.send(reqwest::Method::POST, &path, Some(json!({})), &key).await;
    assert_eq!((first_status, again_status), (201, 201));
    assert_eq!(first["id"], again["id"]);
    let (_, list) = resident.get("/api/v1/me/bookings").await;
    assert_eq!(list["upcoming"].as_array().unwrap().len(), 1);
}

#[tokio::test]
async fn fifty_parallel_requests_of_one_resident_make_one_booking() {
    let app = spawn_app().await;
    let session = app.store.seed_open_session("京剧名段欣赏", 5, true).await.unwrap();
    let resident = std::sync::Arc::new(app.register("13800000001", "石景山 lantern 1").await);
    let answers = futures::future::join_all((0..50).map(|_| {
        let resident = resident.clone();
        async move { resident.book(session).await }
    }))
    .await;
    let created = answers.iter().filter(|(s, _)| *s == 201).count();
    let duplicates = answers.iter().filter(|(s, b)| *s == 409 && b["error"]["code"] == "duplicate").count();
    assert_eq!((created, duplicates), (1, 49));
}

#[tokio::test]
async fn two_no_shows_pause_booking_with_the_date_it_ends() {
    let app = spawn_app().await;
    let resident = app.register("13800000001", "石景山 lantern 1").await;
    for title in ["讲座一", "讲座二"] {
        let session = app.store.seed_open_session(title, 5, false).await.unwrap();
        let (_, booking) = resident.book(session).await;
        assert!(app.store.mark_no_show(cc_domain::ids::BookingId(booking["id"].as_i64().unwrap())).await.unwrap());
    }
    let session = app.store.seed_open_session("讲座三", 5, false).await.unwrap();
    let (status, body) = resident
        .send(
            reqwest::Method::POST,
            &format!("/api/v1/sessions/{session}/bookings"),
            None,
            &[("accept-language", "zh-CN")],
        )
        .await;
    assert_eq!((status, body["error"]["code"].as_str()), (409, Some("paused")));
    let message = body["error"]["message"].as_str().unwrap();
    assert!(
        message.contains("暂停至") && message.contains(&(chrono::Utc::now().format("%Y").to_string())[..2]),
        "{message}"
    );
    let (_, me) = resident.get("/api/v1/me").await;
    assert!(me["booking_paused_until"].is_string(), "{me}");
}
