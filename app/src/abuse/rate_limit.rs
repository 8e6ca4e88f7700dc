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

    /// Counts a hit if one is allowed; false if the key is over its limit. Checking and
    /// counting are one step, so requests at the same moment cannot all slip through.
    pub fn try_hit(&self, key: &str) -> bool {
        self.reserve(key).is_some()
    }

    /// [`RateLimiter::try_hit`], returning the window the hit was counted in, to give it
    /// back with [`RateLimiter::release`].
    pub fn reserve(&self, key: &str) -> Option<Instant> {
        let now = Instant::now();
        let mut windows = self.windows.lock().unwrap_or_else(|e| e.into_inner());
        prune(&mut windows, now, self.window);
        let entry = windows.entry(key.to_owned()).or_insert((now, 0));
        if now.duration_since(entry.0) >= self.window {
            *entry = (now, 0);
        }
        if entry.1 >= self.max {
            return None;
        }
        entry.1 += 1;
        Some(entry.0)
    }

    /// Gives back a hit counted in the window that started at `window` (a guess that turned
    /// out right); nothing if that window has passed, so a new window is never lowered.
    pub fn release(&self, key: &str, window: Instant) {
        let mut windows = self.windows.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(entry) = windows.get_mut(key)
            && entry.0 == window
        {
            entry.1 = entry.1.saturating_sub(1);
        }
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
        prune(&mut windows, now, self.window);
        let entry = windows.entry(key.to_owned()).or_insert((now, 0));
        if now.duration_since(entry.0) >= self.window {
            *entry = (now, 0);
        }
        entry.1 += 1;
    }
}

/// Keys whose window has passed go once the map is large, before a flood of keys can grow it
/// without bound.
fn prune(windows: &mut HashMap<String, (Instant, u32)>, now: Instant, window: Duration) {
    if windows.len() > 100_000 {
        windows.retain(|_, (start, _)| now.duration_since(*start) < window);
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
    fn try_hit_counts_up_to_the_limit_and_release_gives_one_back_in_its_window() {
        let limiter = RateLimiter::new(2, Duration::from_secs(60));
        assert!(limiter.try_hit("a"));
        assert!(limiter.try_hit("a"));
        assert!(!limiter.try_hit("a"));
        let window = limiter.windows.lock().unwrap()["a"].0;
        limiter.release("a", window);
        assert!(limiter.try_hit("a"));
        // A hit from a window that has passed is not given back to the next one.
        limiter.release("a", window - Duration::from_secs(60));
        assert!(!limiter.try_hit("a"));
    }

    #[test]
    fn at_the_same_moment_no_more_than_the_limit_get_through() {
        let limiter = std::sync::Arc::new(RateLimiter::new(10, Duration::from_secs(60)));
        let threads: Vec<_> = (0..50)
            .map(|_| {
                let limiter = limiter.clone();
                std::thread::spawn(move || limiter.try_hit("a"))
            })
            .collect();
        let through = threads
            .into_iter()
            .map(|t| t.join().unwrap())
            .filter(|ok| *ok)
            .count();
        assert_eq!(through, 10);
    }

    #[test]
    fn old_windows_are_pruned_when_the_map_grows() {
        let limiter = RateLimiter::new(1, Duration::from_secs(60));
        let start = Instant::now();
        for i in 0..100_001 {
            limiter.hit_at(&i.to_string(), start);
        }
        limiter.hit_at("late", start + Duration::from_secs(61));
        assert_eq!(limiter.windows.lock().unwrap().len(), 1);
    }
}
