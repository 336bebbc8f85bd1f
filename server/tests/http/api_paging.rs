//! Deep pages: page numbers stop at the first 10,000 results with a clear message, and a
//! listing is walked to its end by `cursor` (keyset paging) — every item exactly once, even
//! while items are added in front of the walk, where offsets would repeat some.

use std::collections::HashSet;

use cc_domain::time::now;
use cc_store::items::{insert_item, insert_session};
use cc_store::{NewItem, NewSession};
use serde_json::Value;

use crate::helpers::{spawn_app, TestApp};

/// Adds a published item that sorts first both by date (a session within the hour) and by
/// popularity, so it lands in front of any walk already under way.
async fn add_front_runner(app: &TestApp, n: usize) -> i64 {
    let title = format!("插队活动{n}");
    let mut tx = app.store.begin().await.unwrap();
    let item = NewItem {
        title: &title,
        description: "",
        provider: "测试",
        category_slug: "performance",
        audience_slug: "all",
        facility_id: 1,
        free: true,
        price_cents: None,
        published: true,
        popularity: 1_000_000,
        created_at: now(),
        is_demo: false,
    };
    let id = insert_item(&mut tx, &item).await.unwrap();
    let start = now() + 600 + n as i64;
    let session = NewSession {
        item_id: id,
        starts_at: start,
        ends_at: start + 3600,
        capacity: 10,
        booking_opens_at: start - 86_400,
        booking_closes_at: start - 60,
        waitlist: false,
    };
    insert_session(&mut tx, &session).await.unwrap();
    tx.commit().await.unwrap();
    id
}

fn ids(page: &Value) -> Vec<i64> {
    page["items"].as_array().unwrap().iter().map(|i| i["id"].as_i64().unwrap()).collect()
}

#[tokio::test]
async fn a_cursor_walks_every_item_exactly_once_while_items_are_added_in_front() {
    let app = spawn_app().await;
    for sort in ["date", "popular"] {
        let (_, first) = app.get_json(&format!("/api/v1/items?per_page=20&sort={sort}")).await;
        let total = first["total"].as_u64().unwrap();
        let before: HashSet<i64> = {
            let (_, all) = app.get_json(&format!("/api/v1/items?per_page=100&sort={sort}")).await;
            let mut seen: HashSet<i64> = ids(&all).into_iter().collect();
            let (_, rest) = app.get_json(&format!("/api/v1/items?per_page=100&page=2&sort={sort}")).await;
            seen.extend(ids(&rest));
            seen
        };
        assert_eq!(before.len() as u64, total, "the demo fits in two pages of 100");

        let (mut walked, mut page, mut added) = (Vec::new(), first, Vec::new());
        loop {
            walked.extend(ids(&page));
            added.push(add_front_runner(&app, added.len() + walked.len()).await);
            let Some(cursor) = page["next_cursor"].as_str().map(String::from) else { break };
            let (status, next) = app.get_json(&format!("/api/v1/items?per_page=20&sort={sort}&cursor={cursor}")).await;
            assert_eq!(status, 200, "{next}");
            page = next;
        }
        let unique: HashSet<i64> = walked.iter().copied().collect();
        assert_eq!(unique.len(), walked.len(), "{sort}: an item came twice");
        assert!(before.is_subset(&unique), "{sort}: {} items were skipped", before.difference(&unique).count());
        assert!(added.len() > 5, "items were added during the walk");
    }
}

#[tokio::test]
async fn offsets_would_have_repeated_items_the_cursor_does_not() {
    // The control for the test above: the same insertion in front, paged by number, repeats
    // the last item of each page on the next one.
    let app = spawn_app().await;
    let (_, first) = app.get_json("/api/v1/items?per_page=20").await;
    add_front_runner(&app, 1).await;
    let (_, second) = app.get_json("/api/v1/items?per_page=20&page=2").await;
    let repeated: Vec<i64> = ids(&second).into_iter().filter(|id| ids(&first).contains(id)).collect();
    assert!(!repeated.is_empty(), "offset paging repeats what moved across the page boundary");
}

#[tokio::test]
async fn pages_beyond_the_first_ten_thousand_results_are_refused_in_words() {
    let app = spawn_app().await;
    let (status, body) = app.get_json_with("/api/v1/items?page=501", &[("Accept-Language", "zh")]).await;
    assert_eq!(status, 400);
    assert_eq!((body["error"]["code"].as_str(), body["error"]["param"].as_str()), (Some("bad_parameter"), Some("page")));
    assert!(body["error"]["message"].as_str().unwrap().contains("只能翻到第 500 页"), "{body}");
    assert_eq!(app.get_json("/api/v1/items?page=100&per_page=100").await.0, 200);
    let (status, page) = app.get("/catalog?page=501").await;
    assert_eq!(status, 400);
    assert!(page.contains("只能翻到第 500 页"), "the catalogue says why");
    let (status, junk) = app.get_json("/api/v1/items?cursor=abc").await;
    assert_eq!((status, junk["error"]["param"].as_str()), (400, Some("cursor")));
    let (status, with_q) = app.get_json("/api/v1/items?q=jingju&cursor=1.2").await;
    assert_eq!((status, with_q["error"]["param"].as_str()), (400, Some("cursor")));
}
