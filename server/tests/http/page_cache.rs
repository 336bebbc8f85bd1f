//! Public pages from memory: an anonymous visitor's page is kept and served again until a
//! write changes what it shows — a booking, a capacity change, an edit, publishing, a facility
//! change — and then the very next request shows the change. Logged-in visitors never share
//! a page with anyone; each answer has its own CSP nonce; `If-None-Match` answers 304.

use cc_domain::authoring::ItemInput;
use cc_domain::ids::{FacilityId, ItemId, SessionId};
use cc_domain::workflow::ItemStatus;
use cc_store::testing::{district_admin, test_backend};
use cc_store::FacilityChange;

use crate::helpers::{spawn_app, spawn_app_with, TestApp};

/// One answer, with what this test looks at.
struct Answer {
    status: u16,
    /// `hit` or `miss` when the page cache answered; `None` when it stood aside.
    cache: Option<String>,
    etag: Option<String>,
    nonce: String,
    body: String,
}

async fn fetch(client: &reqwest::Client, url: &str, headers: &[(&str, &str)]) -> Answer {
    let mut request = client.get(url);
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    let response = request.send().await.expect("the server answers");
    let header = |name: &str| response.headers().get(name).and_then(|v| v.to_str().ok()).map(String::from);
    let (cache, etag, csp) = (header("x-page-cache"), header("etag"), header("content-security-policy"));
    let nonce = csp.and_then(|c| c.split("'nonce-").nth(1).map(|n| n.split('\'').next().unwrap_or("").to_string()));
    Answer { status: response.status().as_u16(), cache, etag, nonce: nonce.unwrap_or_default(), body: response.text().await.unwrap() }
}

async fn page(app: &TestApp, path: &str) -> Answer {
    fetch(&app.client, &format!("{}{path}", app.address), &[]).await
}

/// The places left of the page's first session, from its JSON-LD.
fn places_left(body: &str) -> i64 {
    let after = body.split("\"remainingAttendeeCapacity\":").nth(1).expect("the page lists a session");
    after.trim_start().split(|c: char| !c.is_ascii_digit()).next().unwrap().parse().unwrap()
}

async fn item_of(app: &TestApp, session: SessionId) -> i64 {
    app.store.session_item(session).await.unwrap().expect("the session's item").id
}

#[tokio::test]
async fn an_anonymous_page_comes_from_memory_with_its_own_nonce_and_answers_304() {
    let app = spawn_app().await;
    let first = page(&app, "/catalog?category=heritage").await;
    let second = page(&app, "/catalog?category=heritage").await;
    assert_eq!((first.status, first.cache.as_deref()), (200, Some("miss")));
    assert_eq!((second.status, second.cache.as_deref()), (200, Some("hit")));
    assert!(!second.nonce.is_empty() && second.nonce != first.nonce, "a fresh nonce per answer");
    assert!(second.body.contains(&format!("nonce=\"{}\"", second.nonce)), "the page's scripts carry it");
    assert!(!second.body.contains(&first.nonce), "the kept page's nonce is replaced");
    assert_eq!(first.body.replace(&first.nonce, "N"), second.body.replace(&second.nonce, "N"));
    assert_eq!(first.etag, second.etag);

    let etag = second.etag.expect("an ETag");
    let url = format!("{}/catalog?category=heritage", app.address);
    let again = fetch(&app.client, &url, &[("if-none-match", &etag)]).await;
    assert_eq!((again.status, again.body.as_str()), (304, ""));
    let other = fetch(&app.client, &url, &[("if-none-match", "\"something-else\"")]).await;
    assert_eq!(other.status, 200);
    // Another address, language or text size is another page.
    assert_eq!(page(&app, "/catalog?category=film").await.cache.as_deref(), Some("miss"));
    let english = fetch(&app.client, &url, &[("cookie", "cc_lang=en")]).await;
    assert_eq!(english.cache.as_deref(), Some("miss"));
    assert!(english.body.contains("lang=\"en\""));
}

