//! Categories and audiences as data the district edits: a district admin adds one, renames
//! one, changes icons, puts them in order and deletes an unused one — through the API and on
//! plain forms — and the home page, the catalogue's filters, search, item pages and the API
//! follow at once (no stale page from memory); other staff are refused and audited; hostile
//! names stay text everywhere they are shown.

use cc_domain::staff::{Role, StaffScope};
use reqwest::Method;
use serde_json::{json, Value};
use sqlx::Connection;

use crate::helpers::{enc, inert_page, spawn_app, Visitor, HOSTILE};

fn district() -> StaffScope {
    StaffScope { role: Role::DistrictAdmin, street_id: None, facility_ids: vec![] }
}

async fn put(visitor: &Visitor, path: &str, body: Value) -> (u16, Value) {
    visitor.send(Method::PUT, path, Some(body), &[]).await
}

fn slugs(list: &Value, key: &str) -> Vec<String> {
    list[key].as_array().unwrap().iter().map(|t| t["slug"].as_str().unwrap().to_string()).collect()
}

#[tokio::test]
async fn a_district_admin_keeps_the_categories_and_every_public_page_follows_at_once() {
    let app = spawn_app().await;
    let admin = app.staff("terms-admin", district()).await;
    // Anonymous pages are kept in memory: each must notice the change.
    let (_, home) = app.get("/").await;
    assert!(home.contains("电影放映") && home.contains("data-icon=\"film\""), "the default categories show with their icons");
    let (_, catalog) = app.get("/catalog").await;
    assert!(!catalog.contains("戏曲曲艺"));

    let opera = json!({ "slug": "opera", "name": "戏曲曲艺", "name_en": "Opera and storytelling", "icon": "fan" });
    let (status, added) = admin.post("/api/v1/staff/terms/categories", opera.clone()).await;
    assert_eq!(status, 201, "{added}");
    assert_eq!(added["icon"], "fan");
    let (status, again) = admin.post("/api/v1/staff/terms/categories", opera).await;
    assert_eq!((status, again["error"]["code"].as_str()), (409, Some("slug_taken")));
    for (bad, field) in [
        (json!({ "slug": "Opera", "name": "戏曲曲艺" }), "slug"),
        (json!({ "slug": "opera-2", "name": "戏" }), "name"),
        (json!({ "slug": "opera-2", "name": "戏曲曲艺", "icon": "<svg onload=alert(1)>" }), "icon"),
    ] {
        let (status, refused) = admin.post("/api/v1/staff/terms/categories", bad).await;
        assert_eq!((status, refused["error"]["param"].as_str()), (400, Some(field)), "{refused}");
    }
    let (_, list) = app.get_json("/api/v1/categories").await;
    assert_eq!(slugs(&list, "categories").last().map(String::as_str), Some("opera"), "a new term comes last");
    let (_, home) = app.get("/").await;
    assert!(home.contains("戏曲曲艺") && home.contains("data-icon=\"fan\""), "the home page shows it at once");
    let (_, catalog) = app.get("/catalog").await;
    assert!(catalog.contains("value=\"opera\"") && catalog.contains("戏曲曲艺"), "the catalogue's filter offers it");

    // Renamed: shown and found by the new name at once; the slug (in saved links) stays.
    let (_, films) = app.get_json("/api/v1/items?category=film").await;
    let film_item = films["items"][0]["id"].as_i64().unwrap();
    let (_, page) = app.get(&format!("/items/{film_item}")).await;
    assert!(!page.contains("露天电影"), "kept in memory before the rename");
    let (status, renamed) =
        put(&admin, "/api/v1/staff/terms/categories/film", json!({ "name": "露天电影", "name_en": "Open-air films", "icon": "screen" })).await;
    assert_eq!((status, renamed["slug"].as_str()), (200, Some("film")), "{renamed}");
    let (_, found) = app.get_json(&format!("/api/v1/items?q={}", enc("露天电影"))).await;
    let items = found["items"].as_array().unwrap();
    assert!(!items.is_empty(), "search reads the new name: {found}");
    assert!(items.iter().all(|i| i["category"]["slug"] == "film" && i["category"]["name"] == "露天电影"));
    let (_, page) = app.get(&format!("/items/{film_item}")).await;
    assert!(page.contains("露天电影"), "the item page names it anew");
    let (_, feed) = app.get("/api/v1/feeds/category/film.ics").await;
    assert!(feed.contains("X-WR-CALNAME:露天电影"), "the category's calendar is named anew");
    let (_, demands) = app.get("/demands").await;
    assert!(demands.contains("露天电影"), "the residents' requests offer the new name");
    // A change names what it changes: the icon and English name stay.
    let (status, kept) = put(&admin, "/api/v1/staff/terms/categories/film", json!({ "name": "公益电影" })).await;
    assert_eq!((status, kept["icon"].as_str(), kept["name_en"].as_str()), (200, Some("screen"), Some("Open-air films")), "{kept}");
    let (_, english) = app.get_json("/api/v1/items?category=film").await;
    assert!(english["items"].as_array().unwrap().iter().all(|i| i["category"]["name_en"] == "Open-air films"));
    let (status, _) = put(&admin, "/api/v1/staff/terms/categories/cinema", json!({ "name": "露天电影" })).await;
    assert_eq!(status, 404);

    // Reordered: every slug once, or nothing changes.
    let (_, list) = app.get_json("/api/v1/categories").await;
    let mut order = slugs(&list, "categories");
    order.reverse();
    let (status, refused) = put(&admin, "/api/v1/staff/terms/categories", json!({ "slugs": order[1..] })).await;
    assert_eq!((status, refused["error"]["param"].as_str()), (400, Some("slugs")));
    let (status, _) = put(&admin, "/api/v1/staff/terms/categories", json!({ "slugs": order })).await;
    assert_eq!(status, 200);
    let (_, list) = app.get_json("/api/v1/categories").await;
    assert_eq!(slugs(&list, "categories"), order);
    let (_, home) = app.get("/").await;
    assert!(home.find("戏曲曲艺").unwrap() < home.find("公益电影").unwrap(), "the home page shows the new order");

    // A term in use stays (rename it instead); an unused one goes, and its filter with it.
    let (status, refused) = admin.delete("/api/v1/staff/terms/categories/film").await;
    assert_eq!((status, refused["error"]["code"].as_str()), (409, Some("in_use")), "{refused}");
    let (status, _) = admin.delete("/api/v1/staff/terms/categories/opera").await;
    assert_eq!(status, 204);
    let (status, _) = admin.delete("/api/v1/staff/terms/categories/opera").await;
    assert_eq!(status, 404);
    let (_, catalog) = app.get("/catalog").await;
    assert!(!catalog.contains("戏曲曲艺"));

    // A category only residents' requests use stays too.
    let (_, streets) = app.get_json("/api/v1/streets").await;
    let community = streets["streets"][0]["communities"][0]["id"].as_i64().unwrap();
    admin.post("/api/v1/staff/terms/categories", json!({ "slug": "chess", "name": "棋艺活动", "icon": "ball" })).await;
    let resident = app.register("13800000777", "石景山 chess 777").await;
    let raised = json!({ "category": "chess", "community_id": community, "note": "希望社区开一个围棋角", "new_anyway": true });
    assert_eq!(resident.post("/api/v1/demands", raised).await.0, 201);
    let (status, refused) = admin.delete("/api/v1/staff/terms/categories/chess").await;
    assert_eq!((status, refused["error"]["code"].as_str()), (409, Some("in_use")));
    let (_, kept) = admin.get("/api/v1/staff/terms/categories").await;
    let chess = kept.as_array().unwrap().iter().find(|t| t["slug"] == "chess").unwrap().clone();
    assert_eq!((chess["items"].as_i64(), chess["demands"].as_i64()), (Some(0), Some(1)));

    // Audiences the same way; the API lists them.
    let (status, _) = put(&admin, "/api/v1/staff/terms/audiences/elderly", json!({ "name": "长者", "name_en": "Seniors", "icon": "elder" })).await;
    assert_eq!(status, 200);
    let (_, audiences) = app.get_json("/api/v1/audiences").await;
    assert!(audiences["audiences"].as_array().unwrap().iter().any(|a| a["slug"] == "elderly" && a["name"] == "长者"));
    let (_, catalog) = app.get("/catalog").await;
    assert!(catalog.contains("长者"));
    let (status, kept) = admin.get("/api/v1/staff/terms/audiences").await;
    assert_eq!(status, 200);
    assert!(kept.as_array().unwrap().iter().all(|t| t["items"].as_i64().unwrap() > 0 && t["demands"] == 0), "{kept}");
    let (_, kept) = admin.get("/api/v1/staff/terms/audiences").await;
    admin.post("/api/v1/staff/terms/audiences", json!({ "slug": "students", "name": "大学生", "icon": "youth" })).await;
    let (_, catalog) = app.get("/catalog").await;
    assert!(catalog.contains("大学生"));
    let (status, _) = admin.delete("/api/v1/staff/terms/audiences/students").await;
    assert_eq!(status, 204);
    let (_, catalog) = app.get("/catalog").await;
    assert!(!catalog.contains("大学生"), "a deleted audience leaves the filters");
    let (status, _) = admin.get("/api/v1/staff/terms/streets").await;
    assert_eq!(status, 404);

    let audit = app.store.audit_entries(None, 50).await.unwrap();
    for action in ["add_term", "change_term", "order_terms", "delete_term"] {
        assert!(audit.iter().any(|e| e.action == action && !e.refused), "{action} is audited");
    }
}

