//! 点单 through the API: raise (similar ones offered first), vote once (fifty at once make one),
//! the list and the map's layer, staff in scope answer (everyone who voted is told) or merge.

use cc_domain::staff::{Role, StaffScope};
use serde_json::{json, Value};

use crate::helpers::{spawn_app, TestApp};

/// The first community of the street `slug` that has a facility (so the map can place it).
async fn community_in(app: &TestApp, slug: &str) -> (i64, i64) {
    let (_, body) = app.get_json("/api/v1/streets").await;
    let streets = body["streets"].as_array().unwrap();
    let index = streets.iter().position(|s| s["slug"] == slug).unwrap();
    let street_id = index as i64 + 1;
    let (_, facilities) = app.get_json(&format!("/api/v1/facilities?street={slug}&level=community")).await;
    let named: Vec<String> = facilities["features"].as_array().unwrap().iter()
        .filter_map(|f| f["properties"]["community"].as_str().map(str::to_string)).collect();
    let community = streets[index]["communities"].as_array().unwrap().iter()
        .find(|c| named.iter().any(|n| n == c["name"].as_str().unwrap()))
        .unwrap_or(&streets[index]["communities"][0])["id"].as_i64().unwrap();
    (street_id, community)
}

fn raise(community: i64, note: &str, new_anyway: bool) -> Value {
    json!({ "category": "heritage", "community_id": community, "note": note, "new_anyway": new_anyway })
}

#[tokio::test]
async fn a_demand_is_raised_once_voted_for_once_per_resident_and_similar_ones_are_offered_first() {
    let app = spawn_app().await;
    let (_, community) = community_in(&app, "bajiao").await;
    let first = app.register("13800000101", "石景山 lantern 101").await;
    let second = app.register("13800000102", "石景山 lantern 102").await;
    assert_eq!(app.visitor().post("/api/v1/demands", raise(community, "老年书法班", false)).await.0, 401);
    let (status, refused) = first.post("/api/v1/demands", raise(community, "书", false)).await;
    assert_eq!((status, refused["error"]["param"].as_str()), (400, Some("note")), "{refused}");
    let (status, refused) = first.post("/api/v1/demands", raise(999_999, "老年书法班", false)).await;
    assert_eq!((status, refused["error"]["param"].as_str()), (400, Some("community_id")));

    let (status, raised) = first.post("/api/v1/demands", raise(community, "希望社区开老年书法班", false)).await;
    assert_eq!((status, raised["votes"].as_i64(), raised["status"].as_str()), (201, Some(1), Some("open")), "{raised}");
    let id = raised["id"].as_i64().unwrap();
    let (status, similar) = second.post("/api/v1/demands", raise(community, "老年书法班！", false)).await;
    assert_eq!((status, similar["error"]["code"].as_str()), (409, Some("similar")), "{similar}");
    assert!(similar["error"]["message"].as_str().unwrap().contains(&format!("#{id}")));
    let (status, _) = second.post("/api/v1/demands", raise(community, "老年书法班（周末）", true)).await;
    assert_eq!(status, 201, "raised anyway");

    let votes = format!("/api/v1/demands/{id}/votes");
    assert_eq!(first.post(&votes, json!({})).await.1["error"]["code"], "duplicate", "the raiser voted already");
    let answers = futures::future::join_all((0..50).map(|_| second.post(&votes, json!({})))).await;
    let counted = answers.iter().filter(|(status, _)| *status == 201).count();
    let duplicate = answers.iter().filter(|(status, body)| *status == 409 && body["error"]["code"] == "duplicate").count();
    assert_eq!((counted, duplicate), (1, 49), "fifty parallel votes of one resident make one");

    let (_, listed) = app.get_json("/api/v1/demands?street=bajiao&sort=votes").await;
    assert_eq!((listed[0]["id"].as_i64(), listed[0]["votes"].as_i64()), (Some(id), Some(2)), "{listed}");
    assert_eq!(app.get_json("/api/v1/demands?category=reading").await.1.as_array().unwrap().len(), 0);
    assert_eq!(app.get_json("/api/v1/demands?status=lost").await.1["error"]["param"], "status");
    let (_, layer) = app.get_json("/api/v1/demands/map").await;
    let here = layer.as_array().unwrap().iter().find(|c| c["community_id"] == community);
    assert_eq!(here.map(|c| (c["demands"].as_i64(), c["votes"].as_i64())), Some((Some(2), Some(3))), "{layer}");
    // A community without a facility of its own is drawn where its street's facilities are.
    let (_, streets) = app.get_json("/api/v1/streets").await;
    let (_, facilities) = app.get_json("/api/v1/facilities").await;
    let housed: Vec<&str> = facilities["features"].as_array().unwrap().iter().filter_map(|f| f["properties"]["community"].as_str()).collect();
    let bare = streets["streets"].as_array().unwrap().iter().flat_map(|s| s["communities"].as_array().unwrap())
        .find(|c| !housed.contains(&c["name"].as_str().unwrap())).expect("a community without a facility")["id"].as_i64().unwrap();
    assert_eq!(second.post("/api/v1/demands", raise(bare, "社区想要一个读书角", true)).await.0, 201);
    let (_, layer) = app.get_json("/api/v1/demands/map").await;
    let placed = layer.as_array().unwrap().iter().find(|c| c["community_id"] == bare).expect("on the map");
    assert!(placed["lat"].as_f64().unwrap() > 39.8 && placed["lng"].as_f64().unwrap() > 116.0, "{placed}");

    // The dashboard counts them, live.
    let board = app.staff("board", StaffScope { role: Role::DistrictAdmin, street_id: None, facility_ids: vec![] }).await;
    let (_, figures) = board.get("/api/v1/staff/dashboard").await;
    assert_eq!((figures["demands_open"].as_i64(), figures["demands_answered"].as_i64()), (Some(3), Some(0)), "{figures}");
    assert_eq!((figures["top_demands"][0]["label"].as_str(), figures["top_demands"][0]["count"].as_i64()), (Some("希望社区开老年书法班"), Some(2)));
    let (_, _, map) = app.visitor().get_text("/map").await;
    assert!(map.contains("data-demand-source=\"/api/v1/demands/map\""), "the map draws the demand layer");
}

