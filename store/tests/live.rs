//! Live events: a booking, a cancellation and a check-in reach subscribers with their street;
//! on PostgreSQL a second store on the same database (another server) hears them too.

use std::time::Duration;

use cc_domain::live::{LiveEvent, LiveKind};
use cc_store::testing::{fresh_database_url, test_backend};
use cc_store::{BookingAttempt, Store};
use tokio::sync::broadcast::Receiver;

async fn store_on(url: &str) -> Store {
    let store = Store::connect(url).await.unwrap();
    store.listen_to_all_servers(url).await.unwrap();
    store
}

/// The next event of `kind`, waiting at most a second.
async fn next(events: &mut Receiver<LiveEvent>, kind: LiveKind) -> LiveEvent {
    tokio::time::timeout(Duration::from_secs(1), async {
        loop {
            let event = events.recv().await.expect("the stream stays open");
            if event.kind == kind {
                return event;
            }
        }
    })
    .await
    .unwrap_or_else(|_| panic!("no {kind:?} event within a second"))
}

#[tokio::test]
async fn a_booking_its_cancellation_and_a_check_in_are_announced_with_their_street() {
    let url = fresh_database_url().await.unwrap();
    let store = store_on(&url).await;
    store.migrate().await.unwrap();
    store.seed_demo().await.unwrap();
    let session = store.seed_open_session("直播测试", 5, true).await.unwrap();
    let street = store.session_place(session).await.unwrap().unwrap().street_id;
    let mut events = store.live_events();
    let resident = store.create_residents_in_bulk(13_900_000_001, 1, "$argon2id$unused").await.unwrap()[0];

    let BookingAttempt::Booked { booking, .. } = store.book(resident, session, None).await.unwrap() else {
        panic!("booked")
    };
    let booked = next(&mut events, LiveKind::Booked).await;
    assert_eq!((booked.street_id, booked.session_id), (Some(street), Some(session.0)));
    let staff = cc_store::testing::district_admin(&store, "door").await.unwrap();
    store.check_in(session, &booking.code, None, staff).await.unwrap();
    assert_eq!(next(&mut events, LiveKind::CheckedIn).await.street_id, Some(street));

    let other = store.create_residents_in_bulk(13_900_000_002, 1, "$argon2id$unused").await.unwrap()[0];
    let BookingAttempt::Booked { booking, .. } = store.book(other, session, None).await.unwrap() else {
        panic!("booked")
    };
    store.cancel_booking(other, booking.id).await.unwrap();
    assert_eq!(next(&mut events, LiveKind::Cancelled).await.session_id, Some(session.0));
}

#[tokio::test]
async fn on_postgres_another_server_hears_a_booking_within_a_second() {
    if test_backend() != "postgres" {
        return; // One process on SQLite: nobody else to tell.
    }
    let url = fresh_database_url().await.unwrap();
    let a = store_on(&url).await;
    a.migrate().await.unwrap();
    a.seed_demo().await.unwrap();
    let b = store_on(&url).await;
    let mut heard_by_b = b.live_events();
    let session = a.seed_open_session("两台服务器", 5, true).await.unwrap();
    let resident = a.create_residents_in_bulk(13_900_000_003, 1, "$argon2id$unused").await.unwrap()[0];
    a.book(resident, session, None).await.unwrap();
    assert_eq!(next(&mut heard_by_b, LiveKind::Booked).await.session_id, Some(session.0));
}
