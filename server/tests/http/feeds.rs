//! Calendar feeds read as a calendar app reads them (the `ical` crate's parser): a street's, a
//! facility's and a category's sessions with times in Asia/Shanghai and one UID per session for
//! good, a cancelled session kept as cancelled, and a resident's own bookings at a secret
//! address that stops working when reset — with hostile text unable to add events or lines.

use std::io::BufReader;

use cc_domain::staff::{Role, StaffScope};
use ical::parser::ical::component::{IcalCalendar, IcalEvent};
use serde_json::json;
use sqlx::Connection;

use crate::helpers::{spawn_app, Visitor, HOSTILE};

/// The one calendar at `path`, fetched by `who` (none: a calendar app, without cookies).
async fn calendar(who: &Visitor, path: &str) -> IcalCalendar {
    let (status, kind, text) = who.get_text(path).await;
    assert_eq!(status, 200, "{path}: {text}");
    assert!(kind.starts_with("text/calendar"), "{kind}");
    let mut calendars = ical::IcalParser::new(BufReader::new(text.as_bytes()));
    let calendar = calendars.next().expect("a calendar").expect("it parses");
    assert!(calendars.next().is_none(), "one calendar");
    calendar
}

fn property<'a>(event: &'a IcalEvent, name: &str) -> &'a str {
    event.properties.iter().find(|p| p.name == name).and_then(|p| p.value.as_deref()).unwrap_or_else(|| panic!("{name}"))
}

fn event_of<'a>(calendar: &'a IcalCalendar, session: i64) -> Option<&'a IcalEvent> {
    calendar.events.iter().find(|e| property(e, "UID") == format!("session-{session}@culture-cloud"))
}

#[tokio::test]
async fn public_feeds_hold_sessions_in_the_district_zone_and_keep_a_cancelled_one() {
    let app = spawn_app().await;
    let session = app.store.seed_open_session("日历测试：京剧名段", 10, false).await.unwrap();
    let anyone = app.visitor();
    let feed = calendar(&anyone, "/api/v1/feeds/facility/1.ics").await;
    assert_eq!(feed.timezones.len(), 1);
    let event = event_of(&feed, session.0).expect("the facility's session");
    let start = event.properties.iter().find(|p| p.name == "DTSTART").unwrap();
    assert_eq!(start.params.as_ref().unwrap()[0], ("TZID".to_string(), vec!["Asia/Shanghai".to_string()]));
    let (starts_at, _) = app.store.session_times(session).await.unwrap().unwrap();
    assert_eq!(start.value.as_deref().unwrap(), cc_domain::time::local(starts_at).format("%Y%m%dT%H%M%S").to_string());
    assert_eq!(property(event, "STATUS"), "CONFIRMED");
    assert!(property(event, "URL").contains("/items/"), "the item's page");
    // Every event once, by a UID that does not change from one fetch to the next.
    let uids: Vec<&str> = feed.events.iter().map(|e| property(e, "UID")).collect();
    let mut unique = uids.clone();
    unique.dedup();
    assert_eq!(uids.len(), unique.len());
    let again = calendar(&anyone, "/api/v1/feeds/facility/1.ics").await;
    assert_eq!(again.events.iter().map(|e| property(e, "UID")).collect::<Vec<_>>(), uids);

    // The street's and the category's feeds parse too.
    let (_, streets) = app.get_json("/api/v1/streets").await;
    let street = streets["streets"][0]["slug"].as_str().unwrap().to_string();
    calendar(&anyone, &format!("/api/v1/feeds/street/{street}.ics")).await;
    let (_, categories) = app.get_json("/api/v1/categories").await;
    let category = categories["categories"][0]["slug"].as_str().unwrap().to_string();
    calendar(&anyone, &format!("/api/v1/feeds/category/{category}.ics")).await;
    for missing in ["/api/v1/feeds/street/nowhere.ics", "/api/v1/feeds/street/bajiao", "/api/v1/feeds/facility/abc.ics", "/api/v1/feeds/facility/0.ics", "/api/v1/feeds/category/.ics"] {
        assert_eq!(anyone.get_text(missing).await.0, 404, "{missing}");
    }

    // An app that sends the tag of what it has gets 304 while nothing changed.
    let path = "/api/v1/feeds/facility/1.ics";
    let tag = etag(&app, path).await;
    assert_eq!(etag(&app, path).await, tag, "the same calendar keeps its tag (the time it was written aside)");
    assert_eq!(app.get_with(path, &[("if-none-match", &tag)]).await, (304, String::new()));
    assert_eq!(app.get_with(path, &[("if-none-match", "\"0-0\"")]).await.0, 200);

    // A cancelled session stays, as cancelled, with a higher sequence.
    let admin = app.staff("feed-admin", StaffScope { role: Role::DistrictAdmin, street_id: None, facility_ids: vec![] }).await;
    let (status, body) = admin.post(&format!("/api/v1/staff/sessions/{session}/cancel"), json!({ "reason": "场馆维修" })).await;
    assert_eq!(status, 200, "{body}");
    let feed = calendar(&anyone, "/api/v1/feeds/facility/1.ics").await;
    let event = event_of(&feed, session.0).expect("still there");
    assert_eq!((property(event, "STATUS"), property(event, "SEQUENCE")), ("CANCELLED", "1"));
    assert!(property(event, "DESCRIPTION").contains("场馆维修"));
    assert_ne!(etag(&app, path).await, tag, "a changed calendar has a new tag");
    assert_eq!(app.get_with(path, &[("if-none-match", &tag)]).await.0, 200);
}

