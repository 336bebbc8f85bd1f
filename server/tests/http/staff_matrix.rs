//! Every staff action, through the API and through the console's server functions, tried by
//! every role inside and outside its scope (and by a resident and a stranger): allowed, or
//! refused with the refusal on the audit log. Each actor gets a fresh world, so one actor's
//! changes never decide another's outcome.

use cc_domain::staff::{Role, StaffScope};
use leptos::server_fn::ServerFn;
use serde_json::{json, Value};

use crate::helpers::{spawn_app, TestApp, Visitor};

/// Who tries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Who {
    DistrictAdmin,
    StreetIn,
    StreetOut,
    ManagerIn,
    ManagerOut,
    Reviewer,
    /// A provider trying items it did not write.
    Provider,
    /// An expert of the heritage fund, who scores what is assigned to them and nothing else.
    Expert,
    Resident,
    Stranger,
}
use Who::*;

const STAFF: [Who; 8] = [DistrictAdmin, StreetIn, StreetOut, ManagerIn, ManagerOut, Reviewer, Provider, Expert];

/// What came of an attempt.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Outcome {
    Allowed,
    Refused,
    LoginNeeded,
}

/// The objects every attempt is made on, all at facility `facility` in street 1.
struct World {
    app: TestApp,
    facility: i64,
    draft: i64,
    submitted: i64,
    published: i64,
    session: i64,
    /// A facility manager of `facility`, to be disabled.
    target: i64,
    /// A resident's review of a session they attended, to be hidden.
    review: i64,
    /// Two residents' demands in street 1: one to answer and merge into the other.
    demands: (i64, i64),
    /// A project of the heritage registry.
    heritage: i64,
    /// A unit waiting for verification.
    unit: i64,
    /// A verified unit's application to the fund, submitted.
    application: i64,
    /// Three expert accounts.
    experts: Vec<i64>,
    /// A call, an award of it in public notice, and an objection to that award.
    notice: (i64, i64, i64),
    /// A task of the work plan (the street-1 admin keeps it), an open milestone of it, and a
    /// resident's comment on it.
    plan: (i64, i64, i64),
    /// A training course of street 1, its session (starting in an hour: the door is open) and
    /// a grassroots worker's place at it.
    training: (i64, i64, i64),
}

const PASSWORD: &str = "staff password 2026 石景山";

async fn account(app: &TestApp, username: &str, scope: StaffScope) -> i64 {
    let auth = cc_auth::StaffAuth::new(app.store.clone(), true, cc_auth::SecondFactorPolicy::Off);
    auth.create(username, "测试", PASSWORD, &scope, None).await.unwrap().unwrap()
}

fn scope(role: Role, street_id: Option<i64>, facility_ids: Vec<i64>) -> StaffScope {
    StaffScope { role, street_id, facility_ids }
}

fn item_fields(facility: i64) -> Value {
    json!({ "title": "矩阵测试服务", "provider": "街道", "category": "reading", "audience": "all", "facility_id": facility })
}

fn session_fields() -> Value {
    let at = |hours: i64| cc_domain::time::local(cc_domain::time::now() + hours * 3600).to_rfc3339();
    json!({ "starts_at": at(72), "ends_at": at(74), "capacity": 20, "booking_opens_at": at(-1), "booking_closes_at": at(71) })
}

async fn world() -> World {
    let app = spawn_app().await;
    let facility = app.facility_in(1).await;
    let author = app.staff("author", scope(Role::StreetAdmin, Some(1), vec![])).await;
    let reviewer = app.staff("world-reviewer", scope(Role::Reviewer, None, vec![])).await;
    let mut ids = Vec::new();
    for _ in 0..3 {
        let (status, body) = author.post("/api/v1/staff/items", item_fields(facility)).await;
        assert_eq!(status, 201, "{body}");
        ids.push(body["id"].as_i64().unwrap());
    }
    let (draft, submitted, published) = (ids[0], ids[1], ids[2]);
    let (_, added) =
        author.post(&format!("/api/v1/staff/items/{published}/sessions"), session_fields()).await;
    let session = added["id"].as_i64().unwrap();
    for (who, item, action) in
        [(&author, submitted, "submit"), (&author, published, "submit"), (&reviewer, published, "publish")]
    {
        let path = format!("/api/v1/staff/items/{item}/transitions");
        assert_eq!(who.post(&path, json!({ "action": action })).await.0, 200);
    }
    let target = account(&app, "target-manager", scope(Role::FacilityManager, None, vec![facility])).await;
    let review = reviewed(&app).await;
    let demands = demands_in_street_1(&app).await;
    let heritage = app.store.create_heritage_project(&heritage_fields().check(2026).unwrap(), false, 0).await.unwrap().0;
    let contact = app.register("13800000006", "石景山 lantern 6").await;
    let unit = json!({ "name": "矩阵测试单位", "credit_code": "91110107592346585N", "kind": "studio", "contact_name": "张三" });
    let (status, unit) = contact.post("/api/v1/org", unit).await;
    assert_eq!(status, 201, "{unit}");
    let unit = unit["id"].as_i64().unwrap();
    let application = submitted_application(&app).await;
    let mut experts = Vec::new();
    for n in 0..3 {
        experts.push(account(&app, &format!("world-expert-{n}"), scope(Role::Expert, None, vec![])).await);
    }
    let admin = app.staff("world-notice", scope(Role::DistrictAdmin, None, vec![])).await;
    let notice = crate::fund_notice::objected(&app, &admin).await;
    let plan = plan_task_with_comment(&app).await;
    let training = training_in_street_1(&app).await;
    World { app, facility, draft, submitted, published, session, target, review, demands, heritage, unit, application, experts, notice, plan, training }
}

