//! `culture-cloud`: serve the platform, migrate the database, load data.

use clap::Parser;
use culture_cloud::cli::{run, Cli};

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    culture_cloud::telemetry::init();
    culture_cloud::telemetry::log_panics();
    run(Cli::parse()).await
}
