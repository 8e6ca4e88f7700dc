//! Keeping the public forms usable under abuse without knowing who anyone is.
//!
//! Clients are told apart by a keyed hash of their address whose key lives only in memory
//! and changes every day: it cannot be reversed, is never stored or logged, and yesterday's
//! hashes cannot be linked to today's. Limits count in fixed one-minute (or longer) windows,
//! so a lock-out ends by itself within the window. A client far over the report limit gets
//! a proof-of-work challenge before each further report ([`work`]), and beyond that no more.

#[cfg(feature = "ssr")]
mod challenges;
#[cfg(feature = "ssr")]
mod client_key;
#[cfg(feature = "ssr")]
mod rate_limit;
pub mod work;

#[cfg(feature = "ssr")]
pub use challenges::{Challenges, Refused};
#[cfg(feature = "ssr")]
pub use client_key::{ClientHasher, ClientKey};
#[cfg(feature = "ssr")]
pub use rate_limit::RateLimiter;

#[cfg(feature = "ssr")]
use std::{sync::Arc, time::Duration};

/// Leading zero bits a report's proof of work needs once its client is over the limit:
/// about 260,000 SHA-256 hashes on average, a fraction of a second in a phone's browser, and
/// more than a minute of one core for a thousand reports.
pub const WORK_BITS: u8 = 18;

/// The limits the public forms share, provided to server functions as context.
#[cfg(feature = "ssr")]
#[derive(Clone)]
pub struct Limits {
    /// Wrong receipts per client per minute.
    pub receipt_guesses_per_client: Arc<RateLimiter>,
    /// Wrong receipts per receipt prefix per minute, whoever tries.
    pub receipt_guesses_per_prefix: Arc<RateLimiter>,
    /// Reports per client per ten minutes without a challenge.
    pub reports_per_client: Arc<RateLimiter>,
    /// Further reports per client per ten minutes, each with a solved challenge.
    pub reports_with_work: Arc<RateLimiter>,
    pub challenges: Arc<Challenges>,
}

#[cfg(feature = "ssr")]
impl Limits {
    pub fn new(reports_per_ten_minutes: u32) -> Limits {
        Limits {
            receipt_guesses_per_client: Arc::new(RateLimiter::new(10, Duration::from_secs(60))),
            receipt_guesses_per_prefix: Arc::new(RateLimiter::new(10, Duration::from_secs(60))),
            reports_per_client: Arc::new(RateLimiter::new(
                reports_per_ten_minutes,
                Duration::from_secs(600),
            )),
            reports_with_work: Arc::new(RateLimiter::new(
                reports_per_ten_minutes.saturating_mul(4),
                Duration::from_secs(600),
            )),
            challenges: Arc::new(Challenges::default()),
        }
    }
}
