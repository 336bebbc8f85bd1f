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
        ["q", "category", "street", "audience", "from", "to", "free", "sort", "page", "per_page", "cursor"]
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

/// The router is built from the handlers' descriptions (`utoipa_axum::routes!`), so it has no
/// route the document lacks; this checks the other way: the document is served as generated,
/// is OpenAPI 3.1 whose references all resolve, every operation lists its answers, and the
/// router answers each described operation itself (never "no such route" or 405).
#[tokio::test]
async fn the_openapi_document_is_generated_and_every_operation_in_it_is_routed() {
    let app = spawn_app().await;
    let (status, doc) = app.get_json("/api/v1/openapi.json").await;
    assert_eq!(status, 200);
    assert_eq!(doc, serde_json::from_str::<serde_json::Value>(culture_cloud::api::document()).unwrap());
    assert!(doc["openapi"].as_str().unwrap().starts_with("3.1"));
    refs_resolve(&doc, &doc, "");
    let methods = ["get", "put", "post", "delete", "patch"];
    let mut operations = 0;
    let mut operation_ids = std::collections::BTreeSet::new();
    for (path, described) in doc["paths"].as_object().unwrap() {
        for (method, operation) in described.as_object().unwrap() {
            if !methods.contains(&method.as_str()) {
                continue;
            }
            operations += 1;
            let id = operation["operationId"].as_str().unwrap_or_default().to_string();
            assert!(operation_ids.insert(id.clone()), "{method} {path}: operationId `{id}` is taken");
            let responses = operation["responses"].as_object().map(|r| r.len()).unwrap_or(0);
            assert!(responses > 0, "{method} {path} lists no responses");
            let path = format!("/api/v1{}", path.replace("{id}", "1").replace("{level}", "street"));
            let method = reqwest::Method::from_bytes(method.to_uppercase().as_bytes()).unwrap();
            let url = format!("{}{path}", app.address);
            let response = app.visitor().client.request(method.clone(), url).send().await.unwrap();
            let status = response.status().as_u16();
            let body = response.text().await.unwrap_or_default();
            assert!(status != 405 && !body.contains("No such route"), "{method} {path}: {status} {body}");
        }
    }
    assert!(operations >= 45, "only {operations} operations described");
}

/// The catalogue's documented parameters are the ones `CatalogQuery` reads: a query string
/// setting each of them comes back with each of them.
#[tokio::test]
async fn the_documented_catalogue_parameters_are_the_ones_the_parser_reads() {
    let doc: serde_json::Value = serde_json::from_str(culture_cloud::api::document()).unwrap();
    let documented: Vec<_> = doc["paths"]["/items"]["get"]["parameters"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap().to_string())
        .collect();
    // A cursor pages a listing without search text, so two queries set them all between them.
    let qs = "q=jingju&category=opera&street=bajiao&audience=elderly&from=2026-12-01&to=2026-12-31\
              &free=true&sort=popular&page=2&per_page=50";
    let mut read = Vec::new();
    for qs in [qs, "cursor=1764547200.42"] {
        let query = cc_domain::CatalogQuery::parse_query_string(qs).unwrap();
        read.extend(query.to_query_string().split('&').map(|pair| pair.split('=').next().unwrap().to_string()));
    }
    assert_eq!(read, documented);
}
