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
#[cfg(feature = "ssr")]
mod reshow;
pub mod work;

#[cfg(feature = "ssr")]
pub use challenges::{Challenges, Refused};
#[cfg(feature = "ssr")]
pub use client_key::{ClientHasher, ClientKey};
#[cfg(feature = "ssr")]
pub use rate_limit::RateLimiter;
#[cfg(feature = "ssr")]
pub use reshow::{MAX_RESHOWS, ReshowTokens};

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
    /// Receipt guesses per client per minute past which it is refused unchecked: a client
    /// this far over its limit is a program, and its guesses must not cost lookups.
    pub receipt_guesses_refused_per_client: Arc<RateLimiter>,
    /// Slowed guesses waiting at once: past it a guess is refused, so slowing cannot be
    /// turned into holding many requests open.
    pub slowed_guesses: Arc<tokio::sync::Semaphore>,
    /// Wrong receipts per network per minute (a shared network has many people).
    pub receipt_guesses_per_network: Arc<RateLimiter>,
    /// Wrong receipts per receipt prefix per minute, whoever tries.
    pub receipt_guesses_per_prefix: Arc<RateLimiter>,
    /// Wrong receipts per minute on this instance: the breaker for a guesser spread over
    /// many networks.
    pub receipt_guesses_everywhere: Arc<RateLimiter>,
    /// Reports per client per ten minutes without a challenge.
    pub reports_per_client: Arc<RateLimiter>,
    /// Reports per network per ten minutes without a challenge.
    pub reports_per_network: Arc<RateLimiter>,
    /// Further reports per client per ten minutes, each with a solved challenge.
    pub reports_with_work: Arc<RateLimiter>,
    pub challenges: Arc<Challenges>,
    /// Staff sign-ins started per client per minute: each start keeps a pending sign-in (a
    /// session row) until the identity provider answers or it expires.
    pub sign_in_starts_per_client: Arc<RateLimiter>,
    /// The same per network (an office behind one address signs in together in the morning).
    pub sign_in_starts_per_network: Arc<RateLimiter>,
    /// One-time tokens for showing a receipt again ([`ReshowTokens`]).
    pub reshow_tokens: Arc<ReshowTokens>,
}

/// How long a receipt guess over a limit waits before it is checked. Over a shared limit (its
/// network's, the prefix's, the instance's) a guess is slowed, never refused unchecked: a
/// person who types their receipt right gets in, however much others have been guessing.
#[cfg(feature = "ssr")]
pub const OVER_LIMIT_DELAY: Duration = Duration::from_secs(2);

#[cfg(feature = "ssr")]
impl Limits {
    /// `work_key` signs the proof-of-work challenges and `reshow_key` the re-show tokens
    /// (both derived from the portal's secret, so every instance accepts the others').
    pub fn new(reports_per_ten_minutes: u32, work_key: [u8; 32], reshow_key: [u8; 32]) -> Limits {
        let per_minute = |n| Arc::new(RateLimiter::new(n, Duration::from_secs(60)));
        let per_ten_minutes = |n| Arc::new(RateLimiter::new(n, Duration::from_secs(600)));
        Limits {
            receipt_guesses_per_client: per_minute(10),
            receipt_guesses_refused_per_client: per_minute(30),
            slowed_guesses: Arc::new(tokio::sync::Semaphore::new(32)),
            receipt_guesses_per_network: per_minute(50),
            receipt_guesses_per_prefix: per_minute(10),
            receipt_guesses_everywhere: per_minute(1_000),
            reports_per_client: per_ten_minutes(reports_per_ten_minutes),
            reports_per_network: per_ten_minutes(reports_per_ten_minutes.saturating_mul(10)),
            reports_with_work: per_ten_minutes(reports_per_ten_minutes.saturating_mul(4)),
            challenges: Arc::new(Challenges::with_key(work_key)),
            sign_in_starts_per_client: per_minute(20),
            sign_in_starts_per_network: per_minute(200),
            reshow_tokens: Arc::new(ReshowTokens::with_key(reshow_key)),
        }
    }

