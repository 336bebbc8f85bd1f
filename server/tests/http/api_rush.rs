//! The booking rush through HTTP: 2,000 residents, 200 places, at once; and its race control.

use futures::stream::{self, StreamExt};

use crate::helpers::{spawn_app_with, TestApp};

const RESIDENTS: u64 = 2_000;
const PLACES: i64 = 200;
/// Requests in flight at once (every resident's request is sent without waiting for others).
const IN_FLIGHT: usize = 500;

/// Every resident books the session at once; returns the status and error code of each answer.
async fn rush(app: &TestApp, session: cc_domain::ids::SessionId) -> Vec<(u16, String)> {
    let cookies = app.logged_in_residents(13_900_000_000, RESIDENTS).await;
    let url = format!("{}/api/v1/sessions/{session}/bookings", app.address);
    stream::iter(cookies)
        .map(|cookie| {
            let (client, url) = (app.client.clone(), url.clone());
            async move {
                let response = client.post(url).header("cookie", cookie).send().await.expect("an answer");
                let status = response.status().as_u16();
                let body: serde_json::Value = response.json().await.unwrap_or_default();
                (status, body["error"]["code"].as_str().unwrap_or("").to_string())
            }
        })
        .buffer_unordered(IN_FLIGHT)
        .collect()
        .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_rush_of_2000_residents_on_200_places_confirms_exactly_200() {
    let app = spawn_app_with(|_| {}).await;
    let session = app.store.seed_open_session("新年音乐会", PLACES, true).await.unwrap();
    let answers = rush(&app, session).await;
    let confirmed = answers.iter().filter(|(s, _)| *s == 201).count();
    let waitlisted = answers.iter().filter(|(s, _)| *s == 202).count();
    assert_eq!(confirmed, PLACES as usize);
    assert_eq!(waitlisted, (RESIDENTS as usize) - confirmed, "everyone else waits: {answers:?}");
    let counts = app.store.session_counts(session).await.unwrap().unwrap();
    assert_eq!((counts.held, counts.remaining, counts.waitlisted), (PLACES, 0, RESIDENTS as i64 - PLACES));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn without_a_waitlist_the_rest_are_told_it_is_full_and_nothing_fails() {
    let app = spawn_app_with(|_| {}).await;
    let session = app.store.seed_open_session("新年音乐会", PLACES, false).await.unwrap();
    let answers = rush(&app, session).await;
    assert_eq!(answers.iter().filter(|(s, _)| *s == 201).count(), PLACES as usize);
    let others: Vec<_> = answers.iter().filter(|(s, _)| *s != 201).collect();
    assert!(others.iter().all(|(s, code)| *s == 409 && code == "full"), "{others:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn the_race_control_without_the_guard_oversells_so_the_rush_test_can_fail() {
    let app = spawn_app_with(|c| c.remove_booking_guard_for_race_control = true).await;
    let session = app.store.seed_open_session("新年音乐会", PLACES, false).await.unwrap();
    let answers = rush(&app, session).await;
    let confirmed = answers.iter().filter(|(s, _)| *s == 201).count();
    assert!(confirmed > PLACES as usize, "unguarded, {confirmed} confirmed: the control did not race");
}
