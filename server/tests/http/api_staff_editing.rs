//! Staff changing an item after writing it: its fields (drafts by their authors, published
//! items by district admins only, at once for residents) and its picture (checked by its
//! bytes, stripped of metadata, served from an unguessable address).

use cc_domain::staff::{Role, StaffScope};
use serde_json::{json, Value};

use crate::helpers::{spawn_app, TestApp, Visitor};

fn street_admin(street: i64) -> StaffScope {
    StaffScope { role: Role::StreetAdmin, street_id: Some(street), facility_ids: vec![] }
}

fn district(role: Role) -> StaffScope {
    StaffScope { role, street_id: None, facility_ids: vec![] }
}

fn fields(facility: i64, title: &str) -> Value {
    json!({
        "title": title, "description": "剪纸传承人现场教学。", "provider": "八角街道文化中心",
        "category": "heritage", "audience": "children", "facility_id": facility,
    })
}

/// A draft by `author` at a facility of street 1; its id.
async fn draft(app: &TestApp, author: &Visitor) -> i64 {
    let (status, body) =
        author.post("/api/v1/staff/items", fields(app.facility_in(1).await, "剪纸体验课")).await;
    assert_eq!(status, 201, "{body}");
    body["id"].as_i64().unwrap()
}

async fn patch(staff: &Visitor, item: i64, body: Value) -> (u16, Value) {
    staff.send(reqwest::Method::PATCH, &format!("/api/v1/staff/items/{item}"), Some(body), &[]).await
}

/// A PNG's structure (the server reads it, never decodes it), with a text chunk naming its author.
pub fn png(width: u32, height: u32) -> Vec<u8> {
    let mut out = vec![0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A];
    let mut chunk = |kind: &[u8], data: &[u8]| {
        out.extend_from_slice(&(data.len() as u32).to_be_bytes());
        out.extend_from_slice(kind);
        out.extend_from_slice(data);
        out.extend_from_slice(&[0, 0, 0, 0]);
    };
    let mut header = width.to_be_bytes().to_vec();
    header.extend_from_slice(&height.to_be_bytes());
    header.extend_from_slice(&[8, 2, 0, 0, 0]);
    chunk(b"IHDR", &header);
    chunk(b"tEXt", b"Author\0Zhang San 13800000001");
    chunk(b"IDAT", &[1, 2, 3, 4]);
    chunk(b"IEND", &[]);
    out
}

async fn put_image(staff: &Visitor, item: i64, bytes: Vec<u8>, headers: &[(&str, &str)]) -> (u16, Value) {
    let mut request = staff
        .client
        .put(format!("{}/api/v1/staff/items/{item}/image", staff.address))
        .header("content-type", "image/png")
        .body(bytes);
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    let response = request.send().await.unwrap();
    let status = response.status().as_u16();
    (status, response.json().await.unwrap_or(Value::Null))
}

#[tokio::test]
async fn an_author_edits_a_draft_and_a_district_admin_a_published_item_which_residents_see_at_once() {
    let app = spawn_app().await;
    let street = app.staff("street-1", street_admin(1)).await;
    let admin = app.staff("admin", district(Role::DistrictAdmin)).await;
    let id = draft(&app, &street).await;
    let facility = app.facility_in(1).await;
    let (status, body) = patch(&street, id, fields(facility, "  剪纸体验课（周末班）  ")).await;
    assert_eq!((status, body["title"].as_str()), (200, Some("剪纸体验课（周末班）")), "{body}");

    let reviewer = app.staff("reviewer", district(Role::Reviewer)).await;
    for (who, action) in [(&street, "submit"), (&reviewer, "publish")] {
        let path = format!("/api/v1/staff/items/{id}/transitions");
        assert_eq!(who.post(&path, json!({ "action": action })).await.0, 200);
    }
    assert_eq!(
        patch(&street, id, fields(facility, "改个名字")).await.0,
        403,
        "published: district admins only"
    );
    let (status, _) = patch(&admin, id, fields(facility, "剪纸体验课（已改期）")).await;
    assert_eq!(status, 200);
    let (_, public) = app.get_json(&format!("/api/v1/items/{id}")).await;
    assert_eq!(public["title"], "剪纸体验课（已改期）", "residents see the change at once");
    let (_, found) = app.get_json(&format!("/api/v1/items?q={}", crate::helpers::enc("已改期"))).await;
    assert_eq!(found["items"][0]["id"].as_i64(), Some(id), "search finds the new words: {found}");

    let entries = app.store.audit_entries(None, 50).await.unwrap();
    let edit = entries.iter().find(|e| {
        e.action == "edit_item" && !e.refused && e.before.as_deref().is_some_and(|b| b.contains("周末班"))
    });
    assert!(
        edit.unwrap().after.as_deref().unwrap().contains("已改期"),
        "before and after on record: {entries:?}"
    );
    assert!(
        entries.iter().any(|e| e.action == "edit_item" && e.refused),
        "the street admin's try is on record"
    );
}

