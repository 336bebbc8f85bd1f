//! The booking rush's load generator (used by `bench/rush.sh`): every resident in a cookie file
//! books one session at once; prints attempts/s, latency percentiles and the answers.
//!
//! `rush_client <base url> <session id> <cookie file> [in flight]`

use std::time::{Duration, Instant};

use futures::stream::{self, StreamExt};

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().collect();
    let [_, base, session, cookie_file, rest @ ..] = args.as_slice() else {
        anyhow::bail!("usage: rush_client <base url> <session id> <cookie file> [in flight]");
    };
    let in_flight: usize = rest.first().map(|n| n.parse()).transpose()?.unwrap_or(256);
    let cookies: Vec<String> = std::fs::read_to_string(cookie_file)?.lines().map(String::from).collect();
    let client = reqwest::Client::builder().pool_max_idle_per_host(in_flight).build()?;
    let url = format!("{base}/api/v1/sessions/{session}/bookings");

    let started = Instant::now();
    let mut answers: Vec<(u16, Duration)> = stream::iter(cookies)
        .map(|cookie| {
            let (client, url) = (client.clone(), url.clone());
            async move {
                let sent = Instant::now();
                let status = match client.post(url).header("cookie", cookie).send().await {
                    Ok(response) => {
                        let status = response.status().as_u16();
                        let _ = response.bytes().await;
                        status
                    }
                    Err(_) => 0,
                };
                (status, sent.elapsed())
            }
        })
        .buffer_unordered(in_flight)
        .collect()
        .await;
    let elapsed = started.elapsed();

    answers.sort_by_key(|(_, latency)| *latency);
    let percentile =
        |p: f64| answers[((answers.len() as f64 * p).ceil() as usize).clamp(1, answers.len()) - 1].1;
    let count = |s: u16| answers.iter().filter(|(status, _)| *status == s).count();
    let other = answers.len() - count(201) - count(202) - count(409);
    println!(
        "attempts:   {} in {:.2} s = {:.0} attempts/s ({in_flight} in flight)",
        answers.len(),
        elapsed.as_secs_f64(),
        answers.len() as f64 / elapsed.as_secs_f64()
    );
    println!(
        "latency:    p50 {:.1} ms, p90 {:.1} ms, p99 {:.1} ms, max {:.1} ms",
        ms(percentile(0.50)),
        ms(percentile(0.90)),
        ms(percentile(0.99)),
        ms(percentile(1.0))
    );
    println!(
        "answers:    {} confirmed (201), {} waitlisted (202), {} refused (409), {} other (5xx/failed)",
        count(201),
        count(202),
        count(409),
        other
    );
    Ok(())
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}
