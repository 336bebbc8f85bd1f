//! Running the real `culture-cloud` binary in tests: its CLI, and servers on free ports.

#![allow(dead_code)] // Each test file uses what it needs.

use std::process::{Child, Command, Stdio};
use std::time::Duration;

pub const BIN: &str = env!("CARGO_BIN_EXE_culture-cloud");

/// The binary with a database, quiet logs, no login throttle (tests log in a lot) and staff
/// logins by password alone (the second factor has tests of its own).
pub fn command(database_url: &str, args: &[&str]) -> Command {
    let mut command = Command::new(BIN);
    command.args(args).env("DATABASE_URL", database_url).env("CC_LOG", "warn").env("CC_THROTTLE", "off").env("CC_STAFF_2FA", "off");
    command
}

/// Runs a CLI command to success; its standard output.
pub fn run(database_url: &str, args: &[&str]) -> String {
    run_with(database_url, args, &[])
}

/// Runs a CLI command with extra environment to success; its standard output.
pub fn run_with(database_url: &str, args: &[&str], env: &[(&str, &str)]) -> String {
    let mut command = command(database_url, args);
    command.envs(env.iter().copied());
    let output = command.output().expect("the binary runs");
    assert!(output.status.success(), "{args:?}: {}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8(output.stdout).unwrap()
}

pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

/// Starts `culture-cloud serve` and waits until it answers `/healthz`.
pub async fn serve(database_url: &str, port: u16) -> Child {
    let mut child = command(database_url, &["serve"])
        .env("LEPTOS_SITE_ADDR", format!("127.0.0.1:{port}"))
        .stdout(Stdio::null())
        .spawn()
        .expect("the server starts");
    let client = reqwest::Client::new();
    for _ in 0..200 {
        if client
            .get(format!("http://127.0.0.1:{port}/healthz"))
            .send()
            .await
            .is_ok_and(|r| r.status().is_success())
        {
            return child;
        }
        assert!(child.try_wait().unwrap().is_none(), "the server exited while starting");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    child.kill().ok();
    panic!("the server did not become healthy");
}

/// `count` residents, logged in: their session cookies.
pub fn resident_cookies(database_url: &str, count: u32, first_phone: u64) -> Vec<String> {
    let file = std::env::temp_dir().join(format!("cc-cookies-{}-{first_phone}.txt", std::process::id()));
    run(
        database_url,
        &[
            "seed",
            "residents",
            "--count",
            &count.to_string(),
            "--first-phone",
            &first_phone.to_string(),
            "--sessions-out",
            file.to_str().unwrap(),
        ],
    );
    let cookies = std::fs::read_to_string(&file).unwrap().lines().map(String::from).collect();
    std::fs::remove_file(&file).ok();
    cookies
}

/// A session open for booking with `capacity` places (and a waitlist): its id.
pub fn open_session(database_url: &str, capacity: u32) -> i64 {
    let out = run(database_url, &["seed", "rush", "--capacity", &capacity.to_string()]);
    let rush: serde_json::Value = serde_json::from_str(out.trim().lines().last().unwrap()).unwrap();
    rush["session_id"].as_i64().unwrap()
}

/// Reads Server-Sent Events from a response, one event's JSON data at a time.
pub struct EventReader {
    response: reqwest::Response,
    buffer: String,
}

impl EventReader {
    /// Opens the stream at `url` with `client` (its cookies say who asks).
    pub async fn open(client: &reqwest::Client, url: &str) -> EventReader {
        let response = client.get(url).send().await.unwrap();
        assert_eq!(response.status(), 200);
        assert!(response.headers()["content-type"].to_str().unwrap().starts_with("text/event-stream"));
        EventReader { response, buffer: String::new() }
    }

    /// The next named event's JSON data, or `None` when none comes within `wait`.
    pub async fn next(&mut self, wait: Duration) -> Option<serde_json::Value> {
        tokio::time::timeout(wait, async {
            loop {
                if let Some(end) = self.buffer.find("\n\n") {
                    let block: String = self.buffer.drain(..end + 2).collect();
                    let data: String =
                        block.lines().filter_map(|l| l.strip_prefix("data:")).map(str::trim).collect();
                    if block.lines().any(|l| l.starts_with("event:")) {
                        return serde_json::from_str(&data).unwrap_or(serde_json::Value::Null);
                    }
                    continue; // a keep-alive comment
                }
                let chunk = self.response.chunk().await.unwrap().expect("the stream stays open");
                self.buffer.push_str(&String::from_utf8_lossy(&chunk));
            }
        })
        .await
        .ok()
    }
}
