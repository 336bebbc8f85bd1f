//! Messages to residents: told in the inbox and by SMS, each SMS sent once (by one of several
//! servers, and after a server died holding it), reminders once, and only to the resident.

use std::time::{Duration, Instant};

use cc_domain::account::PhoneNumber;
use cc_domain::ids::SessionId;
use cc_domain::time::now;
use cc_store::testing::test_backend;
use serde_json::{json, Value};

use crate::helpers::{spawn_app, spawn_app_with, TestApp, Visitor};

const FIRST: &str = "13800000031";
const SECOND: &str = "13800000032";

/// A session of one place with a waitlist: `first` holds the place, `second` waits.
async fn one_place_and_one_waiting(app: &TestApp, title: &str) -> (SessionId, Visitor, Visitor, i64) {
    let session = app.store.seed_open_session(title, 1, true).await.unwrap();
    let first = app.register(FIRST, "石景山 lantern 31").await;
    let second = app.register(SECOND, "石景山 lantern 32").await;
    let (_, held) = first.book(session).await;
    let (status, waiting) = second.book(session).await;
    assert_eq!(status, 202, "{waiting}");
    (session, first, second, held["id"].as_i64().unwrap())
}

/// Waits (up to five seconds) until `phone` has had `count` SMS messages, and returns them.
async fn texts_to(app: &TestApp, phone: &str, count: usize) -> Vec<String> {
    let phone = PhoneNumber::parse(phone).unwrap();
    let started = Instant::now();
    loop {
        let texts = app.sms.messages_to(&phone);
        if texts.len() >= count || started.elapsed() > Duration::from_secs(5) {
            return texts;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

#[tokio::test]
async fn a_resident_promoted_from_the_waitlist_is_told_in_the_inbox_and_by_sms() {
    // Places freed a day or more ahead are given at once (`offers.rs`: closer to the start).
    let app = spawn_app_with(|config| config.offer_rule.within = 0).await;
    let (_, first, second, held) = one_place_and_one_waiting(&app, "亲子绘本阅读会").await;
    assert_eq!(second.get("/api/v1/me").await.1["unread_messages"], 0);

    assert_eq!(first.delete(&format!("/api/v1/bookings/{held}")).await.0, 204);

    let (status, inbox) = second.get("/api/v1/me/messages").await;
    assert_eq!(status, 200, "{inbox}");
    assert_eq!(inbox["unread"], 1);
    let message = &inbox["messages"][0];
    assert_eq!((message["kind"].as_str(), message["item_title"].as_str()), (Some("waitlist_promoted"), Some("亲子绘本阅读会")));
    assert_eq!(message["read"], false);
    assert_eq!(second.get("/api/v1/me").await.1["unread_messages"], 1);
    let texts = texts_to(&app, SECOND, 1).await;
    assert_eq!(texts.len(), 1, "{texts:?}");
    assert!(texts[0].contains("亲子绘本阅读会") && texts[0].contains("预约成功"), "{}", texts[0]);
    assert!(first.get("/api/v1/me/messages").await.1["messages"].as_array().unwrap().is_empty(), "nothing for the first");

    // The header and 我的 show the count; the inbox page says it in words.
    let (_, _, page) = second.get_text("/").await;
    assert!(page.contains("data-testid=\"unread-count\"") && page.contains("1 条未读消息"), "the header's badge");
    let (_, _, page) = second.get_text("/me/messages").await;
    assert!(page.contains("候补成功") && page.contains("《亲子绘本阅读会》"), "the inbox page");
    assert!(page.contains("class=\"message unread\"") && !page.contains("data-testid=\"unread-count\""), "new here, no badge");
    let (_, inbox) = second.get("/api/v1/me/messages").await;
    assert_eq!((inbox["unread"].as_i64(), inbox["messages"][0]["read"].as_bool()), (Some(0), Some(true)), "opened is read");
    let (_, _, page) = second.get_text("/me/messages").await;
    assert!(!page.contains("class=\"message unread\""), "no longer new");

    let id = message["id"].as_i64().unwrap();
    assert_eq!(first.post(&format!("/api/v1/me/messages/{id}/read"), json!({})).await.0, 404, "not theirs");
    assert_eq!(second.post(&format!("/api/v1/me/messages/{id}/read"), json!({})).await.0, 204);
    assert_eq!(second.post(&format!("/api/v1/me/messages/{id}/read"), json!({})).await.0, 204, "again is fine");
    let (_, _, page) = second.get_text("/").await;
    assert!(!page.contains("data-testid=\"unread-count\""), "no badge once read");
    // Waiting longer sends nothing more.
    tokio::time::sleep(Duration::from_millis(600)).await;
    assert_eq!(app.sms.messages_to(&PhoneNumber::parse(SECOND).unwrap()).len(), 1, "sent once");
}

#[tokio::test]
async fn a_resident_chooses_what_comes_by_sms_and_the_inbox_gets_everything() {
    let app = spawn_app().await;
    let (_, first, second, held) = one_place_and_one_waiting(&app, "社区合唱团排练").await;
    let (status, settings) = second.get("/api/v1/me/message-settings").await;
    assert_eq!(status, 200);
    let defaults =
        json!({ "sms": ["waitlist_promoted", "place_offered", "session_cancelled", "session_changed", "demand_answered", "organisation_decided", "application_returned", "fund_decision", "objection_answered"], "reminders": true });
    assert_eq!(settings, defaults, "news that cannot wait comes by SMS; reminders to the inbox");
    let chosen = json!({ "sms": [], "reminders": false });
    let (status, kept) = second.send(reqwest::Method::PUT, "/api/v1/me/message-settings", Some(chosen.clone()), &[]).await;
    assert_eq!((status, &kept), (200, &chosen));
    assert_eq!(second.get("/api/v1/me/message-settings").await.1, chosen);
    let garbled = json!({ "sms": ["carrier_pigeon"], "reminders": true });
    let (status, refused) = second.send(reqwest::Method::PUT, "/api/v1/me/message-settings", Some(garbled), &[]).await;
    assert_eq!((status, refused["error"]["code"].as_str()), (400, Some("bad_request")));
    assert_eq!(second.get("/api/v1/me/message-settings").await.1, chosen, "a refused choice changes nothing");

    assert_eq!(first.delete(&format!("/api/v1/bookings/{held}")).await.0, 204);
    assert_eq!(second.get("/api/v1/me/messages").await.1["unread"], 1, "the inbox still has it");
    tokio::time::sleep(Duration::from_millis(600)).await;
    assert!(app.sms.messages_to(&PhoneNumber::parse(SECOND).unwrap()).is_empty(), "but no SMS");
}

#[tokio::test]
async fn the_settings_form_works_without_a_script_and_the_page_escapes_titles() {
    let app = spawn_app().await;
    let hostile = "<script>alert(1)</script>\"'&";
    let (_, first, second, held) = one_place_and_one_waiting(&app, hostile).await;
    assert_eq!(first.delete(&format!("/api/v1/bookings/{held}")).await.0, 204);
    let (status, _, page) = second.get_text("/me/messages").await;
    assert_eq!(status, 200);
    assert!(!page.contains("<script>alert(1)</script>"), "a title is text, never markup");
    assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));

    // A browser without scripts posts the form and is sent back to the page.
    let answer = second.post_form("/me/messages", "save_message_settings", &[("sms_reminder", "on".into())]).await;
    assert!(answer.status().is_redirection() || answer.url().path() == "/me/messages", "{}", answer.status());
    let (_, settings) = second.get("/api/v1/me/message-settings").await;
    assert_eq!(settings, json!({ "sms": ["reminder"], "reminders": false }));
    // Nobody logged in: the form is refused, nothing changes.
    let stranger = app.visitor();
    let (status, _, page) = stranger.get_text("/me/messages").await;
    assert_eq!(status, 200);
    assert!(page.contains("/login?next=/me/messages"), "a visitor is asked to log in");
}

#[tokio::test]
async fn reminders_are_written_once_for_bookings_made_earlier_and_respect_the_choice() {
    let app = spawn_app().await;
    let session = app.store.seed_open_session("太极拳晨练", 5, false).await.unwrap();
    let keen = app.register(FIRST, "石景山 lantern 31").await;
    let busy = app.register(SECOND, "石景山 lantern 32").await;
    let (_, booking) = keen.book(session).await;
    busy.book(session).await;
    let off = json!({ "sms": ["reminder"], "reminders": false });
    busy.send(reqwest::Method::PUT, "/api/v1/me/message-settings", Some(off), &[]).await;
    keen.send(reqwest::Method::PUT, "/api/v1/me/message-settings", Some(json!({ "sms": ["reminder"], "reminders": true })), &[]).await;

    // The session starts in an hour; the bookings were made just now.
    let day = 24 * 3600;
    assert_eq!(app.store.queue_reminders(now(), day).await.unwrap(), 0, "someone who just booked remembers");
    // Booked two hours ago: one reminder, however often the sweep runs.
    app.store.backdate_bookings(session, 2 * 3600).await.unwrap();
    assert_eq!(app.store.queue_reminders(now(), 1800).await.unwrap(), 0, "not yet: it is an hour off");
    assert_eq!(app.store.queue_reminders(now(), day).await.unwrap(), 1);
    assert_eq!(app.store.queue_reminders(now(), day).await.unwrap(), 0);
    let (_, inbox) = keen.get("/api/v1/me/messages").await;
    let reminder: &Value = &inbox["messages"][0];
    assert_eq!((reminder["kind"].as_str(), reminder["booking_id"].as_i64()), (Some("reminder"), booking["id"].as_i64()));
    assert!(busy.get("/api/v1/me/messages").await.1["messages"].as_array().unwrap().is_empty(), "reminders off");
    let texts = texts_to(&app, FIRST, 1).await;
    assert!(texts.len() == 1 && texts[0].contains("提醒") && texts[0].contains("太极拳晨练"), "{texts:?}");
}

#[tokio::test]
async fn an_sms_claimed_by_a_server_that_died_is_sent_once_by_another() {
    let app = spawn_app_with(|config| config.sms_every = Duration::from_secs(3600)).await;
    let (_, first, _, held) = one_place_and_one_waiting(&app, "非遗剪纸体验").await;
    assert_eq!(first.delete(&format!("/api/v1/bookings/{held}")).await.0, 204);
    // A server claims it and dies before sending: its claim lapses after the lease.
    let claimed = app.store.claim_due_sms(now(), 10).await.unwrap();
    assert_eq!(claimed.len(), 1);
    assert!(app.store.claim_due_sms(now(), 10).await.unwrap().is_empty(), "held by its claim");
    let after_lease = now() + cc_store::messages::SMS_LEASE_SECONDS + 1;
    let done = cc_services::delivery::deliver_due_sms(&app.store, app.sms.as_ref(), after_lease).await.unwrap();
    assert_eq!((done.sent, done.failed), (1, 0));
    let again = cc_services::delivery::deliver_due_sms(&app.store, app.sms.as_ref(), after_lease + 600).await.unwrap();
    assert_eq!(again.sent, 0, "sent is sent");
    assert_eq!(app.sms.messages_to(&PhoneNumber::parse(SECOND).unwrap()).len(), 1);
}

#[tokio::test]
async fn two_servers_deliver_every_message_exactly_once() {
    if test_backend() != "postgres" {
        eprintln!("skipped: several servers share a PostgreSQL database (CC_TEST_BACKEND=postgres)");
        return;
    }
    let fast = |config: &mut culture_cloud::config::Config| config.sms_every = Duration::from_millis(20);
    let a = spawn_app_with(fast).await;
    let b = spawn_app_with(|config| {
        fast(config);
        config.database_url = a.database_url.clone();
    })
    .await;
    // Twelve sessions of one place, each with a holder and one waiting; cancelling promotes.
    let holders = a.logged_in_residents(13900000100, 12).await;
    let waiting = a.logged_in_residents(13900000200, 12).await;
    for (n, (holder, waiter)) in holders.iter().zip(&waiting).enumerate() {
        let session = a.store.seed_open_session(&format!("讲座 {n}"), 1, true).await.unwrap();
        let book = |cookie: &String| {
            a.visitor().client.post(format!("{}/api/v1/sessions/{session}/bookings", a.address)).header("cookie", cookie).send()
        };
        let held: Value = book(holder).await.unwrap().json().await.unwrap();
        assert_eq!(book(waiter).await.unwrap().status(), 202);
        let cancel = format!("{}/api/v1/bookings/{}", a.address, held["id"]);
        assert_eq!(a.visitor().client.delete(cancel).header("cookie", holder).send().await.unwrap().status(), 204);
    }
    let phones: Vec<PhoneNumber> = (0..12).map(|n| PhoneNumber::parse(&(13900000200u64 + n).to_string()).unwrap()).collect();
    let started = Instant::now();
    let sent = |phone: &PhoneNumber| a.sms.messages_to(phone).len() + b.sms.messages_to(phone).len();
    while phones.iter().any(|phone| sent(phone) == 0) && started.elapsed() < Duration::from_secs(10) {
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    tokio::time::sleep(Duration::from_millis(300)).await;
    for phone in &phones {
        assert_eq!(sent(phone), 1, "{} got {} messages", phone.masked(), sent(phone));
    }
}
