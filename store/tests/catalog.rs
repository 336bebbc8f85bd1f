//! The catalogue queries against a real database (SQLite, or PostgreSQL with
//! `CC_TEST_BACKEND=postgres`), loaded with the Shijingshan demo.

use cc_domain::ids::ItemId;
use cc_domain::time::now;
use cc_domain::{CatalogQuery, Sort};
use cc_store::testing::fresh_store;
use cc_store::Store;

async fn demo_store() -> Store {
    let store = fresh_store().await.expect("a fresh database");
    store.seed_demo().await.expect("the demo loads");
    store
}

fn query(pairs: &[(&str, &str)]) -> CatalogQuery {
    CatalogQuery::parse(pairs.iter().copied()).expect("a valid query")
}

#[tokio::test]
async fn the_demo_has_the_whole_network_and_a_full_catalogue() {
    let store = fresh_store().await.unwrap();
    let report = store.seed_demo().await.unwrap();
    assert_eq!(report.streets, 9);
    assert!(report.communities >= 30, "{report:?}");
    assert!(report.facilities >= 40, "{report:?}");
    assert!(report.items >= 120, "{report:?}");
    let streets = store.streets().await.unwrap();
    assert_eq!(streets.len(), 9);
    assert!(streets.iter().all(|s| !s.communities.is_empty()));
    assert_eq!(store.categories().await.unwrap().len(), 8);
}

#[tokio::test]
async fn seeding_the_demo_twice_adds_nothing() {
    let store = demo_store().await;
    let before = store.search_items(&query(&[]), now()).await.unwrap().total;
    let again = store.seed_demo().await.unwrap();
    assert!(again.already_present);
    assert_eq!(store.search_items(&query(&[]), now()).await.unwrap().total, before);
}

#[tokio::test]
async fn every_category_and_audience_has_items() {
    let store = demo_store().await;
    for category in store.categories().await.unwrap() {
        let page = store.search_items(&query(&[("category", &category.named.slug)]), now()).await.unwrap();
        assert!(page.total > 0, "no items in {}", category.named.slug);
        assert!(page.items.iter().all(|i| i.category.slug == category.named.slug));
    }
    for audience in store.audiences().await.unwrap() {
        let page = store.search_items(&query(&[("audience", &audience.named.slug)]), now()).await.unwrap();
        assert!(page.total > 0, "no items for {}", audience.named.slug);
    }
}

#[tokio::test]
async fn filters_narrow_the_list_and_pages_add_up() {
    let store = demo_store().await;
    let all = store.search_items(&query(&[]), now()).await.unwrap();
    let bajiao = store.search_items(&query(&[("street", "bajiao")]), now()).await.unwrap();
    assert!(bajiao.total > 0 && bajiao.total < all.total);
    assert!(bajiao.items.iter().all(|i| i.street.slug == "bajiao"));
    let free = store.search_items(&query(&[("free", "true")]), now()).await.unwrap();
    assert!(free.total < all.total && free.items.iter().all(|i| i.free));

    let mut seen = 0;
    for page in 1..=all.page_count() {
        let p = store.search_items(&query(&[("page", &page.to_string())]), now()).await.unwrap();
        seen += p.items.len() as u64;
    }
    assert_eq!(seen, all.total);
}

#[tokio::test]
async fn sorting_by_date_puts_the_next_session_first_and_popularity_the_most_booked() {
    let store = demo_store().await;
    let by_date = store.search_items(&query(&[("per_page", "100")]), now()).await.unwrap();
    let starts: Vec<_> = by_date.items.iter().map(|i| i.next_session.unwrap()).collect();
    assert!(starts.windows(2).all(|w| w[0] <= w[1]));
    let popular =
        store.search_items(&query(&[("sort", "popular"), ("per_page", "100")]), now()).await.unwrap();
    assert_eq!(query(&[("sort", "popular")]).sort, Sort::Popular);
    assert!(popular.items.windows(2).all(|w| w[0].popularity >= w[1].popularity));
}

#[tokio::test]
async fn a_date_range_keeps_items_with_a_session_inside_it() {
    let store = demo_store().await;
    let today = cc_domain::time::local(now()).date_naive();
    let from = today + chrono::Days::new(10);
    let to = today + chrono::Days::new(12);
    let (f, t) = (from.to_string(), to.to_string());
    let page =
        store.search_items(&query(&[("from", &f), ("to", &t), ("per_page", "100")]), now()).await.unwrap();
    assert!(page.total > 0);
    for item in &page.items {
        let detail = store.item_detail(ItemId(item.id), now()).await.unwrap().unwrap();
        assert!(
            detail.sessions.iter().any(|s| {
                let d = s.starts_at.date_naive();
                d >= from && d <= to
            }),
            "{} has no session between {f} and {t}",
            item.title
        );
    }
}

