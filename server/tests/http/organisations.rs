//! Units (organisations): a resident registers the unit they are the contact of (the credit
//! code checked by its check digit, one unit per code and per contact), district admins verify
//! or reject it with a reason and the contact is told; a rejected unit is changed and
//! resubmitted; a verified one is disabled and enabled again. Through the API and the pages.

use cc_domain::staff::{Role, StaffScope};
use serde_json::{json, Value};

use crate::helpers::spawn_app;

const CODE: &str = "91110107592346585N";
const OTHER_CODE: &str = "12110107400700155P";

fn unit(code: &str) -> Value {
    json!({ "name": "石景山区京西太平鼓传承中心", "credit_code": code, "kind": "protecting_unit", "contact_name": "李桂芳" })
}

fn district() -> StaffScope {
    StaffScope { role: Role::DistrictAdmin, street_id: None, facility_ids: vec![] }
}

#[tokio::test]
async fn a_unit_registers_is_checked_and_is_verified_or_rejected_with_its_contact_told() {
    let app = spawn_app().await;
    let contact = app.register("13800000201", "石景山 lantern 201").await;
    assert_eq!(app.visitor().post("/api/v1/org", unit(CODE)).await.0, 401);
    assert_eq!(contact.get("/api/v1/org").await.0, 404, "nothing registered yet");
    let (status, refused) = contact.post("/api/v1/org", unit("91110107592346585M")).await;
    assert_eq!((status, refused["error"]["param"].as_str()), (400, Some("credit_code")), "a wrong check digit: {refused}");
    let (status, refused) = contact.post("/api/v1/org", json!({ "name": "单", "credit_code": CODE, "kind": "protecting_unit", "contact_name": "李桂芳" })).await;
    assert_eq!((status, refused["error"]["param"].as_str()), (400, Some("name")));

    let (status, registered) = contact.post("/api/v1/org", unit(&CODE.to_lowercase())).await;
    assert_eq!((status, registered["status"].as_str()), (201, Some("pending")), "{registered}");
    assert_eq!(registered["credit_code"], CODE, "kept as the standard writes it");
    assert_eq!(registered["contact_phone"], "138****0201", "the contact's verified number, masked");
    let id = registered["id"].as_i64().unwrap();
    assert_eq!(contact.post("/api/v1/org", unit(OTHER_CODE)).await.1["error"]["code"], "has_one");
    let other = app.register("13800000202", "石景山 lantern 202").await;
    assert_eq!(other.post("/api/v1/org", unit(CODE)).await.1["error"]["code"], "code_taken");

    // Staff: only district admins decide; a rejection needs a reason, and the contact is told.
    let admin = app.staff("units-admin", district()).await;
    let street = app.staff("units-street", StaffScope { role: Role::StreetAdmin, street_id: Some(1), facility_ids: vec![] }).await;
    assert_eq!(decide(&street, id, json!({ "status": "verified" })).await.0, 403);
    assert_eq!(street.get("/api/v1/staff/organisations").await.0, 403);
    let (_, waiting) = admin.get("/api/v1/staff/organisations?status=pending").await;
    assert_eq!(waiting[0]["id"].as_i64(), Some(id));
    assert_eq!(admin.get("/api/v1/staff/organisations?status=lost").await.1["error"]["param"], "status");
    let (status, refused) = decide(&admin, id, json!({ "status": "rejected", "reason": " " })).await;
    assert_eq!((status, refused["error"]["param"].as_str()), (400, Some("reason")));
    let (status, rejected) = decide(&admin, id, json!({ "status": "rejected", "reason": "名称与执照不一致" })).await;
    assert_eq!((status, rejected["status"].as_str()), (200, Some("rejected")), "{rejected}");
    let (_, inbox) = contact.get("/api/v1/me/messages").await;
    assert_eq!(inbox["messages"][0]["kind"], "organisation_decided", "{inbox}");
    let (_, _, page) = contact.get_text("/me/messages").await;
    assert!(page.contains("未通过认证") && page.contains("名称与执照不一致"), "the inbox says why");

    // Changed and resubmitted, then verified; a verified unit is no longer changed by its contact.
    let mut changed = unit(CODE);
    changed["name"] = json!("北京市石景山区京西太平鼓传承中心");
    let (status, again) = contact.send(reqwest::Method::PUT, "/api/v1/org", Some(changed.clone()), &[]).await;
    assert_eq!((status, again["status"].as_str(), again["status_reason"].as_str()), (200, Some("pending"), None), "{again}");
    assert_eq!(decide(&admin, id, json!({ "status": "disabled", "reason": "测试" })).await.1["error"]["code"], "not_now");
    assert_eq!(decide(&admin, id, json!({ "status": "verified" })).await.1["status"], "verified");
    let (status, settled) = contact.send(reqwest::Method::PUT, "/api/v1/org", Some(changed), &[]).await;
    assert_eq!((status, settled["error"]["code"].as_str()), (409, Some("settled")));
    assert_eq!(decide(&admin, id, json!({ "status": "disabled", "reason": "资质过期" })).await.1["status"], "disabled");
    assert_eq!(decide(&admin, id, json!({ "status": "verified" })).await.1["status"], "verified", "enabled again");

    let audit = app.store.audit_entries(None, 50).await.unwrap();
    let decisions: Vec<_> = audit.iter().filter(|e| e.action == "decide_organisation").collect();
    assert_eq!(decisions.iter().filter(|e| !e.refused).count(), 4, "{decisions:?}");
    assert_eq!(decisions.iter().filter(|e| e.refused).count(), 1, "the street admin's attempt");
}