#[tokio::test]
async fn other_staff_cannot_change_the_terms_and_their_tries_are_audited() {
    let app = spawn_app().await;
    let street_admin = app.staff("terms-street", StaffScope { role: Role::StreetAdmin, street_id: Some(1), facility_ids: vec![] }).await;
    let (status, _) = put(&street_admin, "/api/v1/staff/terms/categories/film", json!({ "name": "街道电影" })).await;
    assert_eq!(status, 403);
    let (status, _) = street_admin.delete("/api/v1/staff/terms/categories/digital").await;
    assert_eq!(status, 403);
    let (_, list) = app.get_json("/api/v1/categories").await;
    assert!(list["categories"].as_array().unwrap().iter().any(|c| c["slug"] == "film" && c["name"] == "电影放映"));
    let refused: Vec<_> = app.store.audit_entries(None, 20).await.unwrap().into_iter().filter(|e| e.refused).collect();
    assert_eq!(refused.len(), 2);
    assert!(refused.iter().all(|e| e.after.as_deref().is_some_and(|a| a.contains("film") || a.contains("digital"))), "a refusal names the term");
    let (status, _) = app.visitor().post("/api/v1/staff/terms/categories", json!({ "slug": "x-y", "name": "外人" })).await;
    assert_eq!(status, 401);
}

