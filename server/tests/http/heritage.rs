//! 非遗: the registry anyone reads (filtered, searched in Chinese and pinyin, one project with its
//! people, places and services, the map's layer), and district admins keeping it (every field
//! checked, audited, other roles refused).

use cc_domain::staff::{Role, StaffScope};
use serde_json::{json, Value};

use crate::helpers::{enc, spawn_app};

fn district() -> StaffScope {
    StaffScope { role: Role::DistrictAdmin, street_id: None, facility_ids: vec![] }
}

fn project(name: &str) -> Value {
    json!({
        "name": name, "category": "drama", "level": "district", "year_listed": 2021,
        "protecting_unit": "石景山区文化馆", "description": "第一段\n第二段",
        "inheritors": [{ "name": "测试传承人", "level": "district", "year_named": 2022 }],
        "places": [{ "name": "首钢园", "lat": 39.9168, "lng": 116.1652 }]
    })
}

fn names(list: &Value) -> Vec<&str> {
    list.as_array().unwrap().iter().map(|p| p["name"].as_str().unwrap()).collect()
}

#[tokio::test]
async fn the_registry_is_filtered_and_searched_in_chinese_and_pinyin() {
    let app = spawn_app().await;
    let (status, all) = app.get_json("/api/v1/heritage/projects").await;
    assert_eq!(status, 200);
    let levels: Vec<&str> = all.as_array().unwrap().iter().map(|p| p["level"].as_str().unwrap()).collect();
    assert!(levels.len() >= 8 && levels[0] == "national", "national first: {levels:?}");
    assert!(levels.windows(2).all(|w| !(w[0] == "district" && w[1] != "district")), "{levels:?}");
    assert!(all.as_array().unwrap().iter().all(|p| p["demo"] == true), "the demo's projects say so");

    let (_, dance) = app.get_json("/api/v1/heritage/projects?category=dance").await;
    assert_eq!(names(&dance), ["京西太平鼓"]);
    let (_, national) = app.get_json("/api/v1/heritage/projects?level=national").await;
    assert!(national.as_array().unwrap().iter().all(|p| p["level"] == "national") && names(&national).len() == 3);
    for q in ["太平鼓", "taipinggu", "jxtpg", "李桂芳"] {
        let (_, found) = app.get_json(&format!("/api/v1/heritage/projects?q={}", enc(q))).await;
        assert_eq!(names(&found), ["京西太平鼓"], "searching {q}");
    }
    let (_, none) = app.get_json("/api/v1/heritage/projects?q=zzzz").await;
    assert!(none.as_array().unwrap().is_empty());
    let (status, bad) = app.get_json("/api/v1/heritage/projects?level=world").await;
    assert_eq!((status, bad["error"]["param"].as_str()), (400, Some("level")), "{bad}");
    assert!(bad["error"]["message"].as_str().unwrap().contains("national"), "{bad}");
}

#[tokio::test]
async fn a_project_shows_its_people_places_and_services_and_the_map_draws_its_places() {
    let app = spawn_app().await;
    let (_, found) = app.get_json(&format!("/api/v1/heritage/projects?q={}", enc("剪纸"))).await;
    let id = found[0]["id"].as_i64().unwrap();
    let (status, paper) = app.get_json(&format!("/api/v1/heritage/projects/{id}")).await;
    assert_eq!(status, 200);
    assert_eq!(paper["inheritors"][0]["name"], "王秀兰");
    let services: Vec<&str> = paper["services"].as_array().unwrap().iter().map(|s| s["title"].as_str().unwrap()).collect();
    assert!(services.iter().any(|s| s.starts_with("非遗剪纸体验课·")), "{services:?}");
    let item = paper["services"][0]["id"].as_i64().unwrap();
    let (_, detail) = app.get_json(&format!("/api/v1/items/{item}")).await;
    assert_eq!((detail["heritage"]["id"].as_i64(), detail["heritage"]["name"].as_str()), (Some(id), Some("北京剪纸")));
    assert_eq!(app.get_json("/api/v1/heritage/projects/99999").await.0, 404);
    assert_eq!(app.get_json("/api/v1/heritage/projects/abc").await.0, 404);

    let (_, places) = app.get_json("/api/v1/heritage/places").await;
    let here = places.as_array().unwrap().iter().find(|p| p["project_id"] == id).expect("its place on the map");
    assert!(here["lat"].as_f64().unwrap() > 39.8 && here["place"] == "八角街道文化活动中心", "{here}");

    // The pages say the same, and the item page links the project.
    let (status, page) = app.get(&format!("/heritage/{id}")).await;
    assert_eq!(status, 200);
    assert!(page.contains("王秀兰") && page.contains("非遗剪纸体验课·") && page.contains("演示数据"));
    let (_, item_page) = app.get(&format!("/items/{item}")).await;
    assert!(item_page.contains("data-testid=\"item-heritage\"") && item_page.contains(&format!("/heritage/{id}")));
    let (_, list) = app.get(&format!("/heritage?q={}&level=municipal", enc("jianzhi"))).await;
    assert!(list.contains("北京剪纸") && !list.contains("京西太平鼓"), "the page searches pinyin too");
    assert_eq!(app.get("/heritage/99999").await.0, 404);
}

