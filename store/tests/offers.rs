//! Fair late promotions against a real database (SQLite, or PostgreSQL with
//! `CC_TEST_BACKEND=postgres`): a place freed close to the start is offered and held, accepted
//! or passed on, and never makes anyone a no-show.

use cc_domain::booking::BookingStatus;
use cc_domain::ids::{BookingId, ResidentId, SessionId};
use cc_domain::messages::MessageKind;
use cc_domain::offer::OfferRule;
use cc_domain::time::now;
use cc_store::testing::fresh_store;
use cc_store::{AcceptOutcome, BookingAttempt, CancelOutcome, Store};

/// Half an hour's hold, offered within a day of the start (the session starts in an hour).
const RULE: OfferRule = OfferRule { within: 24 * 3600, hold: 1800 };

/// A session of one place starting in an hour: its holder and two residents waiting, in line.
async fn full_session_with_two_waiting(store: &Store) -> (SessionId, Vec<(ResidentId, BookingId)>) {
    let session = store.seed_open_session("非遗剪纸体验课", 1, true).await.unwrap();
    let people = store.create_residents_in_bulk(13_900_000_000, 3, "$argon2id$unused").await.unwrap();
    let mut bookings = Vec::new();
    for resident in people {
        match store.book(resident, session, None).await.unwrap() {
            BookingAttempt::Booked { booking, .. } => bookings.push((resident, booking.id)),
            other => panic!("expected a booking, got {other:?}"),
        }
    }
    (session, bookings)
}

async fn status(store: &Store, (resident, booking): (ResidentId, BookingId)) -> BookingStatus {
    store.booking_of(resident, booking).await.unwrap().unwrap().status
}

#[tokio::test]
async fn a_place_freed_close_to_the_start_is_offered_held_and_told_not_given() {
    let store = fresh_store().await.unwrap().with_offer_rule(RULE);
    let (session, b) = full_session_with_two_waiting(&store).await;
    let before = now();
    assert_eq!(store.cancel_booking(b[0].0, b[0].1).await.unwrap(), CancelOutcome::Cancelled { promoted: Some(b[1].1) });

    let offered = store.booking_of(b[1].0, b[1].1).await.unwrap().unwrap();
    assert_eq!(offered.status, BookingStatus::Offered);
    assert_eq!(offered.code, None, "no ticket before the place is accepted");
    let until = offered.offered_until.expect("an offer says until when").timestamp();
    assert!((before + 1800..=now() + 1800).contains(&until), "held for half an hour: {until}");
    let counts = store.session_counts(session).await.unwrap().unwrap();
    assert_eq!((counts.remaining, counts.held, counts.waitlisted), (0, 1, 1), "the offered place is held");
    assert_eq!(store.integrity_problems().await.unwrap(), Vec::<String>::new());

    let told = store.messages_of(b[1].0, 10).await.unwrap();
    assert_eq!(told.len(), 1);
    assert_eq!((told[0].kind, told[0].deadline), (MessageKind::PlaceOffered, Some(until)));
}

#[tokio::test]
async fn an_accepted_offer_is_a_ticket_and_accepting_twice_changes_nothing() {
    let store = fresh_store().await.unwrap().with_offer_rule(RULE);
    let (session, b) = full_session_with_two_waiting(&store).await;
    store.cancel_booking(b[0].0, b[0].1).await.unwrap();

    assert_eq!(store.accept_offer(b[1].0, b[1].1).await.unwrap(), AcceptOutcome::Accepted);
    let accepted = store.booking_of(b[1].0, b[1].1).await.unwrap().unwrap();
    assert_eq!(accepted.status, BookingStatus::Confirmed);
    assert!(accepted.code.is_some() && accepted.offered_until.is_none());
    assert_eq!(store.accept_offer(b[1].0, b[1].1).await.unwrap(), AcceptOutcome::AlreadyConfirmed);
    assert_eq!(store.accept_offer(b[2].0, b[2].1).await.unwrap(), AcceptOutcome::NotOffered, "still waiting");
    assert_eq!(store.accept_offer(b[2].0, b[1].1).await.unwrap(), AcceptOutcome::NotFound, "not theirs");
    assert_eq!(store.pass_on_lapsed_offers(now() + 7200).await.unwrap(), 0, "an accepted place stays");
    let counts = store.session_counts(session).await.unwrap().unwrap();
    assert_eq!((counts.remaining, counts.confirmed, counts.waitlisted), (0, 1, 1));
}

