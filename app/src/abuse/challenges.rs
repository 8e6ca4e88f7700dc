//! Issues and checks the signed proof-of-work challenges (see [`super::work`]).
//!
//! The signing key is derived from the portal's secret (every instance accepts the others'
//! challenges); a challenge is valid for ten minutes, and once on each instance (spent ones
//! are remembered in memory).

use std::{
    collections::HashMap,
    sync::Mutex,
    time::{SystemTime, UNIX_EPOCH},
};

use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD};
use hmac::{Hmac, Mac};
use rand::RngCore;
use sha2::Sha256;

use super::work::Challenge;

const VALID_SECONDS: u64 = 600;

/// Why a solution was not accepted; the form then simply gets a fresh challenge.
#[derive(Debug, PartialEq, Eq)]
pub enum Refused {
    Malformed,
    Forged,
    Expired,
    Unsolved,
    AlreadyUsed,
}

pub struct Challenges {
    key: [u8; 32],
    /// Solved challenges until they expire, so one solution buys one report.
    spent: Mutex<HashMap<String, u64>>,
}

impl Default for Challenges {
    /// With a random key, for tests.
    fn default() -> Self {
        let mut key = [0u8; 32];
        rand::rng().fill_bytes(&mut key);
        Challenges::with_key(key)
    }
}

impl Challenges {
    pub fn with_key(key: [u8; 32]) -> Challenges {
        Challenges {
            key,
            spent: Mutex::new(HashMap::new()),
        }
    }

    /// A new challenge needing `bits` leading zero bits.
    pub fn issue(&self, bits: u8) -> String {
        self.issue_at(bits, now())
    }

    /// Accepts `n` as the solution of `challenge` once.
    pub fn redeem(&self, challenge: &str, n: u64) -> Result<(), Refused> {
        self.redeem_at(challenge, n, now())
    }

    fn issue_at(&self, bits: u8, now: u64) -> String {
        let mut nonce = [0u8; 16];
        rand::rng().fill_bytes(&mut nonce);
        let body = format!(
            "w1.{bits}.{}.{}",
            now + VALID_SECONDS,
            URL_SAFE_NO_PAD.encode(nonce)
        );
        let mac = URL_SAFE_NO_PAD.encode(self.mac(&body).finalize().into_bytes());
        format!("{body}.{mac}")
    }

    fn redeem_at(&self, challenge: &str, n: u64, now: u64) -> Result<(), Refused> {
        let (body, mac) = challenge.rsplit_once('.').ok_or(Refused::Malformed)?;
        let mac = URL_SAFE_NO_PAD
            .decode(mac)
            .map_err(|_| Refused::Malformed)?;
        self.mac(body)
            .verify_slice(&mac)
            .map_err(|_| Refused::Forged)?;
        let expires: u64 = body
            .split('.')
            .nth(2)
            .and_then(|e| e.parse().ok())
            .ok_or(Refused::Malformed)?;
        if now > expires {
            return Err(Refused::Expired);
        }
        if !Challenge(challenge).is_solved_by(n) {
            return Err(Refused::Unsolved);
        }
        let mut spent = self.spent.lock().unwrap_or_else(|e| e.into_inner());
        spent.retain(|_, expires| *expires >= now);
        if spent.insert(challenge.to_owned(), expires).is_some() {
            return Err(Refused::AlreadyUsed);
        }
        Ok(())
    }

    fn mac(&self, body: &str) -> Hmac<Sha256> {
        let mut mac = Hmac::<Sha256>::new_from_slice(&self.key).expect("any key length");
        mac.update(body.as_bytes());
        mac
    }
}

fn now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn solve(challenge: &str) -> u64 {
        Challenge(challenge).search(0, u64::MAX).expect("solvable")
    }

    #[test]
    fn a_solved_challenge_is_accepted_once() {
        let challenges = Challenges::default();
        let challenge = challenges.issue_at(10, 1_000);
        let n = solve(&challenge);
        assert_eq!(challenges.redeem_at(&challenge, n, 1_001), Ok(()));
        assert_eq!(
            challenges.redeem_at(&challenge, n, 1_002),
            Err(Refused::AlreadyUsed)
        );
    }

    #[test]
    fn wrong_answers_easier_copies_late_answers_and_other_servers_are_refused() {
        let challenges = Challenges::default();
        let challenge = challenges.issue_at(10, 1_000);
        let n = solve(&challenge);
        let wrong = (0..)
            .find(|m| !Challenge(&challenge).is_solved_by(*m))
            .unwrap();
        assert_eq!(
            challenges.redeem_at(&challenge, wrong, 1_001),
            Err(Refused::Unsolved)
        );
        let easier = challenge.replacen("w1.10.", "w1.1.", 1);
        assert_eq!(
            challenges.redeem_at(&easier, solve(&easier), 1_001),
            Err(Refused::Forged)
        );
        assert_eq!(
            challenges.redeem_at(&challenge, n, 1_000 + VALID_SECONDS + 1),
            Err(Refused::Expired)
        );
        assert_eq!(
            Challenges::default().redeem_at(&challenge, n, 1_001),
            Err(Refused::Forged)
        );
        assert_eq!(
            challenges.redeem_at("w1", 0, 1_001),
            Err(Refused::Malformed)
        );
    }
}
