//! Culture Cloud's use cases, one layer for every door: each is one function that checks who
//! may act, calls the store, writes the audit line where staff act, and returns a domain
//! result or a [`ServiceError`]. The REST API (`server`) and the server functions (`app`) only
//! extract, call and serialise.
//!
//! - [`residents`]: what residents do (book, cancel, their bookings and tickets, who they are).
//! - [`staff`]: what staff do (scope per object, publishing, check-in, records, accounts).
//! - [`fund`]: the heritage fund's calls and categories as anyone reads them.
//! - [`heritage`]: the intangible-heritage registry as anyone reads it.
//! - [`plan`]: the work plan as the public follows it.
//! - [`training`]: a training ticket and a certificate as anyone with their address reads them.
//! - [`feeds`]: calendar feeds of a street, a facility, a category or a resident's bookings.
//! - [`delivery`]: what servers do on their own (SMS from the outbox, reminders).

pub mod delivery;
pub mod feeds;
mod error;
pub mod fund;
pub mod heritage;
pub mod plan;
pub mod residents;
pub mod staff;
pub mod training;

pub use error::ServiceError;
