//! Public notice (公示) of the fund's awards: the committee's proposals are published for the
//! call's notice days; anyone logged in may object, with reasons, a few times a day; staff
//! answer each objection (an upheld one declines the award); an award becomes final only after
//! its notice, with every objection answered; the public list shows each year's awards, also
//! as a spreadsheet, and units and objectors are told.

use cc_domain::fund::review::Points;
use cc_domain::ids::{FundApplicationId, StaffId};
use cc_domain::organisation::CreditCode;
use cc_domain::staff::{Role, StaffScope};
use serde_json::{json, Value};

use crate::fund_review::{experts_in_store, submitted_by};
use crate::helpers::{spawn_app, TestApp, Visitor};

/// A credit code of its own for unit `n` (its check digit found by trying each).
pub(crate) fn credit_code(n: usize) -> String {
    let body = format!("9111010859{n:07}");
    let code = "0123456789ABCDEFGHJKLMNPQRTUWXY".chars().find_map(|c| CreditCode::parse(&format!("{body}{c}"))).unwrap();
    code.as_str().to_string()
}

/// A unit's application, scored by the experts and proposed at `amount` by `admin`.
pub(crate) async fn proposed(app: &TestApp, admin: &Visitor, experts: &[StaffId], n: usize, amount: &str) -> (Visitor, i64) {
    let (unit, id) = submitted_by(app, admin, &format!("1380000050{n}"), &credit_code(n)).await;
    let (store, application) = (&app.store, FundApplicationId(id));
    assert!(store.start_fund_review(application, experts, experts[0], 0).await.unwrap());
    let criteria = store.fund_criteria().await.unwrap();
    for expert in experts {
        store.declare_for_fund_review(application, *expert, false, "", 0).await.unwrap();
        let points: Vec<Points> = criteria.iter().map(|c| Points { criterion_id: c.id, points: 80 }).collect();
        assert!(store.score_fund_review(application, *expert, &points, 8000, "", 0).await.unwrap());
    }
    let (status, board) = admin.post(&format!("/api/v1/staff/fund/applications/{id}/proposal"), json!({ "amount": amount })).await;
    assert_eq!(status, 200, "{board}");
    (unit, id)
}

fn statuses(list: &Value) -> Vec<(i64, String)> {
    list["awards"].as_array().unwrap().iter().map(|a| (a["application_id"].as_i64().unwrap(), a["status"].as_str().unwrap().to_string())).collect()
}

async fn kinds(visitor: &Visitor) -> Vec<String> {
    let (_, inbox) = visitor.get("/api/v1/me/messages").await;
    inbox["messages"].as_array().unwrap().iter().map(|m| m["kind"].as_str().unwrap().to_string()).collect()
}