#[tokio::test]
async fn staff_in_scope_answer_a_demand_and_everyone_who_voted_is_told() {
    let app = spawn_app().await;
    let (street, community) = community_in(&app, "bajiao").await;
    let first = app.register("13800000103", "石景山 lantern 103").await;
    let second = app.register("13800000104", "石景山 lantern 104").await;
    let (_, raised) = first.post("/api/v1/demands", raise(community, "周末亲子剪纸课", false)).await;
    let id = raised["id"].as_i64().unwrap();
    second.post(&format!("/api/v1/demands/{id}/votes"), json!({})).await;
    let (_, other) = second.post("/api/v1/demands", raise(community, "青少年街舞课", false)).await;

    let answer = format!("/api/v1/staff/demands/{id}/answer");
    let elsewhere = app.staff("other-street", StaffScope { role: Role::StreetAdmin, street_id: Some(street + 1), facility_ids: vec![] }).await;
    assert_eq!(elsewhere.post(&answer, json!({ "status": "planned" })).await.0, 403);
    let admin = app.staff("street-admin", StaffScope { role: Role::StreetAdmin, street_id: Some(street), facility_ids: vec![] }).await;
    let (status, refused) = admin.post(&answer, json!({ "status": "declined" })).await;
    assert_eq!((status, refused["error"]["param"].as_str()), (400, Some("note")), "a reason to decline");
    let (status, refused) = admin.post(&answer, json!({ "status": "delivered", "item_id": 999_999 })).await;
    assert_eq!((status, refused["error"]["param"].as_str()), (400, Some("item_id")));
    let (_, items) = app.get_json("/api/v1/items?category=reading").await;
    let item = items["items"][0]["id"].as_i64().unwrap();
    let (status, answered) = admin.post(&answer, json!({ "status": "delivered", "item_id": item, "note": "每周六上午开课" })).await;
    assert_eq!((status, answered["told"].as_i64()), (200, Some(2)), "{answered}");

    for resident in [&first, &second] {
        let (_, inbox) = resident.get("/api/v1/me/messages").await;
        let told = inbox["messages"].as_array().unwrap().iter().find(|m| m["kind"] == "demand_answered").cloned();
        let told = told.expect("told");
        assert_eq!((told["item_title"].as_str(), told["outcome"].as_str(), told["detail"].as_str()), (Some("周末亲子剪纸课"), Some("delivered"), Some("每周六上午开课")));
    }
    let (_, listed) = app.get_json("/api/v1/demands?status=delivered").await;
    assert_eq!((listed[0]["id"].as_i64(), listed[0]["item_id"].as_i64()), (Some(id), Some(item)));
    let (status, closed) = app.register("13800000105", "石景山 lantern 105").await.post(&format!("/api/v1/demands/{id}/votes"), json!({})).await;
    assert_eq!((status, closed["error"]["code"].as_str()), (409, Some("closed")));

    // Merging moves the votes: the first resident's vote joins the other demand.
    let other = other["id"].as_i64().unwrap();
    let (_, third) = first.post("/api/v1/demands", raise(community, "少儿街舞", true)).await;
    let merge = format!("/api/v1/staff/demands/{}/merge", third["id"]);
    assert_eq!(admin.post(&merge, json!({ "into": other })).await.0, 204);
    assert_eq!(admin.post(&merge, json!({ "into": other })).await.1["error"]["code"], "not_mergeable");
    let (_, listed) = app.get_json("/api/v1/demands?status=open").await;
    let merged_into = listed.as_array().unwrap().iter().find(|d| d["id"] == other).unwrap();
    assert_eq!(merged_into["votes"], 2);
    let audit = app.store.audit_entries(None, 20).await.unwrap();
    assert!(audit.iter().any(|e| e.action == "answer_demand" && e.refused), "the refusal is audited");
    assert!(audit.iter().any(|e| e.action == "merge_demand" && !e.refused));
}

