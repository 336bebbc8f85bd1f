//! The work plan's tasks: read whole (owners, milestones, evidence, the readings kept when a
//! milestone was done), changed field by field, milestones marked done once with the live
//! figures of that moment, evidence added, and residents' comments moderated.

mod comments;
mod measures;
mod tasks;

pub use comments::Decided;
pub use measures::Network;
pub use tasks::{Completed, NewEvidence};
