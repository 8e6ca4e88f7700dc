//! A fixed-window counter per key, in memory.

use std::{
    collections::HashMap,
    sync::Mutex,
    time::{Duration, Instant},
};

pub struct RateLimiter {
    max: u32,
    window: Duration,
    windows: Mutex<HashMap<String, (Instant, u32)>>,
}

impl RateLimiter {
    pub fn new(max: u32, window: Duration) -> RateLimiter {
        RateLimiter {
            max,
            window,
            windows: Mutex::new(HashMap::new()),
        }
    }

    /// True while `key` has used fewer than its allowed hits in the current window.
    pub fn allows(&self, key: &str) -> bool {
        self.allows_at(key, Instant::now())
    }

    /// Counts one hit for `key` (e.g. a wrong guess).
    pub fn hit(&self, key: &str) {
        self.hit_at(key, Instant::now());
    }

    /// Counts a hit if one is allowed; false if the key is over its limit.
    pub fn try_hit(&self, key: &str) -> bool {
        let now = Instant::now();
        let mut windows = self.windows.lock().unwrap_or_else(|e| e.into_inner());
        let entry = windows.entry(key.to_owned()).or_insert((now, 0));
        if now.duration_since(entry.0) >= self.window {
            *entry = (now, 0);
        }
        if entry.1 >= self.max {
            return false;
        }
        entry.1 += 1;
        true
    }

    fn allows_at(&self, key: &str, now: Instant) -> bool {
        let windows = self.windows.lock().unwrap_or_else(|e| e.into_inner());
        match windows.get(key) {
            Some((start, count)) => now.duration_since(*start) >= self.window || *count < self.max,
            None => true,
        }
    }

    fn hit_at(&self, key: &str, now: Instant) {
        let mut windows = self.windows.lock().unwrap_or_else(|e| e.into_inner());
        // Old windows go before the map can grow without bound under a flood of keys.
        if windows.len() > 100_000 {
            let window = self.window;
            windows.retain(|_, (start, _)| now.duration_since(*start) < window);
        }
        let entry = windows.entry(key.to_owned()).or_insert((now, 0));
        if now.duration_since(entry.0) >= self.window {
            *entry = (now, 0);
        }
        entry.1 += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_eleventh_in_a_window_is_refused_and_the_next_window_is_free() {
        let limiter = RateLimiter::new(10, Duration::from_secs(60));
        let start = Instant::now();
        for _ in 0..10 {
            assert!(limiter.allows_at("a", start));
            limiter.hit_at("a", start);
        }
        assert!(!limiter.allows_at("a", start + Duration::from_secs(59)));
        assert!(limiter.allows_at("b", start), "other keys are not affected");
        assert!(limiter.allows_at("a", start + Duration::from_secs(60)));
    }

    #[test]
    fn try_hit_counts_up_to_the_limit() {
        let limiter = RateLimiter::new(2, Duration::from_secs(60));
        assert!(limiter.try_hit("a"));
        assert!(limiter.try_hit("a"));
        assert!(!limiter.try_hit("a"));
    }
}
