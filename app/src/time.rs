//! Time in the portal: unix seconds (UTC) from one injectable [`Clock`], and dates as a reader
//! sees them.
//!
//! Every "now" on the server comes from the clock in the request context or the database
//! handle (`db::Db`), never from the system directly, so tests move time forward instead of
//! sleeping or rewriting timestamps in SQL.

use std::sync::{
    Arc,
    atomic::{AtomicI64, Ordering},
};

/// The time source. The system's in production; a manual one in tests, shared by every clone.
#[derive(Debug, Clone, Default)]
pub struct Clock(Option<Arc<AtomicI64>>);

impl Clock {
    /// The system's time.
    pub fn system() -> Clock {
        Clock(None)
    }

    /// A clock that stands at `unix` until moved ([`Clock::advance`], [`Clock::set`]).
    pub fn manual(unix: i64) -> Clock {
        Clock(Some(Arc::new(AtomicI64::new(unix))))
    }

    /// Now, in unix seconds.
    pub fn now(&self) -> i64 {
        match &self.0 {
            Some(manual) => manual.load(Ordering::SeqCst),
            None => system_now(),
        }
    }

    /// Moves a manual clock forward by `seconds`; the system's cannot be moved.
    pub fn advance(&self, seconds: i64) {
        if let Some(manual) = &self.0 {
            manual.fetch_add(seconds, Ordering::SeqCst);
        }
    }

    /// Sets a manual clock; the system's cannot be set.
    pub fn set(&self, unix: i64) {
        if let Some(manual) = &self.0 {
            manual.store(unix, Ordering::SeqCst);
        }
    }
}

fn system_now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or_default()
}

/// A date (UTC) from unix seconds, as YYYY-MM-DD: the day is all a reporter needs.
#[cfg_attr(not(feature = "ssr"), allow(dead_code))]
pub fn date(unix: i64) -> String {
    // Howard Hinnant's days-to-civil algorithm.
    let days = unix.div_euclid(86_400);
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}

/// `YYYY-MM-DD HH:MM` (UTC) from unix seconds: what staff read.
#[cfg_attr(not(feature = "ssr"), allow(dead_code))]
pub fn date_time(unix: i64) -> String {
    let minutes = unix.rem_euclid(86_400) / 60;
    format!("{} {:02}:{:02}", date(unix), minutes / 60, minutes % 60)
}

/// RFC 3339 in UTC (`2026-12-01T23:54:52Z`) from unix seconds: for machines.
#[cfg_attr(not(feature = "ssr"), allow(dead_code))]
pub fn rfc3339(unix: i64) -> String {
    let seconds = unix.rem_euclid(86_400);
    format!(
        "{}T{:02}:{:02}:{:02}Z",
        date(unix),
        seconds / 3600,
        seconds / 60 % 60,
        seconds % 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc3339_is_utc_with_seconds() {
        assert_eq!(
            rfc3339(1_795_392_000 + 13 * 3600 + 5 * 60 + 7),
            "2026-11-23T13:05:07Z"
        );
    }

    #[test]
    fn dates() {
        assert_eq!(date(0), "1970-01-01");
        assert_eq!(date(1_795_392_000), "2026-11-23");
        assert_eq!(date(951_782_400), "2000-02-29");
        assert_eq!(
            date_time(1_795_392_000 + 13 * 3600 + 5 * 60),
            "2026-11-23 13:05"
        );
    }

    #[test]
    fn a_manual_clock_moves_only_when_told_and_for_every_clone() {
        let clock = Clock::manual(1_000);
        let other = clock.clone();
        assert_eq!(clock.now(), 1_000);
        other.advance(60);
        assert_eq!(clock.now(), 1_060);
        clock.set(5);
        assert_eq!(other.now(), 5);
    }

    #[test]
    fn the_system_clock_is_not_moved() {
        let clock = Clock::system();
        let before = clock.now();
        clock.advance(86_400 * 365);
        assert!(clock.now() - before < 60);
    }
}