async fn decide(who: &crate::helpers::Visitor, id: i64, body: Value) -> (u16, Value) {
    who.post(&format!("/api/v1/staff/organisations/{id}/decision"), body).await
}

#[tokio::test]
async fn two_registrations_of_one_code_at_once_make_one_unit() {
    let app = spawn_app().await;
    let mut contacts = Vec::new();
    for n in 0..10 {
        contacts.push(app.register(&format!("1380000021{n}"), "石景山 lantern 21").await);
    }
    let answers = futures::future::join_all(contacts.iter().map(|c| c.post("/api/v1/org", unit(CODE)))).await;
    let registered = answers.iter().filter(|(status, _)| *status == 201).count();
    let taken = answers.iter().filter(|(status, body)| *status == 409 && body["error"]["code"] == "code_taken").count();
    assert_eq!((registered, taken), (1, 9), "{answers:?}");
}

#[tokio::test]
async fn the_unit_pages_work_without_a_script_keep_what_was_typed_and_show_names_as_text() {
    let app = spawn_app().await;
    let (_, _, page) = app.visitor().get_text("/org").await;
    assert!(page.contains("/login?next=/org"), "visitors are asked to log in");
    let contact = app.register("13800000203", "石景山 lantern 203").await;
    let hostile = "<script>alert(1)</script>协会";
    let form = |code: &str| {
        vec![("name", hostile.to_string()), ("credit_code", code.to_string()), ("kind", "social_organisation".to_string()), ("contact_name", "张三".to_string())]
    };
    let answer = contact.post_form("/org", "save_unit_form", &form("12345")).await;
    let html = answer.text().await.unwrap();
    assert!(html.contains("data-testid=\"unit-error\"") && html.contains("校验位"), "the field is named");
    assert!(html.contains("value=\"12345\"") && !html.contains("<script>alert(1)"), "what was typed is kept, as text");
    let html = contact.post_form("/org", "save_unit_form", &form(OTHER_CODE)).await.text().await.unwrap();
    assert!(html.contains("data-testid=\"unit-saved\"") && html.contains("待审核"), "registered");
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;协会"));

    let admin = app.staff("units-page-admin", district()).await;
    let (_, _, staff_page) = admin.get_text("/staff/organisations").await;
    assert!(staff_page.contains("&lt;script&gt;alert(1)") && !staff_page.contains("<script>alert(1)"));
    let id = contact.get("/api/v1/org").await.1["id"].as_i64().unwrap();
    let decision = |status: &str, reason: &str| vec![("organisation_id", id.to_string()), ("status", status.to_string()), ("reason", reason.to_string())];
    let html = admin.post_form("/staff/organisations", "decide_unit_form", &decision("rejected", "")).await.text().await.unwrap();
    assert!(html.contains("写明原因"), "a reason is asked for");
    assert!(html.contains("value=\"rejected\" selected"), "and the rejection stays chosen, never turning into a verification");
    let html = admin.post_form("/staff/organisations", "decide_unit_form", &decision("verified", "")).await.text().await.unwrap();
    assert!(html.contains("已处理"), "decided");
    let (_, _, page) = contact.get_text("/org").await;
    assert!(page.contains("data-status=\"verified\"") && !page.contains("data-testid=\"unit-form\""), "verified: no form");
}
