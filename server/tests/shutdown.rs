//! Stopping a server with dashboards connected: SIGTERM ends their event streams at once, so
//! the graceful shutdown finishes instead of waiting for the streams' ten minutes.

mod common;

use std::process::Command;
use std::time::Duration;

use common::{free_port, run, run_with, serve};
use serde_json::json;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_server_with_an_open_dashboard_stops_when_asked() {
    let db = cc_store::testing::fresh_database_url().await.unwrap();
    run(&db, &["migrate"]);
    run(&db, &["seed", "demo"]);
    let password = "staff password 2026 石景山";
    run_with(
        &db,
        &["admin", "create", "--username", "watch", "--name", "看板", "--role", "district_admin"],
        &[("CC_ADMIN_PASSWORD", password)],
    );
    let port = free_port();
    let mut server = serve(&db, port).await;
    let base = format!("http://127.0.0.1:{port}");
    let staff = reqwest::Client::builder().cookie_store(true).build().unwrap();
    let login = staff
        .post(format!("{base}/api/v1/staff/login"))
        .json(&json!({ "username": "watch", "password": password }))
        .send()
        .await
        .unwrap();
    assert_eq!(login.status(), 200);
    let mut stream = staff.get(format!("{base}/api/v1/staff/dashboard/stream")).send().await.unwrap();
    assert!(stream.chunk().await.unwrap().is_some(), "the first figures arrive");

    Command::new("kill").args(["-TERM", &server.id().to_string()]).status().unwrap();
    // Generous: the point is "stops", not how fast; without the fix it waits ten minutes.
    let ended = tokio::time::timeout(Duration::from_secs(20), async {
        while let Ok(Some(_)) = stream.chunk().await {}
    })
    .await;
    if ended.is_err() {
        server.kill().ok();
        panic!("the stream was not ended by the shutdown");
    }
    for _ in 0..200 {
        if server.try_wait().unwrap().is_some() {
            return;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    server.kill().ok();
    panic!("the server did not stop within 20 seconds of SIGTERM");
}
