use serde_json::Value;

use crate::helpers::spawn_app;

fn features(body: &Value) -> &Vec<Value> {
    body["features"].as_array().expect("a FeatureCollection")
}

#[tokio::test]
async fn facilities_are_a_geojson_feature_collection() {
    let app = spawn_app().await;
    let (status, body) = app.get_json("/api/v1/facilities").await;
    assert_eq!(status, 200);
    assert_eq!(body["type"], "FeatureCollection");
    let all = features(&body);
    assert!(all.len() >= 40);
    let f = &all[0];
    assert_eq!(f["geometry"]["type"], "Point");
    let [lng, lat] = [
        f["geometry"]["coordinates"][0].as_f64().unwrap(),
        f["geometry"]["coordinates"][1].as_f64().unwrap(),
    ];
    assert!((116.1..116.3).contains(&lng) && (39.85..40.0).contains(&lat), "longitude first");
    for key in ["id", "name", "level", "street", "community", "compliant", "open_now"] {
        assert!(f["properties"].get(key).is_some(), "properties carry {key}");
    }
}

#[tokio::test]
async fn filters_and_near_me_sort_by_distance() {
    let app = spawn_app().await;
    let (_, body) = app.get_json("/api/v1/facilities?level=street").await;
    assert_eq!(features(&body).len(), 9);
    assert!(features(&body).iter().all(|f| f["properties"]["level"] == "street"));
    let (_, body) = app.get_json("/api/v1/facilities?street=lugu&level=community").await;
    assert!(features(&body).iter().all(|f| f["properties"]["street"] == "lugu"));
    let (_, body) = app.get_json("/api/v1/facilities?near=39.9138,116.2032").await;
    let d: Vec<f64> =
        features(&body).iter().map(|f| f["properties"]["distance_m"].as_f64().unwrap()).collect();
    assert!(d.windows(2).all(|w| w[0] <= w[1]));
    assert_eq!(features(&body)[0]["properties"]["name"], "石景山区图书馆");
}

#[tokio::test]
async fn bad_coordinates_and_levels_are_400s_that_name_the_parameter() {
    let app = spawn_app().await;
    for (query, param) in
        [("near=abc", "near"), ("near=95,116", "near"), ("near=39.9", "near"), ("level=city", "level")]
    {
        let (status, body) = app.get_json(&format!("/api/v1/facilities?{query}")).await;
        assert_eq!((status, body["error"]["param"].as_str()), (400, Some(param)), "{query}");
    }
    let (status, _) = app.get_json("/api/v1/facilities/987654").await;
    assert_eq!(status, 404);
}

#[tokio::test]
async fn a_facility_explains_its_compliance() {
    let app = spawn_app().await;
    let (_, body) = app.get_json("/api/v1/facilities?q=%E5%8D%9A%E7%89%A9%E9%A6%86").await;
    let id = features(&body)[0]["id"].as_i64().unwrap();
    let (status, museum) =
        app.get_json_with(&format!("/api/v1/facilities/{id}"), &[("Accept-Language", "zh")]).await;
    assert_eq!(status, 200);
    let c = &museum["properties"]["compliance"];
    assert_eq!(c["compliant"], false);
    assert_eq!(c["reasons"][0]["kind"], "hours_short");
    assert!(c["reasons"][0]["message"].as_str().unwrap().contains("小时"));
    assert_eq!(museum["properties"]["weekly_hours"], 40.0);
}

#[tokio::test]
async fn coverage_per_street_and_totals() {
    let app = spawn_app().await;
    let (status, body) = app.get_json("/api/v1/coverage").await;
    assert_eq!(status, 200);
    assert_eq!(body["streets"].as_array().unwrap().len(), 9);
    let t = &body["totals"];
    assert!(t["community_coverage_rate"].as_f64().unwrap() < 1.0);
    assert!(t["compliance_rate"].as_f64().unwrap() > 0.0);
}
