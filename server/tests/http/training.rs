//! Training of cultural staff: organisers create courses and sessions, staff enrol themselves
//! and organisers enrol grassroots workers (mobiles masked in every list), a session never
//! takes more people than its places, people are let in by their signed QR ticket or typed
//! code, attending earns the course's hours and a certificate, and the hours feed the
//! evaluation.

use cc_domain::staff::{Role, StaffScope};
use chrono::{Duration, Utc};
use serde_json::{json, Value};

use crate::helpers::{spawn_app, TestApp, Visitor};

fn district() -> StaffScope {
    StaffScope { role: Role::DistrictAdmin, street_id: None, facility_ids: vec![] }
}

fn street(id: i64) -> StaffScope {
    StaffScope { role: Role::StreetAdmin, street_id: Some(id), facility_ids: vec![] }
}

/// RFC 3339 in the district, `minutes` from now.
fn in_minutes(minutes: i64) -> String {
    (Utc::now() + Duration::minutes(minutes)).with_timezone(&cc_domain::time::district_zone()).to_rfc3339()
}

/// A course by `organiser` with one session starting in an hour (its door already open).
async fn course_with_session(organiser: &Visitor, places: u32) -> (i64, i64) {
    let (status, course) =
        organiser.post("/api/v1/staff/training/courses", json!({ "topic": "公共文化云平台操作实务", "trainer": "王磊", "hours": 2.5 })).await;
    assert_eq!(status, 201, "{course}");
    let course = course["id"].as_i64().unwrap();
    let session = json!({ "starts_at": in_minutes(60), "ends_at": in_minutes(210), "venue": "区文化馆三楼", "capacity": places });
    let (status, created) = organiser.post(&format!("/api/v1/staff/training/courses/{course}/sessions"), session).await;
    assert_eq!(status, 201, "{created}");
    (course, created["id"].as_i64().unwrap())
}

fn worker(n: u32) -> Value {
    json!({ "worker": { "name": format!("学员{n:02}"), "unit": "八角北路社区文化室", "mobile": format!("1370000{n:04}"), "street_id": 1 } })
}

#[tokio::test]
async fn a_staff_member_enrols_is_let_in_by_their_ticket_and_earns_the_hours_and_a_certificate() {
    let app = spawn_app().await;
    let organiser = app.staff("training-lead", district()).await;
    let learner = app.staff("training-learner", StaffScope { role: Role::FacilityManager, street_id: None, facility_ids: vec![app.facility_in(2).await] }).await;
    let (course, session) = course_with_session(&organiser, 30).await;

    let (status, placed) = learner.post(&format!("/api/v1/staff/training/sessions/{session}/enrolments"), json!({})).await;
    assert_eq!(status, 201, "{placed}");
    let ticket = placed["ticket"].as_str().unwrap().to_string();
    assert!(ticket.starts_with("CT1."), "{ticket}");
    let (status, again) = learner.post(&format!("/api/v1/staff/training/sessions/{session}/enrolments"), json!({})).await;
    assert_eq!((status, again["error"]["code"].as_str()), (409, Some("already_enrolled")));
    // A resident's ticket format with a training id, or a forged one, opens nothing.
    let forged = ticket.replace("CT1.", "CC1.");
    let door = format!("/api/v1/staff/training/sessions/{session}/checkins");
    let (status, refused) = organiser.post(&door, json!({ "ticket": forged })).await;
    assert_eq!((status, refused["error"]["code"].as_str()), (404, Some("unknown_ticket")), "{refused}");
    let tampered = format!("{}0", &ticket[..ticket.len() - 1]);
    let (status, refused) = organiser.post(&door, json!({ "ticket": tampered })).await;
    assert_eq!(status, 400, "{refused}");
    // The learner cannot let themselves in: only organisers run the door (audited).
    let (status, _) = learner.post(&door, json!({ "ticket": ticket })).await;
    assert_eq!(status, 403);

    let (status, let_in) = organiser.post(&door, json!({ "ticket": ticket })).await;
    assert_eq!(status, 200, "{let_in}");
    assert_eq!(let_in["holder"], "测试工作人员");
    let (status, twice) = organiser.post(&door, json!({ "ticket": ticket })).await;
    assert_eq!((status, twice["error"]["code"].as_str()), (409, Some("already_checked_in")));

    let (status, mine) = learner.get("/api/v1/staff/training/me").await;
    assert_eq!(status, 200);
    let mine = &mine[0];
    assert_eq!((mine["status"].as_str(), mine["course_id"].as_i64(), mine["hours"].as_f64()), (Some("attended"), Some(course), Some(2.5)));
    assert!(mine["ticket"].is_null(), "a used ticket is not shown again");
    let number = mine["certificate"].as_str().unwrap().to_string();
    let (status, _, page) = app.visitor().get_text(&format!("/training/certificates/{number}")).await;
    assert_eq!(status, 200);
    assert!(page.contains("测试工作人员") && page.contains("公共文化云平台操作实务") && page.contains("2.5"), "{page}");
    let (status, _, _) = app.visitor().get_text("/training/certificates/AAAAAAAAAAAA").await;
    assert_eq!(status, 404);

    let audit = app.store.audit_entries(None, 60).await.unwrap();
    assert!(audit.iter().any(|e| e.action == "training_check_in" && e.refused), "the learner's try is audited");
    assert!(audit.iter().any(|e| e.action == "training_check_in" && !e.refused && e.object_type == "training_enrolment"));
}

