//! One module per route.

pub mod catalog;
pub mod coverage;
pub mod facilities;
pub mod facility;
pub mod home;
pub mod item;
pub mod map;
pub mod not_found;