/// The `ETag` a feed answers with.
async fn etag(app: &crate::helpers::TestApp, path: &str) -> String {
    let response = app.client.get(format!("{}{path}", app.address)).send().await.unwrap();
    assert_eq!(response.status(), 200);
    response.headers()["etag"].to_str().unwrap().to_string()
}

#[tokio::test]
async fn a_residents_own_feed_lives_at_a_secret_address_that_can_be_reset() {
    let app = spawn_app().await;
    let session = app.store.seed_open_session("日历测试：合唱", 10, false).await.unwrap();
    // Hostile text in the title can neither add an event nor start a line.
    sqlx::any::install_default_drivers();
    let mut db = sqlx::AnyConnection::connect(&app.database_url).await.unwrap();
    let title = format!("合唱\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:evil;,{HOSTILE}");
    sqlx::query("UPDATE service_items SET title = $1 WHERE id = (SELECT item_id FROM sessions WHERE id = $2)").bind(&title).bind(session.0).execute(&mut db).await.unwrap();

    assert_eq!(app.visitor().get("/api/v1/me/calendar").await.0, 401);
    let resident = app.register("13800000031", "石景山 lantern 31").await;
    let (status, booking) = resident.book(session).await;
    assert_eq!(status, 201, "{booking}");
    let (status, feed) = resident.get("/api/v1/me/calendar").await;
    assert_eq!(status, 200, "{feed}");
    let path = feed["path"].as_str().unwrap().to_string();
    assert!(feed["webcal"].as_str().unwrap().starts_with("webcal://") && feed["webcal"].as_str().unwrap().ends_with(&path));
    assert_eq!(resident.get("/api/v1/me/calendar").await.1["path"], path.as_str(), "the same address each time");

    let app_reads = app.visitor();
    let mine = calendar(&app_reads, &path).await;
    assert_eq!(mine.events.len(), 1, "one booking, one event, whatever its title says");
    let event = &mine.events[0];
    assert_eq!(property(event, "UID"), format!("session-{session}@culture-cloud"));
    assert_eq!(property(event, "STATUS"), "CONFIRMED");
    assert!(property(event, "SUMMARY").starts_with("合唱"));

    // Given back: it reads as cancelled.
    let (status, _) = resident.delete(&format!("/api/v1/bookings/{}", booking["id"])).await;
    assert_eq!(status, 204);
    let mine = calendar(&app_reads, &path).await;
    assert_eq!(property(&mine.events[0], "STATUS"), "CANCELLED");

    // Reset: the old address is gone at once, the new one works.
    let (status, fresh) = resident.post("/api/v1/me/calendar/reset", json!({})).await;
    assert_eq!(status, 200);
    let fresh = fresh["path"].as_str().unwrap().to_string();
    assert_ne!(fresh, path);
    assert_eq!(app_reads.get_text(&path).await.0, 404);
    calendar(&app_reads, &fresh).await;
    assert_eq!(app_reads.get_text("/api/v1/feeds/me/0123456789abcdef0123456789abcdef.ics").await.0, 404);
    // The /me page offers it as webcal://.
    let (_, _, page) = resident.get_text("/me").await;
    assert!(page.contains(&format!("webcal://127.0.0.1")) && page.contains(&fresh), "the page links the feed");
}

#[tokio::test]
async fn a_place_on_the_waitlist_reads_as_tentative() {
    let app = spawn_app().await;
    let session = app.store.seed_open_session("日历测试：候补", 1, true).await.unwrap();
    let first = app.register("13800000032", "石景山 lantern 32").await;
    assert_eq!(first.book(session).await.0, 201);
    let waiting = app.register("13800000033", "石景山 lantern 33").await;
    let (status, booking) = waiting.book(session).await;
    assert_eq!((status, booking["status"].as_str()), (202, Some("waitlisted")), "{booking}");
    let path = waiting.get("/api/v1/me/calendar").await.1["path"].as_str().unwrap().to_string();
    let mine = calendar(&app.visitor(), &path).await;
    assert_eq!(property(&mine.events[0], "STATUS"), "TENTATIVE", "not a place yet");
    let held = calendar(&app.visitor(), first.get("/api/v1/me/calendar").await.1["path"].as_str().unwrap()).await;
    assert_eq!(property(&held.events[0], "STATUS"), "CONFIRMED");
}
