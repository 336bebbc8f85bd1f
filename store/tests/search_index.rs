//! The search index follows every write at once: on the server that wrote, and on another
//! server of the same database (two stores on one database stand for two servers). Runs on
//! SQLite, or on PostgreSQL with `CC_TEST_BACKEND=postgres`.

use cc_domain::authoring::ItemInput;
use cc_domain::ids::ItemId;
use cc_domain::time::now;
use cc_domain::workflow::ItemStatus;
use cc_domain::CatalogQuery;
use cc_store::testing::{district_admin, fresh_database_url};
use cc_store::Store;

async fn two_servers() -> (Store, Store) {
    let url = fresh_database_url().await.expect("a fresh database");
    let a = Store::connect(&url).await.expect("server A connects");
    a.migrate().await.expect("migrations apply");
    a.seed_demo().await.expect("the demo loads");
    let b = Store::connect(&url).await.expect("server B connects");
    (a, b)
}

/// The titles a search for `q` finds.
async fn found(store: &Store, q: &str) -> Vec<String> {
    let query = CatalogQuery::parse([("q", q), ("per_page", "50")].into_iter()).expect("a valid query");
    store.search_items(&query, now()).await.expect("search answers").items.into_iter().map(|i| i.title).collect()
}

fn input(title: &str, category: &str) -> ItemInput {
    ItemInput {
        title: title.into(),
        description: "由社区志愿者带领，零基础可参加。".into(),
        provider: "测试馆".into(),
        category: category.into(),
        audience: "all".into(),
        facility_id: 1,
        free: true,
        price_cents: None,
    }
}

#[tokio::test]
async fn publishing_editing_and_archiving_show_in_search_on_every_server_at_once() {
    let (a, b) = two_servers().await;
    // Both servers have built their index before the writes.
    assert!(found(&a, "空竹").await.is_empty());
    assert!(found(&b, "抖空竹").await.is_empty());

    let author = district_admin(&a, "author").await.expect("a staff member");
    let id = ItemId(a.create_item_draft(&input("抖空竹入门课", "heritage"), author).await.expect("a draft"));
    assert!(found(&b, "空竹").await.is_empty(), "a draft is not in the catalogue");
    for (from, to) in [(ItemStatus::Draft, ItemStatus::Submitted), (ItemStatus::Submitted, ItemStatus::Published)] {
        assert!(a.move_item(id, from, to, None).await.expect("the move"));
    }
    assert_eq!(found(&a, "空竹").await, ["抖空竹入门课"]);
    assert_eq!(found(&b, "空竹").await, ["抖空竹入门课"], "the other server sees it at once");
    assert_eq!(found(&b, "doukongzhu").await, ["抖空竹入门课"], "by its pinyin too");

    a.update_item_text(id, &input("空竹技艺传承课", "heritage")).await.expect("the edit");
    assert!(found(&b, "抖空竹").await.is_empty(), "the old title is gone");
    assert_eq!(found(&b, "kongzhujiyi").await, ["空竹技艺传承课"]);
    assert_eq!(found(&b, "空竹技艺").await, ["空竹技艺传承课"]);

    assert!(a.move_item(id, ItemStatus::Published, ItemStatus::Archived, None).await.expect("archiving"));
    assert!(found(&b, "空竹").await.is_empty(), "an archived item leaves search on every server");
    assert!(found(&a, "空竹").await.is_empty());
}

#[tokio::test]
async fn an_index_is_built_at_start_from_what_is_already_there() {
    let (a, b) = two_servers().await;
    let re_read = b.catch_up_search().await.expect("the index builds");
    assert!(re_read >= 120, "the whole demo catalogue is read: {re_read}");
    assert_eq!(b.catch_up_search().await.expect("nothing new"), 0, "nothing changed since");
    assert_eq!(found(&a, "广场舞").await, found(&b, "广场舞").await);
}
