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
async fn unknown_and_malformed_ids_are_told_apart() {
    let app = spawn_app().await;
    let (status, body) = app.get_json("/api/v1/items/987654321").await;
    assert_eq!((status, body["error"]["code"].as_str()), (404, Some("not_found")));
    let (status, body) = app.get_json("/api/v1/items/abc").await;
    assert_eq!((status, body["error"]["param"].as_str()), (400, Some("id")));
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
