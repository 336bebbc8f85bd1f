//! One module per route.

pub mod catalog;
pub mod home;
pub mod item;
pub mod not_found;
