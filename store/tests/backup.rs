//! Backups that restore (SQLite; PostgreSQL uses pg_dump): a copy taken while a booking rush
//! is running restores into a new database that passes its check and holds every booking that
//! was confirmed before the backup began.

use std::collections::BTreeSet;

use cc_domain::booking::BookingStatus;
use cc_domain::ids::{BookingId, ResidentId, SessionId};
use cc_store::backup::BackupError;
use cc_store::testing::{fresh_database_url, fresh_store, test_backend};
use cc_store::{BookingAttempt, Store};

/// The confirmed bookings of `residents` at `session`, checking the session never oversold.
async fn confirmed_ids(store: &Store, session: SessionId, residents: &[ResidentId]) -> BTreeSet<BookingId> {
    let counts = store.session_counts(session).await.unwrap().unwrap();
    assert!(counts.confirmed <= counts.capacity);
    let mut ids = BTreeSet::new();
    for &resident in residents {
        for booking in store.bookings_of(resident).await.unwrap() {
            if booking.session_id == session && booking.status == BookingStatus::Confirmed {
                ids.insert(booking.id);
            }
        }
    }
    ids
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_backup_taken_during_a_rush_restores_with_every_confirmed_booking() {
    if test_backend() == "postgres" {
        eprintln!("skipped: PostgreSQL is backed up with pg_dump");
        return;
    }
    let store = fresh_store().await.unwrap();
    let session = store.seed_open_session("备份演练", 250, true).await.unwrap();
    let residents = store.create_residents_in_bulk(13_700_000_000, 400, "$argon2id$unused").await.unwrap();
    // A hundred bookings are in before the backup starts…
    for &resident in &residents[..100] {
        assert!(matches!(store.book(resident, session, None).await.unwrap(), BookingAttempt::Booked { .. }));
    }
    let before = confirmed_ids(&store, session, &residents).await;
    assert_eq!(before.len(), 100);
    // …and three hundred more race it.
    let rush: Vec<_> = residents[100..]
        .iter()
        .map(|&resident| {
            let store = store.clone();
            tokio::spawn(async move { store.book(resident, session, None).await.unwrap() })
        })
        .collect();
    let copy = std::env::temp_dir().join(format!("cc_backup_{}_{}.db", std::process::id(), session));
    let _ = std::fs::remove_file(&copy);
    store.backup_to(&copy).await.unwrap();
    for booking in rush {
        booking.await.unwrap();
    }
    assert!(matches!(store.backup_to(&copy).await, Err(BackupError::TargetExists(_))), "never overwrites");

    let restored = Store::connect(&fresh_database_url().await.unwrap()).await.unwrap();
    restored.restore_from(&copy).await.unwrap();
    restored.migrate().await.unwrap();
    assert_eq!(restored.integrity_problems().await.unwrap(), Vec::<String>::new());
    let after = confirmed_ids(&restored, session, &residents).await;
    assert!(before.is_subset(&after), "every booking confirmed before the backup is in it");
    assert!(after.is_subset(&confirmed_ids(&store, session, &residents).await));
    assert!(matches!(restored.restore_from(&copy).await, Err(BackupError::TargetNotEmpty)));
}

#[tokio::test]
async fn a_damaged_backup_is_refused() {
    if test_backend() == "postgres" {
        return;
    }
    let bad = std::env::temp_dir().join(format!("cc_backup_bad_{}.db", std::process::id()));
    std::fs::write(&bad, b"this is not a database").unwrap();
    let target = Store::connect(&fresh_database_url().await.unwrap()).await.unwrap();
    assert!(target.restore_from(&bad).await.is_err());
}
