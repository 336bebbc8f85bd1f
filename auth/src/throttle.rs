//! Counting failures per key (a phone number, a client address) in a sliding window.
//!
//! In memory, per process: with several servers each keeps its own count, which still bounds
//! guessing to (servers × limit) per window. `CC_THROTTLE=off` lifts it for load tests.

use std::collections::{HashMap, VecDeque};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// At most `limit` failures per key within `window`.
#[derive(Debug)]
pub struct Throttle {
    limit: usize,
    window: Duration,
    enabled: bool,
    failures: Mutex<HashMap<String, VecDeque<Instant>>>,
}

impl Throttle {
    /// A throttle allowing `limit` failures per `window`; a disabled one allows everything.
    pub fn new(limit: usize, window: Duration, enabled: bool) -> Throttle {
        Throttle { limit, window, enabled, failures: Mutex::new(HashMap::new()) }
    }

    /// Whether `key` has used up its failures for now.
    pub fn is_blocked(&self, key: &str) -> bool {
        if !self.enabled {
            return false;
        }
        let mut failures = self.failures.lock().expect("throttle lock");
        let Some(times) = failures.get_mut(key) else { return false };
        let cutoff = Instant::now() - self.window;
        while times.front().is_some_and(|t| *t < cutoff) {
            times.pop_front();
        }
        times.len() >= self.limit
    }

    /// Counts a failure (or, for rate limits, an attempt) for `key`.
    pub fn record(&self, key: &str) {
        if !self.enabled {
            return;
        }
        let mut failures = self.failures.lock().expect("throttle lock");
        // Bound memory under a flood of distinct keys: forget the stalest half.
        if failures.len() > 100_000 {
            let cutoff = Instant::now() - self.window;
            failures.retain(|_, times| times.back().is_some_and(|t| *t >= cutoff));
        }
        failures.entry(key.to_string()).or_default().push_back(Instant::now());
    }

    /// Forgets `key`'s failures (after a successful login).
    pub fn clear(&self, key: &str) {
        self.failures.lock().expect("throttle lock").remove(key);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_is_blocked_after_its_limit_and_others_are_not() {
        let throttle = Throttle::new(3, Duration::from_secs(60), true);
        for _ in 0..3 {
            assert!(!throttle.is_blocked("a"));
            throttle.record("a");
        }
        assert!(throttle.is_blocked("a"));
        assert!(!throttle.is_blocked("b"));
        throttle.clear("a");
        assert!(!throttle.is_blocked("a"));
    }

    #[test]
    fn failures_age_out_and_a_disabled_throttle_never_blocks() {
        let throttle = Throttle::new(1, Duration::from_millis(20), true);
        throttle.record("a");
        assert!(throttle.is_blocked("a"));
        std::thread::sleep(Duration::from_millis(30));
        assert!(!throttle.is_blocked("a"));
        let off = Throttle::new(1, Duration::from_secs(60), false);
        off.record("a");
        assert!(!off.is_blocked("a"));
    }
}