#[tokio::test]
async fn edits_outside_scope_or_to_a_facility_outside_it_are_refused_and_bad_fields_named() {
    let app = spawn_app().await;
    let street = app.staff("street-1", street_admin(1)).await;
    let other = app.staff("street-2", street_admin(2)).await;
    let id = draft(&app, &street).await;
    let here = app.facility_in(1).await;
    assert_eq!(patch(&other, id, fields(here, "别人的")).await.0, 403);
    assert_eq!(other.get(&format!("/api/v1/staff/items/{id}")).await.0, 403, "not even read");
    let (status, _) = patch(&street, id, fields(app.facility_in(2).await, "搬到别的街道")).await;
    assert_eq!(status, 403, "moving it out of the street is refused");
    let mut bad = fields(here, "剪纸");
    bad["category"] = json!("no-such-category");
    let (status, body) = patch(&street, id, bad).await;
    assert_eq!((status, body["error"]["param"].as_str()), (400, Some("category")), "{body}");
    let (status, body) = patch(&street, id, fields(here, "")).await;
    assert_eq!((status, body["error"]["param"].as_str()), (400, Some("title")));
    assert_eq!(patch(&street, 999_999, fields(here, "x")).await.0, 404);
    let (_, shown) = street.get(&format!("/api/v1/staff/items/{id}")).await;
    assert_eq!((shown["title"].as_str(), shown["editable"].as_bool()), (Some("剪纸体验课"), Some(true)));
    let refused = app.store.audit_entries(None, 50).await.unwrap().iter().filter(|e| e.refused).count();
    assert_eq!(refused, 3);
}

#[tokio::test]
async fn a_picture_is_stored_without_its_metadata_and_served_from_an_unguessable_address() {
    let app = spawn_app().await;
    let street = app.staff("street-1", street_admin(1)).await;
    let id = draft(&app, &street).await;
    let (status, body) = put_image(&street, id, png(640, 480), &[]).await;
    assert_eq!(status, 200, "{body}");
    let path = body["image"].as_str().unwrap().to_string();
    assert!(path.starts_with("/media/") && path.ends_with(".png") && path.len() > 30, "{path}");

    let response = reqwest::get(format!("{}{path}", app.address)).await.unwrap();
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["content-type"], "image/png");
    assert!(response.headers()["cache-control"].to_str().unwrap().contains("immutable"));
    assert_eq!(response.headers()["x-content-type-options"], "nosniff");
    let served = response.bytes().await.unwrap();
    assert!(!served.windows(8).any(|w| w == b"Zhang Sa"), "the text chunk is gone");
    let text_chunk = 12 + b"Author\0Zhang San 13800000001".len();
    assert_eq!(served.len(), png(640, 480).len() - text_chunk, "only the text chunk is gone");
    assert_eq!(app.get(&path.replace(".png", ".jpg")).await.0, 404);
    assert_eq!(app.get("/media/aaaaaaaaaaaaaaaaaaaaaaaa.png").await.0, 404);

    let (_, shown) = street.get(&format!("/api/v1/staff/items/{id}")).await;
    assert_eq!(shown["image"].as_str(), Some(path.as_str()));
    let entry =
        app.store.audit_entries(None, 10).await.unwrap().into_iter().find(|e| e.action == "set_image");
    assert!(entry.unwrap().after.unwrap().contains(&path));
}

#[tokio::test]
async fn pictures_that_are_not_jpeg_or_png_too_large_or_outside_scope_are_refused_in_words() {
    let app = spawn_app().await;
    let street = app.staff("street-1", street_admin(1)).await;
    let other = app.staff("street-2", street_admin(2)).await;
    let id = draft(&app, &street).await;
    let svg = b"<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'/>".to_vec();
    let (status, body) = put_image(&street, id, svg, &[("accept-language", "zh-CN")]).await;
    assert_eq!((status, body["error"]["code"].as_str()), (422, Some("unsupported_type")), "{body}");
    assert_eq!(body["error"]["message"], "只支持JPEG或PNG图片");
    let (status, body) = put_image(&street, id, png(50, 50), &[]).await;
    assert_eq!((status, body["error"]["code"].as_str()), (422, Some("bad_dimensions")));
    let mut huge = png(640, 480);
    huge.resize(5 * 1024 * 1024 + 10, 0);
    let (status, body) = put_image(&street, id, huge, &[]).await;
    assert_eq!((status, body["error"]["code"].as_str()), (413, Some("too_large")), "{body}");
    let mut enormous = png(640, 480);
    enormous.resize(7 * 1024 * 1024, 0);
    let (status, body) = put_image(&street, id, enormous, &[]).await;
    assert_eq!((status, body["error"]["code"].as_str()), (413, Some("too_large")), "{body}");
    assert_eq!(put_image(&other, id, png(640, 480), &[]).await.0, 403);
    let (_, shown) = street.get(&format!("/api/v1/staff/items/{id}")).await;
    assert!(shown["image"].is_null(), "nothing was stored: {shown}");
}