#[tokio::test]
async fn terms_are_kept_on_plain_forms_and_hostile_names_stay_text() {
    let app = spawn_app().await;
    let admin = app.staff("terms-forms", district()).await;
    let page = "/staff/vocabulary";
    let new = |slug: &str, name: &str| {
        vec![("vocabulary", "categories".to_string()), ("slug", slug.to_string()), ("name", name.to_string()), ("name_en", "Opera".into()), ("icon", "fan".into())]
    };
    let landed = admin.post_form(page, "add_term_form", &new("Opera!", "戏曲曲艺")).await;
    let url = landed.url().to_string();
    assert!(url.contains("error=slug") && url.contains("form=new-categories"), "{url}");
    let html = landed.text().await.unwrap();
    assert!(html.contains("标识为2到30个小写字母"), "the refusal says why");
    assert!(html.contains("value=\"戏曲曲艺\"") && html.contains("value=\"fan\" checked"), "what was typed comes back");
    let landed = admin.post_form(page, "add_term_form", &new("opera", "戏曲曲艺")).await;
    assert!(landed.url().as_str().contains("done=1"), "{}", landed.url());
    let html = landed.text().await.unwrap();
    assert!(html.contains("data-slug=\"opera\""));

    let change = vec![("vocabulary", "categories".to_string()), ("slug", "opera".into()), ("name", "戏".into()), ("name_en", String::new()), ("icon", "music".into())];
    let landed = admin.post_form(page, "change_term_form", &change).await;
    assert!(landed.url().as_str().contains("error=name&form=categories-opera"), "{}", landed.url());
    let change = vec![("vocabulary", "categories".to_string()), ("slug", "opera".into()), ("name", "戏曲".into()), ("name_en", String::new()), ("icon", "music".into())];
    let html = admin.post_form(page, "change_term_form", &change).await.text().await.unwrap();
    assert!(html.contains("data-testid=\"term-name\">戏曲<") && html.contains("data-icon=\"music\""), "renamed, with its new icon");
    let up = vec![("vocabulary", "categories".to_string()), ("slug", "opera".into()), ("direction", "up".into())];
    admin.post_form(page, "move_term_form", &up).await;
    let (_, list) = app.get_json("/api/v1/categories").await;
    let order = slugs(&list, "categories");
    assert_eq!(order[order.len() - 2..], ["opera".to_string(), "digital".to_string()], "moved one place up");
    let landed = admin.post_form(page, "delete_term_form", &[("vocabulary", "categories".to_string()), ("slug", "film".into())]).await;
    assert!(landed.url().as_str().contains("error=in_use"), "{}", landed.url());
    let html = landed.text().await.unwrap();
    assert!(html.contains("仍有服务或点单使用它"));
    assert!(html.contains("value=\"电影放映\""), "the term's change form keeps its names after another refusal");
    admin.post_form(page, "delete_term_form", &[("vocabulary", "categories".to_string()), ("slug", "opera".into())]).await;
    let (_, list) = app.get_json("/api/v1/categories").await;
    assert!(!slugs(&list, "categories").contains(&"opera".to_string()));

    // Names written by someone with the database: inert on every page that shows them.
    sqlx::any::install_default_drivers();
    let mut db = sqlx::AnyConnection::connect(&app.database_url).await.unwrap();
    for table in ["categories", "audiences"] {
        sqlx::query(&format!("UPDATE {table} SET name = $1, name_en = $1")).bind(format!("名{HOSTILE}")).execute(&mut db).await.unwrap();
    }
    let (_, items) = app.get_json("/api/v1/items?per_page=1").await;
    let item = items["items"][0]["id"].as_i64().unwrap();
    let anyone = app.visitor();
    for path in ["/", "/catalog", &format!("/items/{item}"), "/demands"] {
        inert_page(&anyone, path).await;
    }
    inert_page(&admin, page).await;
    inert_page(&admin, "/staff").await;
}
