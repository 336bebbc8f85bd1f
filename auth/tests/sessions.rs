//! Login sessions stored in the database: logging in changes the id, and sessions end at their
//! absolute limit however busy they are.

use std::sync::Arc;

use cc_auth::{current_resident, log_in, log_out, DbSessionStore, SessionLimits};
use cc_store::testing::fresh_store;
use tower_sessions::Session;

async fn new_session() -> (Session, DbSessionStore) {
    let store = DbSessionStore::new(fresh_store().await.unwrap());
    (Session::new(None, Arc::new(store.clone()), None), store)
}

#[tokio::test]
async fn logging_in_stores_the_resident_under_a_new_id() {
    let (session, _) = new_session().await;
    session.insert("visited", true).await.unwrap();
    session.save().await.unwrap();
    let before = session.id();
    log_in(&session, 42).await.unwrap();
    session.save().await.unwrap();
    assert_ne!(session.id(), before, "a new session id at login");
    assert_eq!(current_resident(&session, SessionLimits::default()).await.unwrap(), Some(42));
}

#[tokio::test]
async fn a_session_past_its_absolute_limit_is_ended() {
    let (session, _) = new_session().await;
    log_in(&session, 42).await.unwrap();
    let expired = SessionLimits { absolute_secs: -1, ..SessionLimits::default() };
    assert_eq!(current_resident(&session, expired).await.unwrap(), None);
    assert_eq!(current_resident(&session, SessionLimits::default()).await.unwrap(), None, "it is gone");
}

#[tokio::test]
async fn a_saved_session_loads_from_the_database_and_logging_out_deletes_it() {
    let (session, store) = new_session().await;
    log_in(&session, 7).await.unwrap();
    session.save().await.unwrap();
    let id = session.id();
    let reloaded = Session::new(id, Arc::new(store.clone()), None);
    assert_eq!(current_resident(&reloaded, SessionLimits::default()).await.unwrap(), Some(7));
    log_out(&reloaded).await.unwrap();
    let again = Session::new(id, Arc::new(store), None);
    assert_eq!(current_resident(&again, SessionLimits::default()).await.unwrap(), None);
}
