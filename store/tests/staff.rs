//! Staff accounts, the append-only audit log, check-in and no-shows, on a real database.

use cc_domain::booking::BookingStatus;
use cc_domain::ids::StaffId;
use cc_domain::ids::{BookingId, SessionId};
use cc_domain::staff::{Role, StaffScope};
use cc_store::staff::{AuditEntry, NewStaff};
use cc_store::testing::fresh_store;
use cc_store::{BookingAttempt, CheckInOutcome, Store};

async fn staff(store: &Store, username: &str, scope: StaffScope) -> Option<i64> {
    let new = NewStaff {
        username,
        display_name: "测试",
        password_hash: "$argon2id$unused",
        scope: &scope,
        organisation: None,
        created_by: None,
    };
    store.create_staff(&new).await.unwrap()
}

fn district() -> StaffScope {
    StaffScope { role: Role::DistrictAdmin, street_id: None, facility_ids: vec![] }
}

async fn booked(store: &Store, session: SessionId, phone: u64) -> (BookingId, String) {
    let resident = store.create_residents_in_bulk(phone, 1, "$argon2id$unused").await.unwrap()[0];
    match store.book(resident, session, None).await.unwrap() {
        BookingAttempt::Booked { booking, .. } => (booking.id, booking.code),
        other => panic!("{other:?}"),
    }
}

/// Moves a session into the past (it began two hours ago and is over).
async fn end_session(store: &Store, session: SessionId) {
    let now = cc_domain::time::now();
    let mut tx = store.begin().await.unwrap();
    sqlx::query(
        "UPDATE sessions SET booking_opens_at = $1, booking_closes_at = $2, starts_at = $2, ends_at = $3 WHERE id = $4",
    )
    .bind(now - 7200)
    .bind(now - 3600)
    .bind(now - 60)
    .bind(session.0)
    .execute(&mut *tx)
    .await
    .unwrap();
    tx.commit().await.unwrap();
}

#[tokio::test]
async fn staff_accounts_keep_their_scope_and_usernames_are_unique() {
    let store = fresh_store().await.unwrap();
    store.seed_demo().await.unwrap();
    let bajiao = store.street_id("bajiao").await.unwrap().unwrap();
    let scope = StaffScope { role: Role::StreetAdmin, street_id: Some(bajiao), facility_ids: vec![] };
    let id = staff(&store, "bajiao-admin", scope.clone()).await.unwrap();
    assert_eq!(staff(&store, "bajiao-admin", district()).await, None);
    let member = store.staff_member(StaffId(id)).await.unwrap().unwrap();
    assert_eq!(member.scope, scope);
    assert!(store.set_staff_disabled(StaffId(id), true).await.unwrap());
    assert!(store.staff_member(StaffId(id)).await.unwrap().unwrap().disabled);
}

#[tokio::test]
async fn a_second_factor_is_confirmed_once_and_each_step_and_recovery_code_works_once() {
    let store = fresh_store().await.unwrap();
    let id = staff(&store, "admin", district()).await.unwrap();
    assert_eq!(store.second_factor(id).await.unwrap(), None);
    assert!(store.set_unconfirmed_second_factor(id, "SECRETONE").await.unwrap());
    assert!(!store.use_second_factor_step(id, 10).await.unwrap(), "not confirmed yet");
    let hashes = vec!["h1".to_string(), "h2".to_string()];
    assert!(store.confirm_second_factor(id, 10, &hashes, 1_000).await.unwrap());
    assert!(!store.confirm_second_factor(id, 11, &hashes, 1_001).await.unwrap(), "confirmed once");
    assert!(!store.set_unconfirmed_second_factor(id, "SECRETTWO").await.unwrap(), "a confirmed secret stays");
    assert!(store.staff_login("admin").await.unwrap().unwrap().has_second_factor);
    assert!(!store.use_second_factor_step(id, 10).await.unwrap(), "the confirming step is spent");
    assert!(store.use_second_factor_step(id, 11).await.unwrap());
    assert!(!store.use_second_factor_step(id, 11).await.unwrap(), "a code works once");
    assert!(store.use_recovery_code(id, "h1", 2_000).await.unwrap());
    assert!(!store.use_recovery_code(id, "h1", 2_001).await.unwrap());
    assert!(!store.use_recovery_code(id, "nope", 2_001).await.unwrap());
    assert_eq!(store.recovery_codes_left(id).await.unwrap(), 1);
}