/// A course of street 1, a session of it starting in an hour, and a worker enrolled there.
async fn training_in_street_1(app: &TestApp) -> (i64, i64, i64) {
    use cc_domain::training::{CourseInput, Person, TrainingSessionInput};
    let course = CourseInput { topic: "矩阵培训".into(), trainer: "矩阵老师".into(), hours: 2.0, summary: String::new(), street_id: None };
    let now = cc_domain::time::now();
    let course = app.store.create_training_course(&course.check().unwrap(), Some(1), cc_domain::ids::StaffId(0), false, now).await.unwrap();
    let at = |minutes: i64| cc_domain::time::local(now + minutes * 60);
    let session = TrainingSessionInput { starts_at: at(60), ends_at: at(180), venue: "矩阵教室".into(), capacity: 30 };
    let session = app.store.add_training_session(course, &session).await.unwrap();
    let worker = cc_store::training::NewEnrolment { person: Person::Worker { mobile: "13900009999".into() }, name: "矩阵学员".into(), unit: "矩阵社区".into(), street_id: Some(1) };
    let cc_store::training::Enrolled::Enrolled { id, .. } = app.store.enrol_in_training(session, &worker, None, now).await.unwrap() else { panic!("a place") };
    (course.0, session.0, id.0)
}

/// Task 3 of the demo plan, its first open milestone, and a resident's comment on it.
async fn plan_task_with_comment(app: &TestApp) -> (i64, i64, i64) {
    let task = app.store.plan_tasks(cc_domain::time::now()).await.unwrap().into_iter().find(|t| t.number == 3).unwrap();
    let milestone = task.milestones.iter().find(|m| m.done_at.is_none()).unwrap().id.0;
    let resident = app.register("13800000011", "石景山 lantern 11").await;
    let (status, sent) = resident.post(&format!("/api/v1/plan/tasks/{}/comments", task.id), json!({ "comment": "矩阵测试意见" })).await;
    assert_eq!(status, 201, "{sent}");
    (task.id.0, milestone, sent["id"].as_i64().unwrap())
}

fn heritage_fields() -> cc_domain::heritage::ProjectInput {
    serde_json::from_value(json!({ "name": "矩阵测试项目", "category": "craft", "level": "district", "year_listed": 2020, "protecting_unit": "测试单位" }))
        .unwrap()
}

/// A verified unit's application to the fund's open call, complete and submitted.
async fn submitted_application(app: &TestApp) -> i64 {
    use crate::fund_applications::{complete, open_call_and_research, verified_unit, PDF};
    let admin = app.staff("world-fund", scope(Role::DistrictAdmin, None, vec![])).await;
    let unit = verified_unit(app, &admin, "13800000010", "12110107400700155P").await;
    let (call, research, required) = open_call_and_research(app).await;
    let mut start = complete("20,000");
    start["call_id"] = json!(call);
    start["category_id"] = json!(research);
    let (status, draft) = unit.post("/api/v1/org/applications", start).await;
    assert_eq!(status, 201, "{draft}");
    let id = draft["id"].as_i64().unwrap();
    for label in required {
        let (status, body) = unit.upload(&format!("/api/v1/org/applications/{id}/attachments?label={}", crate::helpers::enc(&label)), PDF.to_vec()).await;
        assert_eq!(status, 201, "{body}");
    }
    assert_eq!(unit.post(&format!("/api/v1/org/applications/{id}/submit"), json!({})).await.1["status"], "submitted");
    id
}

/// Two demands raised in a community of street 1.
async fn demands_in_street_1(app: &TestApp) -> (i64, i64) {
    let (_, streets) = app.get_json("/api/v1/streets").await;
    let community = streets["streets"][0]["communities"][0]["id"].as_i64().unwrap();
    let resident = app.register("13800000007", "石景山 lantern 7").await;
    let mut ids = Vec::new();
    for note in ["矩阵测试点单：书法", "矩阵测试点单：合唱"] {
        let demand = json!({ "category": "heritage", "community_id": community, "note": note, "new_anyway": true });
        let (status, raised) = resident.post("/api/v1/demands", demand).await;
        assert_eq!(status, 201, "{raised}");
        ids.push(raised["id"].as_i64().unwrap());
    }
    (ids[0], ids[1])
}

/// A resident's review of a session they were let in at.
async fn reviewed(app: &TestApp) -> i64 {
    let door = app.staff("world-door", scope(Role::DistrictAdmin, None, vec![])).await;
    let session = app.store.seed_open_session("矩阵测试评价", 5, false).await.unwrap();
    let resident = app.register("13800000008", "石景山 lantern 8").await;
    let (_, booking) = resident.book(session).await;
    let ticket = json!({ "ticket": booking["code"] });
    assert_eq!(door.post(&format!("/api/v1/staff/sessions/{session}/checkins"), ticket).await.0, 200);
    let (status, review) = resident.post(&format!("/api/v1/bookings/{}/review", booking["id"]), json!({ "stars": 2 })).await;
    assert_eq!(status, 201, "{review}");
    review["id"].as_i64().unwrap()
}

