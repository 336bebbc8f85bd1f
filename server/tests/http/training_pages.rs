//! Training on the pages, without a script: an organiser creates a course and a session (a
//! refused field worded on the page), enrols a grassroots worker and lands on the worker's
//! ticket to hand on, a staff member enrols themselves, the door lets both in by their typed
//! codes, and the hours and the certificate follow — each a plain form — while hostile text in
//! every field training shows comes out inert.

use cc_domain::staff::{Role, StaffScope};
use chrono::{Duration, Utc};
use sqlx::Connection;

use crate::helpers::{inert_page as page, spawn_app, HOSTILE};

/// `minutes` from now as a `datetime-local` value in the district's time.
fn local_input(minutes: i64) -> String {
    (Utc::now() + Duration::minutes(minutes)).with_timezone(&cc_domain::time::district_zone()).format("%Y-%m-%dT%H:%M").to_string()
}

#[tokio::test]
async fn training_runs_on_plain_forms_and_hostile_text_stays_text() {
    let app = spawn_app().await;
    let admin = app.staff("training-admin", StaffScope { role: Role::DistrictAdmin, street_id: None, facility_ids: vec![] }).await;
    let learner = app.staff("training-reviewer", StaffScope { role: Role::Reviewer, street_id: None, facility_ids: vec![] }).await;

    let course = [("topic", "志愿服务实务".to_string()), ("trainer", "李静".into()), ("hours", "2.5".into()), ("summary", String::new()), ("street_id", String::new())];
    let landed = admin.post_form("/staff/training", "create_training_course_form", &course).await;
    let path = landed.url().path().to_string();
    assert!(path.starts_with("/staff/training/"), "{path}");
    let id: i64 = path.rsplit('/').next().unwrap().parse().unwrap();
    let bad_hours = [("topic", "志愿服务".to_string()), ("trainer", "李静".into()), ("hours", "2.3".into()), ("summary", String::new()), ("street_id", String::new())];
    let landed = admin.post_form("/staff/training", "create_training_course_form", &bad_hours).await;
    assert!(landed.url().as_str().contains("error=hours"), "{}", landed.url());
    let html = landed.text().await.unwrap();
    assert!(html.contains("学时须为0.5到40之间"), "the refusal says why");
    assert!(html.contains("value=\"志愿服务\"") && html.contains("value=\"2.3\""), "what was typed comes back");

    let session = |capacity: &str| {
        vec![("course_id", id.to_string()), ("starts_at", local_input(60)), ("ends_at", local_input(180)), ("venue", "区文化馆三楼".to_string()), ("capacity", capacity.to_string())]
    };
    let landed = admin.post_form(&path, "add_training_session_form", &session("0")).await;
    assert!(landed.url().as_str().contains("error=capacity"), "{}", landed.url());
    admin.post_form(&path, "add_training_session_form", &session("20")).await;
    let sitting = app.store.training_course(cc_domain::ids::TrainingCourseId(id)).await.unwrap().unwrap().sessions[0].id.0;

    // Hostile text wherever training shows words.
    sqlx::any::install_default_drivers();
    let mut db = sqlx::AnyConnection::connect(&app.database_url).await.unwrap();
    sqlx::query("UPDATE training_courses SET topic = $1, trainer = $1, summary = $1 WHERE id = $2").bind(format!("课程{HOSTILE}")).bind(id).execute(&mut db).await.unwrap();
    sqlx::query("UPDATE training_sessions SET venue = $1 WHERE id = $2").bind(format!("地点{HOSTILE}")).bind(sitting).execute(&mut db).await.unwrap();

    // The organiser enrols a worker and lands on the ticket to hand on.
    let worker = [
        ("course_id", id.to_string()),
        ("session_id", sitting.to_string()),
        ("name", "李明".to_string()),
        ("unit", "八角北路社区".to_string()),
        ("mobile", "139 0000 7777".to_string()),
        ("street_id", "1".to_string()),
    ];
    let landed = admin.post_form(&path, "enrol_worker_form", &worker).await;
    let ticket_page = landed.url().path().to_string();
    assert!(ticket_page.starts_with("/training/tickets/CT1."), "{ticket_page}");
    let html = page(&app.visitor(), &ticket_page).await;
    assert!(html.contains("李明") && html.contains("qr.svg"), "the worker's ticket with its QR code");
    let mut twice = worker.clone();
    twice[2].1 = "李明明".into();
    let landed = admin.post_form(&path, "enrol_worker_form", &twice).await;
    assert!(landed.url().as_str().contains("error=already_enrolled"), "one place per mobile and course: {}", landed.url());
    let html = page(&admin, &path).await;
    assert!(html.contains(&format!("href=\"{ticket_page}\"")), "the organiser can hand the ticket on again");
    sqlx::query("UPDATE training_enrolments SET name = $1, unit = $1 WHERE mobile = '13900007777'").bind(format!("学员{HOSTILE}")).execute(&mut db).await.unwrap();

    // The reviewer enrols themselves and reads their code on the course page.
    let landed = learner.post_form(&path, "enrol_training_form", &[("course_id", id.to_string()), ("session_id", sitting.to_string())]).await;
    assert!(landed.url().as_str().contains("done=1"), "{}", landed.url());
    let html = page(&learner, &path).await;
    let after = html.split("data-testid=\"training-code\"").nth(1).expect("the learner's code");
    let code = after[after.find('>').unwrap() + 1..][..12].to_string();
    assert!(!html.contains("enrolment-list"), "a learner does not see who else enrolled");

    // The door lets both in by their typed codes; the list masks the worker's mobile.
    let door = format!("/staff/training/sessions/{sitting}/door");
    let html = page(&admin, &door).await;
    assert!(html.contains("139****7777") && !html.contains("13900007777"), "masked in the list");
    let worker_code = app.store.training_enrolments(cc_domain::ids::TrainingSessionId(sitting)).await.unwrap();
    let worker_id = worker_code.iter().find(|e| e.staff_id.is_none()).unwrap().id;
    let worker_ticket = ticket_page.trim_start_matches("/training/tickets/").to_string();
    for ticket in [code.clone(), worker_ticket] {
        let landed = admin.post_form(&door, "training_check_in_form", &[("session_id", sitting.to_string()), ("ticket", ticket)]).await;
        assert!(landed.url().as_str().contains("in="), "{}", landed.url());
    }
    let landed = admin.post_form(&door, "training_check_in_form", &[("session_id", sitting.to_string()), ("ticket", code.clone())]).await;
    assert!(landed.url().as_str().contains("error=already_checked_in"), "{}", landed.url());
    let html = page(&admin, &format!("{door}?in={}", worker_id.0)).await;
    assert!(html.contains("training-let-in"), "who was let in is said");

    // Hours and certificates follow, every page inert.
    let html = page(&admin, "/staff/training/hours").await;
    assert!(html.contains("139****7777") && html.contains("2.5"), "the worker's hours");
    let html = page(&learner, "/staff/training").await;
    let number = html.split("/training/certificates/").nth(1).unwrap()[..12].to_string();
    let html = page(&app.visitor(), &format!("/training/certificates/{number}")).await;
    assert!(html.contains("测试工作人员") && html.contains("2.5"), "the certificate names the person and hours");
    page(&admin, "/staff/training").await;
    page(&admin, &path).await;
    let html = page(&app.visitor(), &ticket_page).await;
    assert!(!html.contains("qr.svg"), "a used ticket shows no QR code");
}