#[tokio::test]
async fn organisers_enrol_workers_without_accounts_whose_mobiles_lists_mask() {
    let app = spawn_app().await;
    let organiser = app.staff("training-street", street(1)).await;
    let other_street = app.staff("training-other", street(2)).await;
    let (course, session) = course_with_session(&organiser, 30).await;
    let enrol = format!("/api/v1/staff/training/sessions/{session}/enrolments");

    // A street admin's worker is their street's, whatever street the form names.
    let mut elsewhere = worker(1);
    elsewhere["worker"]["street_id"] = json!(2);
    let (status, placed) = organiser.post(&enrol, elsewhere).await;
    assert_eq!(status, 201, "{placed}");
    let (status, refused) = organiser.post(&enrol, json!({ "worker": { "name": "李", "unit": "社区", "mobile": "12" } })).await;
    assert_eq!((status, refused["error"]["param"].as_str()), (400, Some("display_name")));
    let (status, refused) = organiser.post(&enrol, json!({ "worker": { "name": "李明", "unit": "八角社区", "mobile": "1234" } })).await;
    assert_eq!((status, refused["error"]["param"].as_str()), (400, Some("mobile")));
    // Another street's admin organises nothing here.
    let (status, _) = other_street.post(&enrol, worker(2)).await;
    assert_eq!(status, 403);
    let (status, _) = other_street.post(&format!("/api/v1/staff/training/courses/{course}/sessions"), json!({ "starts_at": in_minutes(60), "ends_at": in_minutes(120), "venue": "某地", "capacity": 5 })).await;
    assert_eq!(status, 403);

    let (status, detail) = organiser.get(&format!("/api/v1/staff/training/courses/{course}")).await;
    assert_eq!(status, 200);
    let listed = &detail["enrolments"][0];
    assert_eq!((listed["name"].as_str(), listed["mobile"].as_str()), (Some("学员01"), Some("137****0001")));
    assert!(!detail.to_string().contains("13700000001"), "no full mobile in any answer");
    let (status, seen) = other_street.get(&format!("/api/v1/staff/training/courses/{course}")).await;
    assert_eq!((status, seen["enrolments"].as_array().map(Vec::len)), (200, Some(0)), "others see the course, not who enrolled");

    // The worker's code, typed in groups at the door.
    let code = placed["code"].as_str().unwrap();
    let typed = format!("{} {}", &code[..6].to_lowercase(), &code[6..]);
    let (status, let_in) = organiser.post(&format!("/api/v1/staff/training/sessions/{session}/checkins"), json!({ "ticket": typed })).await;
    assert_eq!((status, let_in["holder"].as_str()), (200, Some("学员01 137****0001")), "{let_in}");
    let year = cc_domain::evaluation::Period::Year(chrono::Datelike::year(&cc_domain::time::local(cc_domain::time::now()))).window();
    let mut counted = Vec::new();
    for street in [1, 2] {
        counted.push(app.store.attended_training(year, Some(street)).await.unwrap().iter().any(|a| a.name == "学员01"));
    }
    assert_eq!(counted, [true, false], "counted for street 1, not street 2");
    // The worker's own ticket page (the organiser hands the link) shows it used.
    let (status, _, page) = app.visitor().get_text(&format!("/training/tickets/{}", placed["ticket"].as_str().unwrap())).await;
    assert_eq!(status, 200);
    assert!(page.contains("学员01") && !page.contains("qr.svg"), "no QR code once used");
}

