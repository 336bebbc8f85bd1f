//! Reviews (评价) through the API and the pages: only after check-in, once (even fifty at once),
//! changed for a week; moderators hide one with a reason (the author is told, averages forget it,
//! the audit log keeps it); item pages show the rating and its schema.org `aggregateRating`.

use cc_domain::ids::SessionId;
use cc_domain::staff::{Role, StaffScope};
use serde_json::{json, Value};

use crate::helpers::{spawn_app, TestApp, Visitor};

fn scope(role: Role) -> StaffScope {
    StaffScope { role, street_id: None, facility_ids: vec![] }
}

/// Residents who booked `session` and were let in at the door: (resident, booking).
async fn attended(app: &TestApp, session: SessionId, phones: &[&str]) -> Vec<(Visitor, Value)> {
    let door = app.staff("door-keeper", scope(Role::DistrictAdmin)).await;
    let mut people = Vec::new();
    for (n, phone) in phones.iter().enumerate() {
        let resident = app.register(phone, &format!("石景山 lantern review {n}")).await;
        let (status, booking) = resident.book(session).await;
        assert_eq!(status, 201, "{booking}");
        let ticket = json!({ "ticket": booking["code"] });
        let (status, body) = door.post(&format!("/api/v1/staff/sessions/{session}/checkins"), ticket).await;
        assert_eq!(status, 200, "{body}");
        people.push((resident, booking));
    }
    people
}

fn review_path(booking: &Value) -> String {
    format!("/api/v1/bookings/{}/review", booking["id"])
}

#[tokio::test]
async fn a_review_needs_a_check_in_is_written_once_and_can_be_changed() {
    let app = spawn_app().await;
    let session = app.store.seed_open_session("京剧名段欣赏（评价）", 5, true).await.unwrap();
    let late = app.register("13800000091", "石景山 lantern 91").await;
    let (_, unchecked) = late.book(session).await;
    let (status, refused) = late.post(&review_path(&unchecked), json!({ "stars": 5 })).await;
    assert_eq!((status, refused["error"]["code"].as_str()), (409, Some("not_attended")), "{refused}");

    let people = attended(&app, session, &["13800000092"]).await;
    let (resident, booking) = &people[0];
    let (status, refused) = resident.post(&review_path(booking), json!({ "stars": 6 })).await;
    assert_eq!((status, refused["error"]["param"].as_str()), (400, Some("stars")), "{refused}");
    let long = "好".repeat(501);
    let (status, refused) = resident.post(&review_path(booking), json!({ "stars": 5, "comment": long })).await;
    assert_eq!((status, refused["error"]["param"].as_str()), (400, Some("comment")), "{refused}");
    assert_eq!(late.post(&review_path(booking), json!({ "stars": 1 })).await.0, 404, "not theirs");

    let hostile = "<script>alert('评价')</script>&\"";
    let (status, written) = resident.post(&review_path(booking), json!({ "stars": 5, "comment": hostile })).await;
    assert_eq!(status, 201, "{written}");
    assert_eq!((written["stars"].as_i64(), written["author"].as_str()), (Some(5), Some("138****0092")));
    let (status, again) = resident.post(&review_path(booking), json!({ "stars": 1 })).await;
    assert_eq!((status, again["error"]["code"].as_str()), (409, Some("duplicate")), "{again}");
    let (status, changed) =
        resident.send(reqwest::Method::PUT, &review_path(booking), Some(json!({ "stars": 4, "comment": hostile })), &[]).await;
    assert_eq!((status, changed["stars"].as_i64()), (200, Some(4)), "{changed}");
    let (status, _) = late.send(reqwest::Method::PUT, &review_path(&unchecked), Some(json!({ "stars": 4 })), &[]).await;
    assert_eq!(status, 404, "no review to change");

    let item = booking["item_id"].as_i64().unwrap();
    let (status, listed) = app.get_json(&format!("/api/v1/items/{item}/reviews")).await;
    assert_eq!(status, 200);
    assert_eq!(listed["rating"], json!({ "average": 4.0, "count": 1 }));
    assert_eq!(listed["reviews"][0]["comment"], hostile);
    assert_eq!(app.get_json(&format!("/api/v1/items/{item}")).await.1["rating"]["count"], 1);
    assert_eq!(app.get_json(&format!("/api/v1/items/{item}/reviews?before=x")).await.0, 400);

    // The item page shows the rating, the comment as text, and aggregateRating for search engines.
    let (status, page) = app.get(&format!("/items/{item}")).await;
    assert_eq!(status, 200);
    assert!(page.contains("data-testid=\"rating\""), "the rating is shown");
    assert!(page.contains("\"aggregateRating\"") && page.contains("\"ratingValue\":4.0"), "schema.org rating");
    assert!(!page.contains("<script>alert("), "a comment is never markup");
}

