//! Culture Cloud's storage: one [`Store`] over SQLite (the embedded default) or PostgreSQL (for
//! scale-out), chosen by the URL's scheme.
//!
//! Both backends run the same SQL through sqlx's `Any` driver. That is why times are stored as
//! UTC seconds and ids as 64-bit integers: `Any` has no date, uuid or json types, and plain
//! integers keep every query portable. Each backend has its own `migrations/` folder because DDL
//! (identity columns, floating types) is where the dialects differ.

mod attempts;
mod audit;
pub mod backup;
mod authoring;
pub mod bookings;
mod catalog;
mod connect;
mod console_lists;
mod dashboard;
mod editing;
mod error;
mod facilities;
mod integrity;
pub mod live;
mod media;
pub mod residents;
pub mod second_factor;
pub mod seed;
pub mod staff;
pub mod testing;
mod web_sessions;
pub mod write;

pub use authoring::StaffItem;
pub use bookings::{Booking, BookingAttempt, CancelOutcome, CapacityOutcome, CheckInOutcome, SessionCounts};
pub use connect::{Backend, Store};
pub use console_lists::{ConsoleItem, ConsoleSession, DoorEntry};
pub use error::StoreError;
pub use media::StoredImage;
pub use write::{FacilityChange, FacilityRecord, NewFacility, NewItem, NewSession};
