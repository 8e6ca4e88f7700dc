//! Tokens for showing a receipt again. A report's last step carries one, signed for that
//! form's submission id: when the same form arrives again within seconds (the phone's
//! connection lost the answer, or an impatient tap sent it twice), the receipt is shown
//! again only against a token for that very form, at most [`MAX_RESHOWS`] times. So someone
//! who later picks up the phone and presses Back gets at most what a retry would, and only
//! within the re-show window. Signed with a key derived from the portal's secret, so any
//! instance accepts it; the uses are counted in memory, identifying no one.

use std::{
    collections::HashMap,
    sync::Mutex,
    time::{Duration, Instant, SystemTime, UNIX_EPOCH},
};

use hmac::{Hmac, Mac};
use sha2::Sha256;

/// How long a last step's token stays good: the time a person may take on that page.
const VALID_SECONDS: u64 = 3600;
/// Re-shows per token: three taps on a slow connection all end with the receipt on screen.
pub const MAX_RESHOWS: u32 = 3;
/// Tokens whose uses are remembered at most (each is a re-show, not a page view).
const MAX_REMEMBERED: usize = 100_000;

pub struct ReshowTokens {
    key: [u8; 32],
    /// Re-shows per token, with when the token was first used.
    used: Mutex<HashMap<String, (Instant, u32)>>,
}

impl ReshowTokens {
    pub fn with_key(key: [u8; 32]) -> ReshowTokens {
        ReshowTokens {
            key,
            used: Mutex::new(HashMap::new()),
        }
    }

    /// A token for the last step of the form with this submission id.
    pub fn issue(&self, submission: &str) -> String {
        self.issue_at(submission, now())
    }

    /// Uses `token` for the form with this submission id: true while it is this form's,
    /// unexpired, and used fewer than [`MAX_RESHOWS`] times.
    pub fn redeem(&self, token: &str, submission: &str) -> bool {
        self.redeem_at(token, submission, now())
    }

    fn issue_at(&self, submission: &str, at: u64) -> String {
        // A nonce of its own: two renderings of one last step in one second are two tokens,
        // each with its own few uses.
        let nonce = crate::token::random();
        format!("{at}.{nonce}.{}", self.mac(submission, at, &nonce))
    }

    fn redeem_at(&self, token: &str, submission: &str, at: u64) -> bool {
        let mut parts = token.splitn(3, '.');
        let (Some(issued), Some(nonce), Some(mac)) = (parts.next(), parts.next(), parts.next())
        else {
            return false;
        };
        let Ok(issued) = issued.parse::<u64>() else {
            return false;
        };
        let fresh = issued <= at && at - issued <= VALID_SECONDS;
        let expected = self.mac(submission, issued, nonce);
        let genuine = subtle::ConstantTimeEq::ct_eq(mac.as_bytes(), expected.as_bytes()).into();
        if !(fresh && genuine) {
            return false;
        }
        let mut used = self.used.lock().unwrap_or_else(|e| e.into_inner());
        if used.len() >= MAX_REMEMBERED {
            let valid = Duration::from_secs(VALID_SECONDS);
            used.retain(|_, (first, _)| first.elapsed() < valid);
        }
        let entry = used.entry(token.to_owned()).or_insert((Instant::now(), 0));
        if entry.1 >= MAX_RESHOWS {
            return false;
        }
        entry.1 += 1;
        true
    }

    fn mac(&self, submission: &str, at: u64, nonce: &str) -> String {
        let mut mac = Hmac::<Sha256>::new_from_slice(&self.key).expect("HMAC takes any key length");
        mac.update(submission.as_bytes());
        mac.update(b".");
        mac.update(at.to_string().as_bytes());
        mac.update(b".");
        mac.update(nonce.as_bytes());
        crate::token::hex(&mac.finalize().into_bytes()[..16])
    }
}

fn now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_token_is_good_for_its_own_form_a_few_times_and_not_forever() {
        let tokens = ReshowTokens::with_key([3; 32]);
        let token = tokens.issue_at("form-a", 1_000);
        for _ in 0..MAX_RESHOWS {
            assert!(tokens.redeem_at(&token, "form-a", 1_010));
        }
        assert!(
            !tokens.redeem_at(&token, "form-a", 1_010),
            "at most three times"
        );
        let other = tokens.issue_at("form-b", 1_000);
        assert!(
            !tokens.redeem_at(&other, "form-a", 1_010),
            "another form's token"
        );
        assert!(
            !tokens.redeem_at("1000.00", "form-b", 1_010),
            "a made-up token"
        );
        assert!(
            !tokens.redeem_at(&other, "form-b", 1_000 + VALID_SECONDS + 1),
            "expired"
        );
        // Another instance with the same secret accepts it.
        assert!(ReshowTokens::with_key([3; 32]).redeem_at(&other, "form-b", 1_010));
        assert!(!ReshowTokens::with_key([4; 32]).redeem_at(&other, "form-b", 1_010));
    }
}
