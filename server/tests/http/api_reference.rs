use crate::helpers::spawn_app;

#[tokio::test]
async fn health_is_ok_when_the_database_answers() {
    let app = spawn_app().await;
    let (status, body) = app.get_json("/healthz").await;
    assert_eq!((status, body["status"].as_str()), (200, Some("ok")));
}

#[tokio::test]
async fn responses_carry_security_headers_and_are_compressed() {
    let app = spawn_app().await;
    let response = app
        .client
        .get(format!("{}/catalog", app.address))
        .header("Accept-Encoding", "br")
        .send()
        .await
        .unwrap();
    let headers = response.headers();
    assert_eq!(headers["x-content-type-options"], "nosniff");
    assert_eq!(headers["x-frame-options"], "DENY");
    assert_eq!(headers["content-encoding"], "br");
}

#[tokio::test]
async fn categories_and_streets_with_communities() {
    let app = spawn_app().await;
    let (status, body) = app.get_json("/api/v1/categories").await;
    assert_eq!(status, 200);
    let slugs: Vec<_> =
        body["categories"].as_array().unwrap().iter().map(|c| c["slug"].as_str().unwrap()).collect();
    assert!(slugs.contains(&"heritage") && slugs.len() == 8);
    let (_, body) = app.get_json("/api/v1/streets").await;
    let streets = body["streets"].as_array().unwrap();
    assert_eq!(streets.len(), 9);
    assert!(streets.iter().any(|s| s["name"] == "鲁谷社区"));
    let communities: usize = streets.iter().map(|s| s["communities"].as_array().unwrap().len()).sum();
    assert!(communities >= 30);
}

#[tokio::test]
async fn the_openapi_document_describes_every_route() {
    let app = spawn_app().await;
    let (status, doc) = app.get_json("/api/v1/openapi.json").await;
    assert_eq!(status, 200);
    assert!(doc["openapi"].as_str().unwrap().starts_with("3."));
    for path in [
        "/items",
        "/items/{id}",
        "/categories",
        "/streets",
        "/facilities",
        "/facilities/{id}",
        "/coverage",
        "/auth/code",
        "/auth/register",
        "/auth/login",
        "/auth/logout",
        "/me",
        "/me/bookings",
        "/sessions/{id}/bookings",
        "/bookings/{id}",
        "/bookings/{id}/ticket.svg",
        "/bookings/{id}/calendar.ics",
        "/staff/login",
        "/staff/logout",
        "/staff/me",
        "/staff/sessions/{id}/checkins",
        "/staff/items",
        "/staff/items/{id}",
        "/staff/items/{id}/image",
        "/staff/audit",
        "/staff/dashboard",
        "/staff/dashboard/stream",
        "/staff/sessions/{id}",
        "/staff/sessions/{id}/bookings.csv",
        "/staff/sessions/{id}/bookings.xlsx",
        "/staff/compliance.csv",
        "/staff/compliance.xlsx",
        "/staff/accounts",
        "/staff/facilities/{id}",
        "/staff/standards/{level}",
        "/staff/accounts/{id}/disable",
        "/staff/items/{id}/sessions",
        "/staff/items/{id}/transitions",
    ] {
        assert!(doc["paths"].get(path).is_some(), "{path} is documented");
    }
    let params: Vec<_> = doc["paths"]["/items"]["get"]["parameters"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        params,
        ["q", "category", "street", "audience", "from", "to", "free", "sort", "page", "per_page"]
    );
}