#[tokio::test]
async fn a_resident_raises_at_most_five_demands_a_day_however_many_are_sent_at_once() {
    let app = spawn_app().await;
    let (_, community) = community_in(&app, "bajiao").await;
    let keen = app.register("13800000108", "石景山 lantern 108").await;
    let notes: Vec<String> = (0..20).map(|n| format!("第{n}个想法：社区开设课程{n}")).collect();
    let answers = futures::future::join_all(notes.iter().map(|note| keen.post("/api/v1/demands", raise(community, note, true)))).await;
    let raised = answers.iter().filter(|(status, _)| *status == 201).count();
    let limited: Vec<_> = answers.iter().filter(|(status, body)| *status == 429 && body["error"]["code"] == "daily_limit").collect();
    let limit = cc_domain::demand::DEMANDS_PER_DAY as usize;
    assert_eq!((raised, limited.len()), (limit, 20 - limit), "twenty at once: {answers:?}");
    assert!(limited[0].1["error"]["message"].as_str().unwrap().contains(&format!("At most {limit} demands a day")));
    assert_eq!(app.get_json("/api/v1/demands").await.1.as_array().unwrap().len(), limit);
    // The page says it too, and keeps what was typed; a neighbour may still raise theirs.
    let form = [("category", "heritage".to_string()), ("community_id", community.to_string()), ("note", "再来一个想法".to_string())];
    let (_, html) = post_form(&keen, "/demands", "raise_demand_form", &form).await;
    assert!(html.contains(&format!("一天内最多点单{limit}项")) && html.contains("value=\"再来一个想法\""), "said on the page");
    let neighbour = app.register("13800000109", "石景山 lantern 109").await;
    assert_eq!(neighbour.post("/api/v1/demands", raise(community, "周末电影放映", true)).await.0, 201);
}