#[tokio::test]
async fn chinese_search_finds_titles_first_then_categories() {
    let store = demo_store().await;
    let page = store.search_items(&query(&[("q", "非遗"), ("per_page", "100")]), now()).await.unwrap();
    assert!(page.total >= 20, "{}", page.total);
    let first_non_title = page.items.iter().position(|i| !i.title.contains("非遗")).unwrap();
    assert!(
        page.items[first_non_title..].iter().all(|i| !i.title.contains("非遗")),
        "every title match ranks above every other match"
    );
    for word in ["广场舞", "京剧"] {
        let page = store.search_items(&query(&[("q", word)]), now()).await.unwrap();
        assert!(page.total > 0 && page.items[0].title.contains(word), "{word}");
    }
}

#[tokio::test]
async fn pinyin_and_initials_find_square_dance() {
    let store = demo_store().await;
    for typed in ["guangchangwu", "gcw", "Guang Chang Wu"] {
        let page = store.search_items(&query(&[("q", typed)]), now()).await.unwrap();
        assert!(page.total > 0, "{typed} found nothing");
        assert!(page.items[0].title.contains("广场舞"), "{typed}: {}", page.items[0].title);
    }
}

#[tokio::test]
async fn searching_for_a_wildcard_finds_nothing_rather_than_everything() {
    let store = demo_store().await;
    let page = store.search_items(&query(&[("q", "%")]), now()).await.unwrap();
    assert_eq!(page.total, 0);
}

#[tokio::test]
async fn an_item_shows_its_facility_and_upcoming_sessions_in_order() {
    let store = demo_store().await;
    let first = store.search_items(&query(&[]), now()).await.unwrap().items.remove(0);
    let item = store.item_detail(ItemId(first.id), now()).await.unwrap().unwrap();
    assert_eq!(item.title, first.title);
    assert!(!item.facility.address.is_empty());
    assert!((39.8..40.0).contains(&item.facility.lat) && (116.1..116.3).contains(&item.facility.lng));
    assert!(!item.sessions.is_empty());
    assert!(item.sessions.windows(2).all(|w| w[0].starts_at <= w[1].starts_at));
    assert!(item.sessions.iter().all(|s| s.remaining == s.capacity));
    assert_eq!(store.item_detail(ItemId(999_999), now()).await.unwrap(), None);
}

#[tokio::test]
async fn synthetic_catalogues_are_deterministic() {
    let a = fresh_store().await.unwrap();
    let b = fresh_store().await.unwrap();
    a.seed_synthetic(50).await.unwrap();
    b.seed_synthetic(50).await.unwrap();
    let q = query(&[("q", "京剧"), ("per_page", "100")]);
    let titles =
        |p: cc_domain::Page<cc_domain::ItemSummary>| p.items.into_iter().map(|i| i.title).collect::<Vec<_>>();
    assert_eq!(
        titles(a.search_items(&q, now()).await.unwrap()),
        titles(b.search_items(&q, now()).await.unwrap())
    );
}

#[tokio::test]
async fn a_session_that_has_begun_is_no_longer_the_next_one() {
    use cc_store::items::{insert_item, insert_session};
    use cc_store::{NewItem, NewSession};
    let store = demo_store().await;
    let t0 = now() + 3600;
    let mut tx = store.begin().await.unwrap();
    let item = NewItem {
        title: "时间测试讲座",
        description: "",
        provider: "测试",
        category_slug: "training",
        audience_slug: "all",
        facility_id: 1,
        free: true,
        price_cents: None,
        published: true,
        popularity: 0,
        created_at: now(),
        is_demo: false,
    };
    let id = insert_item(&mut tx, &item).await.unwrap();
    for start in [t0, t0 + 86_400] {
        let session = NewSession {
            item_id: id,
            starts_at: start,
            ends_at: start + 3600,
            capacity: 10,
            booking_opens_at: start - 86_400 * 3,
            booking_closes_at: start - 60,
            waitlist: true,
        };
        insert_session(&mut tx, &session).await.unwrap();
    }
    tx.commit().await.unwrap();
    let find = |at: i64| {
        let store = store.clone();
        async move {
            let page = store.search_items(&query(&[("q", "时间测试讲座")]), at).await.unwrap();
            page.items[0].next_session.unwrap().timestamp()
        }
    };
    assert_eq!(find(now()).await, t0);
    // Before the sweep the answer is already right; after it, the stored order is too.
    assert_eq!(find(t0 + 1).await, t0 + 86_400);
    assert!(store.sweep_next_sessions(t0 + 1).await.unwrap() >= 1);
    assert_eq!(find(t0 + 1).await, t0 + 86_400);
    let by_date = store.search_items(&query(&[("per_page", "100")]), t0 + 1).await.unwrap();
    let starts: Vec<_> = by_date.items.iter().filter_map(|i| i.next_session).collect();
    assert!(starts.windows(2).all(|w| w[0] <= w[1]));
}
