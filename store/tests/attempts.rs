//! Attempt counting on a real database: a burst on one key is counted one by one (no two
//! attempts see the same count), windows start over, and successes can be forgotten.

use cc_store::testing::fresh_store;

#[tokio::test]
async fn a_burst_of_attempts_on_one_key_is_counted_exactly_once_each() {
    let store = fresh_store().await.unwrap();
    let attempts = (0..40).map(|_| {
        let store = store.clone();
        tokio::spawn(async move { store.count_attempt("login:phone:x", 900, 1_000).await.unwrap() })
    });
    let mut counts = Vec::new();
    for attempt in attempts {
        counts.push(attempt.await.unwrap());
    }
    counts.sort_unstable();
    assert_eq!(counts, (1..=40).collect::<Vec<i64>>());
    // Only the first five would have been let through to the password check.
    assert_eq!(counts.iter().filter(|&&n| n <= 5).count(), 5);
}

#[tokio::test]
async fn a_window_starts_over_once_it_has_ended_and_keys_are_separate() {
    let store = fresh_store().await.unwrap();
    assert_eq!(store.count_attempt("a", 60, 1_000).await.unwrap(), 1);
    assert_eq!(store.count_attempt("a", 60, 1_059).await.unwrap(), 2);
    assert_eq!(store.count_attempt("b", 60, 1_059).await.unwrap(), 1);
    assert_eq!(store.count_attempt("a", 60, 1_060).await.unwrap(), 1, "the window ended at 1060");
    store.refund_attempt("a").await.unwrap();
    assert_eq!(store.count_attempt("a", 60, 1_061).await.unwrap(), 1);
    store.forget_attempts("a").await.unwrap();
    assert_eq!(store.count_attempt("a", 60, 1_062).await.unwrap(), 1);
    assert_eq!(store.delete_ended_attempt_windows(2_000).await.unwrap(), 2);
}
