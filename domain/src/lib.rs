//! Culture Cloud's domain: the words of the product (catalogue, streets, sessions) as types,
//! and the rules that need no I/O (parsing input, search ranking, time in the district's zone).
//!
//! Everything here compiles for the server and for the browser, so the same parsing runs on
//! both sides of a form.

pub mod account;
pub mod authoring;
pub mod booking;
pub mod calendar;
pub mod catalog;
pub mod compliance;
pub mod compliance_table;
pub mod dashboard;
pub mod evaluation;
pub mod demand;
pub mod door;
pub mod facility;
pub mod fund;
pub mod geo;
pub mod heritage;
pub mod ids;
pub mod image;
mod image_format;
pub mod live;
pub mod locale;
pub mod messages;
pub mod offer;
pub mod opening;
pub mod organisation;
pub mod plan;
pub mod query;
pub mod redirect;
pub mod review;
pub mod search;
pub mod session_change;
pub mod staff;
#[cfg(feature = "tickets")]
pub mod ticket;
pub mod time;
pub mod training;
pub mod vocabulary;
pub mod workflow;

pub use catalog::*;
pub use facility::{FacilityProfile, FacilityQuery, FacilitySummary, SessionAtFacility};
pub use geo::LatLng;
pub use locale::Locale;
pub use query::{CatalogQuery, ParamError, ParamProblem, Sort};
pub use search::SearchQuery;
