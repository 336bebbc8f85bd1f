//! The demonstration-zone work plan: the leading group assigns owners; owners say how their
//! tasks go, add evidence (links, files, the platform's live figures) and mark milestones done,
//! which keeps the figures as they read then; the public follows every task on `/api/v1/plan`,
//! and residents' comments reach the lead unit and are shown once approved.

use cc_domain::staff::{Role, StaffScope};
use reqwest::Method;
use serde_json::{json, Value};

use crate::api_staff_editing::png;
use crate::helpers::{spawn_app, TestApp, Visitor};

fn district() -> StaffScope {
    StaffScope { role: Role::DistrictAdmin, street_id: None, facility_ids: vec![] }
}

async fn staff_id(app: &TestApp, username: &str) -> i64 {
    app.store.staff_members().await.unwrap().into_iter().find(|m| m.username == username).unwrap().id
}

/// The public task numbered `number`.
async fn public_task(app: &TestApp, number: i64) -> Value {
    let (status, tasks) = app.get_json("/api/v1/plan/tasks").await;
    assert_eq!(status, 200, "{tasks}");
    tasks.as_array().unwrap().iter().find(|t| t["number"] == number).unwrap().clone()
}

/// The admin makes `owner` keep task `id`.
async fn assign(app: &TestApp, admin: &Visitor, id: i64, owner: &str) {
    let owners = json!({ "owners": [staff_id(app, owner).await] });
    let (status, task) = admin.send(Method::PATCH, &format!("/api/v1/staff/plan/tasks/{id}"), Some(owners), &[]).await;
    assert_eq!(status, 200, "{task}");
}

#[tokio::test]
async fn the_public_follows_eighteen_tasks_whose_overdue_status_comes_from_the_dates() {
    let app = spawn_app().await;
    let (status, tasks) = app.get_json("/api/v1/plan/tasks").await;
    assert_eq!(status, 200);
    let tasks = tasks.as_array().unwrap();
    assert_eq!(tasks.len(), 18);
    let status_of = |n: i64| tasks.iter().find(|t| t["number"] == n).unwrap()["status"].as_str().unwrap().to_string();
    // Task 9 was reported on track, but its deadline passed: overdue, though nobody typed it.
    assert_eq!(status_of(9), "overdue");
    assert_eq!(status_of(1), "done");
    // Task 4's milestone day is over with the milestone open: at risk.
    assert_eq!(status_of(4), "at_risk");
    assert_eq!(tasks[0]["progress"], 100);
    // The public sees no owners, and live figures read as part of a whole.
    assert!(tasks.iter().all(|t| t.get("owners").is_none() && t.get("note").is_none()));
    let coverage = &public_task(&app, 4).await["evidence"][0];
    assert_eq!(coverage["kind"], "indicator");
    assert!(coverage["now"]["whole"].as_i64().unwrap() > 0, "{coverage}");
}

