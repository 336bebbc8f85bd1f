//! The work plan on the pages, without a script: a resident comments on `/plan`; a task's owner
//! reports progress, adds a milestone, evidence (a link, a figure, a file) and marks a milestone
//! done on `/staff/plan`; the leading group names owners and shows a comment with a reply — each
//! a plain form — and hostile text in every field the plan shows comes out inert.

use cc_domain::staff::{Role, StaffScope};
use sqlx::Connection;

use crate::api_staff_editing::png;
use crate::helpers::{inert_page as page, spawn_app, TestApp, HOSTILE};

async fn task_number(app: &TestApp, number: i32) -> cc_domain::plan::PlanTask {
    app.store.plan_tasks(cc_domain::time::now()).await.unwrap().into_iter().find(|t| t.number == number).unwrap()
}

#[tokio::test]
async fn the_plan_is_kept_on_plain_forms_and_hostile_text_stays_text() {
    let app = spawn_app().await;
    let admin = app.staff("plan-lead", StaffScope { role: Role::DistrictAdmin, street_id: None, facility_ids: vec![] }).await;
    let owner = app.staff("plan-owner", StaffScope { role: Role::StreetAdmin, street_id: Some(1), facility_ids: vec![] }).await;
    let owner_id = app.store.staff_members().await.unwrap().into_iter().find(|m| m.username == "plan-owner").unwrap().id;
    let task = task_number(&app, 2).await;
    let id = task.id.0;

    // Hostile text wherever the plan shows words.
    sqlx::any::install_default_drivers();
    let mut db = sqlx::AnyConnection::connect(&app.database_url).await.unwrap();
    sqlx::query("UPDATE plan_tasks SET name = $1, summary = $1, lead_unit = $1, cooperating_units = $1, note = $1 WHERE id = $2")
        .bind(format!("数字化平台{HOSTILE}"))
        .bind(id)
        .execute(&mut db)
        .await
        .unwrap();
    sqlx::query("UPDATE plan_milestones SET title = $1 WHERE task_id = $2").bind(format!("节点{HOSTILE}")).bind(id).execute(&mut db).await.unwrap();
    sqlx::query("UPDATE plan_evidence SET title = $1 WHERE task_id = $2").bind(format!("指标{HOSTILE}")).bind(id).execute(&mut db).await.unwrap();

    // The leading group names the owner on the page (the form keeps the task's fields).
    let plan_form = [
        ("task_id", id.to_string()),
        ("name", "建设公共文化服务数字化平台".to_string()),
        ("summary", String::new()),
        ("lead_unit", "区文化委".to_string()),
        ("cooperating_units", "区科信委\n区财政局".to_string()),
        ("deadline", task.deadline.format("%Y-%m-%d").to_string()),
        ("owner[0]", owner_id.to_string()),
    ];
    let landed = admin.post_form("/staff/plan", "plan_task_form", &plan_form).await;
    assert!(landed.url().as_str().contains(&format!("done={id}")), "{}", landed.url());
    sqlx::query("UPDATE plan_tasks SET summary = $1, note = $1 WHERE id = $2").bind(format!("说明{HOSTILE}")).bind(id).execute(&mut db).await.unwrap();

    // The owner reports progress; a refused field comes back named on the page.
    let progress = [("task_id", id.to_string()), ("status", "at_risk".to_string()), ("note", format!("用房{HOSTILE}"))];
    owner.post_form("/staff/plan", "plan_progress_form", &progress).await;
    let reported = task_number(&app, 2).await;
    assert_eq!(reported.status, cc_domain::plan::TaskStatus::AtRisk);
    let early = [("task_id", id.to_string()), ("status", "done".to_string()), ("note", String::new())];
    let landed = owner.post_form("/staff/plan", "plan_progress_form", &early).await;
    assert!(landed.url().as_str().contains("error=status"), "{}", landed.url());
    assert!(landed.text().await.unwrap().contains("还有未完成的节点"), "the refusal says why");

    // A milestone, evidence of each kind, and a milestone done.
    let milestone = [("task_id", id.to_string()), ("title", "用户测试".to_string()), ("due_on", "2030-01-31".to_string())];
    owner.post_form("/staff/plan", "plan_milestone_form", &milestone).await;
    let link = [
        ("task_id", id.to_string()),
        ("title", "上线通知".to_string()),
        ("url", "https://example.org/notice".to_string()),
        ("measure", String::new()),
        ("street_id", String::new()),
        ("public", "on".to_string()),
    ];
    owner.post_form("/staff/plan", "plan_evidence_form", &link).await;
    let mut bad_link = link.clone();
    bad_link[2].1 = "javascript:alert(1)".to_string();
    let landed = owner.post_form("/staff/plan", "plan_evidence_form", &bad_link).await;
    assert!(landed.url().as_str().contains("error=url"), "{}", landed.url());
    let figure = [
        ("task_id", id.to_string()),
        ("title", "街道满意率".to_string()),
        ("url", String::new()),
        ("measure", "satisfaction".to_string()),
        ("street_id", "1".to_string()),
    ];
    owner.post_form("/staff/plan", "plan_evidence_form", &figure).await;
    let upload = owner
        .post_multipart(&format!("/api/v1/staff/plan/tasks/{id}/files/form"), &[("title", None, "现场照片".as_bytes()), ("public", None, b"on"), ("file", Some("photo.png"), &png(2, 2))])
        .await;
    assert!(upload.url().as_str().contains(&format!("done={id}")), "{}", upload.url());
    let refused = owner.post_multipart(&format!("/api/v1/staff/plan/tasks/{id}/files/form"), &[("title", None, "网页".as_bytes()), ("file", Some("x.html"), b"<html>")]).await;
    assert!(refused.url().as_str().contains("error=unsupported_type"), "{}", refused.url());
    let open = task_number(&app, 2).await.milestones.into_iter().find(|m| m.done_at.is_none()).unwrap();
    owner.post_form("/staff/plan", "plan_milestone_done_form", &[("task_id", id.to_string()), ("milestone_id", open.id.0.to_string())]).await;
    let kept = task_number(&app, 2).await;
    assert_eq!(kept.evidence.len(), 4, "{:?}", kept.evidence);
    assert!(kept.milestones.iter().any(|m| m.id == open.id && m.done_at.is_some() && m.readings.len() == 2));

    // A resident comments on /plan; the comment with a reply appears once shown.
    let resident = app.register("13800138222", "resident password 2026").await;
    let landed = resident.post_form("/plan", "plan_comment_form", &[("task_id", id.to_string()), ("comment", format!("意见{HOSTILE}"))]).await;
    assert!(landed.url().as_str().contains(&format!("sent={id}")), "{}", landed.url());
    let short = resident.post_form("/plan", "plan_comment_form", &[("task_id", id.to_string()), ("comment", "短".to_string())]).await;
    assert!(short.url().as_str().contains("error=comment"), "{}", short.url());
    let comment = app.store.plan_comments(None).await.unwrap()[0].id;
    let decision = [("task_id", id.to_string()), ("comment_id", comment.0.to_string()), ("reply", format!("答复{HOSTILE}")), ("show", "on".to_string())];
    owner.post_form("/staff/plan", "plan_comment_decision_form", &decision).await;

    // Every page that shows the plan keeps the hostile text as text.
    let public = page(&app.visitor(), "/plan").await;
    assert!(public.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "the text is shown, escaped");
    assert!(public.contains("现场照片") && public.contains("上线通知") && public.contains("答复"));
    page(&resident, "/plan").await;
    let desk = page(&owner, "/staff/plan").await;
    assert!(desk.contains("用户测试"));
    page(&admin, "/staff/plan").await;
    page(&admin, "/staff/dashboard").await;
}
