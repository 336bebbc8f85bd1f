//! Expert review of fund applications: district admins hand a complete application to three
//! experts or more; each declares any conflict of interest before reading it (one who has one
//! steps aside and is replaced), scores it on the weighted criteria, and sees no other expert's
//! scores until all are in; the committee's amount never exceeds the request, the category's
//! cap or what is left of the call's budget — not even when many are decided at once.

use cc_domain::fund::review::Points;
use cc_domain::fund::{ApplicationInput, BudgetLineInput, CallInput, Fen};
use cc_domain::ids::{FundApplicationId, ResidentId, StaffId};
use cc_domain::organisation::{CreditCode, NewOrganisation, OrgStatus};
use cc_domain::staff::{Role, StaffScope};
use cc_store::fund_applications::{Move, Started};
use serde_json::{json, Value};

use crate::fund_applications::{complete, open_call_and_research, verified_unit, PDF};
use crate::helpers::{spawn_app, TestApp, Visitor};

fn scope(role: Role) -> StaffScope {
    StaffScope { role, street_id: None, facility_ids: vec![] }
}

/// A submitted application of a unit verified by `admin`.
async fn submitted(app: &TestApp, admin: &Visitor, phone: &str, code: &str) -> i64 {
    submitted_by(app, admin, phone, code).await.1
}

/// A unit verified by `admin` (logged in as its contact) and its submitted application.
pub(crate) async fn submitted_by(app: &TestApp, admin: &Visitor, phone: &str, code: &str) -> (Visitor, i64) {
    let unit = verified_unit(app, admin, phone, code).await;
    let (call, research, required) = open_call_and_research(app).await;
    let mut start = complete("20,000");
    start["call_id"] = json!(call);
    start["category_id"] = json!(research);
    let (_, draft) = unit.post("/api/v1/org/applications", start).await;
    let id = draft["id"].as_i64().unwrap();
    for label in required {
        unit.upload(&format!("/api/v1/org/applications/{id}/attachments?label={}", crate::helpers::enc(&label)), PDF.to_vec()).await;
    }
    let (status, sent) = unit.post(&format!("/api/v1/org/applications/{id}/submit"), json!({})).await;
    assert_eq!(status, 200, "{sent}");
    (unit, id)
}

pub(crate) async fn expert_id(app: &TestApp, name: &str) -> (Visitor, i64) {
    let visitor = app.staff(name, scope(Role::Expert)).await;
    let (_, me) = visitor.get("/api/v1/staff/me").await;
    (visitor, me["id"].as_i64().expect("the expert's id"))
}

async fn scores(app: &TestApp, points: i32) -> Value {
    let (_, criteria) = app.get_json("/api/v1/fund/criteria").await;
    let scores: Vec<Value> = criteria.as_array().unwrap().iter().map(|c| json!({ "criterion_id": c["id"], "points": points })).collect();
    json!({ "scores": scores, "comment": "传承价值突出，预算合理。" })
}