#[tokio::test]
async fn an_owner_updates_their_task_and_a_milestone_keeps_the_figures_it_was_done_with() {
    let app = spawn_app().await;
    let admin = app.staff("plan-lead", district()).await;
    let owner = app.staff("plan-owner", StaffScope { role: Role::StreetAdmin, street_id: Some(1), facility_ids: vec![] }).await;
    let task = public_task(&app, 3).await;
    let id = task["id"].as_i64().unwrap();
    let other = public_task(&app, 5).await["id"].as_i64().unwrap();
    let path = format!("/api/v1/staff/plan/tasks/{id}");

    // Before the leading group names them, the street admin keeps nothing.
    assert_eq!(owner.get(&path).await.0, 403);
    assert_eq!(owner.get("/api/v1/staff/plan/tasks").await.1.as_array().unwrap().len(), 0);
    assert_eq!(admin.get("/api/v1/staff/plan/tasks").await.1.as_array().unwrap().len(), 18);
    assign(&app, &admin, id, "plan-owner").await;
    let (status, mine) = owner.get("/api/v1/staff/plan/tasks").await;
    assert_eq!((status, mine.as_array().unwrap().len()), (200, 1));
    assert_eq!(owner.get(&format!("/api/v1/staff/plan/tasks/{other}")).await.0, 403);

    // Owners say how it goes, but not what the task is.
    let renamed = owner.send(Method::PATCH, &path, Some(json!({ "name": "改个名字" })), &[]).await;
    assert_eq!(renamed.0, 403);
    let early_done = owner.send(Method::PATCH, &path, Some(json!({ "status": "done" })), &[]).await;
    assert_eq!((early_done.0, early_done.1["error"]["param"].as_str()), (400, Some("status")));
    assert_eq!(owner.send(Method::PATCH, &path, Some(json!({ "status": "overdue" })), &[]).await.0, 400, "overdue is never typed");
    let (status, task) = owner.send(Method::PATCH, &path, Some(json!({ "status": "at_risk", "note": "两处用房待落实" })), &[]).await;
    assert_eq!((status, task["status"].as_str(), task["note"].as_str()), (200, Some("at_risk"), Some("两处用房待落实")), "{task}");

    // Evidence: a live figure for the district, a link, a file; bad ones refused by field.
    let evidence = format!("{path}/evidence");
    let figure = json!({ "title": "全区设施达标率", "measure": "facility_compliance", "public": true });
    let (status, task) = owner.post(&evidence, figure).await;
    assert_eq!(status, 201, "{task}");
    for (bad, field) in [
        (json!({ "title": "链接", "url": "javascript:alert(1)" }), "url"),
        (json!({ "title": "x", "url": "https://example.org" }), "title"),
        (json!({ "title": "街道", "measure": "satisfaction", "street_id": 999 }), "street_id"),
        (json!({ "title": "两样", "url": "https://example.org", "measure": "satisfaction" }), "url"),
    ] {
        let (status, body) = owner.post(&evidence, bad).await;
        assert_eq!((status, body["error"]["param"].as_str()), (400, Some(field)), "{body}");
    }
    assert_eq!(owner.post(&evidence, json!({ "title": "改扩建方案", "url": "https://www.bjsjs.gov.cn/plan" })).await.0, 201);
    let files = format!("{path}/files?title=%E7%8E%B0%E5%9C%BA%E7%85%A7%E7%89%87&public=true");
    let (status, task) = owner.upload(&files, png(2, 2)).await;
    assert_eq!(status, 201, "{task}");
    assert_eq!(owner.upload(&files, b"<html>not a picture</html>".to_vec()).await.1["error"]["code"], "unsupported_type");
    let private = format!("{path}/files?title=%E5%86%85%E9%83%A8%E6%9D%90%E6%96%99");
    let (_, task) = owner.upload(&private, png(3, 3)).await;
    let evidence_ids: Vec<i64> = task["evidence"].as_array().unwrap().iter().map(|e| e["id"].as_i64().unwrap()).collect();
    let (public_file, private_file) = (evidence_ids[evidence_ids.len() - 2], evidence_ids[evidence_ids.len() - 1]);
    let (status, _, _) = app.visitor().get_text(&format!("/api/v1/plan/tasks/{id}/evidence/{public_file}")).await;
    assert_eq!(status, 200);
    assert_eq!(app.visitor().get_text(&format!("/api/v1/plan/tasks/{id}/evidence/{private_file}")).await.0, 404);
    assert_eq!(owner.get_text(&format!("{path}/evidence/{private_file}")).await.0, 200);

    // A milestone done keeps the figure as it read; the figure moves on, the kept one does not.
    let figure_id = task["evidence"].as_array().unwrap().iter().find(|e| e["kind"] == "indicator").unwrap()["id"].as_i64().unwrap();
    let live = |task: &Value| task["evidence"].as_array().unwrap().iter().find(|e| e["id"] == figure_id).unwrap()["now"].clone();
    let before = live(&task);
    let milestone = task["milestones"].as_array().unwrap().iter().find(|m| m["done_at"].is_null()).unwrap()["id"].as_i64().unwrap();
    let done = format!("{path}/milestones/{milestone}/done");
    let (status, task) = owner.post(&done, json!({})).await;
    assert_eq!(status, 200, "{task}");
    let kept = |task: &Value| {
        let m = task["milestones"].as_array().unwrap().iter().find(|m| m["id"] == milestone).unwrap().clone();
        m["readings"].as_array().unwrap().iter().find(|r| r["evidence_id"] == figure_id).unwrap()["reading"].clone()
    };
    assert_eq!(kept(&task), before);
    assert_eq!(owner.post(&done, json!({})).await.1["error"]["code"], "already_done");
    let mut compliant = 0;
    for f in 1..80 {
        if app.get_json(&format!("/api/v1/facilities/{f}")).await.1["properties"]["compliance"]["compliant"] == true {
            compliant = f;
            break;
        }
    }
    let shrink = json!({ "area_m2": 1.0 });
    let (status, body) = admin.send(Method::PATCH, &format!("/api/v1/staff/facilities/{compliant}"), Some(shrink), &[]).await;
    assert_eq!(status, 200, "{body}");
    let (_, task) = owner.get(&path).await;
    assert_eq!(kept(&task), before, "the kept reading never changes");
    let after = live(&task);
    assert_eq!(after["part"].as_i64().unwrap(), before["part"].as_i64().unwrap() - 1, "{before} → {after}");

    // The public sees the progress and the public evidence only.
    let public = public_task(&app, 3).await;
    assert_eq!(public["progress"], task["progress"]);
    let titles: Vec<&str> = public["evidence"].as_array().unwrap().iter().map(|e| e["title"].as_str().unwrap()).collect();
    assert!(titles.contains(&"现场照片") && !titles.contains(&"内部材料") && !titles.contains(&"改扩建方案"), "{titles:?}");

    // Every change is in the audit log, the refusals too.
    let audit = app.store.audit_entries(None, 60).await.unwrap();
    for action in ["update_plan_task", "add_plan_evidence", "complete_plan_milestone"] {
        assert!(audit.iter().any(|e| e.action == action && !e.refused), "{action}");
    }
    assert!(audit.iter().any(|e| e.action == "update_plan_task" && e.refused));
    assert!(audit.iter().any(|e| e.action == "read_plan_task" && e.refused));
}

