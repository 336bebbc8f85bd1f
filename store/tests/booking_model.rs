//! A model-based test: random sequences of book / cancel / no-show / capacity changes / accepting
//! an offered place / the sweep passing on lapsed offers run against the real store and against a
//! model a reader can check by eye. After every step the answers and the counts agree, confirmed
//! never exceeds capacity, remaining is capacity minus the places held, the waitlist keeps its
//! order and nobody holds two active bookings.
//!
//! The session starts in an hour, so every freed place is *offered* (held ten minutes). The
//! sweep's clock runs ahead: its k-th run happens at `base + 1000·k` seconds, after every hold
//! made before it ended; from the fourth run on, the session has begun and nobody is offered.

use cc_domain::ids::{BookingId, ResidentId};
use std::collections::{HashMap, VecDeque};

use cc_domain::booking::BookingStatus;
use cc_domain::offer::OfferRule;
use cc_store::testing::fresh_database_url;
use cc_store::{AcceptOutcome, BookingAttempt, CancelOutcome, CapacityOutcome, Store};
use proptest::prelude::*;

const RESIDENTS: usize = 5;

#[derive(Debug, Clone)]
enum Step {
    Book(usize),
    Cancel(usize),
    NoShow(usize),
    SetCapacity(i64),
    Accept(usize),
    Sweep,
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        4 => (0..RESIDENTS).prop_map(Step::Book),
        2 => (0..RESIDENTS).prop_map(Step::Cancel),
        1 => (0..RESIDENTS).prop_map(Step::NoShow),
        1 => (0i64..5).prop_map(Step::SetCapacity),
        2 => (0..RESIDENTS).prop_map(Step::Accept),
        1 => Just(Step::Sweep),
    ]
}

/// What the store should do, written as plainly as possible.
#[derive(Debug, Default)]
struct Model {
    capacity: i64,
    waitlist_enabled: bool,
    confirmed: Vec<usize>,
    /// Offered places, held for these residents.
    offered: Vec<usize>,
    /// Residents whose latest booking's offer lapsed.
    lapsed: Vec<usize>,
    no_shows_here: Vec<usize>,
    waitlist: VecDeque<usize>,
    no_show_count: HashMap<usize, u32>,
    /// How many times the sweep has run (its clock: `base + 1000·sweeps`).
    sweeps: i64,
}

/// What a step should answer.
#[derive(Debug, PartialEq)]
enum Expect {
    Confirmed,
    Waitlisted,
    Refused(&'static str),
    Cancelled { promoted: Option<usize> },
    Nothing,
    CapacityChanged { promoted: Vec<usize> },
    CapacityRefused,
    Accept(AcceptOutcome),
    Swept(usize),
}

impl Model {
    fn held(&self) -> i64 {
        (self.confirmed.len() + self.offered.len() + self.no_shows_here.len()) as i64
    }

    /// The first in line is offered the place (before the session begins), or nobody.
    fn offer_next(&mut self, session_begun: bool) -> Option<usize> {
        let next = if session_begun { None } else { self.waitlist.pop_front() };
        self.offered.extend(next);
        next
    }

