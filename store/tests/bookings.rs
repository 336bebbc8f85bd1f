//! Booking against a real database (SQLite, or PostgreSQL with `CC_TEST_BACKEND=postgres`):
//! the rush, its race control, duplicates, idempotency, the waitlist and the no-show rule.

use cc_domain::booking::{BookingRefusal, BookingStatus};
use cc_domain::ids::{BookingId, ResidentId, SessionId};
use cc_store::testing::{fresh_store, fresh_store_with};
use cc_store::{BookingAttempt, CancelOutcome, CapacityOutcome, Store};

/// Residents for a test, numbered from `first` (their password hash is never checked here).
async fn residents(store: &Store, first: u64, count: u64) -> Vec<ResidentId> {
    store.create_residents_in_bulk(first, count, "$argon2id$unused").await.unwrap()
}

fn confirmed(attempt: &BookingAttempt) -> bool {
    matches!(attempt, BookingAttempt::Booked { booking, .. } if booking.status == BookingStatus::Confirmed)
}

fn booking_id(attempt: &BookingAttempt) -> BookingId {
    match attempt {
        BookingAttempt::Booked { booking, .. } => booking.id,
        other => panic!("expected a booking, got {other:?}"),
    }
}

/// Every resident books the session at once; returns every answer.
async fn rush(store: &Store, session: SessionId, residents: &[ResidentId]) -> Vec<BookingAttempt> {
    let tasks: Vec<_> = residents
        .iter()
        .map(|&resident| {
            let store = store.clone();
            tokio::spawn(async move { store.book(resident, session, None).await })
        })
        .collect();
    let mut answers = Vec::new();
    for task in tasks {
        answers.push(task.await.unwrap().expect("no database error under the rush"));
    }
    answers
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_rush_of_2000_residents_on_200_places_confirms_exactly_200() {
    let store = fresh_store().await.unwrap();
    let session = store.seed_open_session("新年音乐会", 200, false).await.unwrap();
    let people = residents(&store, 13_900_000_000, 2_000).await;
    let answers = rush(&store, session, &people).await;
    assert_eq!(answers.iter().filter(|a| confirmed(a)).count(), 200);
    assert!(answers.iter().all(|a| confirmed(a) || *a == BookingAttempt::Refused(BookingRefusal::Full)));
    let counts = store.session_counts(session).await.unwrap().unwrap();
    assert_eq!((counts.capacity, counts.remaining, counts.held), (200, 0, 200));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn without_the_guard_the_same_rush_oversells_which_proves_the_test_can_fail() {
    // The unguarded path pauses between reading and writing; enough connections to race in.
    let store = fresh_store_with(16).await.unwrap().without_booking_guard_for_race_control();
    let session = store.seed_open_session("新年音乐会", 200, false).await.unwrap();
    let people = residents(&store, 13_900_000_000, 2_000).await;
    let answers = rush(&store, session, &people).await;
    let confirmed = answers.iter().filter(|a| confirmed(a)).count();
    assert!(confirmed > 200, "the unguarded rush confirmed {confirmed}: the race control did not race");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn fifty_parallel_requests_of_one_resident_make_one_booking() {
    let store = fresh_store().await.unwrap();
    let session = store.seed_open_session("京剧名段欣赏", 10, true).await.unwrap();
    let me = residents(&store, 13_800_000_000, 1).await[0];
    let answers = rush(&store, session, &vec![me; 50]).await;
    let booked: Vec<_> = answers.iter().filter(|a| confirmed(a)).collect();
    assert_eq!(booked.len(), 1);
    let first = booking_id(booked[0]);
    let duplicates = answers
        .iter()
        .filter(|a| **a == BookingAttempt::Refused(BookingRefusal::Duplicate { booking_id: first }))
        .count();
    assert_eq!(duplicates, 49);
    assert_eq!(store.session_counts(session).await.unwrap().unwrap().remaining, 9);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_replayed_idempotency_key_returns_the_same_booking() {
    let store = fresh_store().await.unwrap();
    let session = store.seed_open_session("京剧名段欣赏", 10, true).await.unwrap();
    let other = store.seed_open_session("评剧折子戏", 10, true).await.unwrap();
    let me = residents(&store, 13_800_000_000, 1).await[0];
    let first = store.book(me, session, Some("key-1")).await.unwrap();
    let tasks: Vec<_> = (0..20)
        .map(|_| {
            let store = store.clone();
            tokio::spawn(async move { store.book(me, session, Some("key-1")).await.unwrap() })
        })
        .collect();
    for task in tasks {
        match task.await.unwrap() {
            BookingAttempt::Booked { booking, replayed } => {
                assert!(replayed);
                assert_eq!(booking.id, booking_id(&first));
            }
            other => panic!("expected the replay, got {other:?}"),
        }
    }
    assert_eq!(store.book(me, other, Some("key-1")).await.unwrap(), BookingAttempt::KeyReused);
    assert_eq!(store.session_counts(session).await.unwrap().unwrap().remaining, 9);
}

#[tokio::test]
async fn cancelling_gives_the_place_to_the_first_on_the_waitlist() {
    // Far enough from the start that the place is theirs at once (`offers.rs`: close to it).
    let store = fresh_store().await.unwrap().with_offer_rule(cc_domain::offer::OfferRule { within: 0, hold: 1800 });
    let session = store.seed_open_session("亲子绘本阅读会", 1, true).await.unwrap();
    let people = residents(&store, 13_800_000_000, 3).await;
    let holder = booking_id(&store.book(people[0], session, None).await.unwrap());
    let second = store.book(people[1], session, None).await.unwrap();
    let third = store.book(people[2], session, None).await.unwrap();
    assert!(
        matches!(&second, BookingAttempt::Booked { booking, .. } if booking.status == BookingStatus::Waitlisted)
    );
    let view = store.booking_of(people[2], booking_id(&third)).await.unwrap().unwrap();
    assert_eq!(view.waitlist_position, Some(2));
    assert_eq!(view.code, None, "no ticket while waitlisted");

    let outcome = store.cancel_booking(people[0], holder).await.unwrap();
    assert_eq!(outcome, CancelOutcome::Cancelled { promoted: Some(booking_id(&second)) });
    let promoted = store.booking_of(people[1], booking_id(&second)).await.unwrap().unwrap();
    assert_eq!(promoted.status, BookingStatus::Confirmed);
    assert_eq!(store.cancel_booking(people[0], holder).await.unwrap(), CancelOutcome::AlreadyCancelled);
    let counts = store.session_counts(session).await.unwrap().unwrap();
    assert_eq!((counts.remaining, counts.confirmed, counts.waitlisted), (0, 1, 1));
}

#[tokio::test]
async fn another_residents_booking_cannot_be_seen_or_cancelled() {
    let store = fresh_store().await.unwrap();
    let session = store.seed_open_session("亲子绘本阅读会", 5, true).await.unwrap();
    let people = residents(&store, 13_800_000_000, 2).await;
    let mine = booking_id(&store.book(people[0], session, None).await.unwrap());
    assert_eq!(store.booking_of(people[1], mine).await.unwrap(), None);
    assert_eq!(store.cancel_booking(people[1], mine).await.unwrap(), CancelOutcome::NotFound);
    assert_eq!(store.bookings_of(people[1]).await.unwrap(), vec![]);
    assert_eq!(store.bookings_of(people[0]).await.unwrap().len(), 1);
}

#[tokio::test]
async fn two_no_shows_pause_booking_and_say_until_when() {
    let store = fresh_store().await.unwrap();
    let me = residents(&store, 13_800_000_000, 1).await[0];
    for title in ["讲座一", "讲座二"] {
        let session = store.seed_open_session(title, 5, false).await.unwrap();
        let booking = booking_id(&store.book(me, session, None).await.unwrap());
        assert!(store.mark_no_show(booking).await.unwrap());
    }
    let session = store.seed_open_session("讲座三", 5, false).await.unwrap();
    match store.book(me, session, None).await.unwrap() {
        BookingAttempt::Refused(refusal @ BookingRefusal::Paused { .. }) => {
            assert_eq!(refusal.code(), "paused")
        }
        other => panic!("expected a pause, got {other:?}"),
    }
}

#[tokio::test]
async fn a_full_session_without_waitlist_and_an_unknown_one_are_refused() {
    let store = fresh_store().await.unwrap();
    let session = store.seed_open_session("小剧场", 1, false).await.unwrap();
    let people = residents(&store, 13_800_000_000, 2).await;
    assert!(confirmed(&store.book(people[0], session, None).await.unwrap()));
    assert_eq!(
        store.book(people[1], session, None).await.unwrap(),
        BookingAttempt::Refused(BookingRefusal::Full)
    );
    assert_eq!(store.book(people[1], SessionId(999_999), None).await.unwrap(), BookingAttempt::UnknownSession);
}

#[tokio::test]
async fn capacity_cannot_drop_below_the_places_held_and_new_places_go_to_the_waitlist() {
    let store = fresh_store().await.unwrap();
    let session = store.seed_open_session("合唱训练营", 2, true).await.unwrap();
    let people = residents(&store, 13_800_000_000, 3).await;
    for &p in &people {
        store.book(p, session, None).await.unwrap();
    }
    assert_eq!(store.set_session_capacity(session, 1).await.unwrap(), CapacityOutcome::BelowHeld { held: 2 });
    let waiting = store.waitlist_of(session).await.unwrap()[0].0;
    assert_eq!(
        store.set_session_capacity(session, 4).await.unwrap(),
        CapacityOutcome::Changed { promoted: vec![waiting] }
    );
    let counts = store.session_counts(session).await.unwrap().unwrap();
    assert_eq!((counts.capacity, counts.remaining, counts.held, counts.waitlisted), (4, 1, 3, 0));
}

#[tokio::test]
async fn a_consistent_database_reports_no_problems_and_a_broken_count_is_found() {
    let store = fresh_store().await.unwrap();
    store.seed_demo().await.unwrap();
    let session = store.seed_open_session("检查", 2, true).await.unwrap();
    let people = residents(&store, 13_800_000_000, 3).await;
    for &p in &people {
        store.book(p, session, None).await.unwrap();
    }
    assert_eq!(store.integrity_problems().await.unwrap(), Vec::<String>::new());
    store.set_session_capacity(session, 3).await.unwrap();
    // Break the count behind the store's back: the check must notice.
    let mut tx = store.begin().await.unwrap();
    sqlx::query("UPDATE sessions SET remaining = remaining + 1 WHERE id = $1")
        .bind(session.0)
        .execute(&mut *tx)
        .await
        .unwrap();
    tx.commit().await.unwrap();
    let problems = store.integrity_problems().await.unwrap();
    assert_eq!(problems.len(), 1, "{problems:?}");
}