#[tokio::test]
async fn fifty_reviews_of_one_booking_at_once_make_one() {
    let app = spawn_app().await;
    let session = app.store.seed_open_session("合唱公开课（评价）", 5, true).await.unwrap();
    let people = attended(&app, session, &["13800000093"]).await;
    let (resident, booking) = &people[0];
    let path = review_path(booking);
    let answers = futures::future::join_all((0..50).map(|n| resident.post(&path, json!({ "stars": 1 + n % 5 })))).await;
    let created = answers.iter().filter(|(status, _)| *status == 201).count();
    let duplicate = answers.iter().filter(|(status, body)| *status == 409 && body["error"]["code"] == "duplicate").count();
    assert_eq!((created, duplicate), (1, 49), "{answers:?}");
    let item = booking["item_id"].as_i64().unwrap();
    assert_eq!(app.get_json(&format!("/api/v1/items/{item}/reviews")).await.1["rating"]["count"], 1);
}

#[tokio::test]
async fn a_moderator_hides_a_review_with_a_reason_the_author_is_told_and_the_average_forgets_it() {
    let app = spawn_app().await;
    let session = app.store.seed_open_session("非遗剪纸体验课（评价）", 5, true).await.unwrap();
    let people = attended(&app, session, &["13800000094", "13800000095"]).await;
    let ((happy, liked), (angry, disliked)) = (&people[0], &people[1]);
    happy.post(&review_path(liked), json!({ "stars": 5 })).await;
    let (_, rude) = angry.post(&review_path(disliked), json!({ "stars": 1, "comment": "广告：加微信领奖品" })).await;
    let item = liked["item_id"].as_i64().unwrap();
    assert_eq!(app.get_json(&format!("/api/v1/items/{item}/reviews")).await.1["rating"]["average"], 3.0);

    let board = app.staff("board", scope(Role::DistrictAdmin)).await;
    let (_, figures) = board.get("/api/v1/staff/dashboard").await;
    assert_eq!(figures["satisfaction_rate"], 0.5, "one of two satisfied: {figures}");
    assert_eq!(figures["satisfaction_by_category"][0]["reviews"], 2);
    let hide = format!("/api/v1/staff/reviews/{}/hide", rude["id"]);
    let street = app.staff("street-admin", StaffScope { role: Role::StreetAdmin, street_id: Some(1), facility_ids: vec![] }).await;
    assert_eq!(street.post(&hide, json!({ "reason": "广告" })).await.0, 403, "street admins do not moderate");
    assert_eq!(street.get("/api/v1/staff/reviews").await.0, 403);
    let moderator = app.staff("moderator", scope(Role::Reviewer)).await;
    let (status, refused) = moderator.post(&hide, json!({ "reason": " " })).await;
    assert_eq!((status, refused["error"]["param"].as_str()), (400, Some("reason")), "a reason is required");
    assert_eq!(moderator.post(&hide, json!({ "reason": "含广告内容" })).await.0, 204);
    assert_eq!(moderator.post(&hide, json!({ "reason": "含广告内容" })).await.0, 204, "hiding twice is harmless");
    assert_eq!(moderator.post("/api/v1/staff/reviews/999999/hide", json!({ "reason": "x" })).await.0, 404);

    let (_, listed) = app.get_json(&format!("/api/v1/items/{item}/reviews")).await;
    assert_eq!(listed["rating"], json!({ "average": 5.0, "count": 1 }), "the hidden review leaves the average");
    assert_eq!(listed["reviews"].as_array().unwrap().len(), 1);
    let (_, figures) = board.get("/api/v1/staff/dashboard").await;
    assert_eq!((figures["satisfaction_rate"].as_f64(), figures["satisfaction_by_street"][0]["reviews"].as_i64()), (Some(1.0), Some(1)));
    let (_, moderated) = moderator.get("/api/v1/staff/reviews").await;
    assert_eq!(moderated[0]["hidden_reason"], "含广告内容", "moderators still see it: {moderated}");
    let (_, inbox) = angry.get("/api/v1/me/messages").await;
    assert_eq!((inbox["messages"][0]["kind"].as_str(), inbox["messages"][0]["detail"].as_str()), (Some("review_hidden"), Some("含广告内容")));
    let (status, closed) = angry.send(reqwest::Method::PUT, &review_path(disliked), Some(json!({ "stars": 2 })), &[]).await;
    assert_eq!((status, closed["error"]["code"].as_str()), (409, Some("edit_closed")));

    let audit = app.store.audit_entries(None, 20).await.unwrap();
    let hides: Vec<_> = audit.iter().filter(|e| e.action == "hide_review").collect();
    assert_eq!(hides.iter().filter(|e| e.refused).count(), 1, "the street admin's refusal: {hides:?}");
    assert_eq!(hides.iter().filter(|e| !e.refused).count(), 2, "both hides by the moderator: {hides:?}");
}

