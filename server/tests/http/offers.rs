//! Fair late promotions through the doors residents use: a place freed close to the start is
//! offered (told in the inbox and by SMS, with until when), accepted on `/me/bookings` without a
//! script or through the API, or passed on — refused as `offer_lapsed`, and nobody's no-show.

use std::time::{Duration, Instant};

use cc_domain::account::PhoneNumber;
use serde_json::{json, Value};

use crate::helpers::{spawn_app, spawn_app_with, TestApp, Visitor};

/// A session of one place starting in an hour, its holder and `waiting` residents in line; the
/// holder cancels. Returns the session's end and the waiting residents with their bookings.
async fn holder_cancels_with_waiting(app: &TestApp, title: &str, waiting: usize) -> (i64, Vec<(Visitor, i64)>) {
    let session = app.store.seed_open_session(title, 1, true).await.unwrap();
    let holder = app.register("13800000061", "石景山 lantern 61").await;
    let (_, held) = holder.book(session).await;
    let mut line = Vec::new();
    for n in 0..waiting {
        let resident = app.register(&format!("1380000007{n}"), &format!("石景山 lantern 7{n}")).await;
        let (status, booking) = resident.book(session).await;
        assert_eq!(status, 202, "{booking}");
        line.push((resident, booking["id"].as_i64().unwrap()));
    }
    assert_eq!(holder.delete(&format!("/api/v1/bookings/{}", held["id"])).await.0, 204);
    let ends_at = app.store.session_schedule(session).await.unwrap().unwrap().ends_at;
    (ends_at, line)
}

async fn booking(visitor: &Visitor, id: i64) -> Value {
    visitor.get(&format!("/api/v1/bookings/{id}")).await.1
}

#[tokio::test]
async fn a_place_freed_an_hour_ahead_is_offered_told_with_its_deadline_and_accepted_without_a_script() {
    let app = spawn_app().await;
    let (_, line) = holder_cancels_with_waiting(&app, "<b>京剧</b>名段欣赏", 1).await;
    let (resident, id) = &line[0];
    let offered = booking(resident, *id).await;
    assert_eq!(offered["status"], "offered", "{offered}");

    let (_, inbox) = resident.get("/api/v1/me/messages").await;
    let message = &inbox["messages"][0];
    assert_eq!(message["kind"], "place_offered", "{inbox}");
    assert!(message["deadline"].is_i64(), "the message says until when: {message}");
    let phone = PhoneNumber::parse("13800000070").unwrap();
    let started = Instant::now();
    while app.sms.messages_to(&phone).is_empty() && started.elapsed() < Duration::from_secs(5) {
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let texts = app.sms.messages_to(&phone);
    assert!(texts.len() == 1 && texts[0].contains("保留至") && texts[0].contains("确认"), "{texts:?}");

    let (status, _, page) = resident.get_text("/me/bookings").await;
    assert_eq!(status, 200);
    assert!(page.contains("data-testid=\"offer\"") && page.contains("为您保留至"), "the ticket says the place is held");
    assert!(!page.contains("<b>京剧</b>") && page.contains("&lt;b&gt;京剧&lt;/b&gt;"), "a title is text");
    assert!(!page.contains("data-testid=\"ticket-code\""), "no ticket before accepting");
    let at = page.find("action=\"/api/accept_my_offer").expect("a form that accepts the place");
    let action = page[at + 8..].split('"').next().unwrap().to_string();

    // A browser without scripts posts the form and comes back to its tickets.
    let answer = resident.post_form_to("/me/bookings", &action, &[("booking_id", id.to_string())]).await;
    assert!(answer.status().is_redirection() || answer.url().path() == "/me/bookings", "{}", answer.status());
    assert_eq!(booking(resident, *id).await["status"], "confirmed");
    let (_, _, page) = resident.get_text("/me/bookings").await;
    assert!(page.contains("data-testid=\"ticket-code\"") && !page.contains("data-testid=\"offer\""));
    let (status, again) = resident.post(&format!("/api/v1/bookings/{id}/accept"), json!({})).await;
    assert_eq!((status, again["status"].as_str()), (200, Some("confirmed")), "accepting twice is harmless");
}

#[tokio::test]
async fn an_offer_not_accepted_in_time_passes_on_is_refused_and_is_nobodys_no_show() {
    // Held half an hour, so the next in line still has half an hour before the start.
    let app = spawn_app_with(|config| config.offer_rule.hold = 1800).await;
    let (ends_at, line) = holder_cancels_with_waiting(&app, "非遗剪纸体验课", 2).await;
    let ((first, first_id), (second, second_id)) = (&line[0], &line[1]);
    let (status, refused) = second.post(&format!("/api/v1/bookings/{second_id}/accept"), json!({})).await;
    assert_eq!((status, refused["error"]["code"].as_str()), (409, Some("not_offered")), "still waiting: {refused}");

    // The minute's sweep runs after the hold has ended.
    let until = chrono::DateTime::parse_from_rfc3339(booking(first, *first_id).await["offered_until"].as_str().unwrap())
        .unwrap()
        .timestamp();
    assert_eq!(app.store.pass_on_lapsed_offers(until).await.unwrap(), 1);
    let (status, refused) = first.post(&format!("/api/v1/bookings/{first_id}/accept"), json!({})).await;
    assert_eq!((status, refused["error"]["code"].as_str()), (409, Some("offer_lapsed")), "{refused}");
    assert!(refused["error"]["message"].as_str().unwrap().contains("next person waiting"), "{refused}");
    assert_eq!(booking(first, *first_id).await["status"], "lapsed");
    // The page's form, without a script, comes back to the tickets saying why.
    let (_, _, page) = first.get_text("/me/bookings").await;
    assert!(!page.contains("data-testid=\"accept-offer\""), "nothing left to accept");
    let action = <app::account_fns::AcceptMyOffer as leptos::server_fn::ServerFn>::PATH;
    let answer = first.post_form_to("/me/bookings", action, &[("booking_id", first_id.to_string())]).await;
    let html = answer.text().await.unwrap();
    assert!(html.contains("data-testid=\"offer-error\"") && html.contains("名额已转给下一位候补者"), "says why");
    assert_eq!(booking(second, *second_id).await["status"], "offered", "the next in line is offered it");

    // After the session, the lapsed booking is history, not a no-show.
    app.store.record_no_shows(ends_at).await.unwrap();
    let (_, list) = first.get("/api/v1/me/bookings").await;
    assert_eq!(list["past"][0]["status"], "lapsed", "{list}");
    assert!(first.get("/api/v1/me").await.1["booking_paused_until"].is_null());
    let (_, _, page) = first.get_text("/me/bookings").await;
    assert!(page.contains("逾期未确认"), "the history says what happened");
}
