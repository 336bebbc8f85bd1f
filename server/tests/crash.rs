//! Crash safety: kill -9 the server in the middle of a booking rush, start it again on the same
//! database, and check that every booking that was answered 2xx is there, the database passes
//! its integrity check and the places add up. Runs the real binary, on SQLite or PostgreSQL
//! (`CC_TEST_BACKEND=postgres`).

mod common;

use std::process::Command;
use std::time::Duration;

use common::{free_port, run, serve};
use futures::stream::{self, StreamExt};

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn killing_the_server_mid_rush_loses_no_answered_booking() {
    let database_url = cc_store::testing::fresh_database_url().await.unwrap();
    run(&database_url, &["migrate"]);
    let rush: serde_json::Value =
        serde_json::from_str(run(&database_url, &["seed", "rush", "--capacity", "300"]).trim()).unwrap();
    let session = rush["session_id"].as_i64().unwrap();
    let cookies_file = std::env::temp_dir().join(format!("cc-crash-{}.txt", std::process::id()));
    run(
        &database_url,
        &["seed", "residents", "--count", "1000", "--sessions-out", cookies_file.to_str().unwrap()],
    );
    let cookies: Vec<String> =
        std::fs::read_to_string(&cookies_file).unwrap().lines().map(String::from).collect();
    std::fs::remove_file(&cookies_file).ok();

    let port = free_port();
    let mut server = serve(&database_url, port).await;
    let client = reqwest::Client::new();
    let url = format!("http://127.0.0.1:{port}/api/v1/sessions/{session}/bookings");
    let answered = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let killer = {
        let answered = answered.clone();
        let pid = server.id();
        tokio::spawn(async move {
            while answered.load(std::sync::atomic::Ordering::SeqCst) < 250 {
                tokio::time::sleep(Duration::from_millis(2)).await;
            }
            // SIGKILL: no shutdown, no flush, no goodbye.
            Command::new("kill").args(["-9", &pid.to_string()]).status().unwrap();
        })
    };
    let outcomes: Vec<Option<(String, u16, i64)>> = stream::iter(cookies.clone())
        .map(|cookie| {
            let (client, url, answered) = (client.clone(), url.clone(), answered.clone());
            async move {
                let response = client.post(url).header("cookie", &cookie).send().await.ok()?;
                let status = response.status().as_u16();
                let body: serde_json::Value = response.json().await.ok()?;
                answered.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                Some((cookie, status, body["id"].as_i64().unwrap_or(0)))
            }
        })
        .buffer_unordered(64)
        .collect()
        .await;
    killer.await.unwrap();
    server.wait().unwrap();
    let booked: Vec<_> =
        outcomes.into_iter().flatten().filter(|(_, status, _)| (200..300).contains(status)).collect();
    assert!(booked.len() >= 200, "only {} bookings were answered before the kill", booked.len());
    assert!(booked.len() < cookies.len(), "the server was killed after the rush was over");

    eprintln!("{} of {} bookings were answered 2xx before the kill", booked.len(), cookies.len());
    let store = cc_store::Store::connect(&database_url).await.unwrap();
    assert_eq!(store.integrity_problems().await.unwrap(), Vec::<String>::new());
    let port = free_port();
    let mut server = serve(&database_url, port).await;
    for (cookie, status, id) in &booked {
        let response = client
            .get(format!("http://127.0.0.1:{port}/api/v1/bookings/{id}"))
            .header("cookie", cookie)
            .send()
            .await
            .unwrap();
        assert_eq!(
            response.status().as_u16(),
            200,
            "booking {id} answered {status} before the crash is gone"
        );
        let body: serde_json::Value = response.json().await.unwrap();
        let expected = if *status == 201 { "confirmed" } else { "waitlisted" };
        assert_eq!(body["status"], expected, "booking {id}");
    }
    let counts = store.session_counts(cc_domain::ids::SessionId(session)).await.unwrap().unwrap();
    assert!(
        counts.held <= counts.capacity && counts.remaining == counts.capacity - counts.held,
        "{counts:?}"
    );
    server.kill().ok();
    server.wait().ok();
    run(&database_url, &["check"]);
}
