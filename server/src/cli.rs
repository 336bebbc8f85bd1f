//! The command line: `serve` (default), `migrate`, `seed demo`, `seed synthetic --items N`.

use cc_store::Store;
use clap::{Parser, Subcommand};

use crate::config::Config;
use crate::startup::Application;

/// Culture Cloud (公共文化云): the district's public cultural service platform.
#[derive(Debug, Parser)]
#[command(name = "culture-cloud", version)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Migrate the database and serve the site and API (the default).
    Serve,
    /// Apply pending migrations and exit.
    Migrate,
    /// Load data into the database.
    Seed {
        #[command(subcommand)]
        what: SeedCommand,
    },
}

#[derive(Debug, Subcommand)]
pub enum SeedCommand {
    /// The Shijingshan demo: streets, communities, facilities, catalogue, sessions (idempotent).
    Demo,
    /// N deterministic synthetic items on top of the demo network, for benchmarks.
    Synthetic {
        #[arg(long)]
        items: usize,
    },
}

/// Runs one command to completion.
pub async fn run(cli: Cli) -> anyhow::Result<()> {
    let config = Config::from_env()?;
    match cli.command.unwrap_or(Command::Serve) {
        Command::Serve => Application::build(&config).await?.run_until_stopped().await?,
        Command::Migrate => {
            open(&config).await?.close().await;
            println!("migrations applied to {}", redact(&config.database_url));
        }
        Command::Seed { what } => {
            let store = open(&config).await?;
            let report = match what {
                SeedCommand::Demo => store.seed_demo().await?,
                SeedCommand::Synthetic { items } => store.seed_synthetic(items).await?,
            };
            store.close().await;
            if report.already_present {
                println!("demo data already present; nothing to do");
            } else {
                println!(
                    "loaded {} streets, {} communities, {} facilities, {} items, {} sessions",
                    report.streets, report.communities, report.facilities, report.items, report.sessions
                );
            }
        }
    }
    Ok(())
}

async fn open(config: &Config) -> anyhow::Result<Store> {
    let store = Store::connect(&config.database_url).await?;
    store.migrate().await?;
    Ok(store)
}

/// The URL without its password, for messages.
fn redact(url: &str) -> String {
    match (url.find("://"), url.find('@')) {
        (Some(scheme), Some(at)) if at > scheme => {
            let userinfo = &url[scheme + 3..at];
            let user = userinfo.split(':').next().unwrap_or("");
            format!("{}{user}:***{}", &url[..scheme + 3], &url[at..])
        }
        _ => url.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::redact;

    #[test]
    fn passwords_never_reach_the_terminal() {
        assert_eq!(redact("postgres://cc:secret@db/cc"), "postgres://cc:***@db/cc");
        assert_eq!(redact("sqlite://data/culture.db"), "sqlite://data/culture.db");
    }
}
