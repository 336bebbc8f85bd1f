//! The residents' islands: the only parts of their pages that run in the browser. Everything
//! else is rendered on the server and swapped in by the islands router, so a resident's phone
//! downloads just these (see ARCHITECTURE.md, "Islands"). The console's islands are in
//! `pages::staff`, compiled into the staff bundle only.

pub mod account_forms;
pub mod booking;
pub mod browser;
pub mod near_me;
pub mod prefs_toggles;