#[tokio::test]
async fn the_review_form_and_the_moderators_page_work_without_a_script_and_keep_what_was_typed() {
    let app = spawn_app().await;
    let session = app.store.seed_open_session("太极拳公益课（评价）", 5, true).await.unwrap();
    let people = attended(&app, session, &["13800000096"]).await;
    let (resident, booking) = &people[0];
    let page = format!("/me/bookings/{}/review", booking["id"]);
    let (_, _, bookings) = resident.get_text("/me/bookings").await;
    assert!(bookings.contains(&format!("href=\"{page}\"")), "an attended booking links to its review");

    // A refusal comes back with what was typed, as text.
    let typed = "<img src=x onerror=alert(1)>太极拳很好";
    let answer = resident.post_form(&page, "save_my_review", &[("booking_id", booking["id"].to_string()), ("comment", typed.into())]).await;
    assert_eq!(answer.url().path(), page, "back to the form: {}", answer.status());
    let html = answer.text().await.unwrap();
    assert!(html.contains("data-testid=\"review-error\"") && html.contains("请选择1到5颗星"), "says what to fix");
    let area = html.find("<textarea").map(|at| &html[at..(at + 300).min(html.len())]).unwrap_or("no textarea");
    assert!(html.contains("&lt;img src=x onerror=alert(1)&gt;太极拳很好"), "the comment typed is kept, as text: {area}");
    assert!(!html.contains("<img src=x"), "never markup");

    let form = [("booking_id", booking["id"].to_string()), ("stars", "5".into()), ("comment", typed.into())];
    let answer = resident.post_form(&page, "save_my_review", &form).await;
    let html = answer.text().await.unwrap();
    assert!(html.contains("data-testid=\"review-saved\""), "saved");
    let item = booking["item_id"].as_i64().unwrap();
    assert_eq!(app.get_json(&format!("/api/v1/items/{item}/reviews")).await.1["reviews"][0]["comment"], typed);

    // A moderator hides it from their page; a missing reason is said, and nothing changes.
    let moderator = app.staff("moderator", scope(Role::DistrictAdmin)).await;
    let (_, moderated) = moderator.get("/api/v1/staff/reviews").await;
    let review = moderated[0]["review"]["id"].to_string();
    let answer = moderator.post_form("/staff/reviews", "hide_review", &[("review_id", review.clone()), ("reason", " ".into())]).await;
    assert!(answer.text().await.unwrap().contains("请写明隐藏的原因"), "a reason is required");
    assert_eq!(app.get_json(&format!("/api/v1/items/{item}/reviews")).await.1["rating"]["count"], 1);
    let answer = moderator.post_form("/staff/reviews", "hide_review", &[("review_id", review), ("reason", "与活动无关".into())]).await;
    assert!(answer.text().await.unwrap().contains("data-testid=\"hidden-reason\""));
    assert!(app.get_json(&format!("/api/v1/items/{item}/reviews")).await.1["rating"].is_null());
}
