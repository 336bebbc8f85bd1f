//! Staff over the API: login and lockout, door check-in (by code and by signed token), single
//! use, forged tickets, scope, the audit log, and disabled accounts.

use cc_domain::staff::{Role, StaffScope};
use serde_json::json;

use crate::helpers::{spawn_app, TestApp, Visitor};
use cc_domain::ids::StaffId;

fn district() -> StaffScope {
    StaffScope { role: Role::DistrictAdmin, street_id: None, facility_ids: vec![] }
}

/// A session at the first facility, and a resident's confirmed booking in it.
async fn booked_session(app: &TestApp) -> (cc_domain::ids::SessionId, serde_json::Value) {
    let session = app.store.seed_open_session("京剧名段欣赏（签到）", 5, true).await.unwrap();
    let resident = app.register("13800000001", "石景山 lantern 1").await;
    let (status, booking) = resident.book(session).await;
    assert_eq!(status, 201);
    (session, booking)
}

async fn check_in(
    staff: &Visitor,
    session: cc_domain::ids::SessionId,
    ticket: &str,
) -> (u16, serde_json::Value) {
    staff.post(&format!("/api/v1/staff/sessions/{session}/checkins"), json!({ "ticket": ticket })).await
}

#[tokio::test]
async fn staff_log_in_with_a_username_and_are_locked_out_after_five_failures() {
    let app = spawn_app().await;
    let admin = app.staff("district-admin", district()).await;
    let (status, me) = admin.get("/api/v1/staff/me").await;
    assert_eq!((status, me["role"].as_str()), (200, Some("district_admin")));
    let visitor = app.visitor();
    for _ in 0..5 {
        let (status, body) = visitor
            .post(
                "/api/v1/staff/login",
                json!({ "username": "district-admin", "password": "wrong password!!" }),
            )
            .await;
        assert_eq!((status, body["error"]["code"].as_str()), (401, Some("wrong_credentials")));
    }
    let (status, body) = visitor
        .post(
            "/api/v1/staff/login",
            json!({ "username": "district-admin", "password": "staff password 2026 石景山" }),
        )
        .await;
    assert_eq!(
        (status, body["error"]["code"].as_str()),
        (429, Some("too_many_attempts")),
        "locked for 15 minutes"
    );
    assert_eq!(app.visitor().get("/api/v1/staff/me").await.0, 401);
}

#[tokio::test]
async fn a_ticket_is_let_in_once_by_code_or_by_its_signed_token() {
    let app = spawn_app().await;
    let admin = app.staff("district-admin", district()).await;
    let (session, booking) = booked_session(&app).await;
    let code = booking["code"].as_str().unwrap();
    let (status, body) = check_in(&admin, session, &code.to_lowercase()).await;
    assert_eq!((status, body["status"].as_str()), (200, Some("attended")), "{body}");
    assert_eq!(body["holder"], "138****0001", "the door says who, masked");
    let (status, body) = check_in(&admin, session, code).await;
    assert_eq!((status, body["error"]["code"].as_str()), (409, Some("already_checked_in")));
    assert_eq!(check_in(&admin, session, "ABCDEFGHJKMN").await.1["error"]["code"], "unknown_ticket");

    let audit = app.store.audit_entries(None, 10).await.unwrap();
    let check_ins: Vec<_> = audit.iter().filter(|e| e.action == "check_in").collect();
    assert_eq!(check_ins.len(), 1, "one check-in, one audit line: {audit:?}");
    assert_eq!(check_ins[0].object_id, booking["id"].as_i64());
    assert!(audit.iter().any(|e| e.action == "log_in"), "the staff login is in the log too: {audit:?}");
}

#[tokio::test]
async fn forged_tokens_and_tickets_for_other_sessions_are_refused() {
    let app = spawn_app().await;
    let admin = app.staff("district-admin", district()).await;
    let (session, booking) = booked_session(&app).await;
    let other = app.store.seed_open_session("另一场", 5, true).await.unwrap();
    let forged = format!("CC1.{}.{}.{}", booking["id"], booking["code"].as_str().unwrap(), "0".repeat(32));
    let (status, body) = check_in(&admin, session, &forged).await;
    assert_eq!((status, body["error"]["code"].as_str()), (400, Some("invalid_ticket")));
    let (status, body) = check_in(&admin, other, booking["code"].as_str().unwrap()).await;
    assert_eq!((status, body["error"]["code"].as_str()), (409, Some("other_session")));
}

