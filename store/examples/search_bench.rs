//! In-process catalogue search latency: runs a mix of searches and filters straight against the
//! store (no HTTP) and prints p50/p95/p99, after timing the search index's build.
//! Usage: `search_bench DATABASE_URL [ROUNDS] [QUERY]`; with a QUERY (a query string such as
//! `q=guangcangwu`), only that one is timed (for a profiler).

use std::time::Instant;

use cc_domain::time::now;
use cc_domain::CatalogQuery;
use cc_store::Store;

// The allocator the server runs with (server/src/main.rs), so memory figures compare.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const QUERIES: &[&str] = &[
    "q=%E9%9D%9E%E9%81%97",              // 非遗
    "q=%E5%B9%BF%E5%9C%BA%E8%88%9E",     // 广场舞
    "q=%E4%BA%AC%E5%89%A7&sort=popular", // 京剧
    "q=gcw",
    "q=guangcangwu",                     // one letter missing
    "q=%E9%9D%9E%E9%81%97&page=40",      // a deep page
    "q=%E4%BA%AC%E5%89%A7+%E4%BD%93%E9%AA%8C", // 京剧 体验 (two words)
    "q=guangchangwu&street=bajiao",
    "q=%E4%B9%A6%E6%B3%95&free=true", // 书法
    "street=gucheng&category=heritage",
    "category=performance&sort=popular&page=3",
    "audience=elderly&free=true",
    "",
];

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let url = args.next().ok_or_else(|| anyhow::anyhow!("usage: search_bench DATABASE_URL [ROUNDS]"))?;
    let rounds: usize = args.next().map(|r| r.parse()).transpose()?.unwrap_or(50);
    let only = args.next();
    let texts: Vec<&str> = match &only {
        Some(one) => vec![one.as_str()],
        None => QUERIES.to_vec(),
    };
    let store = Store::connect(&url).await?;
    let started = Instant::now();
    let items = store.catch_up_search().await?;
    println!(
        "search index built: {items} items in {:.2} s; the index holds {:.1} MiB; process RSS {}",
        started.elapsed().as_secs_f64(),
        store.search_index_bytes()? as f64 / 1024.0 / 1024.0,
        rss()
    );
    let queries: Vec<CatalogQuery> =
        texts.iter().map(|q| CatalogQuery::parse_query_string(q)).collect::<Result<_, _>>()?;
    let mut samples = Vec::with_capacity(rounds * queries.len());
    let mut per_query = vec![Vec::with_capacity(rounds); queries.len()];
    for _ in 0..rounds {
        for (i, q) in queries.iter().enumerate() {
            let started = Instant::now();
            let page = store.search_items(q, now()).await?;
            let ms = started.elapsed().as_secs_f64() * 1000.0;
            samples.push(ms);
            per_query[i].push(ms);
            std::hint::black_box(page);
        }
    }
    for (text, times) in texts.iter().zip(per_query.iter_mut()) {
        times.sort_by(|a, b| a.total_cmp(b));
        println!("  median {:>8.2} ms  {}", times[times.len() / 2], if text.is_empty() { "(everything)" } else { text });
    }
    samples.sort_by(|a, b| a.total_cmp(b));
    let pct = |p: f64| samples[((samples.len() as f64 * p).ceil() as usize).saturating_sub(1)];
    println!(
        "in-process search: {} searches, p50 {:.2} ms, p95 {:.2} ms, p99 {:.2} ms",
        samples.len(),
        pct(0.50),
        pct(0.95),
        pct(0.99)
    );
    println!("RSS after the searches: {}", rss());
    Ok(())
}

/// This process's resident memory, from /proc (Linux).
fn rss() -> String {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| s.lines().find(|l| l.starts_with("VmRSS")).map(|l| l.split_whitespace().nth(1).unwrap_or("?").to_string()))
        .and_then(|kb| kb.parse::<f64>().ok())
        .map_or("?".into(), |kb| format!("{:.1} MiB", kb / 1024.0))
}
