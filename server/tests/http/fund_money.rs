//! Money after an award: the agreement pays the first half; the mid-term payment waits for the
//! unit's mid-term report and acceptance (验收) for its final report, each stage paid once, in
//! order, to the fen; money paid is reclaimed at most in full; the unit is told at each step
//! and every step is audited.

use cc_domain::ids::FundApplicationId;
use cc_domain::staff::{Role, StaffScope};
use serde_json::json;

use crate::fund_notice::proposed;
use crate::fund_review::experts_in_store;
use crate::helpers::{spawn_app, TestApp, Visitor};

/// An award made final: the unit and the application's id.
async fn awarded(app: &TestApp, admin: &Visitor, experts: &[cc_domain::ids::StaffId], n: usize, amount: &str) -> (Visitor, i64) {
    let (unit, id) = proposed(app, admin, experts, n, amount).await;
    let (_, application) = admin.get(&format!("/api/v1/staff/fund/applications/{id}")).await;
    admin.post(&format!("/api/v1/staff/fund/calls/{}/notice", application["call_id"]), json!({})).await;
    app.store.end_fund_notice(FundApplicationId(id), cc_domain::time::now()).await.unwrap();
    let (status, board) = admin.post(&format!("/api/v1/staff/fund/applications/{id}/finalise"), json!({})).await;
    assert_eq!(status, 200, "{board}");
    (unit, id)
}

fn paid(board: &serde_json::Value) -> Vec<(String, i64)> {
    board["application"]["payments"].as_array().unwrap().iter().map(|p| (p["stage"].as_str().unwrap().to_string(), p["amount"].as_i64().unwrap())).collect()
}

#[tokio::test]
async fn an_award_is_paid_in_stages_on_evidence_and_can_be_reclaimed() {
    let app = spawn_app().await;
    let admin = app.staff("money-admin", StaffScope { role: Role::DistrictAdmin, street_id: None, facility_ids: vec![] }).await;
    let experts = experts_in_store(&app).await;
    let (unit, id) = awarded(&app, &admin, &experts, 5, "15,000.01").await;
    let at = |what: &str| format!("/api/v1/staff/fund/applications/{id}/{what}");
    let evidence = json!({ "evidence": "已审阅中期报告并实地查看" });

    // The agreement pays half, rounded down to the fen.
    assert_eq!(admin.post(&at("payments"), evidence.clone()).await.1["error"]["code"], "not_now", "nothing before the agreement");
    assert_eq!(admin.post(&at("agreement"), json!({ "number": "S", "signed_on": "2027-05-20" })).await.1["error"]["param"], "number");
    assert_eq!(admin.post(&at("agreement"), json!({ "number": "SJS-2027-001", "signed_on": "5月20日" })).await.1["error"]["param"], "signed_on");
    let (status, signed) = admin.post(&at("agreement"), json!({ "number": "SJS-2027-001", "signed_on": "2027-05-20" })).await;
    assert_eq!((status, signed["application"]["status"].as_str()), (200, Some("contracted")), "{signed}");
    assert_eq!(paid(&signed), vec![("signing".to_string(), 750_000)]);
    assert_eq!(admin.post(&at("agreement"), json!({ "number": "SJS-2027-002", "signed_on": "2027-05-21" })).await.1["error"]["code"], "not_now");

    // The mid-term payment waits for the unit's report, and is paid once.
    assert_eq!(admin.post(&at("payments"), evidence.clone()).await.1["error"]["code"], "no_report");
    let report = format!("/api/v1/org/applications/{id}/reports");
    assert_eq!(unit.post(&report, json!({ "kind": "mid_term", "body": "完成" })).await.1["error"]["param"], "body");
    let (status, sent) = unit.post(&report, json!({ "kind": "mid_term", "body": "完成访谈十二人次，整理鼓谱三套，支出访谈费六千元。" })).await;
    assert_eq!(status, 200, "{sent}");
    assert_eq!(admin.post(&at("acceptance"), evidence.clone()).await.1["error"]["code"], "stage_order", "acceptance after the mid-term payment");
    // Eight clicks at once pay it once: the payment's key decides.
    let path = at("payments");
    let answers = futures::future::join_all((0..8).map(|_| admin.post(&path, evidence.clone()))).await;
    assert_eq!(answers.iter().filter(|(status, _)| *status == 200).count(), 1, "{answers:?}");
    let (_, released) = admin.get(&format!("/api/v1/staff/fund/applications/{id}/reviews")).await;
    assert_eq!(paid(&released), vec![("signing".to_string(), 750_000), ("mid_term".to_string(), 450_000)]);
    assert_eq!(admin.post(&at("payments"), evidence.clone()).await.1["error"]["code"], "stage_order", "once");
    let rewrite = json!({ "kind": "mid_term", "body": "改写：完成访谈二十人次，整理鼓谱五套，支出访谈费一万元。" });
    assert_eq!(unit.post(&report, rewrite).await.1["error"]["code"], "report_closed", "what was paid on stays as it was read");

    // Acceptance on the final report pays the rest: the award to the fen.
    assert_eq!(admin.post(&at("acceptance"), evidence.clone()).await.1["error"]["code"], "no_report");
    unit.post(&report, json!({ "kind": "final", "body": "研究报告已完成并印制二百册，经费全部按预算使用，附支出明细。" })).await;
    let (status, accepted) = admin.post(&at("acceptance"), json!({ "evidence": "专家验收通过" })).await;
    assert_eq!((status, accepted["application"]["status"].as_str()), (200, Some("completed")), "{accepted}");
    assert_eq!(paid(&accepted).iter().map(|(_, fen)| fen).sum::<i64>(), 1_500_001, "the stages add up to the award");
    assert_eq!(unit.post(&report, json!({ "kind": "final", "body": "补充说明：经费全部按预算使用，附支出明细。" })).await.1["error"]["code"], "not_now");

    // Another award is reclaimed: at most what was paid, and the unit is told why.
    let (other_unit, other) = awarded(&app, &admin, &experts, 6, "10,000").await;
    admin.post(&format!("/api/v1/staff/fund/applications/{other}/agreement"), json!({ "number": "SJS-2027-002", "signed_on": "2027-05-21" })).await;
    let clawback = format!("/api/v1/staff/fund/applications/{other}/clawback");
    assert_eq!(admin.post(&clawback, json!({ "amount": "5,000.01", "reason": "未按协议实施" })).await.1["error"]["param"], "amount");
    let (status, reclaimed) = admin.post(&clawback, json!({ "amount": "5,000", "reason": "未按协议实施" })).await;
    assert_eq!((status, reclaimed["application"]["status"].as_str()), (200, Some("clawed_back")), "{reclaimed}");
    let (_, inbox) = other_unit.get("/api/v1/me/messages").await;
    assert!(inbox["messages"][0]["detail"].as_str().unwrap_or_default().contains("未按协议实施"), "{inbox}");
    let (_, public) = app.get_json(&format!("/api/v1/fund/awards?year={}", reclaimed["application"]["call_year"])).await;
    assert!(public["awards"].as_array().unwrap().iter().all(|a| a["application_id"].as_i64() != Some(other)), "a reclaimed award leaves the list");

    let audit = app.store.audit_entries(None, 300).await.unwrap();
    for action in ["sign_fund_agreement", "release_fund_payment", "accept_fund_application", "claw_back_fund"] {
        assert!(audit.iter().any(|e| e.action == action && !e.refused), "{action} is audited");
    }
}