#[tokio::test]
async fn a_session_never_takes_more_people_than_its_places() {
    let app = spawn_app().await;
    let organiser = app.staff("training-rush", district()).await;
    let (_, session) = course_with_session(&organiser, 5).await;
    let enrol = format!("/api/v1/staff/training/sessions/{session}/enrolments");
    let attempts = (1..=24).map(|n| organiser.post(&enrol, worker(n)));
    let answers = futures::future::join_all(attempts).await;
    let taken = answers.iter().filter(|(s, _)| *s == 201).count();
    let full = answers.iter().filter(|(s, b)| *s == 409 && b["error"]["code"] == "full").count();
    assert_eq!((taken, full), (5, 19), "{:?}", answers.iter().map(|(s, _)| s).collect::<Vec<_>>());
    let (_, door) = organiser.get(&format!("/api/v1/staff/training/sessions/{session}/enrolments")).await;
    assert_eq!((door["enrolments"].as_array().unwrap().len(), door["session"]["remaining"].as_i64()), (5, Some(0)));
    // A place given back is free again, once.
    let first = door["enrolments"][0]["id"].as_i64().unwrap();
    let (status, _) = organiser.delete(&format!("/api/v1/staff/training/enrolments/{first}")).await;
    assert_eq!(status, 204);
    let (status, again) = organiser.delete(&format!("/api/v1/staff/training/enrolments/{first}")).await;
    assert_eq!((status, again["error"]["code"].as_str()), (409, Some("not_enrolled")));
    let (status, _) = organiser.post(&enrol, worker(99)).await;
    assert_eq!(status, 201);
}

async fn hours_of(app: &TestApp, who: &Visitor, name: &str) -> f64 {
    let year = chrono::Datelike::year(&cc_domain::time::local(cc_domain::time::now()));
    let mut total = 0.0;
    for y in [year - 1, year] {
        let (status, people) = who.get(&format!("/api/v1/staff/training/hours?year={y}")).await;
        assert_eq!(status, 200, "{people}");
        total += people.as_array().unwrap().iter().filter(|p| p["name"] == name).map(|p| p["hours"].as_f64().unwrap()).sum::<f64>();
    }
    let _ = app;
    total
}

#[tokio::test]
async fn hours_add_up_per_person_and_feed_the_evaluation() {
    let app = spawn_app().await;
    let admin = app.staff("training-hours", district()).await;
    // The demo let 刘淑芬 in at all three courses: 3 + 2.5 + 1.5 hours.
    assert_eq!(hours_of(&app, &admin, "刘淑芬").await, 7.0);
    assert_eq!(hours_of(&app, &admin, "高德明").await, 0.0, "enrolled nowhere");
    let (status, refused) = admin.get("/api/v1/staff/training/hours?year=1999").await;
    assert_eq!((status, refused["error"]["param"].as_str()), (400, Some("year")));
    let reviewer = app.staff("training-reviewer", StaffScope { role: Role::Reviewer, street_id: None, facility_ids: vec![] }).await;
    let (status, _) = reviewer.get("/api/v1/staff/training/hours").await;
    assert_eq!(status, 403);

    // The evaluation reads the hours of sessions that ended this quarter per person on the roll.
    let (status, report) = admin.get("/api/v1/staff/evaluation").await;
    assert_eq!(status, 200, "{report}");
    let line = report["report"]["lines"].as_array().unwrap().iter().find(|l| l["indicator"]["measure"] == "training_hours").unwrap().clone();
    let (part, whole) = (line["reading"]["part"].as_i64().unwrap(), line["reading"]["whole"].as_i64().unwrap());
    let held = app.store.attended_training(cc_domain::evaluation::Period::quarter_of(cc_domain::time::now()).window(), None).await.unwrap();
    let tenths: u32 = held.iter().map(|a| a.hours.0).sum();
    assert_eq!(part, i64::from(tenths), "every attended hour of the quarter counted once");
    // Two staff accounts (admin, reviewer) and the distinct workers enrolled.
    let workers = held.iter().filter(|a| a.mobile.is_some()).map(|a| a.mobile.clone()).collect::<std::collections::HashSet<_>>().len() as i64;
    assert_eq!(whole, 2 + workers);
}
