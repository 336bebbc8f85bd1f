//! Migrations run on databases that hold data, not only on empty ones: a database made by the
//! migrations of an earlier release, with a booking that messages and idempotency keys point
//! at, migrates to today's schema with every row kept (SQLite rebuilds `bookings` in migration
//! 14; a rebuild that drops the table under its foreign keys fails only when rows point at it).

use std::path::Path;

use cc_domain::booking::BookingStatus;
use cc_domain::ids::{BookingId, ResidentId};
use cc_store::testing::{fresh_database_url, test_backend};
use cc_store::Store;
use sqlx::any::AnyPoolOptions;
use sqlx::Executor;

/// The last migration of the release before fair late promotions.
const EARLIER_RELEASE: &str = "20261204000013";

/// A migrator of `backend`'s migrations up to and including `last`.
async fn migrations_up_to(backend: &str, last: &str) -> sqlx::migrate::Migrator {
    let all = Path::new(env!("CARGO_MANIFEST_DIR")).join("../migrations").join(backend);
    let dir = std::env::temp_dir().join(format!("cc_migrations_{backend}_{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    for entry in std::fs::read_dir(&all).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        if name.as_str() <= last || name.starts_with(last) {
            std::fs::copy(all.join(&name), dir.join(&name)).unwrap();
        }
    }
    sqlx::migrate::Migrator::new(dir.as_path()).await.unwrap()
}

#[tokio::test]
async fn a_database_of_the_earlier_release_with_bookings_migrates_and_keeps_them() {
    sqlx::any::install_default_drivers();
    let backend = test_backend();
    let url = fresh_database_url().await.unwrap();
    let connect_url = if backend == "postgres" { url.clone() } else { format!("{url}?mode=rwc") };
    // One connection, so the PRAGMA holds for the migrations that follow.
    let pool = AnyPoolOptions::new().max_connections(1).connect(&connect_url).await.unwrap();
    if backend != "postgres" {
        pool.execute("PRAGMA foreign_keys = ON").await.unwrap();
    }
    migrations_up_to(&backend, EARLIER_RELEASE).await.run(&pool).await.unwrap();
    for statement in [
        "INSERT INTO streets (id, slug, name, name_en, position) VALUES (1, 'bajiao', '八角街道', 'Bajiao', 1)",
        "INSERT INTO facilities (id, name, level, street_id, address, lat, lng) VALUES (1, '八角文化中心', 'street', 1, '八角路1号', 39.9, 116.2)",
        "INSERT INTO service_items (id, title, description, provider, category_id, audience_id, facility_id, created_at, status) \
         VALUES (1, '京剧名段欣赏', '', '文化馆', (SELECT MIN(id) FROM categories), (SELECT MIN(id) FROM audiences), 1, 0, 'published')",
        "INSERT INTO sessions (id, item_id, starts_at, ends_at, capacity, remaining, booking_opens_at, booking_closes_at) \
         VALUES (1, 1, 4102444800, 4102452000, 5, 4, 0, 4102444800)",
        "INSERT INTO residents (id, phone, password_hash, created_at) VALUES (1, '13800000000', 'x', 0)",
        "INSERT INTO bookings (id, session_id, resident_id, status, code, created_at, updated_at) \
         VALUES (1, 1, 1, 'confirmed', 'ABCDEFGHJKMN', 0, 0)",
        "INSERT INTO idempotency_keys (resident_id, key, session_id, booking_id, created_at) VALUES (1, 'k', 1, 1, 0)",
        "INSERT INTO messages (resident_id, kind, item_title, starts_at, booking_id, created_at, sms_state) \
         VALUES (1, 'reminder', '京剧名段欣赏', 4102444800, 1, 0, 'none')",
    ] {
        pool.execute(statement).await.unwrap_or_else(|e| panic!("{statement}: {e}"));
    }
    pool.close().await;

    let store = Store::connect(&url).await.unwrap();
    store.migrate().await.expect("today's migrations run on a database that holds data");
    let kept = store.booking_of(ResidentId(1), BookingId(1)).await.unwrap().expect("the booking is kept");
    assert_eq!((kept.status, kept.code.as_deref()), (BookingStatus::Confirmed, Some("ABCDEFGHJKMN")));
    assert_eq!(store.messages_of(ResidentId(1), 10).await.unwrap().len(), 1, "its message still points at it");
    assert_eq!(store.integrity_problems().await.unwrap(), Vec::<String>::new());
}
