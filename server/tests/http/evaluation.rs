//! The evaluation (科学考评): the district's indicators scored for a place and a period; a
//! period that is over is stored when first read and never changes when the data do, while the
//! current quarter follows them; weights must add up to 100; street admins read their street.

use cc_domain::evaluation::Period;
use cc_domain::staff::{Role, StaffScope};
use reqwest::Method;
use serde_json::{json, Value};

use crate::helpers::{spawn_app, TestApp, Visitor};

fn line<'a>(report: &'a Value, measure: &str) -> &'a Value {
    report["lines"].as_array().unwrap().iter().find(|l| l["indicator"]["measure"] == measure).unwrap()
}

/// Makes one compliant facility fall short (its area 1 m²).
async fn shrink_a_compliant_facility(app: &TestApp, admin: &Visitor) {
    for f in 1..80 {
        if app.get_json(&format!("/api/v1/facilities/{f}")).await.1["properties"]["compliance"]["compliant"] == true {
            let (status, body) = admin.send(Method::PATCH, &format!("/api/v1/staff/facilities/{f}"), Some(json!({ "area_m2": 1.0 })), &[]).await;
            assert_eq!(status, 200, "{body}");
            return;
        }
    }
    panic!("no compliant facility");
}

#[tokio::test]
async fn a_past_quarter_is_stored_and_never_changes_when_the_data_do() {
    let app = spawn_app().await;
    let admin = app.staff("evaluator", StaffScope { role: Role::DistrictAdmin, street_id: None, facility_ids: vec![] }).await;
    let now = Period::quarter_of(cc_domain::time::now());
    let last = now.quarters_to(2)[0];
    // Storing the quarter that ended stores it for the district and every street, once.
    let stored = cc_services::staff::store_ended_quarter(&app.store, cc_domain::time::now()).await.unwrap();
    assert_eq!(stored, 10, "nine streets and the district");
    assert_eq!(cc_services::staff::store_ended_quarter(&app.store, cc_domain::time::now()).await.unwrap(), 0);
    assert!(app.store.evaluation_snapshot(last, Some(1)).await.unwrap().is_some_and(|r| r.stored));
    let (status, past) = admin.get(&format!("/api/v1/staff/evaluation?period={last}")).await;
    assert_eq!(status, 200, "{past}");
    assert_eq!((past["report"]["stored"].as_bool(), past["report"]["place"].as_str()), (Some(true), Some("全区")));
    assert_eq!(past["report"]["lines"].as_array().unwrap().len(), 9);
    let (_, current) = admin.get("/api/v1/staff/evaluation").await;
    assert_eq!((current["report"]["period"].as_str(), current["report"]["stored"].as_bool()), (Some(now.to_string().as_str()), Some(false)));
    // The trend: the stored quarters before this one (reading it stores none), then this one.
    let trend = current["trend"].as_array().unwrap();
    assert_eq!(trend.iter().map(|r| r["period"].as_str().unwrap()).collect::<Vec<_>>(), vec![last.to_string(), now.to_string()]);
    let next = now.quarters_to(1)[0].window().to + 86_400;
    let future = Period::quarter_of(next);
    assert_eq!(admin.get(&format!("/api/v1/staff/evaluation?period={future}")).await.1["error"]["param"], "period", "a quarter that has not begun");
    let before = line(&current["report"], "facility_compliance")["reading"]["part"].as_i64().unwrap();

    shrink_a_compliant_facility(&app, &admin).await;
    let (_, again) = admin.get(&format!("/api/v1/staff/evaluation?period={last}")).await;
    assert_eq!(again["report"], past["report"], "a stored quarter never changes");
    let (_, live) = admin.get("/api/v1/staff/evaluation").await;
    assert_eq!(line(&live["report"], "facility_compliance")["reading"]["part"].as_i64().unwrap(), before - 1, "the current quarter follows the data");

    // New weights score what comes; the stored quarter keeps those it was scored by.
    assert_eq!(app.get_json("/api/v1/staff/evaluation/indicators").await.0, 401, "staff only");
    let (_, mut set) = admin.get("/api/v1/staff/evaluation/indicators").await;
    set[0]["weight"] = json!(30);
    let (status, refused) = admin.send(Method::PUT, "/api/v1/staff/evaluation/indicators", Some(set.clone()), &[]).await;
    assert_eq!((status, refused["error"]["param"].as_str()), (400, Some("weight")), "110 in all");
    set[1]["weight"] = json!(5);
    let (status, saved) = admin.send(Method::PUT, "/api/v1/staff/evaluation/indicators", Some(set), &[]).await;
    assert_eq!(status, 200, "{saved}");
    let (_, kept) = admin.get(&format!("/api/v1/staff/evaluation?period={last}")).await;
    assert_eq!(line(&kept["report"], "facility_compliance")["indicator"]["weight"], 20);
    let (_, live) = admin.get("/api/v1/staff/evaluation").await;
    assert_eq!(line(&live["report"], "facility_compliance")["indicator"]["weight"], 30);
    let audit = app.store.audit_entries(None, 20).await.unwrap();
    assert!(audit.iter().any(|e| e.action == "set_evaluation_indicators" && !e.refused));
}

