//! Staff keeping facility records true and district admins setting the standards.

use cc_domain::staff::{Role, StaffScope};
use serde_json::json;

use crate::helpers::spawn_app;
use cc_domain::ids::FacilityId;

#[tokio::test]
async fn a_street_admin_corrects_a_facility_in_their_street_and_its_compliance_follows() {
    let app = spawn_app().await;
    let (_, coverage) = app.get_json("/api/v1/coverage").await;
    let before = coverage["totals"]["compliant"].clone();
    // A facility that falls short, and its street.
    let mut target = None;
    for id in 1..60 {
        let (status, f) = app.get_json(&format!("/api/v1/facilities/{id}")).await;
        if status == 200 && f["properties"]["compliance"]["compliant"] == false {
            target = Some((id, app.store.facility_place(FacilityId(id)).await.unwrap().unwrap()));
            break;
        }
    }
    let (id, place) = target.expect("the demo has facilities that fall short");
    let street = app
        .staff(
            "street",
            StaffScope { role: Role::StreetAdmin, street_id: Some(place.street_id), facility_ids: vec![] },
        )
        .await;
    let path = format!("/api/v1/staff/facilities/{id}");
    let fixed = json!({ "area_m2": 5000.0, "opening_hours": "1-7 08:00-20:00", "free_opening": true, "position": "39.9067,116.2231" });
    let (status, body) = street.send(reqwest::Method::PATCH, &path, Some(fixed), &[]).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["compliance"]["compliant"], true, "{body}");
    let (_, coverage) = app.get_json("/api/v1/coverage").await;
    assert_ne!(coverage["totals"]["compliant"], before);

    let bad = json!({ "opening_hours": "every day" });
    let (status, body) = street.send(reqwest::Method::PATCH, &path, Some(bad), &[]).await;
    assert_eq!((status, body["error"]["param"].as_str()), (400, Some("opening_hours")));
    let elsewhere = if place.street_id == 1 { 2 } else { 1 };
    let other = app
        .staff(
            "other",
            StaffScope { role: Role::StreetAdmin, street_id: Some(elsewhere), facility_ids: vec![] },
        )
        .await;
    assert_eq!(other.send(reqwest::Method::PATCH, &path, Some(json!({ "area_m2": 1.0 })), &[]).await.0, 403);
    let audit = app.store.audit_entries(None, 10).await.unwrap();
    let change = audit.iter().find(|e| e.action == "update_facility" && !e.refused).unwrap();
    assert!(change.before.as_ref().unwrap() != change.after.as_ref().unwrap(), "before and after are kept");
}

#[tokio::test]
async fn only_district_admins_set_the_standards() {
    let app = spawn_app().await;
    let admin = app
        .staff("admin", StaffScope { role: Role::DistrictAdmin, street_id: None, facility_ids: vec![] })
        .await;
    let street = app
        .staff("street", StaffScope { role: Role::StreetAdmin, street_id: Some(1), facility_ids: vec![] })
        .await;
    let standard = json!({ "min_area_m2": 100.0, "min_weekly_hours": 20.0, "free_opening_required": true });
    assert_eq!(
        street
            .send(reqwest::Method::PUT, "/api/v1/staff/standards/community", Some(standard.clone()), &[])
            .await
            .0,
        403
    );
    assert_eq!(
        admin.send(reqwest::Method::PUT, "/api/v1/staff/standards/community", Some(standard), &[]).await.0,
        204
    );
    let report = app.store.compliance_report().await.unwrap();
    let community = report.standards.iter().find(|s| s.level == cc_domain::FacilityLevel::Community).unwrap();
    assert_eq!((community.min_area_m2, community.is_default), (100.0, false));
    let silly = json!({ "min_area_m2": 10.0, "min_weekly_hours": 200.0, "free_opening_required": true });
    let (status, body) =
        admin.send(reqwest::Method::PUT, "/api/v1/staff/standards/street", Some(silly), &[]).await;
    assert_eq!((status, body["error"]["param"].as_str()), (400, Some("min_weekly_hours")));
    assert_eq!(
        admin
            .send(
                reqwest::Method::PUT,
                "/api/v1/staff/standards/planet",
                Some(json!({"min_area_m2": 1.0, "min_weekly_hours": 1.0, "free_opening_required": true})),
                &[]
            )
            .await
            .0,
        404
    );
}