#[tokio::test]
async fn bookings_capacity_edits_and_publishing_change_the_kept_pages_at_once() {
    let app = spawn_app().await;
    let session = app.store.seed_open_session("缓存测试讲座", 5, false).await.unwrap();
    let item = item_of(&app, session).await;
    let path = format!("/items/{item}");
    assert_eq!(places_left(&page(&app, &path).await.body), 5);
    assert_eq!(page(&app, &path).await.cache.as_deref(), Some("hit"));

    let resident = app.register("13800000021", "石景山 lantern 21").await;
    assert_eq!(resident.book(session).await.0, 201);
    let after_booking = page(&app, &path).await;
    assert_eq!((after_booking.cache.as_deref(), places_left(&after_booking.body)), (Some("miss"), 4));

    app.store.set_session_capacity(session, 9).await.unwrap();
    assert_eq!(places_left(&page(&app, &path).await.body), 8, "capacity 9, one held");

    let catalog = "/catalog?q=%E7%BC%93%E5%AD%98";
    assert!(page(&app, catalog).await.body.contains("缓存测试讲座"));
    let input = ItemInput {
        title: "缓存改名讲座".into(),
        description: "改过的介绍".into(),
        provider: "测试".into(),
        category: "training".into(),
        audience: "all".into(),
        facility_id: 1,
        free: true,
        price_cents: None,
    };
    app.store.update_item_text(ItemId(item), &input).await.unwrap();
    assert!(page(&app, &path).await.body.contains("缓存改名讲座"), "the item page shows the edit");
    let renamed = page(&app, catalog).await.body;
    assert!(renamed.contains("缓存改名讲座") && !renamed.contains("缓存测试讲座"), "and so does the catalogue");

    let author = district_admin(&app.store, "author").await.unwrap();
    let draft = ItemId(app.store.create_item_draft(&ItemInput { title: "缓存新发布".into(), ..input }, author).await.unwrap());
    assert!(!page(&app, catalog).await.body.contains("缓存新发布"));
    for (from, to) in [(ItemStatus::Draft, ItemStatus::Submitted), (ItemStatus::Submitted, ItemStatus::Published)] {
        assert!(app.store.move_item(draft, from, to, None).await.unwrap());
    }
    assert!(page(&app, catalog).await.body.contains("缓存新发布"), "published: in the kept catalogue at once");
}

#[tokio::test]
async fn a_facility_change_shows_on_its_kept_page_at_once() {
    let app = spawn_app().await;
    let facility = app.facility_in(1).await;
    let path = format!("/facilities/{facility}");
    let before = page(&app, &path).await;
    assert!(!before.body.contains("9876"));
    assert_eq!(page(&app, &path).await.cache.as_deref(), Some("hit"));
    let change = FacilityChange { area_m2: Some(9876.0), opening_hours: None, free_opening: None, lat: None, lng: None };
    assert!(app.store.update_facility(FacilityId(facility), &change).await.unwrap());
    let after = page(&app, &path).await;
    assert_eq!(after.cache.as_deref(), Some("miss"));
    assert!(after.body.contains("9,876") || after.body.contains("9876"), "the new area is shown");
}

#[tokio::test]
async fn logged_in_and_anonymous_visitors_never_share_a_page() {
    let app = spawn_app().await;
    let anonymous = page(&app, "/").await;
    assert!(anonymous.body.contains("data-testid=\"nav-login\""));
    let resident = app.register("13800000022", "石景山 lantern 22").await;
    let (status, _, mine) = resident.get_text("/").await;
    assert_eq!(status, 200);
    assert!(mine.contains("nav-my-bookings") && !mine.contains("data-testid=\"nav-login\""), "their own header");
    let (_, _, again) = resident.get_text("/").await;
    assert!(again.contains("nav-my-bookings"), "still theirs, never the kept anonymous page");
    let after = page(&app, "/").await;
    assert_eq!(after.cache.as_deref(), Some("hit"));
    assert!(after.body.contains("data-testid=\"nav-login\"") && !after.body.contains("nav-my-bookings"));
}

#[tokio::test]
async fn a_booking_on_one_server_changes_the_kept_page_on_another() {
    if test_backend() != "postgres" {
        eprintln!("skipped: several servers share a PostgreSQL database (CC_TEST_BACKEND=postgres)");
        return;
    }
    let a = spawn_app().await;
    let b = spawn_app_with(|config| config.database_url = a.database_url.clone()).await;
    let session = a.store.seed_open_session("两台服务器", 3, false).await.unwrap();
    let path = format!("/items/{}", item_of(&a, session).await);
    // A's seeding reaches B a moment later too, and may make B's first rendering stale: wait
    // until B keeps the page.
    let started = std::time::Instant::now();
    while page(&b, &path).await.cache.as_deref() != Some("hit") {
        assert!(started.elapsed() < std::time::Duration::from_secs(5), "B never keeps the page");
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    assert_eq!(places_left(&page(&b, &path).await.body), 3);
    let resident = a.register("13800000023", "石景山 lantern 23").await;
    assert_eq!(resident.book(session).await.0, 201);
    // B hears of it through PostgreSQL's NOTIFY, which takes a moment; never a minute.
    let started = std::time::Instant::now();
    loop {
        let seen = page(&b, &path).await;
        if places_left(&seen.body) == 2 {
            break;
        }
        assert!(started.elapsed() < std::time::Duration::from_secs(5), "B still shows 3 places");
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
}