#[tokio::test]
async fn staff_outside_the_sessions_street_are_refused_and_the_refusal_is_logged() {
    let app = spawn_app().await;
    let (session, booking) = booked_session(&app).await;
    let place = app.store.session_place(session).await.unwrap().unwrap();
    let elsewhere = if place.street_id == 1 { 2 } else { 1 };
    let outsider = app
        .staff(
            "other-street",
            StaffScope { role: Role::StreetAdmin, street_id: Some(elsewhere), facility_ids: vec![] },
        )
        .await;
    let reviewer = app
        .staff("reviewer", StaffScope { role: Role::Reviewer, street_id: None, facility_ids: vec![] })
        .await;
    let code = booking["code"].as_str().unwrap();
    assert_eq!(check_in(&outsider, session, code).await.0, 403);
    assert_eq!(check_in(&reviewer, session, code).await.0, 403);
    let manager = app
        .staff(
            "manager",
            StaffScope {
                role: Role::FacilityManager,
                street_id: None,
                facility_ids: vec![place.facility_id],
            },
        )
        .await;
    assert_eq!(check_in(&manager, session, code).await.0, 200);
    let refusals = app.store.audit_entries(None, 10).await.unwrap().into_iter().filter(|e| e.refused).count();
    assert_eq!(refusals, 2);
}

#[tokio::test]
async fn disabling_an_account_ends_its_session_at_once_and_residents_are_not_staff() {
    let app = spawn_app().await;
    let admin = app.staff("district-admin", district()).await;
    let (_, me) = admin.get("/api/v1/staff/me").await;
    assert!(app.store.set_staff_disabled(StaffId(me["id"].as_i64().unwrap()), true).await.unwrap());
    assert_eq!(admin.get("/api/v1/staff/me").await.0, 401);
    let (session, booking) = booked_session(&app).await;
    let resident = app.register("13800000002", "石景山 lantern 2").await;
    assert_eq!(check_in(&resident, session, booking["code"].as_str().unwrap()).await.0, 401);
}

#[tokio::test]
async fn district_admins_read_the_audit_log_filtered_and_others_may_not() {
    let app = spawn_app().await;
    let admin = app.staff("district-admin", district()).await;
    let (session, booking) = booked_session(&app).await;
    let place = app.store.session_place(session).await.unwrap().unwrap();
    let elsewhere = if place.street_id == 1 { 2 } else { 1 };
    let outsider = app
        .staff(
            "other-street",
            StaffScope { role: Role::StreetAdmin, street_id: Some(elsewhere), facility_ids: vec![] },
        )
        .await;
    assert_eq!(check_in(&outsider, session, booking["code"].as_str().unwrap()).await.0, 403);
    assert_eq!(check_in(&admin, session, booking["code"].as_str().unwrap()).await.0, 200);

    let (status, log) = admin.get("/api/v1/staff/audit?action=check_in").await;
    assert_eq!(status, 200);
    assert_eq!(log["entries"].as_array().unwrap().len(), 2);
    assert_eq!(log["entries"][0]["username"], "district-admin", "newest first");
    let (_, logins) = admin.get("/api/v1/staff/audit?action=log_in").await;
    let who: Vec<&str> =
        logins["entries"].as_array().unwrap().iter().map(|e| e["username"].as_str().unwrap()).collect();
    assert_eq!(who, ["other-street", "district-admin"], "staff logins are audited, newest first");
    let (_, refused) = admin.get("/api/v1/staff/audit?refused=1").await;
    assert_eq!(refused["entries"].as_array().unwrap().len(), 1);
    assert_eq!(refused["entries"][0]["username"], "other-street");
    let (_, theirs) = admin.get("/api/v1/staff/audit?username=other-street&action=check_in").await;
    assert_eq!(theirs["entries"].as_array().unwrap().len(), 1);
    assert_eq!(outsider.get("/api/v1/staff/audit").await.0, 403);
}

#[tokio::test]
async fn a_malformed_audit_page_cursor_is_a_bad_parameter_in_the_callers_language() {
    let app = spawn_app().await;
    let admin = app.staff("district-admin", district()).await;
    let zh = [("Accept-Language", "zh-CN")];
    for before in ["abc", "0", "-5"] {
        let url = format!("/api/v1/staff/audit?before={before}");
        let (status, body) = admin.send(reqwest::Method::GET, &url, None, &zh).await;
        assert_eq!(status, 400, "{before}: {body}");
        assert_eq!(
            (body["error"]["code"].as_str(), body["error"]["param"].as_str()),
            (Some("bad_parameter"), Some("before"))
        );
        assert!(body["error"]["message"].as_str().unwrap().contains("正整数"), "{body}");
    }
    let (status, _) = admin.get("/api/v1/staff/audit?before=").await;
    assert_eq!(status, 200, "an empty cursor is the first page");
}