#[tokio::test]
async fn the_audit_log_can_be_added_to_but_never_changed_or_emptied() {
    let store = fresh_store().await.unwrap();
    let id = staff(&store, "admin", district()).await.unwrap();
    let entry = AuditEntry {
        staff_id: Some(id),
        role: "district_admin".into(),
        action: "check_in".into(),
        object_type: "booking".into(),
        object_id: Some(1),
        client: "127.0.0.1".into(),
        ..AuditEntry::default()
    };
    store.append_audit(&entry).await.unwrap();
    assert_eq!(store.audit_entries(Some(id), 10).await.unwrap(), vec![entry]);
    let mut tx = store.begin().await.unwrap();
    let update = sqlx::query("UPDATE audit_log SET action = 'nothing'").execute(&mut *tx).await;
    assert!(update.is_err(), "an update of the audit log was accepted");
    drop(tx);
    let mut tx = store.begin().await.unwrap();
    assert!(sqlx::query("DELETE FROM audit_log").execute(&mut *tx).await.is_err(), "a delete was accepted");
    drop(tx);
    assert_eq!(store.audit_entries(None, 10).await.unwrap().len(), 1);
}

#[tokio::test]
async fn a_ticket_checks_in_once_and_only_at_its_own_session() {
    let store = fresh_store().await.unwrap();
    let admin = staff(&store, "admin", district()).await.unwrap();
    let session = store.seed_open_session("京剧名段欣赏", 1, true).await.unwrap();
    let other = store.seed_open_session("评剧折子戏", 5, true).await.unwrap();
    let (booking, code) = booked(&store, session, 13_800_000_001).await;
    let (_, waiting_code) = booked(&store, session, 13_800_000_002).await;

    assert_eq!(store.check_in(other, &code, None, admin).await.unwrap(), CheckInOutcome::OtherSession);
    assert_eq!(store.check_in(session, "NOSUCHCODE00", None, admin).await.unwrap(), CheckInOutcome::Unknown);
    assert_eq!(
        store.check_in(session, &code, Some(BookingId(booking.0 + 1)), admin).await.unwrap(),
        CheckInOutcome::Unknown
    );
    assert_eq!(
        store.check_in(session, &code.to_lowercase(), Some(booking), admin).await.unwrap(),
        CheckInOutcome::CheckedIn { booking_id: booking, phone: "13800000001".into() },
        "the holder is named, for the door to say who came"
    );
    assert!(matches!(
        store.check_in(session, &code, None, admin).await.unwrap(),
        CheckInOutcome::AlreadyCheckedIn { booking_id, .. } if booking_id == booking
    ));
    assert_eq!(
        store.check_in(session, &waiting_code, None, admin).await.unwrap(),
        CheckInOutcome::NoPlace(BookingStatus::Waitlisted)
    );
}

#[tokio::test]
async fn after_a_session_ends_unchecked_bookings_become_no_shows_and_two_pause_booking() {
    let store = fresh_store().await.unwrap();
    let admin = staff(&store, "admin", district()).await.unwrap();
    let resident = store.create_residents_in_bulk(13_800_000_009, 1, "$argon2id$unused").await.unwrap()[0];
    for title in ["讲座一", "讲座二"] {
        let session = store.seed_open_session(title, 5, false).await.unwrap();
        assert!(matches!(store.book(resident, session, None).await.unwrap(), BookingAttempt::Booked { .. }));
        let (came, code) = booked(&store, session, 13_800_000_100 + title.len() as u64).await;
        assert!(matches!(
            store.check_in(session, &code, None, admin).await.unwrap(),
            CheckInOutcome::CheckedIn { booking_id, .. } if booking_id == came
        ));
        end_session(&store, session).await;
    }
    assert_eq!(
        store.record_no_shows(cc_domain::time::now()).await.unwrap(),
        2,
        "only the resident who did not come"
    );
    assert!(store.booking_paused_until(resident).await.unwrap().is_some());
    assert_eq!(store.integrity_problems().await.unwrap(), Vec::<String>::new());
}