#[tokio::test]
async fn street_admins_read_their_street_and_no_data_is_not_scored() {
    let app = spawn_app().await;
    let street = app.staff("street-evaluator", StaffScope { role: Role::StreetAdmin, street_id: Some(2), facility_ids: vec![] }).await;
    let (status, own) = street.get("/api/v1/staff/evaluation?period=2026&street=2").await;
    assert_eq!(status, 200, "{own}");
    assert_eq!(own["report"]["street_id"], 2);
    // The demo has no reviews: satisfaction is no data, not 0 %, and its weight is left out.
    let satisfaction = line(&own["report"], "satisfaction");
    assert!(satisfaction["score"].is_null() && satisfaction["value"].is_null(), "{satisfaction}");
    assert!(own["report"]["scored_weight"].as_u64().unwrap() < 100);
    assert_eq!(street.get("/api/v1/staff/evaluation?street=3").await.0, 403);
    assert_eq!(street.get("/api/v1/staff/evaluation").await.0, 403, "the district is the district admins'");
    let (_, indicators) = street.get("/api/v1/staff/evaluation/indicators").await;
    assert_eq!(street.send(Method::PUT, "/api/v1/staff/evaluation/indicators", Some(indicators), &[]).await.0, 403);
    let expert = app.staff("expert-reader", StaffScope { role: Role::Expert, street_id: None, facility_ids: vec![] }).await;
    assert_eq!(expert.get("/api/v1/staff/evaluation/indicators").await.0, 403);
    for bad in ["period=2026-Q5", "period=q4", "street=abc", "street=0"] {
        let (status, body) = street.get(&format!("/api/v1/staff/evaluation?{bad}")).await;
        assert_eq!(status, 400, "{bad}: {body}");
    }
    let (status, _, xlsx) = street.get_text("/api/v1/staff/evaluation.xlsx?period=2026&street=2&lang=en").await;
    assert_eq!(status, 200);
    assert!(xlsx.starts_with("PK"), "a spreadsheet is a zip");
}

#[tokio::test]
async fn the_report_page_shows_a_quarter_and_its_trend() {
    let app = spawn_app().await;
    let admin = app.staff("report-reader", StaffScope { role: Role::DistrictAdmin, street_id: None, facility_ids: vec![] }).await;
    let last = Period::quarter_of(cc_domain::time::now()).quarters_to(2)[0];
    let (status, _, html) = admin.get_text(&format!("/staff/evaluation?period={last}&street=1")).await;
    assert_eq!(status, 200);
    assert_eq!(html.matches("data-testid=\"evaluation-line\"").count(), 9, "one row per indicator");
    assert!(html.matches("data-testid=\"evaluation-trend\"").count() == 9 && html.contains("<svg"));
    assert!(html.contains(&last.to_string()) && html.contains("期末快照"));
    let street = app.staff("report-street", StaffScope { role: Role::StreetAdmin, street_id: Some(1), facility_ids: vec![] }).await;
    let (_, _, own) = street.get_text("/staff/evaluation").await;
    assert!(own.contains("data-testid=\"evaluation-table\""), "a street admin's own street by default");
    let (_, _, other) = street.get_text("/staff/evaluation?street=2").await;
    assert!(!other.contains("data-testid=\"evaluation-table\""), "another street is refused");
}