async fn actor(world: &World, who: Who) -> Visitor {
    let app = &world.app;
    let elsewhere = app.facility_in(2).await;
    let scope = match who {
        DistrictAdmin => scope(Role::DistrictAdmin, None, vec![]),
        StreetIn => scope(Role::StreetAdmin, Some(1), vec![]),
        StreetOut => scope(Role::StreetAdmin, Some(2), vec![]),
        ManagerIn => scope(Role::FacilityManager, None, vec![world.facility]),
        ManagerOut => scope(Role::FacilityManager, None, vec![elsewhere]),
        Reviewer => scope(Role::Reviewer, None, vec![]),
        Provider => scope(Role::Provider, None, vec![]),
        Expert => scope(Role::Expert, None, vec![]),
        Resident => return app.register("13800000009", "石景山 lantern 9").await,
        Stranger => return app.visitor(),
    };
    let visitor = app.staff("actor", scope).await;
    if who == StreetIn {
        // The street-1 admin keeps the world's plan task: an owner, not the leading group.
        let id = app.store.staff_members().await.unwrap().into_iter().find(|m| m.username == "actor").unwrap().id;
        let owners = cc_domain::plan::input::CheckedPatch { owners: Some(vec![cc_domain::ids::StaffId(id)]), ..Default::default() };
        assert!(app.store.update_plan_task(cc_domain::ids::PlanTaskId(world.plan.0), &owners, 0).await.unwrap());
    }
    visitor
}

async fn refusals(world: &World) -> usize {
    world.app.store.audit_entries(None, 1000).await.unwrap().iter().filter(|e| e.refused).count()
}

/// The API's answer as an outcome.
async fn api(visitor: &Visitor, method: reqwest::Method, path: &str, body: Option<Value>) -> Outcome {
    let (status, answer) = visitor.send(method, &format!("/api/v1{path}"), body, &[]).await;
    match (status, answer["error"]["code"].as_str()) {
        (401, _) => Outcome::LoginNeeded,
        (403, _) => Outcome::Refused,
        // A missing route or object would pass for "allowed": the world holds every object.
        (_, Some("not_found" | "bad_request" | "bad_field")) => panic!("{path}: {status} {answer}"),
        (s, _) if s < 500 => Outcome::Allowed,
        (s, _) => panic!("{path}: {s} {answer}"),
    }
}

/// A server function's answer as an outcome.
async fn server_fn(visitor: &Visitor, path: &str, form: &[(&str, String)]) -> Outcome {
    let response = visitor
        .client
        .post(format!("{}{path}", visitor.address))
        .header("origin", visitor.address.clone())
        .form(form)
        .send()
        .await
        .unwrap();
    let status = response.status().as_u16();
    let body = response.text().await.unwrap();
    if status == 200 {
        return Outcome::Allowed;
    }
    let error: Value = serde_json::from_str(&body).unwrap_or_else(|_| panic!("{path}: {status} {body}"));
    match error["code"].as_str() {
        Some("login_required") => Outcome::LoginNeeded,
        Some("forbidden") => Outcome::Refused,
        // Refused for another reason than scope (a made-up ticket, a door not open yet): the
        // scope check passed.
        Some("unknown_ticket" | "too_early") => Outcome::Allowed,
        _ => panic!("{path}: {status} {body}"),
    }
}

