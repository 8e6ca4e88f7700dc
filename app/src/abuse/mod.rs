//! Keeping the public forms usable under abuse without knowing who anyone is.
//!
//! Clients are told apart by a keyed hash of their address whose key lives only in memory
//! and changes every day: it cannot be reversed, is never stored or logged, and yesterday's
//! hashes cannot be linked to today's. Limits count in fixed one-minute (or longer) windows,
//! so a lock-out ends by itself within the window.

mod client_key;
mod rate_limit;

pub use client_key::{ClientHasher, ClientKey};
pub use rate_limit::RateLimiter;

use std::{sync::Arc, time::Duration};

/// The limits the public forms share, provided to server functions as context.
#[derive(Clone)]
pub struct Limits {
    /// Wrong receipts per client per minute.
    pub receipt_guesses_per_client: Arc<RateLimiter>,
    /// Wrong receipts per receipt prefix per minute, whoever tries.
    pub receipt_guesses_per_prefix: Arc<RateLimiter>,
    /// Reports per client per ten minutes.
    pub reports_per_client: Arc<RateLimiter>,
}

impl Limits {
    pub fn new(reports_per_ten_minutes: u32) -> Limits {
        Limits {
            receipt_guesses_per_client: Arc::new(RateLimiter::new(10, Duration::from_secs(60))),
            receipt_guesses_per_prefix: Arc::new(RateLimiter::new(10, Duration::from_secs(60))),
            reports_per_client: Arc::new(RateLimiter::new(
                reports_per_ten_minutes,
                Duration::from_secs(600),
            )),
        }
    }
}
