//! Culture Cloud's storage: one [`Store`] over SQLite (the embedded default) or PostgreSQL (for
//! scale-out), chosen by the URL's scheme.
//!
//! Both backends run the same SQL through sqlx's `Any` driver. That is why times are stored as
//! UTC seconds and ids as 64-bit integers: `Any` has no date, uuid or json types, and plain
//! integers keep every query portable. Each backend has its own `migrations/` folder because DDL
//! (identity columns, floating types) is where the dialects differ.
//!
//! One module per subject, each adding its methods to `Store` (find a query by its subject):
//! the catalogue (`catalog`, `items`: adding items and sessions), the network (`network`:
//! adding streets and facilities; `facilities`: reading them; `facility_records`: the facts
//! staff keep and the standards), bookings (`bookings`), messages to residents and their SMS outbox (`messages`, `outbox`), accounts (`residents`, `staff`,
//! `second_factor`, `web_sessions`, `attempts`), staff work (`authoring`, `editing`, `media`,
//! `console_lists`), the audit log (`audit`), live figures (`dashboard`, `live`), and
//! operations (`connect`, `backup`, `integrity`, `seed`, `testing`).

mod attempts;
mod audit;
mod authoring;
pub mod backup;
pub mod bookings;
mod catalog;
mod connect;
mod console_lists;
mod dashboard;
pub mod demands;
mod editing;
mod evaluation;
mod error;
mod facilities;
mod facility_records;
pub mod feeds;
pub mod fund;
pub mod fund_applications;
pub mod fund_notice;
pub mod fund_reviews;
pub mod heritage;
mod integrity;
pub mod items;
pub mod live;
mod media;
pub mod messages;
mod outbox;
mod schema_fixes;
mod search;
pub mod network;
pub mod organisations;
pub mod plan;
pub mod residents;
pub mod reviews;
pub mod second_factor;
pub mod seed;
pub mod staff;
pub mod testing;
pub mod training;
pub mod vocabulary;
mod web_sessions;

pub use authoring::StaffItem;
pub use bookings::{AcceptOutcome, Booking, BookingAttempt, CancelOutcome, CapacityOutcome, CheckInOutcome, SessionCounts};
pub use connect::{Backend, Store};
pub use console_lists::{ConsoleItem, ConsoleSession, DoorEntry, FacilityChoice};
pub use error::StoreError;
pub use facility_records::{FacilityChange, FacilityFacts, FacilityRecord};
pub use items::{NewItem, NewSession};
pub use media::StoredImage;
pub use network::NewFacility;
