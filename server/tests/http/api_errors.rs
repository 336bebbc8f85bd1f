use crate::helpers::spawn_app;

#[tokio::test]
async fn every_bad_parameter_is_a_400_that_names_it() {
    let app = spawn_app().await;
    for (query, param) in [
        ("from=yesterday", "from"),
        ("to=2026-13-01", "to"),
        ("from=2026-12-02&to=2026-12-01", "to"),
        ("page=0", "page"),
        ("per_page=101", "per_page"),
        ("sort=random", "sort"),
        ("free=perhaps", "free"),
        ("street=%E5%85%AB%E8%A7%92", "street"),
        ("category=DROP%20TABLE", "category"),
    ] {
        let (status, body) = app.get_json(&format!("/api/v1/items?{query}")).await;
        assert_eq!(status, 400, "{query}");
        assert_eq!(body["error"]["code"], "bad_parameter", "{query}");
        assert_eq!(body["error"]["param"], param, "{query}");
        assert!(body["error"]["message"].as_str().unwrap().contains(param), "{query}: {body}");
    }
}

#[tokio::test]
async fn errors_speak_chinese_to_whoever_asks_in_chinese() {
    let app = spawn_app().await;
    let (_, body) = app.get_json_with("/api/v1/items?from=x", &[("Accept-Language", "zh-CN,zh;q=0.9")]).await;
    assert!(body["error"]["message"].as_str().unwrap().contains("日期"), "{body}");
}

#[tokio::test]
async fn unknown_and_malformed_ids_and_routes_are_all_not_found() {
    let app = spawn_app().await;
    let (status, body) = app.get_json("/api/v1/items/987654321").await;
    assert_eq!((status, body["error"]["code"].as_str()), (404, Some("not_found")));
    let (status, body) = app.get_json("/api/v1/items/abc").await;
    assert_eq!((status, body["error"]["message"].as_str()), (404, Some("No such item.")));
    let (status, body) = app.get_json("/api/v1/no-such-route").await;
    assert_eq!((status, body["error"]["code"].as_str()), (404, Some("not_found")));
}

#[tokio::test]
async fn an_overlong_or_hostile_search_is_refused_or_harmless() {
    let app = spawn_app().await;
    let long = "a".repeat(41);
    let (status, body) = app.get_json(&format!("/api/v1/items?q={long}")).await;
    assert_eq!((status, body["error"]["param"].as_str()), (400, Some("q")));
    let (status, body) = app.get_json("/api/v1/items?q=%27%3B%20DROP%20TABLE%20sessions%3B--").await;
    assert_eq!((status, body["total"].as_u64()), (200, Some(0)));
    let (_, body) = app.get_json("/api/v1/items").await;
    assert!(body["total"].as_u64().unwrap() >= 120, "the catalogue is intact");
}

/// Every route with an `{id}`, as (method, path with `{id}`, who must be logged in).
const ID_ROUTES: [(&str, &str, &str); 18] = [
    ("GET", "/api/v1/items/{id}", "anyone"),
    ("GET", "/api/v1/facilities/{id}", "anyone"),
    ("POST", "/api/v1/sessions/{id}/bookings", "resident"),
    ("GET", "/api/v1/bookings/{id}", "resident"),
    ("DELETE", "/api/v1/bookings/{id}", "resident"),
    ("GET", "/api/v1/bookings/{id}/ticket.svg", "resident"),
    ("GET", "/api/v1/bookings/{id}/calendar.ics", "resident"),
    ("POST", "/api/v1/staff/sessions/{id}/checkins", "staff"),
    ("PATCH", "/api/v1/staff/facilities/{id}", "staff"),
    ("POST", "/api/v1/staff/accounts/{id}/disable", "staff"),
    ("GET", "/api/v1/staff/sessions/{id}/bookings.csv", "staff"),
    ("GET", "/api/v1/staff/sessions/{id}/bookings.xlsx", "staff"),
    ("PATCH", "/api/v1/staff/sessions/{id}", "staff"),
    ("GET", "/api/v1/staff/items/{id}", "staff"),
    ("PATCH", "/api/v1/staff/items/{id}", "staff"),
    ("PUT", "/api/v1/staff/items/{id}/image", "staff"),
    ("POST", "/api/v1/staff/items/{id}/sessions", "staff"),
    ("POST", "/api/v1/staff/items/{id}/transitions", "staff"),
];

#[tokio::test]
async fn a_malformed_id_is_a_404_in_our_error_shape_on_every_route() {
    use cc_domain::staff::{Role, StaffScope};
    let app = spawn_app().await;
    let resident = app.register("13912345678", "malformed ids 2026").await;
    let district = StaffScope { role: Role::DistrictAdmin, street_id: None, facility_ids: vec![] };
    let staff = app.staff("malformed", district).await;
    for (method, route, who) in ID_ROUTES {
        let visitor = match who {
            "staff" => &staff,
            _ => &resident,
        };
        for id in ["abc", "0", "-1", "1.5", "99999999999999999999"] {
            let path = route.replace("{id}", id);
            let method = reqwest::Method::from_bytes(method.as_bytes()).unwrap();
            let (status, body) = visitor
                .send(method.clone(), &path, Some(serde_json::json!({})), &[("Accept-Language", "zh-CN")])
                .await;
            assert_eq!(status, 404, "{method} {path}: {body}");
            assert_eq!(body["error"]["code"], "not_found", "{method} {path}: {body}");
            assert!(body["error"]["message"].as_str().is_some_and(|m| !m.is_empty()), "{method} {path}: {body}");
        }
    }
}

#[tokio::test]
async fn an_over_long_idempotency_key_is_the_same_answer_at_both_doors() {
    use leptos::server_fn::ServerFn;
    let app = spawn_app().await;
    let resident = app.register("13912345679", "idempotency keys 2026").await;
    let session = app.store.seed_open_session("元宵灯会", 5, true).await.unwrap();
    let long = "k".repeat(129);
    let (status, api) = resident
        .send(reqwest::Method::POST, &format!("/api/v1/sessions/{session}/bookings"), Some(serde_json::json!({})), &[("Idempotency-Key", long.as_str())])
        .await;
    assert_eq!((status, api["error"]["code"].as_str()), (400, Some("bad_parameter")), "{api}");
    assert_eq!(api["error"]["param"], "Idempotency-Key");

    let page = resident
        .client
        .post(format!("{}{}", resident.address, app::account_fns::BookSession::PATH))
        .header("origin", resident.address.clone())
        .form(&[("session_id", session.to_string()), ("key", long)])
        .send()
        .await
        .unwrap();
    assert_eq!(page.status().as_u16(), 400);
    let answer: serde_json::Value = serde_json::from_str(&page.text().await.unwrap()).unwrap();
    assert_eq!(answer["code"], "bad_parameter", "{answer}");
    assert!(answer["zh"].as_str().unwrap().contains("Idempotency-Key"), "{answer}");
    // Neither attempt booked anything.
    let (_, mine) = resident.get("/api/v1/me/bookings").await;
    assert_eq!(mine["upcoming"].as_array().map(Vec::len), Some(0), "{mine}");
}