#[tokio::test]
async fn awards_are_published_objected_to_answered_and_final_only_after_the_notice() {
    let app = spawn_app().await;
    let admin = app.staff("notice-admin", StaffScope { role: Role::DistrictAdmin, street_id: None, facility_ids: vec![] }).await;
    let experts = experts_in_store(&app).await;
    let (first_unit, first) = proposed(&app, &admin, &experts, 1, "15,000").await;
    let (_, second) = proposed(&app, &admin, &experts, 2, "12,000").await;
    let (third_unit, third) = proposed(&app, &admin, &experts, 3, "10,000").await;
    let (_, board) = admin.get(&format!("/api/v1/staff/fund/applications/{first}")).await;
    let (call, year) = (board["call_id"].as_i64().unwrap(), board["call_year"].as_i64().unwrap());

    // The committee declines one, saying why; the unit is told.
    let decline = format!("/api/v1/staff/fund/applications/{third}/decline");
    assert_eq!(admin.post(&decline, json!({ "reason": "x" })).await.1["error"]["param"], "reason");
    let (status, declined) = admin.post(&decline, json!({ "reason": "与往年资助项目重复" })).await;
    assert_eq!((status, declined["application"]["status"].as_str()), (200, Some("declined")), "{declined}");
    assert!(kinds(&third_unit).await.contains(&"fund_decision".to_string()));
    assert_eq!(admin.post(&decline, json!({ "reason": "再次拒绝" })).await.1["error"]["code"], "not_now");

    // Nothing is public before it is published.
    let list = format!("/api/v1/fund/awards?year={year}");
    assert!(statuses(&app.get_json(&list).await.1).is_empty());
    let notice = format!("/api/v1/staff/fund/calls/{call}/notice");
    let (status, published) = admin.post(&notice, json!({})).await;
    assert_eq!(status, 200, "{published}");
    assert_eq!(published["published"].as_array().unwrap().len(), 2);
    assert_eq!(admin.post(&notice, json!({})).await.1["error"]["code"], "nothing_proposed");
    let (_, public) = app.get_json(&list).await;
    assert_eq!(statuses(&public), vec![(first, "in_notice".to_string()), (second, "in_notice".to_string())], "{public}");
    assert_eq!(public["total"].as_i64(), Some(2_700_000));
    assert!(public["awards"][0]["notice_until"].as_i64().unwrap() > cc_domain::time::now() + 6 * 86_400, "seven days by default");
    assert!(kinds(&first_unit).await.contains(&"fund_decision".to_string()), "the unit hears it is in notice");
    assert_eq!(app.get_json("/api/v1/fund/awards?year=99").await.1["error"]["param"], "year");

    // Anyone logged in objects, with reasons, a few times a day.
    let objector = app.register("13800000599", "石景山 objector 2026").await;
    let object = |id: i64| format!("/api/v1/fund/awards/{id}/objections");
    let reasons = json!({ "objection": "该单位去年的资助项目尚未通过验收，不应再获资助。" });
    assert_eq!(app.visitor().post(&object(first), reasons.clone()).await.0, 401, "real-name: logged in");
    assert_eq!(objector.post(&object(first), json!({ "objection": "不同意" })).await.1["error"]["param"], "objection");
    assert_eq!(objector.post(&object(third), reasons.clone()).await.0, 404, "a declined application is not on the list");
    let (status, lodged) = objector.post(&object(first), reasons.clone()).await;
    assert_eq!(status, 201, "{lodged}");
    assert_eq!(lodged["objector"], "138****0599");
    let (status, upheld_one) = objector.post(&object(second), json!({ "objection": "项目预算明显高于同类项目，请核实。" })).await;
    assert_eq!(status, 201, "{upheld_one}");
    for _ in 0..2 {
        assert_eq!(objector.post(&object(second), reasons.clone()).await.0, 201);
    }
    // The one against the declined application counted too: attempts are counted before the work.
    assert_eq!(objector.post(&object(second), reasons.clone()).await.1["error"]["code"], "daily_limit", "five a day");

    // Final only after the notice, and with every objection answered.
    let finalise = format!("/api/v1/staff/fund/applications/{first}/finalise");
    assert_eq!(admin.post(&finalise, json!({})).await.1["error"]["code"], "notice_running");
    app.store.end_fund_notice(FundApplicationId(first), cc_domain::time::now()).await.unwrap();
    assert_eq!(admin.post(&finalise, json!({})).await.1["error"]["code"], "objections_open");
    // The statement that makes it final checks again: an open objection holds it even past the service.
    let (in_notice, awarded) = (cc_domain::fund::AppStatus::InNotice, cc_domain::fund::AppStatus::Awarded);
    let past_the_service = app.store.move_fund_application(FundApplicationId(first), in_notice, awarded, cc_store::fund_applications::Move::Finalise, cc_domain::time::now()).await;
    assert!(!past_the_service.unwrap(), "an open objection keeps the award from becoming final");
    let other = app.register("13800000598", "石景山 objector 2027").await;
    assert_eq!(other.post(&object(first), reasons.clone()).await.1["error"]["code"], "not_in_notice", "closed with the notice");
    let (_, board) = admin.get(&format!("/api/v1/staff/fund/applications/{first}/reviews")).await;
    let objection = board["objections"][0]["id"].as_i64().unwrap();
    let answer = format!("/api/v1/staff/fund/objections/{objection}/answer");
    assert_eq!(admin.post(&answer, json!({ "answer": "", "upheld": false })).await.1["error"]["param"], "answer");
    let (status, answered) = admin.post(&answer, json!({ "answer": "经核实，该单位上年度项目已于十月通过验收。", "upheld": false })).await;
    assert_eq!((status, answered["objections"][0]["upheld"].as_bool()), (200, Some(false)), "{answered}");
    assert_eq!(admin.post(&answer, json!({ "answer": "再答一次", "upheld": true })).await.1["error"]["code"], "answered");
    assert!(kinds(&objector).await.contains(&"objection_answered".to_string()), "the objector is told");
    let (status, awarded) = admin.post(&finalise, json!({})).await;
    assert_eq!((status, awarded["application"]["status"].as_str()), (200, Some("awarded")), "{awarded}");

    // An upheld objection declines the award, and its money goes back to the call.
    let (_, board) = admin.get(&format!("/api/v1/staff/fund/applications/{second}/reviews")).await;
    let upheld = board["objections"][0]["id"].as_i64().unwrap();
    let (status, _) = admin.post(&format!("/api/v1/staff/fund/objections/{upheld}/answer"), json!({ "answer": "经核实预算偏高，异议成立。", "upheld": true })).await;
    assert_eq!(status, 200);
    let (_, declined) = admin.get(&format!("/api/v1/staff/fund/applications/{second}")).await;
    assert_eq!(declined["status"], "declined");
    let (_, public) = app.get_json(&list).await;
    assert_eq!(statuses(&public), vec![(first, "awarded".to_string())]);
    let calls = app.store.fund_calls(0).await.unwrap();
    assert_eq!(calls.iter().find(|c| c.id.0 == call).unwrap().committed.0, 1_500_000, "only the award holds money");

    // The list as a spreadsheet, in the language asked for.
    let response = reqwest::get(format!("{}/api/v1/fund/awards.xlsx?year={year}&lang=en", app.address)).await.unwrap();
    assert_eq!(response.status(), 200);
    assert!(response.headers()["content-disposition"].to_str().unwrap().contains(&format!("fund-awards-{year}.xlsx")));
    assert!(response.bytes().await.unwrap().starts_with(b"PK"), "a zip: an XLSX");

    let audit = app.store.audit_entries(None, 200).await.unwrap();
    for action in ["decline_fund_application", "publish_fund_awards", "answer_fund_objection", "finalise_fund_award"] {
        assert!(audit.iter().any(|e| e.action == action && !e.refused), "{action} is audited");
    }
}

/// An award in public notice with one objection lodged: the call's id, the application's and
/// the objection's.
pub(crate) async fn objected(app: &TestApp, admin: &Visitor) -> (i64, i64, i64) {
    let experts = experts_in_store(app).await;
    let (_, id) = proposed(app, admin, &experts, 9, "5,000").await;
    let (_, application) = admin.get(&format!("/api/v1/staff/fund/applications/{id}")).await;
    let call = application["call_id"].as_i64().unwrap();
    assert_eq!(admin.post(&format!("/api/v1/staff/fund/calls/{call}/notice"), json!({})).await.0, 200);
    let objector = app.register("13800000597", "石景山 objector 2028").await;
    let (status, lodged) = objector.post(&format!("/api/v1/fund/awards/{id}/objections"), json!({ "objection": "矩阵测试：请核实该项目的预算。" })).await;
    assert_eq!(status, 201, "{lodged}");
    (call, id, lodged["id"].as_i64().unwrap())
}