/// The API attempts, each with the staff who may make it.
async fn api_attempts(world: &World, v: &Visitor) -> Vec<(&'static str, Outcome, &'static [Who])> {
    use reqwest::Method as M;
    let (draft, session) = (world.draft, world.session);
    let png = crate::api_staff_editing::png(400, 300);
    let image = v
        .client
        .put(format!("{}/api/v1/staff/items/{draft}/image", v.address))
        .body(png)
        .send()
        .await
        .unwrap()
        .status()
        .as_u16();
    let image = match image {
        401 => Outcome::LoginNeeded,
        403 => Outcome::Refused,
        _ => Outcome::Allowed,
    };
    let plan_file = v
        .client
        .post(format!("{}/api/v1/staff/plan/tasks/{}/files?title=%E7%9F%A9%E9%98%B5", v.address, world.plan.0))
        .body(crate::api_staff_editing::png(4, 4))
        .send()
        .await
        .unwrap()
        .status()
        .as_u16();
    let plan_file = match plan_file {
        401 => Outcome::LoginNeeded,
        403 => Outcome::Refused,
        201 => Outcome::Allowed,
        other => panic!("plan file: {other}"),
    };
    let picture = v
        .client
        .post(format!("{}/api/v1/staff/heritage/projects/{}/images", v.address, world.heritage))
        .body(crate::api_staff_editing::png(400, 300))
        .send()
        .await
        .unwrap()
        .status()
        .as_u16();
    let picture = match picture {
        401 => Outcome::LoginNeeded,
        403 => Outcome::Refused,
        _ => Outcome::Allowed,
    };
    let project = serde_json::to_value(heritage_fields()).unwrap();
    let authors: &[Who] = &[DistrictAdmin, StreetIn, ManagerIn];
    vec![
        ("create item", api(v, M::POST, "/staff/items", Some(item_fields(world.facility))).await,
            &[DistrictAdmin, StreetIn, ManagerIn, Provider]),
        ("read item", api(v, M::GET, &format!("/staff/items/{draft}"), None).await,
            &[DistrictAdmin, StreetIn, ManagerIn, Reviewer]),
        ("edit item", api(v, M::PATCH, &format!("/staff/items/{draft}"), Some(item_fields(world.facility))).await,
            authors),
        ("set image", image, authors),
        ("add session", api(v, M::POST, &format!("/staff/items/{draft}/sessions"), Some(session_fields())).await,
            authors),
        ("submit", api(v, M::POST, &format!("/staff/items/{draft}/transitions"), Some(json!({ "action": "submit" }))).await,
            authors),
        ("publish", api(v, M::POST, &format!("/staff/items/{}/transitions", world.submitted), Some(json!({ "action": "publish" }))).await,
            &[DistrictAdmin, Reviewer]),
        ("capacity", api(v, M::PATCH, &format!("/staff/sessions/{session}"), Some(json!({ "capacity": 30 }))).await,
            authors),
        ("check in", api(v, M::POST, &format!("/staff/sessions/{session}/checkins"), Some(json!({ "ticket": "ABCDEFGHJKMN" }))).await,
            authors),
        ("bookings export", api(v, M::GET, &format!("/staff/sessions/{session}/bookings.csv"), None).await, authors),
        ("compliance export", api(v, M::GET, "/staff/compliance.csv", None).await,
            &[DistrictAdmin, StreetIn, StreetOut, Reviewer]),
        ("facility record", api(v, M::PATCH, &format!("/staff/facilities/{}", world.facility), Some(json!({ "free_opening": true }))).await,
            authors),
        ("standard", api(v, M::PUT, "/staff/standards/community", Some(json!({ "min_area_m2": 200.0, "min_weekly_hours": 56.0, "free_opening_required": true }))).await,
            &[DistrictAdmin]),
        ("audit log", api(v, M::GET, "/staff/audit", None).await, &[DistrictAdmin]),
        ("dashboard", api(v, M::GET, "/staff/dashboard", None).await, &[DistrictAdmin, StreetIn, StreetOut]),
        ("create account", api(v, M::POST, "/staff/accounts", Some(json!({ "username": "new-manager", "display_name": "新", "password": PASSWORD, "role": "facility_manager", "facility_ids": [world.facility] }))).await,
            &[DistrictAdmin, StreetIn]),
        ("disable account", api(v, M::POST, &format!("/staff/accounts/{}/disable", world.target), Some(json!({}))).await,
            &[DistrictAdmin, StreetIn]),
        ("move session", api(v, M::PATCH, &format!("/staff/sessions/{session}"), Some(json!({ "place": "二层多功能厅" }))).await,
            authors),
        ("cancel session", api(v, M::POST, &format!("/staff/sessions/{session}/cancel"), Some(json!({ "reason": "矩阵测试" }))).await,
            authors),
        ("archive", api(v, M::POST, &format!("/staff/items/{}/transitions", world.published), Some(json!({ "action": "archive" }))).await,
            &[DistrictAdmin, StreetIn, Reviewer]),
        ("reviews to moderate", api(v, M::GET, "/staff/reviews", None).await, &[DistrictAdmin, Reviewer]),
        ("answer demand", api(v, M::POST, &format!("/staff/demands/{}/answer", world.demands.0), Some(json!({ "status": "planned" }))).await,
            &[DistrictAdmin, StreetIn]),
        ("merge demand", api(v, M::POST, &format!("/staff/demands/{}/merge", world.demands.0), Some(json!({ "into": world.demands.1 }))).await,
            &[DistrictAdmin, StreetIn]),
        ("hide review", api(v, M::POST, &format!("/staff/reviews/{}/hide", world.review), Some(json!({ "reason": "矩阵测试" }))).await,
            &[DistrictAdmin, Reviewer]),
        ("create heritage project", api(v, M::POST, "/staff/heritage/projects", Some(project.clone())).await, &[DistrictAdmin]),
        ("update heritage project", api(v, M::PUT, &format!("/staff/heritage/projects/{}", world.heritage), Some(project)).await,
            &[DistrictAdmin]),
        ("heritage picture", picture, &[DistrictAdmin]),
        ("link heritage", api(v, M::PUT, &format!("/staff/items/{draft}/heritage"), Some(json!({ "project_id": world.heritage }))).await,
            &[DistrictAdmin]),
        ("units", api(v, M::GET, "/staff/organisations", None).await, &[DistrictAdmin]),
        ("fund category", api(v, M::POST, "/staff/fund/categories", Some(json!({ "code": "matrix", "name": "矩阵类别", "cap": "1,000" }))).await,
            &[DistrictAdmin]),
        ("fund call", api(v, M::POST, "/staff/fund/calls", Some(json!({ "year": 2040, "title": "矩阵通知", "budget": "1,000", "opens_on": "2040-01-01", "closes_on": "2040-01-31" }))).await,
            &[DistrictAdmin]),
        ("decide unit", api(v, M::POST, &format!("/staff/organisations/{}/decision", world.unit), Some(json!({ "status": "verified" }))).await,
            &[DistrictAdmin]),
        ("fund applications", api(v, M::GET, "/staff/fund/applications", None).await, &[DistrictAdmin]),
        ("fund application", api(v, M::GET, &format!("/staff/fund/applications/{}", world.application), None).await, &[DistrictAdmin]),
        ("return application", api(v, M::POST, &format!("/staff/fund/applications/{}/return", world.application), Some(json!({ "reason": "矩阵测试" }))).await,
            &[DistrictAdmin]),
        ("review board", api(v, M::GET, &format!("/staff/fund/applications/{}/reviews", world.application), None).await, &[DistrictAdmin]),
        ("start review", api(v, M::POST, &format!("/staff/fund/applications/{}/review", world.application), Some(json!({ "experts": world.experts }))).await,
            &[DistrictAdmin]),
        ("add experts", api(v, M::POST, &format!("/staff/fund/applications/{}/experts", world.application), Some(json!({ "experts": [world.experts[0]] }))).await,
            &[DistrictAdmin]),
        ("propose award", api(v, M::POST, &format!("/staff/fund/applications/{}/proposal", world.application), Some(json!({ "amount": "1,000" }))).await,
            &[DistrictAdmin]),
        ("review criteria", api(v, M::PUT, "/staff/fund/criteria", Some(json!([{ "name": "价值", "weight": 60 }, { "name": "可行性", "weight": 40 }]))).await,
            &[DistrictAdmin]),
        ("assignments", api(v, M::GET, "/staff/fund/assignments", None).await, &[Expert]),
        ("publish awards", api(v, M::POST, &format!("/staff/fund/calls/{}/notice", world.notice.0), Some(json!({}))).await, &[DistrictAdmin]),
        ("answer objection", api(v, M::POST, &format!("/staff/fund/objections/{}/answer", world.notice.2), Some(json!({ "answer": "矩阵测试", "upheld": false }))).await,
            &[DistrictAdmin]),
        ("finalise award", api(v, M::POST, &format!("/staff/fund/applications/{}/finalise", world.notice.1), Some(json!({}))).await, &[DistrictAdmin]),
        ("sign agreement", api(v, M::POST, &format!("/staff/fund/applications/{}/agreement", world.notice.1), Some(json!({ "number": "矩阵-1", "signed_on": "2027-05-20" }))).await,
            &[DistrictAdmin]),
        ("release payment", api(v, M::POST, &format!("/staff/fund/applications/{}/payments", world.notice.1), Some(json!({ "evidence": "矩阵测试" }))).await,
            &[DistrictAdmin]),
        ("accept application", api(v, M::POST, &format!("/staff/fund/applications/{}/acceptance", world.notice.1), Some(json!({ "evidence": "矩阵测试" }))).await,
            &[DistrictAdmin]),
        ("claw back", api(v, M::POST, &format!("/staff/fund/applications/{}/clawback", world.notice.1), Some(json!({ "amount": "1", "reason": "矩阵测试" }))).await,
            &[DistrictAdmin]),
        ("evaluation of street 1", api(v, M::GET, "/staff/evaluation?street=1", None).await, &[DistrictAdmin, StreetIn]),
        ("evaluation of the district", api(v, M::GET, "/staff/evaluation", None).await, &[DistrictAdmin]),
        ("read evaluation indicators", api(v, M::GET, "/staff/evaluation/indicators", None).await, &[DistrictAdmin, StreetIn, StreetOut]),
        ("evaluation indicators", api(v, M::PUT, "/staff/evaluation/indicators", Some(serde_json::to_value(cc_domain::evaluation::default_set()).unwrap())).await,
            &[DistrictAdmin]),
        ("plan tasks", api(v, M::GET, "/staff/plan/tasks", None).await, &STAFF),
        ("plan task", api(v, M::GET, &format!("/staff/plan/tasks/{}", world.plan.0), None).await, &[DistrictAdmin, StreetIn]),
        ("report plan progress", api(v, M::PATCH, &format!("/staff/plan/tasks/{}", world.plan.0), Some(json!({ "status": "on_track", "note": "矩阵测试" }))).await,
            &[DistrictAdmin, StreetIn]),
        ("change plan task", api(v, M::PATCH, &format!("/staff/plan/tasks/{}", world.plan.0), Some(json!({ "deadline": "2030-12-31" }))).await,
            &[DistrictAdmin]),
        ("add milestone", api(v, M::POST, &format!("/staff/plan/tasks/{}/milestones", world.plan.0), Some(json!({ "title": "矩阵节点", "due_on": "2030-06-30" }))).await,
            &[DistrictAdmin, StreetIn]),
        ("complete milestone", api(v, M::POST, &format!("/staff/plan/tasks/{}/milestones/{}/done", world.plan.0, world.plan.1), Some(json!({}))).await,
            &[DistrictAdmin, StreetIn]),
        ("add evidence", api(v, M::POST, &format!("/staff/plan/tasks/{}/evidence", world.plan.0), Some(json!({ "title": "矩阵证据", "measure": "satisfaction" }))).await,
            &[DistrictAdmin, StreetIn]),
        ("add plan file", plan_file, &[DistrictAdmin, StreetIn]),
        ("plan comments", api(v, M::GET, "/staff/plan/comments", None).await, &STAFF),
        ("decide comment", api(v, M::POST, &format!("/staff/plan/comments/{}/decision", world.plan.2), Some(json!({ "show": true }))).await,
            &[DistrictAdmin, StreetIn]),
        ("training courses", api(v, M::GET, "/staff/training/courses", None).await, LEARNERS),
        ("training course", api(v, M::GET, &format!("/staff/training/courses/{}", world.training.0), None).await, LEARNERS),
        ("create training course", api(v, M::POST, "/staff/training/courses", Some(json!({ "topic": "矩阵新课", "trainer": "矩阵老师", "hours": 1.5 }))).await,
            &[DistrictAdmin, StreetIn, StreetOut]),
        ("add training session", api(v, M::POST, &format!("/staff/training/courses/{}/sessions", world.training.0), Some(training_session())).await,
            &[DistrictAdmin, StreetIn]),
        ("enrol in training", api(v, M::POST, &format!("/staff/training/sessions/{}/enrolments", world.training.1), Some(json!({}))).await, LEARNERS),
        ("enrol a worker", api(v, M::POST, &format!("/staff/training/sessions/{}/enrolments", world.training.1), Some(json!({ "worker": { "name": "矩阵新学员", "unit": "矩阵社区", "mobile": "13900008888" } }))).await,
            &[DistrictAdmin, StreetIn]),
        ("training door list", api(v, M::GET, &format!("/staff/training/sessions/{}/enrolments", world.training.1), None).await, &[DistrictAdmin, StreetIn]),
        ("training check in", api(v, M::POST, &format!("/staff/training/sessions/{}/checkins", world.training.1), Some(json!({ "ticket": "ABCDEFGHJKMN" }))).await,
            &[DistrictAdmin, StreetIn]),
        ("cancel a training place", api(v, M::DELETE, &format!("/staff/training/enrolments/{}", world.training.2), None).await, &[DistrictAdmin, StreetIn]),
        ("training hours", api(v, M::GET, "/staff/training/hours", None).await, &[DistrictAdmin, StreetIn, StreetOut]),
        ("my training", api(v, M::GET, "/staff/training/me", None).await, &STAFF),
        ("terms", api(v, M::GET, "/staff/terms/categories", None).await, &[DistrictAdmin]),
        ("add term", api(v, M::POST, "/staff/terms/audiences", Some(json!({ "slug": "matrix", "name": "矩阵对象", "icon": "star" }))).await, &[DistrictAdmin]),
        ("change term", api(v, M::PUT, "/staff/terms/categories/film", Some(json!({ "name": "电影放映", "name_en": "Film screenings", "icon": "film" }))).await,
            &[DistrictAdmin]),
        ("order terms", api(v, M::PUT, "/staff/terms/categories", Some(json!({ "slugs": DEFAULT_CATEGORIES }))).await, &[DistrictAdmin]),
        ("delete term", api(v, M::DELETE, "/staff/terms/audiences/matrix", None).await, &[DistrictAdmin]),
        // Last: it ends the application's review for the rows above.
        ("decline application", api(v, M::POST, &format!("/staff/fund/applications/{}/decline", world.application), Some(json!({ "reason": "矩阵测试" }))).await,
            &[DistrictAdmin]),
    ]
}