    /// Reserves one receipt guess against every limit it counts toward: the client, its
    /// network, the receipt's prefix, the instance. Reserved first and given back when the
    /// receipt was right, so that guesses at the same moment cannot all pass the check. A
    /// client over its own limit counts no further: it cannot use up its network's or the
    /// instance's limit for everyone else.
    pub fn reserve_receipt_guess(&self, client: Option<&ClientKey>, prefix: &str) -> Guess {
        let mut guess = Guess {
            reserved: Vec::new(),
            within_limits: true,
            over_own_limit: false,
            refused: false,
        };
        let take = |guess: &mut Guess, limiter: &Arc<RateLimiter>, key: &str| -> bool {
            match limiter.reserve(key) {
                Some(window) => {
                    guess
                        .reserved
                        .push((limiter.clone(), key.to_owned(), window));
                    true
                }
                None => {
                    guess.within_limits = false;
                    false
                }
            }
        };
        if let Some(client) = client {
            if !take(
                &mut guess,
                &self.receipt_guesses_refused_per_client,
                &client.client,
            ) {
                guess.refused = true;
                return guess;
            }
            if !take(&mut guess, &self.receipt_guesses_per_client, &client.client) {
                guess.over_own_limit = true;
                return guess;
            }
            take(
                &mut guess,
                &self.receipt_guesses_per_network,
                &client.network,
            );
        }
        take(&mut guess, &self.receipt_guesses_per_prefix, prefix);
        take(&mut guess, &self.receipt_guesses_everywhere, "");
        guess
    }

    /// Counts one report for `client` and its network; false when either is over its limit
    /// (the report then needs a solved challenge).
    /// Whether `client` may start another staff sign-in (counted when it may).
    pub fn sign_in_start_allowed(&self, client: &ClientKey) -> bool {
        self.sign_in_starts_per_client.try_hit(&client.client)
            && self.sign_in_starts_per_network.try_hit(&client.network)
    }

    pub fn report_within_limits(&self, client: &ClientKey) -> bool {
        let by_client = self.reports_per_client.try_hit(&client.client);
        let by_network = self.reports_per_network.try_hit(&client.network);
        by_client && by_network
    }
}

/// One receipt guess, counted.
#[cfg(feature = "ssr")]
pub struct Guess {
    reserved: Vec<(Arc<RateLimiter>, String, std::time::Instant)>,
    /// False when any limit was already reached: the guess is slowed.
    pub within_limits: bool,
    /// The client itself is over its limit (not only others on its network, or anywhere).
    pub over_own_limit: bool,
    /// Far over the client's limit: refused without looking it up.
    pub refused: bool,
}

#[cfg(feature = "ssr")]
impl Guess {
    /// The receipt was right (or could not be checked): it does not count as a guess.
    pub fn give_back(self) {
        for (limiter, key, window) in self.reserved {
            limiter.release(&key, window);
        }
    }
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;

    fn client(n: u8) -> ClientKey {
        ClientKey {
            client: format!("client-{n}"),
            network: "one-network".to_owned(),
        }
    }

    #[test]
    fn wrong_guesses_count_per_client_and_network_and_right_ones_do_not() {
        let limits = Limits::new(5, [7; 32], [8; 32]);
        for _ in 0..10 {
            assert!(
                limits
                    .reserve_receipt_guess(Some(&client(1)), "AAAAA")
                    .within_limits
            );
        }
        // The eleventh wrong guess of client 1 is over its limit; client 2 is not.
        assert!(
            !limits
                .reserve_receipt_guess(Some(&client(1)), "BBBBB")
                .within_limits
        );
        assert!(
            limits
                .reserve_receipt_guess(Some(&client(2)), "CCCCC")
                .within_limits
        );
        // Right guesses are given back: a person can sign in as often as they like.
        for _ in 0..30 {
            let guess = limits.reserve_receipt_guess(Some(&client(3)), "DDDDD");
            assert!(guess.within_limits);
            guess.give_back();
        }
        // Many clients of one network: the network's limit holds them all.
        let mut over = false;
        for n in 10..80 {
            over |= !limits
                .reserve_receipt_guess(Some(&client(n)), &format!("P{n}"))
                .within_limits;
        }
        assert!(over, "the network's limit was never reached");
    }
}
