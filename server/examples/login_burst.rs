//! The login burst's load generator (used by `bench/logins.sh`): `count` logins at once, each
//! for a different number (so no per-number limit stops them before argon2), with a wrong
//! password; prints how they were answered and how long it took.
//!
//! `login_burst <base url> <count> [first phone]`

use std::collections::BTreeMap;
use std::time::Instant;

use futures::future::join_all;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().collect();
    let [_, base, count, rest @ ..] = args.as_slice() else {
        anyhow::bail!("usage: login_burst <base url> <count> [first phone]");
    };
    let count: u64 = count.parse()?;
    let first: u64 = rest.first().map(|n| n.parse()).transpose()?.unwrap_or(13_900_000_000);
    let client = reqwest::Client::builder().pool_max_idle_per_host(count as usize).build()?;
    let started = Instant::now();
    let logins = (0..count).map(|n| {
        let client = client.clone();
        let url = format!("{base}/api/v1/auth/login");
        async move {
            let body = serde_json::json!({ "phone": (first + n).to_string(), "password": "not the password" });
            match client.post(url).json(&body).send().await {
                Ok(response) => response.status().as_u16(),
                Err(_) => 0,
            }
        }
    });
    let statuses = join_all(logins).await;
    let elapsed = started.elapsed();
    let mut answers = BTreeMap::new();
    for status in statuses {
        *answers.entry(status).or_insert(0u64) += 1;
    }
    println!("{count} logins at once in {:.1} s", elapsed.as_secs_f64());
    for (status, n) in answers {
        let meaning = match status {
            401 => "checked: wrong password",
            503 => "busy: told to try again",
            429 => "throttled",
            0 => "connection failed",
            _ => "other",
        };
        println!("  {status}: {n} ({meaning})");
    }
    Ok(())
}
