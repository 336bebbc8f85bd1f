//! Several servers on one PostgreSQL: two real `culture-cloud` processes share logins, hear each
//! other's events (a booking taken by A shows on a dashboard streaming from B within a second),
//! and a booking rush through both at once still confirms exactly the capacity.
//! On SQLite (one process by design) there is nothing to test and the test says so.

mod common;

use std::time::Duration;

use cc_store::testing::{fresh_database_url, test_backend};
use common::{free_port, open_session, resident_cookies, run, run_with, serve, EventReader};
use futures::stream::{self, StreamExt};
use serde_json::json;

const PASSWORD: &str = "staff password 2026 石景山";

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_servers_share_logins_events_and_never_oversell_together() {
    if test_backend() != "postgres" {
        eprintln!("skipped: several servers share a PostgreSQL database (CC_TEST_BACKEND=postgres)");
        return;
    }
    let db = fresh_database_url().await.unwrap();
    run(&db, &["migrate"]);
    run(&db, &["seed", "demo"]);
    run_with(
        &db,
        &["admin", "create", "--username", "watch", "--name", "看板", "--role", "district_admin"],
        &[("CC_ADMIN_PASSWORD", PASSWORD)],
    );
    let watched = open_session(&db, 50);
    let rushed = open_session(&db, 200);
    let residents = resident_cookies(&db, 1000, 13_600_000_000);
    let (port_a, port_b) = (free_port(), free_port());
    let mut a = serve(&db, port_a).await;
    let mut b = serve(&db, port_b).await;
    let (url_a, url_b) = (format!("http://127.0.0.1:{port_a}"), format!("http://127.0.0.1:{port_b}"));

    // A staff login made on B works on A: sessions live in the shared database.
    let staff = reqwest::Client::builder().cookie_store(true).build().unwrap();
    let login = staff
        .post(format!("{url_b}/api/v1/staff/login"))
        .json(&json!({ "username": "watch", "password": PASSWORD }))
        .send()
        .await
        .unwrap();
    assert_eq!(login.status(), 200);
    assert_eq!(staff.get(format!("{url_a}/api/v1/staff/me")).send().await.unwrap().status(), 200);

    // A dashboard streams from B; a resident books through A.
    let mut stream = EventReader::open(&staff, &format!("{url_b}/api/v1/staff/dashboard/stream")).await;
    let first = stream.next(Duration::from_secs(2)).await.expect("figures at once");
    let client = reqwest::Client::new();
    let booked = client
        .post(format!("{url_a}/api/v1/sessions/{watched}/bookings"))
        .header("cookie", &residents[0])
        .send()
        .await
        .unwrap();
    assert_eq!(booked.status(), 201);
    let update =
        stream.next(Duration::from_secs(1)).await.expect("B's dashboard shows A's booking within a second");
    assert_eq!(update["today"]["bookings"].as_u64(), first["today"]["bookings"].as_u64().map(|n| n + 1));

    // 999 residents rush 200 places through both servers at once.
    let answers: Vec<u16> = stream::iter(residents[1..].iter().enumerate())
        .map(|(i, cookie)| {
            let url = if i % 2 == 0 { &url_a } else { &url_b };
            let request =
                client.post(format!("{url}/api/v1/sessions/{rushed}/bookings")).header("cookie", cookie);
            async move { request.send().await.unwrap().status().as_u16() }
        })
        .buffer_unordered(64)
        .collect()
        .await;
    let confirmed = answers.iter().filter(|s| **s == 201).count();
    let waitlisted = answers.iter().filter(|s| **s == 202).count();
    assert_eq!(confirmed, 200, "exactly the capacity, whichever server answered");
    assert_eq!(confirmed + waitlisted, answers.len(), "no other answer: {answers:?}");
    let store = cc_store::Store::connect(&db).await.unwrap();
    let counts = store.session_counts(cc_domain::ids::SessionId(rushed)).await.unwrap().unwrap();
    assert_eq!((counts.held, counts.remaining), (200, 0));
    for server in [&mut a, &mut b] {
        server.kill().ok();
        server.wait().ok();
    }
    run(&db, &["check"]);
}
