use crate::helpers::spawn_app;

#[tokio::test]
async fn the_facility_list_renders_through_ssr_filtered_by_the_url() {
    let app = spawn_app().await;
    let (status, html) = app.get("/facilities?level=street").await;
    assert_eq!(status, 200);
    assert_eq!(html.matches(r#"class="facility-card""#).count(), 9);
    assert!(html.contains("综合文化中心"));
    assert_eq!(html.matches("<h1").count(), 1);
}

#[tokio::test]
async fn a_facility_page_shows_hours_area_and_what_is_on() {
    let app = spawn_app().await;
    let (_, list) = app.get_json("/api/v1/facilities?q=%E5%9B%BE%E4%B9%A6%E9%A6%86").await;
    let id = list["features"][0]["id"].as_i64().unwrap();
    let (status, html) = app.get(&format!("/facilities/{id}")).await;
    assert_eq!(status, 200);
    assert!(html.contains("<h1>石景山区图书馆"));
    assert!(html.contains("周一至周日 09:00–18:00"), "opening hours read naturally");
    assert!(html.contains("8600 平方米"));
    assert!(html.contains("geo:39.913800,116.203200"), "a link opens the place in a maps app");
}

#[tokio::test]
async fn unknown_facilities_are_a_localized_404() {
    let app = spawn_app().await;
    let (status, html) = app.get("/facilities/987654").await;
    assert_eq!(status, 404);
    assert!(html.contains("该设施不存在"));
}

#[tokio::test]
async fn the_map_page_has_an_accessible_list_and_the_configured_tiles() {
    let app = spawn_app().await;
    let (status, html) = app.get("/map?near=39.9138,116.2032").await;
    assert_eq!(status, 200);
    assert!(html.contains(r#"data-tile-url="https://tiles.invalid/{z}/{x}/{y}.png""#));
    assert!(html.contains(r#"data-source="/api/v1/facilities?near=39.91380,116.20320""#));
    let list = html.split(r#"data-testid="map-list""#).nth(1).unwrap();
    assert!(list.find("石景山区图书馆").unwrap() < list.find("综合文化室").unwrap(), "nearest first");
    let (status, html) = app.get("/map?near=north-pole").await;
    assert_eq!(status, 400);
    assert!(html.contains("near"));
}

#[tokio::test]
async fn the_coverage_page_shows_rates_standards_and_every_shortfall() {
    let app = spawn_app().await;
    let (status, html) = app.get("/coverage").await;
    assert_eq!(status, 200);
    assert!(html.contains("设施达标率") && html.contains("社区覆盖率"));
    assert!(html.contains(r#"data-testid="default-note""#), "standards are labelled as editable defaults");
    assert!(html.contains("800 平方米") && html.contains("42 小时/周"));
    assert!(html.contains("黑石头社区"), "an uncovered community is named");
    assert!(html.contains("每周开放时间差 8 小时（标准 48 小时）"), "the museum's reason is given");
    assert!(!html.contains("100% ("), "the demo is not trivially complete");
}