#[tokio::test]
async fn experts_declare_then_score_blind_and_the_committee_decides_within_the_limits() {
    let app = spawn_app().await;
    let admin = app.staff("review-admin", scope(Role::DistrictAdmin)).await;
    let id = submitted(&app, &admin, "13800000401", "91110107592346585N").await;
    let mut experts = Vec::new();
    for n in 1..=4 {
        experts.push(expert_id(&app, &format!("expert-{n}")).await);
    }
    let ids: Vec<i64> = experts.iter().map(|(_, id)| *id).collect();
    let review = format!("/api/v1/staff/fund/applications/{id}/review");
    assert_eq!(admin.post(&review, json!({ "experts": &ids[..2] })).await.1["error"]["param"], "experts", "three at least");
    let (_, me) = admin.get("/api/v1/staff/me").await;
    assert_eq!(admin.post(&review, json!({ "experts": [ids[0], ids[1], me["id"]] })).await.1["error"]["param"], "experts", "experts only");
    let (status, board) = admin.post(&review, json!({ "experts": &ids[..3] })).await;
    assert_eq!((status, board["application"]["status"].as_str()), (200, Some("in_review")), "{board}");

    // Before declaring, an expert sees who applied and for what, not the application.
    let at = format!("/api/v1/staff/fund/assignments/{id}");
    let (e1, e2, e3, e4) = (&experts[0].0, &experts[1].0, &experts[2].0, &experts[3].0);
    assert_eq!(e4.get(&at).await.0, 404, "not assigned to the fourth");
    assert_eq!(admin.get("/api/v1/staff/fund/assignments").await.0, 403, "admins are not experts");
    let (_, seen) = e1.get(&at).await;
    assert!(seen["application"].is_null() && seen["unit_name"].as_str().unwrap().contains("京西非遗工作室"), "{seen}");
    assert_eq!(e1.post(&format!("{at}/score"), scores(&app, 80).await).await.1["error"]["code"], "not_now");
    assert_eq!(e1.post(&format!("{at}/declaration"), json!({ "conflict": true })).await.1["error"]["param"], "statement");
    let (_, stepped) = e1.post(&format!("{at}/declaration"), json!({ "conflict": true, "statement": "本人曾任该单位顾问" })).await;
    assert_eq!((stepped["mine"]["state"].as_str(), stepped["application"].is_null()), (Some("recused"), true));
    assert_eq!(e1.post(&format!("{at}/declaration"), json!({ "conflict": false })).await.1["error"]["code"], "declared");
    let (status, _) = admin.post(&format!("/api/v1/staff/fund/applications/{id}/experts"), json!({ "experts": [ids[3]] })).await;
    assert_eq!(status, 200, "a fourth expert replaces the one who stepped aside");

    // Scores stay hidden from the other experts until all three are in.
    for expert in [e2, e3, e4] {
        let (_, declared) = expert.post(&format!("{at}/declaration"), json!({ "conflict": false })).await;
        assert_eq!(declared["application"]["id"].as_i64(), Some(id), "read after declaring");
    }
    let file = declared_file(&admin, id).await;
    assert_eq!(e2.get_text(&format!("{at}/attachments/{file}")).await.0, 200, "an expert who reads it gets its files");
    assert_eq!(e1.get_text(&format!("{at}/attachments/{file}")).await.0, 404, "one who stepped aside does not");
    let (status, scored) = e2.post(&format!("{at}/score"), scores(&app, 90).await).await;
    assert_eq!((status, scored["mine"]["total"].as_i64()), (200, Some(9000)), "{scored}");
    let others = |view: &Value| view["reviews"].as_array().unwrap().iter().filter(|r| r["total"].is_number()).count();
    assert_eq!(others(&e3.get(&at).await.1), 0, "blind while scores are missing");
    assert_eq!(e2.post(&format!("{at}/score"), scores(&app, 10).await).await.1["error"]["code"], "not_now", "once");
    let proposal = format!("/api/v1/staff/fund/applications/{id}/proposal");
    assert_eq!(admin.post(&proposal, json!({ "amount": "20,000" })).await.1["error"]["code"], "reviews_pending");
    let mut bad = scores(&app, 70).await;
    bad["scores"][0]["points"] = json!(101);
    assert_eq!(e3.post(&format!("{at}/score"), bad).await.1["error"]["param"], "scores");
    e3.post(&format!("{at}/score"), scores(&app, 70).await).await;
    e4.post(&format!("{at}/score"), scores(&app, 80).await).await;
    let (_, open) = e3.get(&at).await;
    assert_eq!(others(&open), 3, "every score shown once all are in: {open}");
    assert_eq!(others(&e1.get(&at).await.1), 0, "but never to the one who stepped aside");

    // The committee: no more than was asked.
    assert_eq!(admin.post(&proposal, json!({ "amount": "20,000.01" })).await.1["error"]["code"], "above_request");
    assert_eq!(admin.post(&proposal, json!({ "amount": "两万" })).await.1["error"]["param"], "amount");
    let (status, proposed) = admin.post(&proposal, json!({ "amount": "15,000" })).await;
    assert_eq!((status, proposed["application"]["status"].as_str(), proposed["progress"]["mean"].as_i64()), (200, Some("proposed"), Some(8000)));
    let (_, calls) = app.get_json("/api/v1/fund/calls").await;
    let open_call = calls.as_array().unwrap().iter().find(|c| c["phase"] == "open").unwrap();
    assert_eq!(open_call["committed"].as_i64(), Some(1_500_000), "the call's budget holds less");

    let audit = app.store.audit_entries(None, 100).await.unwrap();
    for action in ["start_fund_review", "add_fund_experts", "declare_conflict", "score_application", "propose_fund_award"] {
        assert!(audit.iter().any(|e| e.action == action && !e.refused), "{action} is audited");
    }
}

/// The id of one of the application's files.
async fn declared_file(admin: &Visitor, id: i64) -> i64 {
    let (_, application) = admin.get(&format!("/api/v1/staff/fund/applications/{id}")).await;
    application["attachments"][0]["id"].as_i64().expect("a file")
}

