use crate::helpers::{enc, spawn_app};

fn count(haystack: &str, needle: &str) -> usize {
    haystack.matches(needle).count()
}

#[tokio::test]
async fn the_home_page_renders_in_chinese_with_one_heading() {
    let app = spawn_app().await;
    let (status, html) = app.get("/").await;
    assert_eq!(status, 200);
    assert!(html.contains(r#"lang="zh-CN""#));
    assert_eq!(count(&html, "<h1"), 1);
    assert!(html.contains("非遗体验") && html.contains("近期活动"));
    assert!(html.contains(r#"href="/" aria-current="page""#), "the navigation marks where we are");
    let search = html.split(r#"action="/catalog""#).nth(1).unwrap().split("</form>").next().unwrap();
    assert!(!search.contains(r#"type="hidden""#), "the home search carries nothing but q: {search}");
}

#[tokio::test]
async fn the_catalogue_is_filtered_by_the_url_before_any_script_runs() {
    let app = spawn_app().await;
    let (status, html) = app.get("/catalog?street=bajiao").await;
    assert_eq!(status, 200);
    assert!(count(&html, r#"class="item-card""#) > 0);
    let streets: Vec<&str> = html
        .split(r#"<p class="item-card-where">"#)
        .skip(1)
        .map(|rest| rest.split(" · ").next().unwrap())
        .collect();
    assert!(!streets.is_empty() && streets.iter().all(|s| *s == "八角街道"), "{streets:?}");
    assert!(html.contains(r#"<option value="bajiao" selected"#), "the filter shows its state");
}

#[tokio::test]
async fn searching_the_catalogue_page_finds_heritage() {
    let app = spawn_app().await;
    let (_, html) = app.get(&format!("/catalog?q={}", enc("非遗"))).await;
    let first = html.split(r#"class="item-card-title"><a href="/items/"#).nth(1).unwrap();
    assert!(first.split("</a>").next().unwrap().contains("非遗"));
}

#[tokio::test]
async fn a_new_search_keeps_the_filters_in_force_and_starts_at_page_one() {
    let app = spawn_app().await;
    let (_, html) = app.get(&format!("/catalog?q={}&street=bajiao&free=true&page=2", enc("京剧"))).await;
    let form = html.split(r#"action="/catalog""#).nth(1).unwrap().split("</form>").next().unwrap();
    assert!(form.contains(r#"type="hidden" name="street" value="bajiao""#), "{form}");
    assert!(form.contains(r#"type="hidden" name="free" value="true""#), "{form}");
    assert!(!form.contains(r#"name="page""#) && form.matches(r#"name="q""#).count() == 1, "{form}");
}

#[tokio::test]
async fn a_page_past_the_last_says_so_and_links_to_the_last() {
    let app = spawn_app().await;
    let (_, first) = app.get_json("/api/v1/items?per_page=20").await;
    let pages = first["total"].as_u64().unwrap().div_ceil(20);
    let (status, html) = app.get(&format!("/catalog?page={}", pages + 3)).await;
    assert_eq!(status, 200);
    assert!(html.contains(r#"data-testid="past-last-page""#), "not the message of a search that found nothing");
    assert!(html.contains(&format!("只有 {pages} 页")), "says how many pages there are");
    let last = if pages == 1 { "/catalog?".to_string() } else { format!("/catalog?page={pages}") };
    assert!(html.contains(&format!(r#"href="{last}""#)), "links to the last page: {last}");
    assert_eq!(count(&html, "没有找到符合条件的服务"), 0);
}

#[tokio::test]
async fn a_bad_filter_is_explained_not_ignored() {
    let app = spawn_app().await;
    let (status, html) = app.get("/catalog?from=someday").await;
    assert_eq!(status, 400);
    assert!(html.contains("筛选条件有误") && html.contains("from"));
}

#[tokio::test]
async fn an_item_page_carries_event_data_for_search_engines() {
    let app = spawn_app().await;
    let (_, list) = app.get_json("/api/v1/items?per_page=1").await;
    let id = list["items"][0]["id"].as_i64().unwrap();
    let title = list["items"][0]["title"].as_str().unwrap().to_string();
    let (status, html) = app.get(&format!("/items/{id}")).await;
    assert_eq!(status, 200);
    let head = html.split("</head>").next().unwrap();
    assert!(head.contains("application/ld+json") && head.contains(r#""@type":"Event""#));
    assert!(head.contains(&format!("<title>{title}")));
    assert_eq!(count(&html, "<h1"), 1);
    assert!(html.contains(r#"data-testid="sessions""#));
}

#[tokio::test]
async fn unknown_items_and_pages_get_a_localized_404() {
    let app = spawn_app().await;
    let (status, html) = app.get("/items/987654321").await;
    assert_eq!(status, 404);
    assert!(html.contains("该服务不存在或已下线"));
    let (status, html) = app.get_with("/no/such/page", &[("Cookie", "cc_lang=en")]).await;
    assert_eq!(status, 404);
    assert!(html.contains("Page not found"));
}

#[tokio::test]
async fn language_and_elder_mode_are_remembered_in_cookies() {
    let app = spawn_app().await;
    let (_, html) = app.get_with("/catalog", &[("Cookie", "cc_lang=en; cc_elder=1")]).await;
    assert!(html.contains(r#"lang="en""#));
    assert!(html.contains("Public cultural service catalogue"));
    assert!(html.contains(r#"<html lang="en" class="elder text-1""#), "{}", &html[..200.min(html.len())]);
    assert!(html.contains(r#"aria-pressed="true""#));
    let (_, html) = app.get_with("/catalog", &[("Cookie", "cc_text=3")]).await;
    assert!(html.contains(r#"class="text-3""#));
}

#[tokio::test]
async fn a_lang_link_switches_the_language_and_remembers_it() {
    let app = spawn_app().await;
    let response = reqwest::get(format!("{}/catalog?lang=en", app.address)).await.unwrap();
    let cookie = response.headers().get("set-cookie").map(|v| v.to_str().unwrap().to_string()).unwrap_or_default();
    assert!(cookie.starts_with("cc_lang=en"), "{cookie}");
    let html = response.text().await.unwrap();
    assert!(html.contains(r#"lang="en""#));
    assert!(html.contains(r#"href="/catalog?lang=zh""#), "the switch leads back");
}
