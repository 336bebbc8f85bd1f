//! Staff writing the catalogue: drafts and sessions inside their scope only, and the workflow
//! draft → submitted → returned → submitted → published, with its refusals audited.

use cc_domain::staff::{Role, StaffScope};
use serde_json::{json, Value};

use crate::helpers::{spawn_app, Visitor};

fn item(facility: i64) -> Value {
    json!({
        "title": "非遗剪纸体验课（街道新开）",
        "description": "剪纸传承人现场教学，材料免费提供。",
        "provider": "八角街道文化中心",
        "category": "heritage",
        "audience": "children",
        "facility_id": facility,
    })
}

fn session() -> Value {
    let at = |hours: i64| cc_domain::time::local(cc_domain::time::now() + hours * 3600).to_rfc3339();
    json!({ "starts_at": at(72), "ends_at": at(74), "capacity": 20, "booking_opens_at": at(-1), "booking_closes_at": at(71) })
}

async fn transition(staff: &Visitor, item: i64, action: &str, comment: &str) -> (u16, Value) {
    staff
        .post(
            &format!("/api/v1/staff/items/{item}/transitions"),
            json!({ "action": action, "comment": comment }),
        )
        .await
}

#[tokio::test]
async fn a_street_admins_item_goes_through_review_and_residents_can_book_it() {
    let app = spawn_app().await;
    let street = app
        .staff("street-1", StaffScope { role: Role::StreetAdmin, street_id: Some(1), facility_ids: vec![] })
        .await;
    let reviewer = app
        .staff("reviewer", StaffScope { role: Role::Reviewer, street_id: None, facility_ids: vec![] })
        .await;
    let (status, created) = street.post("/api/v1/staff/items", item(app.facility_in(1).await)).await;
    assert_eq!((status, created["status"].as_str()), (201, Some("draft")), "{created}");
    let id = created["id"].as_i64().unwrap();
    let (status, added) = street.post(&format!("/api/v1/staff/items/{id}/sessions"), session()).await;
    assert_eq!(status, 201, "{added}");
    assert_eq!(app.get(&format!("/api/v1/items/{id}")).await.0, 404, "a draft is not public");

    assert_eq!(transition(&street, id, "submit", "").await.1["status"], "submitted");
    assert_eq!(transition(&street, id, "publish", "").await.0, 403, "authors do not publish");
    let (status, body) = transition(&reviewer, id, "return", "").await;
    assert_eq!((status, body["error"]["code"].as_str()), (422, Some("comment_required")));
    assert_eq!(transition(&reviewer, id, "return", "请补充活动时长").await.1["status"], "returned");
    assert_eq!(transition(&street, id, "submit", "").await.1["status"], "submitted");
    assert_eq!(transition(&reviewer, id, "publish", "").await.1["status"], "published");

    let (status, public) = app.get_json(&format!("/api/v1/items/{id}")).await;
    assert_eq!(status, 200, "published at once");
    let session = cc_domain::ids::SessionId(public["sessions"][0]["id"].as_i64().unwrap());
    let resident = app.register("13800000001", "石景山 lantern 1").await;
    assert_eq!(resident.book(session).await.0, 201);
    let moves = app.store.audit_entries(None, 20).await.unwrap();
    assert!(moves.iter().any(|e| e.action == "publish" && !e.refused), "{moves:?}");
    assert!(
        moves.iter().any(|e| e.action == "publish" && e.refused),
        "the street admin's attempt is on record"
    );
}

#[tokio::test]
async fn staff_cannot_write_outside_their_scope_and_the_attempt_is_logged() {
    let app = spawn_app().await;
    let street = app
        .staff("street-1", StaffScope { role: Role::StreetAdmin, street_id: Some(1), facility_ids: vec![] })
        .await;
    let other = app
        .staff("street-2", StaffScope { role: Role::StreetAdmin, street_id: Some(2), facility_ids: vec![] })
        .await;
    let provider = app
        .staff("provider", StaffScope { role: Role::Provider, street_id: None, facility_ids: vec![] })
        .await;
    let reviewer = app
        .staff("reviewer", StaffScope { role: Role::Reviewer, street_id: None, facility_ids: vec![] })
        .await;
    let elsewhere = app.facility_in(2).await;
    assert_eq!(street.post("/api/v1/staff/items", item(elsewhere)).await.0, 403);
    assert_eq!(reviewer.post("/api/v1/staff/items", item(elsewhere)).await.0, 403);

    let (_, created) = street.post("/api/v1/staff/items", item(app.facility_in(1).await)).await;
    let id = created["id"].as_i64().unwrap();
    assert_eq!(other.post(&format!("/api/v1/staff/items/{id}/sessions"), session()).await.0, 403);
    assert_eq!(transition(&other, id, "submit", "").await.0, 403);
    assert_eq!(transition(&provider, id, "submit", "").await.0, 403, "a provider only moves its own items");
    let (status, body) = transition(&reviewer, id, "publish", "").await;
    assert_eq!(
        (status, body["error"]["code"].as_str()),
        (409, Some("invalid_transition")),
        "a draft is not published"
    );
    let refused = app.store.audit_entries(None, 20).await.unwrap().into_iter().filter(|e| e.refused).count();
    assert_eq!(refused, 6);
}

