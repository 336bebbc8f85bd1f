//! The staff console as the server renders it: login first, then only what is in scope.

use cc_domain::staff::{Role, StaffScope};
use serde_json::json;

use crate::helpers::spawn_app;

#[tokio::test]
async fn the_console_asks_visitors_and_residents_to_log_in_as_staff() {
    let app = spawn_app().await;
    let (status, html) = app.get("/staff").await;
    assert_eq!(status, 200);
    assert!(html.contains(r#"data-testid="staff-login-needed""#), "{html}");
    let resident = app.register("13800000001", "石景山 lantern 1").await;
    let (_, _, html) = resident.get_text("/staff").await;
    assert!(html.contains(r#"data-testid="staff-login-needed""#), "a resident is not staff");
}

#[tokio::test]
async fn a_street_admin_sees_their_drafts_and_not_another_streets_door() {
    let app = spawn_app().await;
    let street = app
        .staff("street-1", StaffScope { role: Role::StreetAdmin, street_id: Some(1), facility_ids: vec![] })
        .await;
    let facility = app.facility_in(1).await;
    let item = json!({ "title": "街道读书会（控制台）", "provider": "街道", "category": "reading", "audience": "all", "facility_id": facility });
    assert_eq!(street.post("/api/v1/staff/items", item).await.0, 201);
    let (_, _, html) = street.get_text("/staff").await;
    assert!(html.contains("街道读书会（控制台）") && html.contains("提交审核"), "{html}");

    let session = app.store.seed_open_session("别处的场次", 5, true).await.unwrap();
    let place = app.store.session_place(session).await.unwrap().unwrap();
    let elsewhere = if place.street_id == 1 { 2 } else { 1 };
    let outsider = app
        .staff(
            "street-x",
            StaffScope { role: Role::StreetAdmin, street_id: Some(elsewhere), facility_ids: vec![] },
        )
        .await;
    let (status, _, html) = outsider.get_text(&format!("/staff/checkin/{session}")).await;
    assert_eq!(status, 200);
    assert!(html.contains("这不在您的管理范围内") && !html.contains(r#"data-testid="door-list""#), "{html}");
}

#[tokio::test]
async fn the_audit_page_is_for_district_admins_and_shows_refusals() {
    let app = spawn_app().await;
    let admin = app
        .staff(
            "district-admin",
            StaffScope { role: Role::DistrictAdmin, street_id: None, facility_ids: vec![] },
        )
        .await;
    let reviewer = app
        .staff("reviewer", StaffScope { role: Role::Reviewer, street_id: None, facility_ids: vec![] })
        .await;
    let item = json!({ "title": "审核员不能写", "provider": "x", "category": "reading", "audience": "all", "facility_id": 1 });
    assert_eq!(reviewer.post("/api/v1/staff/items", item).await.0, 403);
    let (_, _, html) = admin.get_text("/staff/audit?refused=1").await;
    assert!(
        html.contains(r#"data-testid="audit-log""#)
            && html.contains("create_item")
            && html.contains("reviewer"),
        "{html}"
    );
    let (_, _, html) = reviewer.get_text("/staff/audit").await;
    assert!(html.contains("这不在您的管理范围内") && !html.contains(r#"data-testid="audit-log""#));
}

#[tokio::test]
async fn facility_records_show_only_the_street_s_facilities_and_standards_only_to_district_admins() {
    let app = spawn_app().await;
    let street = app
        .staff("street-1", StaffScope { role: Role::StreetAdmin, street_id: Some(1), facility_ids: vec![] })
        .await;
    let admin = app
        .staff("admin", StaffScope { role: Role::DistrictAdmin, street_id: None, facility_ids: vec![] })
        .await;
    let (_, _, mine) = street.get_text("/staff/facilities").await;
    let (_, _, all) = admin.get_text("/staff/facilities").await;
    let rows = |html: &str| html.matches(r#"data-testid="facility-record""#).count();
    assert!(rows(&mine) >= 1 && rows(&mine) < rows(&all), "{} of {}", rows(&mine), rows(&all));
    assert!(!mine.contains(r#"data-testid="standards""#) && all.contains(r#"data-testid="standards""#));
}

#[tokio::test]
async fn the_compliance_table_lists_the_reach_of_the_role_with_reasons_and_sort_buttons() {
    let app = spawn_app().await;
    let street = app
        .staff("street-1", StaffScope { role: Role::StreetAdmin, street_id: Some(1), facility_ids: vec![] })
        .await;
    let reviewer = app
        .staff("reviewer", StaffScope { role: Role::Reviewer, street_id: None, facility_ids: vec![] })
        .await;
    let manager = app
        .staff("manager", StaffScope { role: Role::FacilityManager, street_id: None, facility_ids: vec![1] })
        .await;
    let rows = |html: &str| html.matches(r#"data-testid="compliance-row""#).count();
    let (_, _, all) = reviewer.get_text("/staff/compliance").await;
    let (_, _, mine) = street.get_text("/staff/compliance").await;
    let streets = app.store.street_choices().await.unwrap().len();
    assert_eq!(
        (rows(&all), rows(&mine)),
        (streets, 1),
        "the district for reviewers, one street for its admin"
    );
    assert!(all.contains(r#"data-testid="sort-ComplianceRate""#) && all.contains("aria-sort"), "{all}");
    let report = app.store.compliance_report().await.unwrap();
    let short = &report.shortfalls[0];
    assert!(all.contains(&short.name), "facilities falling short are named: {}", short.name);
    assert!(all.contains(&short.compliance.reasons[0].describe(cc_domain::Locale::Zh)), "with their reasons");
    let (_, _, refused) = manager.get_text("/staff/compliance").await;
    assert!(refused.contains("这不在您的管理范围内") && rows(&refused) == 0);
}

#[tokio::test]
async fn a_service_page_shows_the_form_to_its_author_and_only_the_facts_to_a_reviewer() {
    let app = spawn_app().await;
    let street = app
        .staff("street-1", StaffScope { role: Role::StreetAdmin, street_id: Some(1), facility_ids: vec![] })
        .await;
    let reviewer = app
        .staff("reviewer", StaffScope { role: Role::Reviewer, street_id: None, facility_ids: vec![] })
        .await;
    let facility = app.facility_in(1).await;
    let item = json!({ "title": "服务页测试", "provider": "街道", "category": "reading", "audience": "all", "facility_id": facility });
    let (_, created) = street.post("/api/v1/staff/items", item).await;
    let id = created["id"].as_i64().unwrap();
    let (_, _, html) = street.get_text(&format!("/staff/items/{id}")).await;
    assert!(html.contains(r#"data-testid="service-form""#) && html.contains(r#"data-testid="picture-form""#));
    assert!(html.contains(r#"value="服务页测试""#), "the form holds the current title");
    let (_, _, html) = reviewer.get_text(&format!("/staff/items/{id}")).await;
    assert!(html.contains("服务页测试") && html.contains(r#"data-testid="not-editable""#));
    assert!(!html.contains(r#"data-testid="service-form""#), "a reviewer does not edit");
}

#[tokio::test]
async fn the_accounts_page_lists_who_a_street_admin_manages_and_offers_only_facility_managers() {
    let app = spawn_app().await;
    let street = app
        .staff("street-1", StaffScope { role: Role::StreetAdmin, street_id: Some(1), facility_ids: vec![] })
        .await;
    let here = app.facility_in(1).await;
    let there = app.facility_in(2).await;
    app.staff(
        "manager-here",
        StaffScope { role: Role::FacilityManager, street_id: None, facility_ids: vec![here] },
    )
    .await;
    app.staff(
        "manager-there",
        StaffScope { role: Role::FacilityManager, street_id: None, facility_ids: vec![there] },
    )
    .await;
    let (_, _, html) = street.get_text("/staff/accounts").await;
    assert!(html.contains(r#"data-username="manager-here""#), "{html}");
    assert!(!html.contains("manager-there"), "another street's manager is not listed");
    assert!(html.contains(r#"value="facility_manager""#) && !html.contains(r#"value="district_admin""#));
}

#[tokio::test]
async fn a_street_admin_in_a_busy_district_sees_all_of_their_own_items() {
    use cc_domain::authoring::ItemInput;
    use leptos::server_fn::ServerFn;
    let app = spawn_app().await;
    let (here, there) = (app.facility_in(1).await, app.facility_in(2).await);
    let street = StaffScope { role: Role::StreetAdmin, street_id: Some(1), facility_ids: vec![] };
    let admin = app.staff("busy-street", street).await;
    let mut mine = Vec::new();
    for title in ["本街道的书法课", "本街道的合唱团"] {
        let fields = json!({ "title": title, "provider": "街道", "category": "reading", "audience": "all", "facility_id": here });
        let (status, body) = admin.post("/api/v1/staff/items", fields).await;
        assert_eq!(status, 201, "{body}");
        mine.push(body["id"].as_i64().unwrap());
    }
    // Then the rest of the district gets busy: more drafts elsewhere than the overview lists.
    let district = cc_store::testing::district_admin(&app.store, "busy-district").await.unwrap();
    for n in 0..205 {
        let input = ItemInput {
            title: format!("别的街道的活动 {n}"),
            description: String::new(),
            provider: "别的街道".into(),
            category: "reading".into(),
            audience: "all".into(),
            facility_id: there,
            free: true,
            price_cents: None,
        };
        app.store.create_item_draft(&input, district).await.unwrap();
    }
    let response = admin
        .client
        .post(format!("{}{}", admin.address, app::staff_fns::StaffOverview::PATH))
        .header("origin", admin.address.clone())
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 200);
    let overview: serde_json::Value = response.json().await.unwrap();
    let listed: Vec<i64> =
        overview["items"].as_array().unwrap().iter().map(|i| i["id"].as_i64().unwrap()).collect();
    assert_eq!(listed.len(), 2, "only their street's items: {listed:?}");
    for id in mine {
        assert!(listed.contains(&id), "item {id} is missing from {listed:?}");
    }
}
