//! How long the dashboard's figures take to read (`bench/dashboard.sh`): the store call every
//! live update makes, without HTTP, p50/p99 over 200 reads for the district and for one street.
//!
//! `dashboard_bench <database url>`

use std::time::{Duration, Instant};

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let url =
        std::env::args().nth(1).ok_or_else(|| anyhow::anyhow!("usage: dashboard_bench <database url>"))?;
    let store = cc_store::Store::connect(&url).await?;
    for (name, street) in [("district", None), ("one street", Some(1))] {
        let mut took: Vec<Duration> = Vec::new();
        for _ in 0..200 {
            let started = Instant::now();
            store.dashboard(street, cc_domain::time::now()).await?;
            took.push(started.elapsed());
        }
        took.sort();
        let ms = |d: Duration| d.as_secs_f64() * 1000.0;
        println!("{name:<10} p50 {:.2} ms  p99 {:.2} ms", ms(took[100]), ms(took[197]));
    }
    Ok(())
}
