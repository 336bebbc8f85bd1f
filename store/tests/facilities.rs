//! The facility network against a real database (SQLite, or PostgreSQL with
//! `CC_TEST_BACKEND=postgres`), loaded with the Shijingshan demo.

use cc_domain::compliance::Shortfall;
use cc_domain::ids::FacilityId;
use cc_domain::time::now;
use cc_domain::{FacilityLevel, FacilityQuery, LatLng};
use cc_store::testing::fresh_store;
use cc_store::Store;

async fn demo_store() -> Store {
    let store = fresh_store().await.expect("a fresh database");
    store.seed_demo().await.expect("the demo loads");
    store
}

fn query(pairs: &[(&str, &str)]) -> FacilityQuery {
    FacilityQuery::parse(pairs.iter().copied()).expect("a valid query")
}

#[tokio::test]
async fn the_demo_network_has_every_level_and_both_kinds_of_compliance() {
    let store = demo_store().await;
    let all = store.facilities(&query(&[]), now()).await.unwrap();
    assert!(all.len() >= 40);
    for level in [FacilityLevel::District, FacilityLevel::Street, FacilityLevel::Community] {
        assert!(all.iter().any(|f| f.level == level), "{level:?}");
    }
    assert!(all.iter().any(|f| f.compliant) && all.iter().any(|f| !f.compliant));
    assert!(all
        .iter()
        .all(|f| (39.85..40.0).contains(&f.position.lat) && (116.1..116.3).contains(&f.position.lng)));
}

#[tokio::test]
async fn filters_by_level_street_category_and_text() {
    let store = demo_store().await;
    let rooms = store.facilities(&query(&[("level", "community")]), now()).await.unwrap();
    assert!(!rooms.is_empty() && rooms.iter().all(|f| f.level == FacilityLevel::Community));
    let bajiao = store.facilities(&query(&[("street", "bajiao")]), now()).await.unwrap();
    assert!(!bajiao.is_empty() && bajiao.iter().all(|f| f.street.slug == "bajiao"));
    let heritage = store.facilities(&query(&[("category", "heritage")]), now()).await.unwrap();
    let all = store.facilities(&query(&[]), now()).await.unwrap();
    assert!(!heritage.is_empty() && heritage.len() < all.len());
    let library = store.facilities(&query(&[("q", "图书馆")]), now()).await.unwrap();
    assert_eq!(library.iter().map(|f| f.name.as_str()).collect::<Vec<_>>(), ["石景山区图书馆"]);
}

#[tokio::test]
async fn near_me_lists_the_nearest_first_with_distances() {
    let store = demo_store().await;
    let here = LatLng { lat: 39.9138, lng: 116.2032 }; // at the district library's door
    let near =
        store.facilities(&FacilityQuery { near: Some(here), ..Default::default() }, now()).await.unwrap();
    assert_eq!(near[0].name, "石景山区图书馆");
    assert!(near[0].distance_m.unwrap() < 5.0);
    let distances: Vec<f64> = near.iter().map(|f| f.distance_m.unwrap()).collect();
    assert!(distances.windows(2).all(|w| w[0] <= w[1]));
}

#[tokio::test]
async fn a_facility_profile_gives_every_reason_it_falls_short() {
    let store = demo_store().await;
    let museum = store.facilities(&query(&[("q", "博物馆")]), now()).await.unwrap().remove(0);
    let profile = store.facility_profile(FacilityId(museum.id), now()).await.unwrap().unwrap();
    assert!(!profile.compliance.compliant);
    assert!(matches!(
        profile.compliance.reasons.as_slice(),
        [Shortfall::HoursShort { required_hours, actual_hours, .. }] if *required_hours == 48.0 && *actual_hours == 40.0
    ));
    assert!(profile.opening_hours.is_some() && profile.summary.open_now.is_some());
    assert_eq!(store.facility_profile(FacilityId(987_654), now()).await.unwrap(), None);
}

#[tokio::test]
async fn a_facility_lists_the_sessions_held_there() {
    let store = demo_store().await;
    let all = store.facilities(&query(&[]), now()).await.unwrap();
    let busy = all.iter().find(|f| !f.this_week.is_empty()).expect("some facility has sessions this week");
    let profile = store.facility_profile(FacilityId(busy.id), now()).await.unwrap().unwrap();
    assert!(profile.upcoming.len() >= busy.this_week.len());
    assert!(profile.upcoming.windows(2).all(|w| w[0].starts_at <= w[1].starts_at));
}

#[tokio::test]
async fn coverage_is_not_trivially_complete() {
    let store = demo_store().await;
    let coverage = store.coverage().await.unwrap();
    assert_eq!(coverage.streets.len(), 9);
    let t = &coverage.totals;
    assert!(t.compliant > 0 && t.compliant < t.facilities, "{t:?}");
    assert!(t.communities_covered < t.communities, "at least one community is uncovered: {t:?}");
    assert!(coverage.streets.iter().any(|s| s.uncovered_communities.contains(&"黑石头社区".to_string())));
    assert!(t.streets_covered < t.streets, "{t:?}");
    assert_eq!(store.standards().await.unwrap().len(), 3);
}
