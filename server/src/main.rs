//! `culture-cloud`: serve the platform, migrate the database, load data.

use clap::Parser;
use culture_cloud::cli::{run, Cli};

// mimalloc, not glibc's allocator: building the search index at start takes and frees a lot
// of memory on several threads, which glibc's per-thread arenas would keep (measured at
// city scale in bench/city.sh: about 260 MiB kept against about 100).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    culture_cloud::telemetry::init();
    culture_cloud::telemetry::log_panics();
    run(Cli::parse()).await
}
