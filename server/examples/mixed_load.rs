//! A steady mixed load for the scale-out benchmark (`bench/scale_out.sh`): for a fixed time,
//! `in flight` workers keep asking — four in five requests are pages residents read (the
//! catalogue and item pages, rendered on the server), one in five a booking by a logged-in
//! resident on one of several sessions. Prints requests/s and latency per kind.
//!
//! `mixed_load <base url> <session ids, comma-separated> <cookie file> <seconds> [in flight]`

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().collect();
    let [_, base, sessions, cookie_file, seconds, rest @ ..] = args.as_slice() else {
        anyhow::bail!("usage: mixed_load <base url> <session ids> <cookie file> <seconds> [in flight]");
    };
    let sessions: Vec<i64> = sessions.split(',').map(str::parse).collect::<Result<_, _>>()?;
    let cookies: Arc<Vec<String>> =
        Arc::new(std::fs::read_to_string(cookie_file)?.lines().map(String::from).collect());
    let in_flight: usize = rest.first().map(|n| n.parse()).transpose()?.unwrap_or(64);
    let until = Instant::now() + Duration::from_secs(seconds.parse()?);
    let client = reqwest::Client::builder().pool_max_idle_per_host(in_flight).build()?;
    let next_resident = Arc::new(AtomicUsize::new(0));

    let started = Instant::now();
    let workers: Vec<_> = (0..in_flight)
        .map(|worker| {
            let (client, base, sessions, cookies, next_resident) =
                (client.clone(), base.clone(), sessions.clone(), cookies.clone(), next_resident.clone());
            tokio::spawn(async move {
                let mut seen: Vec<(&'static str, u16, Duration)> = Vec::new();
                let mut turn = worker;
                while Instant::now() < until {
                    turn += 1;
                    let sent = Instant::now();
                    let (kind, request) = if turn % 5 == 0 {
                        let n = next_resident.fetch_add(1, Ordering::Relaxed);
                        let session = sessions[n % sessions.len()];
                        let cookie = &cookies[n % cookies.len()];
                        let url = format!("{base}/api/v1/sessions/{session}/bookings");
                        ("booking", client.post(url).header("cookie", cookie))
                    } else if turn % 2 == 0 {
                        ("catalogue page", client.get(format!("{base}/catalog?page={}", turn % 5 + 1)))
                    } else {
                        ("item page", client.get(format!("{base}/items/{}", turn % 40 + 1)))
                    };
                    let status = match request.send().await {
                        Ok(response) => {
                            let status = response.status().as_u16();
                            let _ = response.bytes().await;
                            status
                        }
                        Err(_) => 0,
                    };
                    seen.push((kind, status, sent.elapsed()));
                }
                seen
            })
        })
        .collect();
    let mut all = Vec::new();
    for worker in workers {
        all.extend(worker.await?);
    }
    let elapsed = started.elapsed().as_secs_f64();
    println!(
        "requests:   {} in {elapsed:.1} s = {:.0} requests/s ({in_flight} in flight)",
        all.len(),
        all.len() as f64 / elapsed
    );
    for kind in ["catalogue page", "item page", "booking"] {
        let mut latencies: Vec<Duration> =
            all.iter().filter(|(k, ..)| *k == kind).map(|(.., d)| *d).collect();
        latencies.sort();
        if latencies.is_empty() {
            continue;
        }
        let at =
            |p: f64| latencies[((latencies.len() as f64 * p).ceil() as usize).clamp(1, latencies.len()) - 1];
        let failed = all.iter().filter(|(k, s, _)| *k == kind && (*s == 0 || *s >= 500)).count();
        println!(
            "{kind:<15} {:>6} ({:.0}/s)  p50 {:.1} ms  p99 {:.1} ms  failed {failed}",
            latencies.len(),
            latencies.len() as f64 / elapsed,
            ms(at(0.5)),
            ms(at(0.99)),
        );
    }
    Ok(())
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}