#[tokio::test]
async fn the_leading_group_changes_the_plan_and_only_active_staff_own_tasks() {
    let app = spawn_app().await;
    let admin = app.staff("plan-lead", district()).await;
    let id = public_task(&app, 10).await["id"].as_i64().unwrap();
    let path = format!("/api/v1/staff/plan/tasks/{id}");
    let change = json!({ "deadline": "2027-03-31", "lead_unit": "区文化和旅游局", "cooperating_units": ["区民政局", "区体育局", "八角街道办事处"] });
    let (status, task) = admin.send(Method::PATCH, &path, Some(change), &[]).await;
    assert_eq!(status, 200, "{task}");
    assert_eq!((task["deadline"].as_str(), task["cooperating_units"].as_array().unwrap().len()), (Some("2027-03-31"), 3));
    let nobody = admin.send(Method::PATCH, &path, Some(json!({ "owners": [999] })), &[]).await;
    assert_eq!((nobody.0, nobody.1["error"]["param"].as_str()), (400, Some("owners")));
    let (status, task) = admin.post(&format!("{path}/milestones"), json!({ "title": "中期检查", "due_on": "2027-01-15" })).await;
    assert_eq!(status, 201, "{task}");
    assert!(task["milestones"].as_array().unwrap().iter().any(|m| m["title"] == "中期检查" && m["due_on"] == "2027-01-15"));
    let bad = admin.post(&format!("{path}/milestones"), json!({ "title": "中期检查", "due_on": "15/01/2027" })).await;
    assert_eq!(bad.1["error"]["param"], "due_on");
    // A step added to a finished task opens it again: past its deadline, it is overdue.
    let finished = public_task(&app, 1).await["id"].as_i64().unwrap();
    let (_, reopened) = admin.post(&format!("/api/v1/staff/plan/tasks/{finished}/milestones"), json!({ "title": "补充验收", "due_on": "2030-01-15" })).await;
    assert_eq!((reopened["status"].as_str(), reopened["progress"].as_i64()), (Some("overdue"), Some(66)), "{reopened}");
    assert_eq!(admin.get("/api/v1/staff/plan/tasks/99999").await.0, 404);
    assert_eq!(admin.get("/api/v1/staff/plan/tasks/abc").await.0, 404);
}

#[tokio::test]
async fn residents_comments_reach_the_lead_unit_and_are_shown_once_approved() {
    let app = spawn_app().await;
    let admin = app.staff("plan-lead", district()).await;
    let owner = app.staff("plan-owner", StaffScope { role: Role::StreetAdmin, street_id: Some(2), facility_ids: vec![] }).await;
    let (id, other) = (public_task(&app, 7).await["id"].as_i64().unwrap(), public_task(&app, 8).await["id"].as_i64().unwrap());
    assign(&app, &admin, other, "plan-owner").await;
    let comments = format!("/api/v1/plan/tasks/{id}/comments");
    let comment = json!({ "comment": "希望点单答复能更快一些<script>alert(1)</script>" });
    assert_eq!(app.visitor().post(&comments, comment.clone()).await.0, 401);
    let resident = app.register("13800138111", "resident password 2026").await;
    assert_eq!(resident.post(&comments, json!({ "comment": "好" })).await.1["error"]["param"], "comment");
    let (status, sent) = resident.post(&comments, comment).await;
    assert_eq!(status, 201, "{sent}");
    let sent = sent["id"].as_i64().unwrap();
    assert_eq!(resident.post("/api/v1/plan/tasks/99999/comments", json!({ "comment": "这个任务不存在吗" })).await.0, 404);
    assert!(public_task(&app, 7).await["comments"].as_array().unwrap().is_empty(), "not before it is approved");

    // The owner of another task neither sees nor decides it; the leading group does.
    assert!(owner.get("/api/v1/staff/plan/comments").await.1.as_array().unwrap().is_empty());
    let decision = format!("/api/v1/staff/plan/comments/{sent}/decision");
    let answer = json!({ "show": true, "reply": "已纳入本月改进计划" });
    assert_eq!(owner.post(&decision, answer.clone()).await.0, 403);
    let (_, listed) = admin.get("/api/v1/staff/plan/comments").await;
    assert_eq!(listed[0]["author"], "138****8111", "{listed}");
    let (status, decided) = admin.post(&decision, answer.clone()).await;
    assert_eq!((status, decided["state"].as_str()), (200, Some("shown")), "{decided}");
    assert_eq!(admin.post(&decision, answer).await.1["error"]["code"], "already_decided");
    let shown = public_task(&app, 7).await;
    assert_eq!(shown["comments"][0]["reply"], "已纳入本月改进计划");
    assert!(shown["comments"][0].get("author").is_none(), "the public does not see who wrote it");

    // Five a day, every attempt counted before anything is read or written (the one at a task
    // that does not exist too).
    for n in 1..4 {
        assert_eq!(resident.post(&comments, json!({ "comment": format!("第{n}条补充意见") })).await.0, 201);
    }
    assert_eq!(resident.post(&comments, json!({ "comment": "第六条补充意见" })).await.1["error"]["code"], "daily_limit");
}
