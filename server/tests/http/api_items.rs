use serde_json::Value;

use crate::helpers::{enc, spawn_app};

fn titles(body: &Value) -> Vec<String> {
    body["items"].as_array().unwrap().iter().map(|i| i["title"].as_str().unwrap().to_string()).collect()
}

#[tokio::test]
async fn the_catalogue_lists_twenty_published_items_a_page() {
    let app = spawn_app().await;
    let (status, body) = app.get_json("/api/v1/items").await;
    assert_eq!(status, 200);
    assert!(body["total"].as_u64().unwrap() >= 120);
    assert_eq!((body["page"].as_u64(), body["per_page"].as_u64()), (Some(1), Some(20)));
    let first = &body["items"][0];
    for field in ["id", "title", "category", "street", "facility", "audience", "free", "next_session"] {
        assert!(first.get(field).is_some(), "items carry {field}: {first}");
    }
    assert!(first["next_session"].as_str().unwrap().ends_with("+08:00"));
}

#[tokio::test]
async fn filters_combine() {
    let app = spawn_app().await;
    let (_, body) = app.get_json("/api/v1/items?street=bajiao&free=true&per_page=100").await;
    let items = body["items"].as_array().unwrap();
    assert!(!items.is_empty());
    assert!(items.iter().all(|i| i["street"]["slug"] == "bajiao" && i["free"] == true));
    let (_, body) = app.get_json("/api/v1/items?category=heritage&audience=children").await;
    let items = body["items"].as_array().unwrap();
    assert!(!items.is_empty());
    assert!(items.iter().all(|i| i["category"]["slug"] == "heritage" && i["audience"]["slug"] == "children"));
}

#[tokio::test]
async fn chinese_words_find_their_items_best_match_first() {
    let app = spawn_app().await;
    for word in ["非遗", "广场舞", "京剧"] {
        let (status, body) = app.get_json(&format!("/api/v1/items?q={}", enc(word))).await;
        assert_eq!(status, 200);
        let found = titles(&body);
        assert!(!found.is_empty(), "{word} finds something");
        assert!(found[0].contains(word), "{word}: best match first, got {}", found[0]);
    }
}

#[tokio::test]
async fn pinyin_and_initials_find_square_dance() {
    let app = spawn_app().await;
    for typed in ["guangchangwu", "gcw"] {
        let (_, body) = app.get_json(&format!("/api/v1/items?q={typed}")).await;
        assert!(titles(&body)[0].contains("广场舞"), "{typed}");
    }
}

#[tokio::test]
async fn an_item_has_its_sessions_with_places_left() {
    let app = spawn_app().await;
    let (_, list) = app.get_json("/api/v1/items?per_page=1").await;
    let id = list["items"][0]["id"].as_i64().unwrap();
    let (status, item) = app.get_json(&format!("/api/v1/items/{id}")).await;
    assert_eq!(status, 200);
    assert_eq!(item["id"].as_i64(), Some(id));
    let session = &item["sessions"][0];
    for field in
        ["id", "starts_at", "ends_at", "capacity", "remaining", "booking_opens_at", "booking_closes_at"]
    {
        assert!(session.get(field).is_some(), "sessions carry {field}");
    }
    let starts = chrono::DateTime::parse_from_rfc3339(session["starts_at"].as_str().unwrap()).unwrap();
    assert_eq!(starts.offset().local_minus_utc(), 8 * 3600);
    assert!(item["facility"]["address"].as_str().unwrap().contains("石景山区"));
}