/// `count` applications in review, each scored by three experts, in a call with `budget`.
async fn reviewed_applications(app: &TestApp, count: u64, budget: &str) -> Vec<FundApplicationId> {
    let store = &app.store;
    let call = CallInput { year: 2042, title: "竞速测试通知".into(), budget: budget.into(), opens_on: "2042-03-01".into(), closes_on: "2042-03-31".into(), notice_days: None };
    let cc_store::fund::Saved::Saved(call) = store.save_fund_call(None, &call.check().unwrap(), 0).await.unwrap() else { panic!("a call") };
    let research = store.fund_categories().await.unwrap().into_iter().find(|c| c.code == "research").unwrap().id;
    let contacts = store.create_residents_in_bulk(13_900_000_000, count, "$argon2id$unused").await.unwrap();
    let experts = experts_in_store(app).await;
    let criteria = store.fund_criteria().await.unwrap();
    let mut ids = Vec::new();
    for (n, contact) in contacts.into_iter().enumerate() {
        let unit = unit_of(store, contact, n, experts[0]).await;
        let input = ApplicationInput {
            project: format!("竞速项目{n}"),
            budget_lines: vec![BudgetLineInput { item: "经费".into(), amount: "40,000".into() }],
            requested: "40,000".into(),
            ..ApplicationInput::default()
        };
        let Started::Started(id) = store.start_fund_application(unit, call, research, &input, 0).await.unwrap() else { panic!("started") };
        let submit = Move::Submit { unit, requested: Fen(4_000_000), cofunding: Fen(0) };
        assert!(store.move_fund_application(id, cc_domain::fund::AppStatus::Draft, cc_domain::fund::AppStatus::Submitted, submit, 0).await.unwrap());
        assert!(store.start_fund_review(id, &experts, experts[0], 0).await.unwrap());
        for expert in &experts {
            store.declare_for_fund_review(id, *expert, false, "", 0).await.unwrap();
            let points: Vec<Points> = criteria.iter().map(|c| Points { criterion_id: c.id, points: 80 }).collect();
            assert!(store.score_fund_review(id, *expert, &points, 8000, "", 0).await.unwrap());
        }
        ids.push(id);
    }
    ids
}

pub(crate) async fn experts_in_store(app: &TestApp) -> Vec<StaffId> {
    let auth = cc_auth::StaffAuth::new(app.store.clone(), true, cc_auth::SecondFactorPolicy::Off);
    let mut ids = Vec::new();
    for n in 0..3 {
        let id = auth.create(&format!("race-expert-{n}"), "专家", "staff password 2026 石景山", &scope(Role::Expert), None).await.unwrap().unwrap();
        ids.push(StaffId(id));
    }
    ids
}

/// A verified unit with a credit code of its own (its check digit found by trying each).
async fn unit_of(store: &cc_store::Store, contact: ResidentId, n: usize, decider: StaffId) -> cc_domain::ids::OrganisationId {
    let body = format!("9111010759{n:07}");
    let code = "0123456789ABCDEFGHJKLMNPQRTUWXY".chars().find_map(|c| CreditCode::parse(&format!("{body}{c}"))).unwrap();
    let new = NewOrganisation { name: format!("竞速单位{n}"), credit_code: code.as_str().to_string(), kind: "studio".into(), contact_name: "王老师".into() };
    let cc_store::organisations::RegisterOutcome::Registered(unit) = store.register_organisation(contact, &new.check().unwrap(), 0).await.unwrap() else {
        panic!("registered")
    };
    assert!(store.decide_organisation(unit, OrgStatus::Pending, OrgStatus::Verified, None, decider, 0).await.unwrap());
    unit
}

#[tokio::test]
async fn many_decisions_at_once_never_spend_more_than_the_budget() {
    let app = spawn_app().await;
    let admin = app.staff("race-admin", scope(Role::DistrictAdmin)).await;
    let ids = reviewed_applications(&app, 10, "100,000").await;
    let paths: Vec<String> = ids.iter().map(|id| format!("/api/v1/staff/fund/applications/{id}/proposal")).collect();
    let answers = futures::future::join_all(paths.iter().map(|path| admin.post(path, json!({ "amount": "30,000" })))).await;
    let proposed = answers.iter().filter(|(status, _)| *status == 200).count();
    let refused = answers.iter().filter(|(_, body)| body["error"]["code"] == "above_budget").count();
    assert_eq!((proposed, refused), (3, 7), "three of 30,000 fit in 100,000: {answers:?}");
    let calls = app.store.fund_calls(0).await.unwrap();
    let call = calls.iter().find(|c| c.year == 2042).unwrap();
    assert_eq!(call.committed, Fen(9_000_000));
}