#[tokio::test]
async fn exports_mask_numbers_unless_the_role_may_see_them_and_stay_inside_scope() {
    let app = spawn_app().await;
    let admin = app.staff("district-admin", district()).await;
    let (session, _) = booked_session(&app).await;
    let place = app.store.session_place(session).await.unwrap().unwrap();
    let street = app
        .staff(
            "street",
            StaffScope { role: Role::StreetAdmin, street_id: Some(place.street_id), facility_ids: vec![] },
        )
        .await;
    let path = format!("/api/v1/staff/sessions/{session}/bookings.csv");
    let (status, kind, csv) = admin.get_text(&path).await;
    assert_eq!((status, kind.as_str()), (200, "text/csv; charset=utf-8"));
    assert!(csv.contains("13800000001") && csv.contains("已预约"), "{csv}");
    let (_, _, csv) = street.get_text(&path).await;
    assert!(csv.contains("138****0001") && !csv.contains("13800000001"), "{csv}");
    let (status, kind, _) = admin.get_text(&format!("/api/v1/staff/sessions/{session}/bookings.xlsx")).await;
    assert_eq!(
        (status, kind.as_str()),
        (200, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    );

    let elsewhere = if place.street_id == 1 { 2 } else { 1 };
    let outsider = app
        .staff(
            "other",
            StaffScope { role: Role::StreetAdmin, street_id: Some(elsewhere), facility_ids: vec![] },
        )
        .await;
    assert_eq!(outsider.get_text(&path).await.0, 403);
    let exports = app.store.audit_entries(None, 10).await.unwrap();
    assert_eq!(
        exports.iter().filter(|e| e.action == "export_bookings").count(),
        4,
        "three exports and one refusal"
    );
}

#[tokio::test]
async fn the_compliance_table_exports_every_street_or_a_street_admins_own() {
    let app = spawn_app().await;
    let admin = app.staff("district-admin", district()).await;
    let street = app
        .staff("street", StaffScope { role: Role::StreetAdmin, street_id: Some(1), facility_ids: vec![] })
        .await;
    let provider = app
        .staff("provider", StaffScope { role: Role::Provider, street_id: None, facility_ids: vec![] })
        .await;
    let (status, _, csv) = admin.get_text("/api/v1/staff/compliance.csv").await;
    assert_eq!(status, 200);
    assert!(csv.starts_with("\u{feff}街道,场馆数,达标场馆"), "{csv}");
    assert_eq!(csv.matches("\r\n").count() - count_embedded_breaks(&csv), 10, "a header and nine streets");
    let (_, _, own) = street.get_text("/api/v1/staff/compliance.csv").await;
    assert!(own.lines().count() >= 2 && own.len() < csv.len(), "{own}");
    assert_eq!(provider.get_text("/api/v1/staff/compliance.xlsx").await.0, 403);
}

/// Line breaks inside quoted cells (the reasons column) are not rows.
fn count_embedded_breaks(csv: &str) -> usize {
    let mut quoted = false;
    let mut breaks = 0;
    let bytes = csv.as_bytes();
    for (i, b) in bytes.iter().enumerate() {
        match b {
            b'"' => quoted = !quoted,
            b'\r' if quoted && bytes.get(i + 1) == Some(&b'\n') => breaks += 1,
            _ => {}
        }
    }
    breaks
}

#[tokio::test]
async fn staff_create_and_disable_staff_only_inside_their_scope() {
    let app = spawn_app().await;
    let admin = app.staff("district-admin", district()).await;
    let account = |username: &str, role: &str, street: Option<i64>, facilities: Vec<i64>| {
        json!({ "username": username, "display_name": username, "password": "a staff password 2026",
                "role": role, "street_id": street, "facility_ids": facilities })
    };
    let (status, created) =
        admin.post("/api/v1/staff/accounts", account("bajiao", "street_admin", Some(1), vec![])).await;
    assert_eq!(status, 201, "{created}");
    let (status, body) =
        admin.post("/api/v1/staff/accounts", account("weak", "reviewer", None, vec![])).await;
    assert_eq!(status, 201, "{body}");
    let mut short = account("short", "reviewer", None, vec![]);
    short["password"] = json!("too short");
    assert_eq!(admin.post("/api/v1/staff/accounts", short).await.1["error"]["code"], "password_too_short");
    let (status, body) =
        admin.post("/api/v1/staff/accounts", account("nowhere", "facility_manager", None, vec![])).await;
    assert_eq!(
        (status, body["error"]["param"].as_str()),
        (400, Some("facility_ids")),
        "a manager of nothing"
    );

    let street = app.visitor();
    street
        .post("/api/v1/staff/login", json!({ "username": "bajiao", "password": "a staff password 2026" }))
        .await;
    let in_street = app.facility_in(1).await;
    let elsewhere = app.facility_in(2).await;
    let (status, manager) = street
        .post("/api/v1/staff/accounts", account("door", "facility_manager", None, vec![in_street]))
        .await;
    assert_eq!(status, 201, "{manager}");
    assert_eq!(
        street
            .post("/api/v1/staff/accounts", account("far", "facility_manager", None, vec![elsewhere]))
            .await
            .0,
        403
    );
    assert_eq!(
        street.post("/api/v1/staff/accounts", account("boss", "district_admin", None, vec![])).await.0,
        403
    );

    let manager_id = manager["id"].as_i64().unwrap();
    assert_eq!(street.post(&format!("/api/v1/staff/accounts/{manager_id}/disable"), json!({})).await.0, 204);
    assert!(app.store.staff_member(StaffId(manager_id)).await.unwrap().unwrap().disabled);
    let admin_id = admin.get("/api/v1/staff/me").await.1["id"].as_i64().unwrap();
    assert_eq!(street.post(&format!("/api/v1/staff/accounts/{admin_id}/disable"), json!({})).await.0, 403);
}
