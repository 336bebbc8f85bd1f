//! What residents do, written once for the API and the residents' pages: book a session (or
//! join its waitlist), cancel, accept a place offered late, review what they attended, read
//! their bookings, tickets and messages, and see who they are.
//! The door has already found who is logged in; every booking and message here is looked up as
//! *theirs*, so another resident's answers exactly as one that does not exist.

mod bookings;
pub mod demands;
pub mod fund_application;
pub mod objection;
mod me;
pub mod messages;
pub mod organisation;
pub mod plan_comment;
pub mod reviews;

pub use bookings::{accept, book, booking, bookings, cancel, ticket_token, Booked};
pub use me::{who_am_i, Me};
