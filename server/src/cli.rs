//! The command line: `serve` (default), `migrate`, `check`, `backup`, `restore`, `admin create`,
//! `seed demo`, `seed synthetic --items N`, and the load-test helpers `seed rush` (a session
//! open for booking) and `seed residents`.

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
    /// Check the database (engine integrity, booking counts); exit 1 on any problem.
    Check,
    /// Write a consistent copy of the SQLite database to PATH (a new file), also while serving.
    /// On PostgreSQL use pg_dump (see the README).
    Backup { path: std::path::PathBuf },
    /// Restore a copy made by `backup` into DATABASE_URL, which must be a new, empty database;
    /// then migrate it and check it.
    Restore { path: std::path::PathBuf },
    /// Staff accounts.
    Admin {
        #[command(subcommand)]
        what: AdminCommand,
    },
    /// Print the API's OpenAPI document (the one served at /api/v1/openapi.json), e.g. to
    /// generate a client; needs no database.
    Openapi,
    /// Load data into the database.
    Seed {
        #[command(subcommand)]
        what: SeedCommand,
    },
}

#[derive(Debug, Subcommand)]
pub enum AdminCommand {
    /// Create a staff account (the first district admin, typically). The password is read from
    /// `CC_ADMIN_PASSWORD`, or else from the first line of standard input.
    Create {
        #[arg(long)]
        username: String,
        #[arg(long)]
        name: String,
        /// district_admin, street_admin, facility_manager, reviewer or provider.
        #[arg(long)]
        role: String,
        /// The street's slug, for a street admin.
        #[arg(long)]
        street: Option<String>,
        /// A facility's id, for a facility manager (repeat for several).
        #[arg(long)]
        facility: Vec<i64>,
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
    /// A published session open for booking now; prints `{"session_id":…}`.
    Rush {
        /// Places in the session.
        #[arg(long, default_value_t = 200)]
        capacity: i64,
        /// Refuse when full instead of keeping a waitlist.
        #[arg(long)]
        no_waitlist: bool,
        #[arg(long, default_value = "新年音乐会（抢票演练）")]
        title: String,
    },
    /// COUNT residents with consecutive numbers from FIRST_PHONE sharing one password, for load tests.
    Residents {
        #[arg(long)]
        count: u64,
        #[arg(long, default_value_t = 13_900_000_000)]
        first_phone: u64,
        #[arg(long, default_value = "culture cloud load test")]
        password: String,
        /// Also log each one in and write their session cookies (`cc_session=…`), one per line.
        #[arg(long)]
        sessions_out: Option<std::path::PathBuf>,
    },
}

/// Runs one command to completion.
pub async fn run(cli: Cli) -> anyhow::Result<()> {
    let command = cli.command.unwrap_or(Command::Serve);
    if let Command::Openapi = command {
        println!("{}", crate::api::document());
        return Ok(());
    }
    let config = Config::from_env()?;
    match command {
        Command::Serve => Application::build(&config).await?.run_until_stopped().await?,
        Command::Openapi => unreachable!("answered before the configuration is needed"),
        Command::Migrate => {
            open(&config).await?.close().await;
            println!("migrations applied to {}", redact(&config.database_url));
        }
        Command::Check => {
            let store = open(&config).await?;
            let problems = store.integrity_problems().await?;
            store.close().await;
            if !problems.is_empty() {
                problems.iter().for_each(|p| eprintln!("problem: {p}"));
                anyhow::bail!("{} problems in {}", problems.len(), redact(&config.database_url));
            }
            println!(
                "ok: {} passes its integrity check and every session's places add up",
                redact(&config.database_url)
            );
        }
        Command::Backup { path } => {
            let store = Store::connect(&config.database_url).await?;
            store.backup_to(&path).await?;
            store.close().await;
            println!("backed up {} to {}", redact(&config.database_url), path.display());
        }
        Command::Restore { path } => {
            let store = Store::connect(&config.database_url).await?;
            store.restore_from(&path).await?;
            store.migrate().await?;
            let problems = store.integrity_problems().await?;
            store.close().await;
            anyhow::ensure!(problems.is_empty(), "restored, but the check found: {}", problems.join("; "));
            println!("restored {} into {}; it passes its check", path.display(), redact(&config.database_url));
        }
        Command::Admin { what: AdminCommand::Create { username, name, role, street, facility } } => {
            let store = open(&config).await?;
            let id = create_admin(&store, &username, &name, &role, street.as_deref(), facility).await?;
            store.close().await;
            println!("staff account {id} `{username}` created ({role})");
        }
        Command::Seed { what: SeedCommand::Rush { capacity, no_waitlist, title } } => {
            let store = open(&config).await?;
            let session = store.seed_open_session(&title, capacity, !no_waitlist).await?;
            store.close().await;
            println!(
                "{}",
                serde_json::json!({ "session_id": session, "capacity": capacity, "waitlist": !no_waitlist })
            );
        }
        Command::Seed { what: SeedCommand::Residents { count, first_phone, password, sessions_out } } => {
            let store = open(&config).await?;
            seed_residents(&store, count, first_phone, &password, sessions_out.as_deref()).await?;
            store.close().await;
        }
        Command::Seed { what } => {
            let store = open(&config).await?;
            let report = match what {
                SeedCommand::Demo => store.seed_demo().await?,
                SeedCommand::Synthetic { items } => store.seed_synthetic(items).await?,
                SeedCommand::Rush { .. } | SeedCommand::Residents { .. } => unreachable!("handled above"),
            };
            store.close().await;
            if report.already_present {
                println!("demo data already present; nothing to do");
            } else {
                println!(
                    "loaded {} streets, {} communities, {} facilities, {} items, {} sessions, {} heritage projects, {} fund calls, {} plan tasks, {} training courses",
                    report.streets, report.communities, report.facilities, report.items, report.sessions, report.heritage_projects,
                    report.fund_calls, report.plan_tasks, report.training_courses
                );
            }
        }
    }
    Ok(())
}

/// `admin create`: checks the role and its scope, reads the password, creates the account.
async fn create_admin(
    store: &Store,
    username: &str,
    name: &str,
    role: &str,
    street: Option<&str>,
    facility_ids: Vec<i64>,
) -> anyhow::Result<i64> {
    use cc_domain::staff::{Role, StaffScope};
    let role = Role::parse(role).ok_or_else(|| {
        anyhow::anyhow!(
            "unknown role `{role}`: use district_admin, street_admin, facility_manager, reviewer or provider"
        )
    })?;
    let street_id = match street {
        Some(slug) => {
            Some(store.street_id(slug).await?.ok_or_else(|| anyhow::anyhow!("no street `{slug}`"))?)
        }
        None if role == Role::StreetAdmin => anyhow::bail!("a street admin needs --street <slug>"),
        None => None,
    };
    if role == Role::FacilityManager && facility_ids.is_empty() {
        anyhow::bail!("a facility manager needs at least one --facility <id>");
    }
    let password = match std::env::var("CC_ADMIN_PASSWORD") {
        Ok(password) => password,
        Err(_) => {
            let mut line = String::new();
            std::io::stdin().read_line(&mut line)?;
            line.trim_end_matches(['\r', '\n']).to_string()
        }
    };
    let scope = StaffScope { role, street_id, facility_ids };
    let auth = cc_auth::StaffAuth::new(store.clone(), true, cc_auth::SecondFactorPolicy::default());
    match auth.create(username, name, &password, &scope, None).await {
        Ok(Some(id)) => Ok(id),
        Ok(None) => anyhow::bail!("the username `{username}` is taken"),
        Err(cc_auth::AccountError::Refused(problem)) => {
            anyhow::bail!("{}", problem.message(cc_domain::Locale::En))
        }
        Err(cc_auth::AccountError::Failed(e)) => Err(e),
    }
}

/// Residents for load tests: one password hash shared by all (hashing 2,000 times would take
/// minutes), and optionally a logged-in session each.
async fn seed_residents(
    store: &Store,
    count: u64,
    first_phone: u64,
    password: &str,
    sessions_out: Option<&std::path::Path>,
) -> anyhow::Result<()> {
    let first = cc_domain::account::PhoneNumber::parse(&first_phone.to_string())?;
    let last = cc_domain::account::PhoneNumber::parse(&(first_phone + count.saturating_sub(1)).to_string())?;
    let hash = cc_auth::password::hash_blocking(password)?;
    let ids = store.create_residents_in_bulk(first_phone, count, &hash).await?;
    println!("{} residents, {} to {}", ids.len(), first.masked(), last.masked());
    if let Some(path) = sessions_out {
        let mut lines = String::new();
        for id in ids {
            let session = cc_auth::issue_session(store, id.0, cc_auth::SessionLimits::default()).await?;
            lines.push_str(&format!("{}={session}\n", cc_auth::SESSION_COOKIE));
        }
        std::fs::write(path, lines)?;
        println!("session cookies written to {}", path.display());
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
