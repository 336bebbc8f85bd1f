//! 非遗专项资金: the fourteen default categories every district starts with, the demo's calls
//! with their phase by date; district admins change and add categories and calls (every field
//! checked, audited); the public page shows them.

use cc_domain::staff::{Role, StaffScope};
use serde_json::{json, Value};

use crate::helpers::spawn_app;

fn district() -> StaffScope {
    StaffScope { role: Role::DistrictAdmin, street_id: None, facility_ids: vec![] }
}

fn category(code: &str) -> Value {
    json!({ "code": code, "name": "非遗数字展馆", "name_en": "Digital galleries", "description": "线上展示", "cap": "120,000", "attachments": ["建设方案"] })
}

#[tokio::test]
async fn a_district_starts_with_fourteen_categories_and_admins_change_them() {
    let app = spawn_app().await;
    let (status, categories) = app.get_json("/api/v1/fund/categories").await;
    assert_eq!(status, 200);
    let list = categories.as_array().unwrap();
    assert_eq!(list.len(), 14, "{categories}");
    assert!(list.iter().all(|c| c["default"] == true && c["cap"].as_i64().unwrap() > 0));
    assert_eq!((list[0]["code"].as_str(), list[1]["name"].as_str()), (Some("research"), Some("展览展示活动")));

    let admin = app.staff("fund-admin", district()).await;
    let street = app.staff("fund-street", StaffScope { role: Role::StreetAdmin, street_id: Some(1), facility_ids: vec![] }).await;
    assert_eq!(street.post("/api/v1/staff/fund/categories", category("digital")).await.0, 403);
    let (status, added) = admin.post("/api/v1/staff/fund/categories", category("digital")).await;
    assert_eq!((status, added["cap"].as_i64(), added["default"].as_bool()), (201, Some(12_000_000), Some(false)), "{added}");
    let (status, taken) = admin.post("/api/v1/staff/fund/categories", category("research")).await;
    assert_eq!((status, taken["error"]["param"].as_str()), (400, Some("code")), "{taken}");
    let mut bad = category("digital-2");
    bad["cap"] = json!("五万");
    assert_eq!(admin.post("/api/v1/staff/fund/categories", bad).await.1["error"]["param"], "cap");

    // A default is changed like any other, and retired ones go last.
    let research = list[0]["id"].as_i64().unwrap();
    let mut changed = category("research");
    changed["name"] = json!("非遗理论研究（修订）");
    changed["retired"] = json!(true);
    let path = format!("/api/v1/staff/fund/categories/{research}");
    let (status, after) = admin.send(reqwest::Method::PUT, &path, Some(changed.clone()), &[]).await;
    assert_eq!((status, after["retired"].as_bool(), after["default"].as_bool()), (200, Some(true), Some(true)), "{after}");
    let (_, categories) = app.get_json("/api/v1/fund/categories").await;
    assert_eq!(categories.as_array().unwrap().last().unwrap()["id"].as_i64(), Some(research));
    assert_eq!(admin.send(reqwest::Method::PUT, "/api/v1/staff/fund/categories/999", Some(changed), &[]).await.0, 404);
    let audit = app.store.audit_entries(None, 20).await.unwrap();
    let saves: Vec<_> = audit.iter().filter(|e| e.action == "save_fund_category").collect();
    assert_eq!((saves.iter().filter(|e| !e.refused).count(), saves.iter().filter(|e| e.refused).count()), (2, 1));
    assert!(saves.iter().any(|e| e.before.as_deref().is_some_and(|b| b.contains("非遗理论研究\""))), "the category as it was");
}

#[tokio::test]
async fn calls_open_and_close_by_their_days_and_admins_write_them() {
    let app = spawn_app().await;
    let (_, calls) = app.get_json("/api/v1/fund/calls").await;
    let phases: Vec<&str> = calls.as_array().unwrap().iter().map(|c| c["phase"].as_str().unwrap()).collect();
    assert_eq!(phases, ["open", "closed"], "the demo's: the coming year's open, this year's closed: {calls}");
    let year = calls[0]["year"].as_i64().unwrap();

    let admin = app.staff("calls-admin", district()).await;
    let call = |year: i64, opens: &str, closes: &str| {
        json!({ "year": year, "title": "非遗专项资金申报", "budget": "1,000,000", "opens_on": opens, "closes_on": closes })
    };
    let (status, taken) = admin.post("/api/v1/staff/fund/calls", call(year, "2030-03-01", "2030-03-31")).await;
    assert_eq!((status, taken["error"]["param"].as_str()), (400, Some("year")), "one call a year: {taken}");
    let (status, bad) = admin.post("/api/v1/staff/fund/calls", call(2031, "2031-03-31", "2031-03-01")).await;
    assert_eq!((status, bad["error"]["param"].as_str()), (400, Some("closes_on")));
    let (status, created) = admin.post("/api/v1/staff/fund/calls", call(2031, "2031-03-01", "2031-03-31")).await;
    assert_eq!((status, created["phase"].as_str(), created["budget"].as_i64(), created["notice_days"].as_i64()), (201, Some("upcoming"), Some(100_000_000), Some(7)));
    let id = created["id"].as_i64().unwrap();
    let mut moved = call(2031, "2031-04-01", "2031-04-30");
    moved["notice_days"] = json!(10);
    let (status, after) = admin.send(reqwest::Method::PUT, &format!("/api/v1/staff/fund/calls/{id}"), Some(moved), &[]).await;
    assert_eq!((status, after["opens_on"].as_str(), after["notice_days"].as_i64()), (200, Some("2031-04-01"), Some(10)));
    let resident = app.register("13800000301", "石景山 lantern 301").await;
    assert_eq!(resident.post("/api/v1/staff/fund/calls", call(2032, "2032-03-01", "2032-03-31")).await.0, 401);

    // The public page says it all, as text.
    let hostile = call(2033, "2033-03-01", "2033-03-31");
    let mut hostile = hostile;
    hostile["title"] = json!("<script>alert(1)</script>申报");
    assert_eq!(admin.post("/api/v1/staff/fund/calls", hostile).await.0, 201);
    let (status, page) = app.get("/fund").await;
    assert_eq!(status, 200);
    assert!(page.contains("申报中") && page.contains("展览展示活动") && page.contains("2,000,000.00"), "calls and rules");
    assert!(!page.contains("<script>alert(1)") && page.contains("&lt;script&gt;alert(1)&lt;/script&gt;申报"));
}