/// Posts a page's form without a script; answers where the browser lands and what it shows.
async fn post_form(visitor: &crate::helpers::Visitor, page: &str, server_fn: &str, form: &[(&str, String)]) -> (String, String) {
    let answer = visitor.post_form(page, server_fn, form).await;
    (answer.url().to_string(), answer.text().await.unwrap())
}

#[tokio::test]
async fn the_demand_pages_work_without_a_script_and_keep_what_was_typed() {
    let app = spawn_app().await;
    let (street, community) = community_in(&app, "bajiao").await;
    let first = app.register("13800000106", "石景山 lantern 106").await;
    let second = app.register("13800000107", "石景山 lantern 107").await;
    let (_, _, page) = app.visitor().get_text("/demands").await;
    assert!(page.contains("/login?next=/demands"), "visitors are asked to log in to raise one");

    let hostile = "<script>alert(1)</script>老年书法班";
    let raise = |note: &str, anyway: bool| {
        let mut form = vec![("category", "heritage".to_string()), ("community_id", community.to_string()), ("note", note.to_string())];
        if anyway {
            form.push(("new_anyway", "on".into()));
        }
        form
    };
    let (url, html) = post_form(&first, "/demands", "raise_demand_form", &raise(hostile, false)).await;
    assert!(url.contains("raised="), "{url}");
    assert!(html.contains("data-testid=\"demand-notice\"") && !html.contains("<script>alert(1)"), "raised, shown as text");
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;老年书法班"));

    // A similar one is offered instead, and what was typed stays in the form.
    let (_, html) = post_form(&second, "/demands", "raise_demand_form", &raise("老年书法班!", false)).await;
    assert!(html.contains("data-testid=\"raise-error\"") && html.contains("已有相似的点单"), "similar ones offered");
    assert!(html.contains("value=\"老年书法班!\""), "the note typed is kept");
    let id = app.get_json("/api/v1/demands").await.1[0]["id"].as_i64().unwrap();
    let (_, html) = post_form(&second, "/demands", "vote_demand_form", &[("demand_id", id.to_string())]).await;
    assert!(html.contains("已附议"), "the vote is counted");
    assert_eq!(app.get_json("/api/v1/demands").await.1[0]["votes"], 2);
    let (_, _, board) = app.visitor().get_text("/demands").await;
    assert_eq!(board.matches(&format!("id=\"demand-{id}\"")).count(), 1, "the TOP10 holds it, the list does not repeat it");
    assert!(board.contains("data-testid=\"demand-top\"") && !board.contains("data-testid=\"demand-streets\""));

    // The street's admin answers from the console page: a refusal is said, then it is done.
    let admin = app.staff("street-admin", StaffScope { role: Role::StreetAdmin, street_id: Some(street), facility_ids: vec![] }).await;
    let answer = |status: &str, note: &str| vec![("demand_id", id.to_string()), ("status", status.into()), ("note", note.into()), ("item_id", String::new())];
    let (_, html) = post_form(&admin, "/staff/demands", "answer_demand_form", &answer("declined", "")).await;
    assert!(html.contains("暂不采纳时必须写明原因"), "a reason to decline is asked for");
    let (_, html) = post_form(&admin, "/staff/demands", "answer_demand_form", &answer("planned", "明年春季开班")).await;
    assert!(html.contains("已答复"), "answered");
    let (_, inbox) = second.get("/api/v1/me/messages").await;
    assert_eq!(inbox["messages"][0]["kind"], "demand_answered");
    let (_, _, page) = second.get_text("/me/messages").await;
    assert!(page.contains("已列入计划：明年春季开班"), "the inbox says what it came to");
}
