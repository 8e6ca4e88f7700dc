//! One-time tokens for showing a receipt again. A report's last step carries one; when the
//! same form arrives again within seconds (the phone's connection lost the first answer),
//! the receipt is shown again only against a token not used for that before. So someone who
//! picks up the phone and presses Back gets at most what the person would have got on a
//! retry, once, and only within the re-show window. In memory, random, identifying no one.

use std::{
    collections::HashMap,
    sync::Mutex,
    time::{Duration, Instant},
};

/// How long a last step's token stays good: the time a person may take on that page.
const VALID_FOR: Duration = Duration::from_secs(3600);
/// Tokens kept at most; past it, expired ones go, then the oldest.
const MAX_TOKENS: usize = 200_000;

#[derive(Default)]
pub struct ReshowTokens {
    issued: Mutex<HashMap<String, Instant>>,
}

impl ReshowTokens {
    /// A new token for a last step.
    pub fn issue(&self) -> String {
        let token = crate::token::random();
        let now = Instant::now();
        let mut issued = self.issued.lock().unwrap_or_else(|e| e.into_inner());
        if issued.len() >= MAX_TOKENS {
            issued.retain(|_, at| now.duration_since(*at) < VALID_FOR);
            if issued.len() >= MAX_TOKENS
                && let Some(oldest) = issued
                    .iter()
                    .min_by_key(|(_, at)| **at)
                    .map(|(t, _)| t.clone())
            {
                issued.remove(&oldest);
            }
        }
        issued.insert(token.clone(), now);
        token
    }

    /// Uses `token` up: true the first time, for a token this instance issued and that has
    /// not expired.
    pub fn spend(&self, token: &str) -> bool {
        let mut issued = self.issued.lock().unwrap_or_else(|e| e.into_inner());
        issued
            .remove(token)
            .is_some_and(|at| at.elapsed() < VALID_FOR)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_token_is_good_once_and_only_if_issued() {
        let tokens = ReshowTokens::default();
        let token = tokens.issue();
        assert!(tokens.spend(&token));
        assert!(!tokens.spend(&token), "once");
        assert!(!tokens.spend("made-up"));
        assert_ne!(tokens.issue(), tokens.issue());
    }
}
