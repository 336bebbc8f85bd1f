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
async fn the_catalogue_parameters_are_documented_in_order() {
    let app = spawn_app().await;
    let (_, doc) = app.get_json("/api/v1/openapi.json").await;
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

/// Every `$ref` in `value` names something in `doc`.
fn refs_resolve(doc: &serde_json::Value, value: &serde_json::Value, at: &str) {
    match value {
        serde_json::Value::Object(map) => {
            for (key, inner) in map {
                if key == "$ref" {
                    let target = inner.as_str().unwrap().trim_start_matches('#');
                    assert!(doc.pointer(target).is_some(), "{at}: {target} is not in the document");
                } else {
                    refs_resolve(doc, inner, &format!("{at}/{key}"));
                }
            }
        }
        serde_json::Value::Array(items) => items.iter().for_each(|item| refs_resolve(doc, item, at)),
        _ => {}
    }
}

#[tokio::test]
async fn the_openapi_document_and_the_router_describe_the_same_routes() {
    use std::collections::BTreeSet;
    let app = spawn_app().await;
    let (status, doc) = app.get_json("/api/v1/openapi.json").await;
    assert_eq!(status, 200);
    assert!(doc["openapi"].as_str().unwrap().starts_with("3.1"));
    refs_resolve(&doc, &doc, "");
    let methods = ["get", "put", "post", "delete", "patch"];
    let mut documented = BTreeSet::new();
    for (path, operations) in doc["paths"].as_object().unwrap() {
        for (method, operation) in operations.as_object().unwrap() {
            if !methods.contains(&method.as_str()) {
                continue;
            }
            let responses = operation["responses"].as_object().map(|r| r.len()).unwrap_or(0);
            assert!(responses > 0, "{method} {path} lists no responses");
            documented.insert((method.clone(), path.clone()));
        }
    }
    let routed: BTreeSet<(String, String)> =
        culture_cloud::api::ROUTES.iter().map(|(m, p)| (m.to_string(), p.to_string())).collect();
    let undocumented: Vec<_> = routed.difference(&documented).collect();
    let unrouted: Vec<_> = documented.difference(&routed).collect();
    assert!(undocumented.is_empty(), "routes the document does not describe: {undocumented:?}");
    assert!(unrouted.is_empty(), "documented routes the router does not have: {unrouted:?}");
    // And the router really answers each: no documented operation falls through to "no such route".
    for (method, path) in &routed {
        let path = format!("/api/v1{}", path.replace("{id}", "1").replace("{level}", "street"));
        let method = reqwest::Method::from_bytes(method.to_uppercase().as_bytes()).unwrap();
        let response = app.visitor().client.request(method.clone(), format!("{}{path}", app.address)).send().await.unwrap();
        let status = response.status().as_u16();
        let body = response.text().await.unwrap_or_default();
        assert!(status != 405 && !body.contains("No such route"), "{method} {path}: {status} {body}");
    }
}