#[tokio::test]
async fn the_console_form_uploads_a_picture_and_comes_back_with_the_outcome() {
    let app = spawn_app().await;
    let street = app.staff("street-1", street_admin(1)).await;
    let id = draft(&app, &street).await;
    let send = |bytes: Vec<u8>| {
        let boundary = "----cc-test-boundary";
        let mut body = format!(
            "--{boundary}\r\nContent-Disposition: form-data; name=\"image\"; filename=\"photo.png\"\r\n\
             Content-Type: image/png\r\n\r\n"
        )
        .into_bytes();
        body.extend_from_slice(&bytes);
        body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
        street
            .client
            .post(format!("{}/api/v1/staff/items/{id}/image", street.address))
            .header("content-type", format!("multipart/form-data; boundary={boundary}"))
            .header("origin", street.address.clone())
            .body(body)
            .send()
    };
    let response = send(b"GIF89a not a png".to_vec()).await.unwrap();
    assert_eq!(response.url().path(), format!("/staff/items/{id}"));
    assert_eq!(response.url().query(), Some("image_error=unsupported_type"));
    let page = response.text().await.unwrap();
    assert!(page.contains("picture-error"), "the page explains the refusal");
    let response = send(png(800, 600)).await.unwrap();
    assert_eq!(response.url().query(), Some("image=saved"));
    assert!(response.text().await.unwrap().contains("/media/"), "the page shows the picture");
}

#[tokio::test]
async fn a_sessions_window_and_waitlist_change_checked_and_a_bad_change_changes_nothing() {
    let app = spawn_app().await;
    let street = app.staff("street-1", street_admin(1)).await;
    let reviewer = app.staff("reviewer", district(Role::Reviewer)).await;
    let id = draft(&app, &street).await;
    let at = |hours: i64| cc_domain::time::local(cc_domain::time::now() + hours * 3600).to_rfc3339();
    let (status, added) = street
        .post(
            &format!("/api/v1/staff/items/{id}/sessions"),
            json!({ "starts_at": at(48), "ends_at": at(50), "capacity": 1, "booking_opens_at": at(-1), "booking_closes_at": at(47) }),
        )
        .await;
    assert_eq!(status, 201, "{added}");
    let session = cc_domain::ids::SessionId(added["id"].as_i64().unwrap());
    for action in ["submit", "publish"] {
        let who = if action == "submit" { &street } else { &reviewer };
        who.post(&format!("/api/v1/staff/items/{id}/transitions"), json!({ "action": action })).await;
    }
    let path = format!("/api/v1/staff/sessions/{session}");
    let change = |body: Value| street.send(reqwest::Method::PATCH, &path, Some(body), &[]);

    let (status, body) = change(json!({ "waitlist": false, "booking_closes_at": at(24) })).await;
    assert_eq!((status, body["waitlist"].as_bool()), (200, Some(false)), "{body}");
    let closes = chrono::DateTime::parse_from_rfc3339(body["booking_closes_at"].as_str().unwrap()).unwrap();
    assert!((closes.timestamp() - (cc_domain::time::now() + 24 * 3600)).abs() < 60);
    assert_eq!(app.register("13800000001", "石景山 lantern 1").await.book(session).await.0, 201);
    let (status, body) = app.register("13800000002", "石景山 lantern 2").await.book(session).await;
    assert_eq!((status, body["error"]["code"].as_str()), (409, Some("full")), "no waitlist any more: {body}");

    let (status, body) = change(json!({ "capacity": 50, "booking_closes_at": at(49) })).await;
    assert_eq!((status, body["error"]["param"].as_str()), (400, Some("booking_closes_at")), "{body}");
    assert_eq!(app.store.session_counts(session).await.unwrap().unwrap().capacity, 1, "nothing changed");
    let (status, body) = change(json!({})).await;
    assert_eq!((status, body["error"]["code"].as_str()), (400, Some("nothing_to_change")));

    let entries = app.store.audit_entries(None, 50).await.unwrap();
    let logged = entries.iter().find(|e| e.action == "change_session").expect("the change is on record");
    assert!(logged.before.as_deref().unwrap().contains("\"waitlist\":true"), "{logged:?}");
    assert!(logged.after.as_deref().unwrap().contains("\"waitlist\":false"));
}