#[tokio::test]
async fn district_admins_keep_the_registry_and_every_field_is_checked_and_audited() {
    let app = spawn_app().await;
    let admin = app.staff("heritage-admin", district()).await;
    let street = app.staff("heritage-street", StaffScope { role: Role::StreetAdmin, street_id: Some(1), facility_ids: vec![] }).await;
    assert_eq!(street.post("/api/v1/staff/heritage/projects", project("京剧（石景山）")).await.0, 403);
    assert_eq!(app.visitor().post("/api/v1/staff/heritage/projects", project("京剧（石景山）")).await.0, 401);

    for (field, bad) in [
        ("name", json!({ "name": "戏" })),
        ("category", json!({ "category": "opera" })),
        ("level", json!({ "level": "world" })),
        ("year_listed", json!({ "year_listed": 1999 })),
        ("protecting_unit", json!({ "protecting_unit": "" })),
        ("inheritors", json!({ "inheritors": [{ "name": "", "level": "district" }] })),
        ("places", json!({ "places": [{ "name": "首钢园", "lat": 123.0, "lng": 116.0 }] })),
    ] {
        let mut body = project("石景山京剧");
        body.as_object_mut().unwrap().extend(bad.as_object().unwrap().clone());
        let (status, refused) = admin.post("/api/v1/staff/heritage/projects", body).await;
        assert_eq!((status, refused["error"]["param"].as_str()), (400, Some(field)), "{refused}");
    }

    let (status, created) = admin.post("/api/v1/staff/heritage/projects", project("石景山京剧")).await;
    assert_eq!((status, created["demo"].as_bool()), (201, Some(false)), "{created}");
    let id = created["id"].as_i64().unwrap();
    let mut changed = project("石景山京剧（修订）");
    changed["level"] = json!("municipal");
    changed["inheritors"] = json!([]);
    let (status, after) = admin.send(reqwest::Method::PUT, &format!("/api/v1/staff/heritage/projects/{id}"), Some(changed), &[]).await;
    assert_eq!((status, after["level"].as_str(), after["inheritors"].as_array().map(Vec::len)), (200, Some("municipal"), Some(0)));
    let (status, _) = admin.send(reqwest::Method::PUT, "/api/v1/staff/heritage/projects/99999", Some(project("无此项目")), &[]).await;
    assert_eq!(status, 404);

    // A picture, served to anyone; a service linked to it.
    let picture = admin
        .client
        .post(format!("{}/api/v1/staff/heritage/projects/{id}/images", admin.address))
        .body(crate::api_staff_editing::png(400, 300))
        .send()
        .await
        .unwrap();
    assert_eq!(picture.status().as_u16(), 201);
    let path = picture.json::<Value>().await.unwrap()["image"].as_str().unwrap().to_string();
    assert_eq!(app.get(&path).await.0, 200);
    let item = app.get_json("/api/v1/items?per_page=1").await.1["items"][0]["id"].as_i64().unwrap();
    let linked = format!("/api/v1/staff/items/{item}/heritage");
    let link = |project: Value| admin.send(reqwest::Method::PUT, &linked, Some(json!({ "project_id": project })), &[]);
    assert_eq!(link(json!(99999)).await.0, 404, "no such project");
    assert_eq!(link(json!(id)).await.0, 204);
    let (_, shown) = app.get_json(&format!("/api/v1/heritage/projects/{id}")).await;
    assert_eq!((shown["images"][0].as_str(), shown["services"][0]["id"].as_i64()), (Some(path.as_str()), Some(item)));
    assert_eq!(link(Value::Null).await.0, 204);
    assert!(app.get_json(&format!("/api/v1/items/{item}")).await.1["heritage"].is_null(), "unlinked");

    let audit = app.store.audit_entries(None, 50).await.unwrap();
    let done = |action: &str| audit.iter().filter(|e| e.action == action && !e.refused).count();
    assert_eq!((done("create_heritage_project"), done("update_heritage_project"), done("add_heritage_image"), done("link_heritage")), (1, 1, 1, 2));
    assert!(audit.iter().any(|e| e.action == "create_heritage_project" && e.refused), "the street admin's refusal");
    let update = audit.iter().find(|e| e.action == "update_heritage_project").unwrap();
    assert!(update.before.as_deref().unwrap().contains("测试传承人") && update.after.as_deref().unwrap().contains("修订"));
}

#[tokio::test]
async fn hostile_names_are_text_on_every_heritage_page_and_the_map() {
    let app = spawn_app().await;
    let admin = app.staff("heritage-hostile", district()).await;
    let hostile = "<script>alert(1)</script>\"'&戏";
    let mut body = project(hostile);
    body["protecting_unit"] = json!("<img src=x onerror=alert(2)>单位");
    body["description"] = json!("</p><iframe src=//evil></iframe>");
    body["inheritors"] = json!([{ "name": "<b>张</b>三", "level": "district" }]);
    let (status, created) = admin.post("/api/v1/staff/heritage/projects", body).await;
    assert_eq!(status, 201, "{created}");
    let id = created["id"].as_i64().unwrap();
    for page in [format!("/heritage/{id}"), "/heritage".to_string(), format!("/heritage?q={}", enc("戏"))] {
        let (status, html) = app.get(&page).await;
        assert_eq!(status, 200, "{page}");
        for raw in ["<script>alert(1)", "<img src=x", "<iframe", "<b>张</b>"] {
            assert!(!html.contains(raw), "{page} renders {raw} as markup");
        }
        assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "{page} shows the name as text");
    }
}