#[tokio::test]
async fn an_offer_not_accepted_in_time_passes_on_and_is_never_a_no_show() {
    let store = fresh_store().await.unwrap().with_offer_rule(RULE);
    let (session, b) = full_session_with_two_waiting(&store).await;
    store.cancel_booking(b[0].0, b[0].1).await.unwrap();
    let until = store.booking_of(b[1].0, b[1].1).await.unwrap().unwrap().offered_until.unwrap().timestamp();

    assert_eq!(store.pass_on_lapsed_offers(until - 1).await.unwrap(), 0, "still held");
    assert_eq!(store.pass_on_lapsed_offers(until).await.unwrap(), 1);
    assert_eq!(status(&store, b[1]).await, BookingStatus::Lapsed);
    assert_eq!(status(&store, b[2]).await, BookingStatus::Offered, "the next in line is offered it");
    assert_eq!(store.accept_offer(b[1].0, b[1].1).await.unwrap(), AcceptOutcome::Lapsed);
    assert_eq!(store.messages_of(b[2].0, 10).await.unwrap()[0].kind, MessageKind::PlaceOffered);

    // The second offer is held until the start at the latest; then nobody is left to take it.
    let starts_at = store.session_schedule(session).await.unwrap().unwrap().starts_at;
    assert_eq!(store.pass_on_lapsed_offers(starts_at).await.unwrap(), 1);
    assert_eq!(status(&store, b[2]).await, BookingStatus::Lapsed);
    let counts = store.session_counts(session).await.unwrap().unwrap();
    assert_eq!((counts.remaining, counts.held), (1, 0), "the place is free again");

    let ends_at = store.session_schedule(session).await.unwrap().unwrap().ends_at;
    assert_eq!(store.record_no_shows(ends_at).await.unwrap(), 0, "nobody accepted, so nobody missed it");
    assert_eq!(store.integrity_problems().await.unwrap(), Vec::<String>::new());
}

#[tokio::test]
async fn an_offer_found_lapsed_on_accepting_passes_on_at_once() {
    // A hold that ends as it begins: the resident accepts after it, before the sweep has run.
    let store = fresh_store().await.unwrap().with_offer_rule(OfferRule { within: 24 * 3600, hold: 0 });
    let (_, b) = full_session_with_two_waiting(&store).await;
    store.cancel_booking(b[0].0, b[0].1).await.unwrap();
    assert_eq!(status(&store, b[1]).await, BookingStatus::Offered);
    assert_eq!(store.accept_offer(b[1].0, b[1].1).await.unwrap(), AcceptOutcome::Lapsed);
    assert_eq!(status(&store, b[2]).await, BookingStatus::Offered);
}

#[tokio::test]
async fn declining_an_offer_passes_it_on_like_a_cancelled_place() {
    let store = fresh_store().await.unwrap().with_offer_rule(RULE);
    let (_, b) = full_session_with_two_waiting(&store).await;
    store.cancel_booking(b[0].0, b[0].1).await.unwrap();
    assert_eq!(store.cancel_booking(b[1].0, b[1].1).await.unwrap(), CancelOutcome::Cancelled { promoted: Some(b[2].1) });
    assert_eq!(status(&store, b[2]).await, BookingStatus::Offered);
}

#[tokio::test]
async fn far_from_the_start_a_freed_place_is_confirmed_at_once() {
    let store = fresh_store().await.unwrap().with_offer_rule(OfferRule { within: 0, hold: 1800 });
    let (_, b) = full_session_with_two_waiting(&store).await;
    store.cancel_booking(b[0].0, b[0].1).await.unwrap();
    assert_eq!(status(&store, b[1]).await, BookingStatus::Confirmed);
    assert_eq!(store.messages_of(b[1].0, 10).await.unwrap()[0].kind, MessageKind::WaitlistPromoted);
}

#[tokio::test]
async fn a_cancelled_session_ends_its_offers_and_a_moved_one_never_holds_them_past_its_start() {
    let store = fresh_store().await.unwrap().with_offer_rule(OfferRule { within: 24 * 3600, hold: 7200 });
    let (session, b) = full_session_with_two_waiting(&store).await;
    store.cancel_booking(b[0].0, b[0].1).await.unwrap();
    let mut schedule = store.session_schedule(session).await.unwrap().unwrap();
    schedule.starts_at -= 1800;
    let window = cc_domain::session_change::BookingSettings { opens_at: now() - 3600, closes_at: schedule.starts_at, waitlist: true };
    store.move_session(session, &schedule, window).await.unwrap();
    let offered = store.booking_of(b[1].0, b[1].1).await.unwrap().unwrap();
    assert_eq!(offered.offered_until.unwrap().timestamp(), schedule.starts_at);

    store.cancel_session(session, "场馆停电").await.unwrap();
    assert_eq!(status(&store, b[1]).await, BookingStatus::Cancelled);
    let kinds: Vec<_> = store.messages_of(b[1].0, 10).await.unwrap().into_iter().map(|m| m.kind).collect();
    assert_eq!(kinds, [MessageKind::SessionCancelled, MessageKind::SessionChanged, MessageKind::PlaceOffered]);
    assert_eq!(store.integrity_problems().await.unwrap(), Vec::<String>::new());
}