#[tokio::test]
async fn bad_fields_are_named_and_a_submitted_item_is_not_edited() {
    let app = spawn_app().await;
    let street = app
        .staff("street-1", StaffScope { role: Role::StreetAdmin, street_id: Some(1), facility_ids: vec![] })
        .await;
    let mut bad = item(app.facility_in(1).await);
    bad["title"] = json!("  ");
    let (status, body) = street
        .send(reqwest::Method::POST, "/api/v1/staff/items", Some(bad), &[("accept-language", "zh")])
        .await;
    assert_eq!((status, body["error"]["param"].as_str()), (400, Some("title")), "{body}");
    let (_, created) = street.post("/api/v1/staff/items", item(app.facility_in(1).await)).await;
    let id = created["id"].as_i64().unwrap();
    let mut zero = session();
    zero["capacity"] = json!(0);
    let (status, body) = street.post(&format!("/api/v1/staff/items/{id}/sessions"), zero).await;
    assert_eq!((status, body["error"]["param"].as_str()), (400, Some("capacity")));
    transition(&street, id, "submit", "").await;
    assert_eq!(
        street.post(&format!("/api/v1/staff/items/{id}/sessions"), session()).await.0,
        403,
        "under review"
    );
}

#[tokio::test]
async fn a_weekly_session_repeats_and_capacity_never_drops_below_the_bookings() {
    let app = spawn_app().await;
    let street = app
        .staff("street-1", StaffScope { role: Role::StreetAdmin, street_id: Some(1), facility_ids: vec![] })
        .await;
    let reviewer = app
        .staff("reviewer", StaffScope { role: Role::Reviewer, street_id: None, facility_ids: vec![] })
        .await;
    let (_, created) = street.post("/api/v1/staff/items", item(app.facility_in(1).await)).await;
    let id = created["id"].as_i64().unwrap();
    let mut weekly = session();
    weekly["repeat_weeks"] = json!(3);
    weekly["capacity"] = json!(2);
    let (status, added) = street.post(&format!("/api/v1/staff/items/{id}/sessions"), weekly).await;
    assert_eq!((status, added["ids"].as_array().unwrap().len()), (201, 4), "{added}");
    transition(&street, id, "submit", "").await;
    transition(&reviewer, id, "publish", "").await;
    let (_, public) = app.get_json(&format!("/api/v1/items/{id}")).await;
    assert_eq!(public["sessions"].as_array().unwrap().len(), 4);

    let session = cc_domain::ids::SessionId(added["id"].as_i64().unwrap());
    for phone in ["13800000001", "13800000002", "13800000003"] {
        app.register(phone, "石景山 lantern 1").await.book(session).await;
    }
    let path = format!("/api/v1/staff/sessions/{session}");
    let (status, body) = street
        .send(reqwest::Method::PATCH, &path, Some(json!({ "capacity": 1 })), &[("accept-language", "zh")])
        .await;
    assert_eq!((status, body["error"]["code"].as_str()), (409, Some("below_held")));
    assert!(body["error"]["message"].as_str().unwrap().contains("已有 2 个名额被预约"), "{body}");
    let (status, body) =
        street.send(reqwest::Method::PATCH, &path, Some(json!({ "capacity": 3 })), &[]).await;
    assert_eq!(
        (status, body["remaining"].as_i64()),
        (200, Some(0)),
        "the waitlisted resident took the new place"
    );
    let counts = app.store.session_counts(session).await.unwrap().unwrap();
    assert_eq!((counts.held, counts.waitlisted), (3, 0));
    let other = app
        .staff("street-2", StaffScope { role: Role::StreetAdmin, street_id: Some(2), facility_ids: vec![] })
        .await;
    assert_eq!(other.send(reqwest::Method::PATCH, &path, Some(json!({ "capacity": 10 })), &[]).await.0, 403);
}