/// The default categories' slugs, in their order.
const DEFAULT_CATEGORIES: [&str; 8] = ["performance", "exhibition", "training", "reading", "heritage", "community", "film", "digital"];

/// Everyone who takes part in training: all staff but the fund's outside experts.
const LEARNERS: &[Who] = &[DistrictAdmin, StreetIn, StreetOut, ManagerIn, ManagerOut, Reviewer, Provider];

fn training_session() -> Value {
    let at = |hours: i64| cc_domain::time::local(cc_domain::time::now() + hours * 3600).to_rfc3339();
    json!({ "starts_at": at(48), "ends_at": at(50), "venue": "矩阵教室", "capacity": 10 })
}

fn path<T: ServerFn>() -> &'static str {
    T::PATH
}

/// The console's server-function attempts, each with the staff who may make it.
async fn server_fn_attempts(world: &World, v: &Visitor) -> Vec<(&'static str, Outcome, &'static [Who])> {
    use app::facility_fns::{LoadComplianceTable, LoadFacilityRecords, SaveFacilityRecord, SaveStandard};
    use app::staff_item_fns::{
        AddServiceSession, CancelServiceSession, ChangeSessionSettings, LoadService, MoveServiceSession, SaveService,
    };
    use app::staff_account_fns::{CreateStaffAccount, DisableStaffAccount, LoadAccounts};
    use app::demand_fns::{AnswerDemandForm, DemandsToAnswer, MergeDemandForm};
    use app::org_fns::{DecideUnitForm, UnitsToDecide};
    use app::review_fns::{HideReview, ReviewsToModerate};
    use app::staff_fns::{CheckInTicket, CreateService, LoadAudit, LoadDoor, MoveService, StaffOverview};
    use app::vocabulary_fns::{AddTermForm, ChangeTermForm, DeleteTermForm, LoadVocabularies, MoveTermForm};
    use app::training_fns::{LoadTrainingCourse, LoadTrainingDesk, LoadTrainingDoor, LoadTrainingHours, TrainingCheckInForm};
    let s = |n: i64| n.to_string();
    let (draft, session, facility) = (world.draft, world.session, world.facility);
    let item = |id: i64| {
        vec![
            ("item_id", s(id)),
            ("title", "矩阵".into()),
            ("description", String::new()),
            ("provider", "街道".into()),
            ("category", "reading".into()),
            ("audience", "all".into()),
            ("facility_id", s(facility)),
            ("free", "on".into()),
        ]
    };
    let day = cc_domain::time::local(cc_domain::time::now() + 3 * 86_400).format("%Y-%m-%d").to_string();
    let moved_day = cc_domain::time::local(cc_domain::time::now() + 4 * 86_400).format("%Y-%m-%d").to_string();
    let mut new_service = item(0);
    new_service.remove(0);
    new_service.extend([
        ("date", day.clone()),
        ("start", "10:00".into()),
        ("end", "11:00".into()),
        ("capacity", "20".into()),
    ]);
    let new_session: Vec<(&str, String)> = vec![
        ("item_id", s(draft)),
        ("date", day),
        ("start", "15:00".into()),
        ("end", "16:00".into()),
        ("capacity", "10".into()),
        ("booking_closes_at", String::new()),
    ];
    let moving = |id: i64, action: &str| {
        vec![("item_id", s(id)), ("action", action.to_string()), ("comment", String::new())]
    };
    let authors: &[Who] = &[DistrictAdmin, StreetIn, ManagerIn];
    vec![
        ("overview", server_fn(v, path::<StaffOverview>(), &[]).await, &STAFF),
        (
            "create service",
            server_fn(v, path::<CreateService>(), &new_service).await,
            &[DistrictAdmin, StreetIn, ManagerIn, Provider],
        ),
        (
            "load service",
            server_fn(v, path::<LoadService>(), &[("item_id", s(draft))]).await,
            &[DistrictAdmin, StreetIn, ManagerIn, Reviewer],
        ),
        ("save service", server_fn(v, path::<SaveService>(), &item(draft)).await, authors),
        ("add session", server_fn(v, path::<AddServiceSession>(), &new_session).await, authors),
        ("submit", server_fn(v, path::<MoveService>(), &moving(draft, "submit")).await, authors),
        (
            "publish",
            server_fn(v, path::<MoveService>(), &moving(world.submitted, "publish")).await,
            &[DistrictAdmin, Reviewer],
        ),
        (
            "capacity",
            server_fn(
                v,
                path::<ChangeSessionSettings>(),
                &[
                    ("session_id", s(session)),
                    ("capacity", s(25)),
                    ("booking_opens_at", String::new()),
                    ("booking_closes_at", String::new()),
                ],
            )
            .await,
            authors,
        ),
        ("door list", server_fn(v, path::<LoadDoor>(), &[("session_id", s(session))]).await, authors),
        (
            "check in",
            server_fn(
                v,
                path::<CheckInTicket>(),
                &[("session_id", s(session)), ("ticket", "ABCDEFGHJKMN".into())],
            )
            .await,
            authors,
        ),
        (
            "move session",
            server_fn(
                v,
                path::<MoveServiceSession>(),
                &[
                    ("session_id", s(session)),
                    ("date", moved_day.clone()),
                    ("start", "10:00".into()),
                    ("end", "11:00".into()),
                    ("place", "二层多功能厅".into()),
                ],
            )
            .await,
            authors,
        ),
        (
            "cancel session",
            server_fn(v, path::<CancelServiceSession>(), &[("session_id", s(session)), ("reason", "矩阵测试".into())]).await,
            authors,
        ),
        (
            "audit log",
            server_fn(
                v,
                path::<LoadAudit>(),
                &[("username", String::new()), ("action", String::new()), ("refused_only", "false".into())],
            )
            .await,
            &[DistrictAdmin],
        ),
        (
            "facility records",
            server_fn(v, path::<LoadFacilityRecords>(), &[]).await,
            &[DistrictAdmin, StreetIn, StreetOut, ManagerIn, ManagerOut],
        ),
        (
            "facility record",
            server_fn(
                v,
                path::<SaveFacilityRecord>(),
                &[
                    ("facility_id", s(facility)),
                    ("area_m2", String::new()),
                    ("opening_hours", String::new()),
                    ("position", String::new()),
                ],
            )
            .await,
            authors,
        ),
        (
            "standard",
            server_fn(
                v,
                path::<SaveStandard>(),
                &[
                    ("level", "community".into()),
                    ("min_area_m2", "200".into()),
                    ("min_weekly_hours", "56".into()),
                ],
            )
            .await,
            &[DistrictAdmin],
        ),
        ("accounts", server_fn(v, path::<LoadAccounts>(), &[]).await, &[DistrictAdmin, StreetIn, StreetOut]),
        (
            "dashboard",
            server_fn(v, path::<app::dashboard_fns::LoadDashboard>(), &[]).await,
            &[DistrictAdmin, StreetIn, StreetOut],
        ),
        (
            "compliance table",
            server_fn(v, path::<LoadComplianceTable>(), &[("lang", "zh-CN".into())]).await,
            &[DistrictAdmin, StreetIn, StreetOut, Reviewer],
        ),
        (
            "create account",
            server_fn(
                v,
                path::<CreateStaffAccount>(),
                &[
                    ("username", "fm-new".into()),
                    ("display_name", "新".into()),
                    ("password", PASSWORD.into()),
                    ("role", "facility_manager".into()),
                    ("street_id", String::new()),
                    ("facility_id", s(facility)),
                ],
            )
            .await,
            &[DistrictAdmin, StreetIn],
        ),
        (
            "disable account",
            server_fn(v, path::<DisableStaffAccount>(), &[("staff_id", s(world.target))]).await,
            &[DistrictAdmin, StreetIn],
        ),
        (
            "archive",
            server_fn(v, path::<MoveService>(), &moving(world.published, "archive")).await,
            &[DistrictAdmin, StreetIn, Reviewer],
        ),
        ("reviews to moderate", server_fn(v, path::<ReviewsToModerate>(), &[]).await, &[DistrictAdmin, Reviewer]),
        ("demands to answer", server_fn(v, path::<DemandsToAnswer>(), &[]).await, &[DistrictAdmin, StreetIn, StreetOut]),
        (
            "answer demand",
            server_fn(
                v,
                path::<AnswerDemandForm>(),
                &[("demand_id", s(world.demands.0)), ("status", "planned".into()), ("note", String::new()), ("item_id", String::new())],
            )
            .await,
            &[DistrictAdmin, StreetIn],
        ),
        (
            "merge demand",
            server_fn(v, path::<MergeDemandForm>(), &[("demand_id", s(world.demands.0)), ("into", s(world.demands.1))]).await,
            &[DistrictAdmin, StreetIn],
        ),
        (
            "hide review",
            server_fn(v, path::<HideReview>(), &[("review_id", s(world.review)), ("reason", "矩阵测试".into())]).await,
            &[DistrictAdmin, Reviewer],
        ),
        ("units", server_fn(v, path::<UnitsToDecide>(), &[]).await, &[DistrictAdmin]),
        (
            "decide unit",
            server_fn(v, path::<DecideUnitForm>(), &[("organisation_id", s(world.unit)), ("status", "verified".into()), ("reason", String::new())]).await,
            &[DistrictAdmin],
        ),
        ("vocabulary", server_fn(v, path::<LoadVocabularies>(), &[]).await, &[DistrictAdmin]),
        (
            "change term",
            server_fn(
                v,
                path::<ChangeTermForm>(),
                &[("vocabulary", "categories".into()), ("slug", "film".into()), ("name", "电影放映".into()), ("name_en", String::new()), ("icon", "film".into())],
            )
            .await,
            &[DistrictAdmin],
        ),
        (
            "add term",
            server_fn(v, path::<AddTermForm>(), &[("vocabulary", "audiences".into()), ("slug", "matrix".into()), ("name", "矩阵对象".into()), ("icon", "star".into())]).await,
            &[DistrictAdmin],
        ),
        (
            "move term",
            server_fn(v, path::<MoveTermForm>(), &[("vocabulary", "audiences".into()), ("slug", "matrix".into()), ("direction", "up".into())]).await,
            &[DistrictAdmin],
        ),
        (
            "delete term",
            server_fn(v, path::<DeleteTermForm>(), &[("vocabulary", "audiences".into()), ("slug", "matrix".into())]).await,
            &[DistrictAdmin],
        ),
        ("training desk", server_fn(v, path::<LoadTrainingDesk>(), &[]).await, LEARNERS),
        ("training course", server_fn(v, path::<LoadTrainingCourse>(), &[("id", s(world.training.0))]).await, LEARNERS),
        ("training door", server_fn(v, path::<LoadTrainingDoor>(), &[("session", s(world.training.1))]).await, &[DistrictAdmin, StreetIn]),
        ("training hours", server_fn(v, path::<LoadTrainingHours>(), &[]).await, &[DistrictAdmin, StreetIn, StreetOut]),
        (
            "training check in",
            server_fn(v, path::<TrainingCheckInForm>(), &[("session_id", s(world.training.1)), ("ticket", "ABCDEFGHJKMN".into())]).await,
            &[DistrictAdmin, StreetIn],
        ),
    ]
}