    fn apply(&mut self, step: &Step) -> Expect {
        match *step {
            Step::Book(r) => {
                if self.no_show_count.get(&r).copied().unwrap_or(0) >= 2 {
                    Expect::Refused("paused")
                } else if self.confirmed.contains(&r) || self.offered.contains(&r) || self.waitlist.contains(&r) {
                    Expect::Refused("duplicate")
                } else if self.held() < self.capacity {
                    self.lapsed.retain(|&l| l != r);
                    self.confirmed.push(r);
                    Expect::Confirmed
                } else if self.waitlist_enabled {
                    self.lapsed.retain(|&l| l != r);
                    self.waitlist.push_back(r);
                    Expect::Waitlisted
                } else {
                    Expect::Refused("full")
                }
            }
            Step::Cancel(r) => {
                if self.confirmed.contains(&r) || self.offered.contains(&r) {
                    self.confirmed.retain(|&c| c != r);
                    self.offered.retain(|&o| o != r);
                    Expect::Cancelled { promoted: self.offer_next(false) }
                } else if let Some(i) = self.waitlist.iter().position(|&w| w == r) {
                    self.waitlist.remove(i);
                    Expect::Cancelled { promoted: None }
                } else {
                    Expect::Nothing
                }
            }
            Step::NoShow(r) => {
                if let Some(i) = self.confirmed.iter().position(|&c| c == r) {
                    self.confirmed.remove(i);
                    self.no_shows_here.push(r);
                    *self.no_show_count.entry(r).or_default() += 1;
                }
                Expect::Nothing
            }
            Step::SetCapacity(c) => {
                if c < self.held() {
                    return Expect::CapacityRefused;
                }
                self.capacity = c;
                let mut promoted = Vec::new();
                while self.held() < c {
                    let Some(next) = self.offer_next(false) else { break };
                    promoted.push(next);
                }
                Expect::CapacityChanged { promoted }
            }
            Step::Accept(r) => Expect::Accept(if let Some(i) = self.offered.iter().position(|&o| o == r) {
                self.offered.remove(i);
                self.confirmed.push(r);
                AcceptOutcome::Accepted
            } else if self.confirmed.contains(&r) {
                AcceptOutcome::AlreadyConfirmed
            } else if self.lapsed.contains(&r) {
                AcceptOutcome::Lapsed
            } else {
                AcceptOutcome::NotOffered
            }),
            Step::Sweep => {
                self.sweeps += 1;
                let lapsing = std::mem::take(&mut self.offered);
                self.lapsed.extend(&lapsing);
                for _ in &lapsing {
                    self.offer_next(self.sweeps >= 4);
                }
                Expect::Swept(lapsing.len())
            }
        }
    }
}

/// Runs the steps on a new session of the store and checks it against the model.
async fn check(store: &Store, case: u64, capacity: i64, waitlist: bool, steps: &[Step]) {
    let base = cc_domain::time::now();
    let session = store.seed_open_session(&format!("模型测试 {case}"), capacity, waitlist).await.unwrap();
    let people = store
        .create_residents_in_bulk(13_000_000_000 + case * 100, RESIDENTS as u64, "$argon2id$unused")
        .await
        .unwrap();
    let who = |resident: ResidentId| people.iter().position(|&p| p == resident).unwrap();
    let mut model = Model { capacity, waitlist_enabled: waitlist, ..Model::default() };
    let mut booking_of: HashMap<usize, BookingId> = HashMap::new();
    for step in steps {
        let expected = model.apply(step);
        let actual = match *step {
            Step::Book(r) => match store.book(people[r], session, None).await.unwrap() {
                BookingAttempt::Booked { booking, .. } => {
                    booking_of.insert(r, booking.id);
                    match booking.status {
                        BookingStatus::Confirmed => Expect::Confirmed,
                        _ => Expect::Waitlisted,
                    }
                }
                BookingAttempt::Refused(refusal) => Expect::Refused(refusal.code()),
                other => panic!("unexpected {other:?}"),
            },
            Step::Cancel(r) => match booking_of.get(&r) {
                None => Expect::Nothing,
                Some(&id) => match store.cancel_booking(people[r], id).await.unwrap() {
                    CancelOutcome::Cancelled { promoted } => {
                        let promoted = promoted.map(|b| *booking_of.iter().find(|(_, &v)| v == b).unwrap().0);
                        Expect::Cancelled { promoted }
                    }
                    CancelOutcome::AlreadyCancelled | CancelOutcome::TooLate => Expect::Nothing,
                    CancelOutcome::NotFound => panic!("the resident's own booking was not found"),
                },
            },
            Step::NoShow(r) => {
                if let Some(&id) = booking_of.get(&r) {
                    store.mark_no_show(id).await.unwrap();
                }
                Expect::Nothing
            }
            Step::SetCapacity(c) => match store.set_session_capacity(session, c).await.unwrap() {
                CapacityOutcome::Changed { promoted } => Expect::CapacityChanged {
                    promoted: promoted
                        .iter()
                        .map(|b| *booking_of.iter().find(|(_, &v)| v == *b).unwrap().0)
                        .collect(),
                },
                CapacityOutcome::BelowHeld { .. } => Expect::CapacityRefused,
                CapacityOutcome::UnknownSession => panic!("the session vanished"),
            },
            Step::Accept(r) => Expect::Accept(match booking_of.get(&r) {
                None => AcceptOutcome::NotOffered,
                Some(&id) => store.accept_offer(people[r], id).await.unwrap(),
            }),
            Step::Sweep => Expect::Swept(store.pass_on_lapsed_offers(base + 1000 * model.sweeps).await.unwrap()),
        };
        assert_eq!(actual, expected, "after {step:?}");

        let counts = store.session_counts(session).await.unwrap().unwrap();
        assert!(counts.held <= counts.capacity, "{counts:?}");
        assert_eq!(counts.remaining, counts.capacity - counts.held, "{counts:?}");
        assert_eq!((counts.capacity, counts.held), (model.capacity, model.held()));
        let waitlist: Vec<usize> =
            store.waitlist_of(session).await.unwrap().into_iter().map(|(_, r)| who(r)).collect();
        assert_eq!(waitlist, Vec::from(model.waitlist.clone()), "waitlist order after {step:?}");
    }
    // Cases share a database: leave no offer for the next case's sweep to find.
    store.pass_on_lapsed_offers(base + 1_000_000).await.unwrap();
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn the_store_behaves_like_the_model(
        capacity in 0i64..4,
        waitlist in any::<bool>(),
        steps in prop::collection::vec(step(), 1..40),
    ) {
        static CASE: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
        let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
        runtime.block_on(async {
            let store = store().await;
            let case = CASE.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            check(&store, case, capacity, waitlist, &steps).await;
            store.close().await;
        });
    }
}

/// One database for all cases (each case books its own session with its own residents).
async fn store() -> Store {
    static URL: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    let rule = OfferRule { within: 24 * 3600, hold: 600 };
    if let Some(url) = URL.get() {
        return Store::connect(url).await.unwrap().with_offer_rule(rule);
    }
    let url = fresh_database_url().await.unwrap();
    let store = Store::connect(&url).await.unwrap().with_offer_rule(rule);
    store.migrate().await.unwrap();
    let _ = URL.set(url);
    store
}
