//! The Culture Cloud server: configuration, start-up, the open-data API and the CLI.
//! Pages and server functions live in the `app` crate; storage in `cc-store`.

pub mod api;
pub mod assets;
pub mod cli;
pub mod config;
mod cross_site;
mod headers;
mod page_cache;
pub mod precompressed;
mod pwa;
mod safety;
mod seo;
mod serve;
pub mod startup;
pub mod stopping;
pub mod telemetry;