/// Runs one channel's attempts for everyone and checks each outcome and its audit line.
async fn check_everyone(public_fns: bool) {
    let mut wrong = Vec::new();
    for who in STAFF.into_iter().chain([Resident, Stranger]) {
        let world = world().await;
        let visitor = actor(&world, who).await;
        let refused_before = refusals(&world).await;
        let attempts = if public_fns {
            server_fn_attempts(&world, &visitor).await
        } else {
            api_attempts(&world, &visitor).await
        };
        let mut expected_refusals = 0;
        for (name, outcome, allowed) in attempts {
            let expected = match who {
                Resident | Stranger => Outcome::LoginNeeded,
                _ if allowed.contains(&who) => Outcome::Allowed,
                _ => Outcome::Refused,
            };
            expected_refusals += usize::from(expected == Outcome::Refused);
            if outcome != expected {
                wrong.push(format!("{who:?} {name}: {outcome:?}, expected {expected:?}"));
            }
        }
        let logged = refusals(&world).await - refused_before;
        if logged != expected_refusals {
            wrong.push(format!("{who:?}: {logged} refusals logged, expected {expected_refusals}"));
        }
        // Nine worlds per test: give their connections back before the next one.
        world.app.store.close().await;
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[tokio::test]
async fn every_staff_endpoint_allows_exactly_the_roles_in_scope_and_logs_every_refusal() {
    check_everyone(false).await;
}

#[tokio::test]
async fn every_console_server_function_allows_exactly_the_roles_in_scope_and_logs_every_refusal() {
    check_everyone(true).await;
}
