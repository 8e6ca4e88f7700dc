//! The proof of work the report form asks for only when one client sends far more reports
//! than a person would: a puzzle that costs the browser well under a second, and a flood of
//! reports minutes of computing. No third party, no picture puzzles, nothing to store.
//!
//! The puzzle: find a number `n` such that SHA-256 of `"{challenge}:{n}"` starts with
//! `bits` zero bits. The challenge says how many bits (see [`Challenge::bits`]); the server
//! signs it, so it cannot be made easier.
//!
//! The solver is here, beside the checker, because both sides must hash exactly alike: the
//! browser runs it in WASM and the tests natively.

use sha2::{Digest, Sha256};

/// A challenge as it travels: `w1.{bits}.{expires}.{nonce}.{mac}`.
pub struct Challenge<'a>(pub &'a str);

impl Challenge<'_> {
    /// The number of leading zero bits a solution's hash needs; `None` if malformed.
    pub fn bits(&self) -> Option<u8> {
        let mut parts = self.0.split('.');
        (parts.next() == Some("w1"))
            .then(|| parts.next()?.parse().ok())
            .flatten()
            .filter(|bits| *bits <= 32)
    }

    /// True if `n` solves this challenge.
    pub fn is_solved_by(&self, n: u64) -> bool {
        self.bits()
            .is_some_and(|bits| leading_zero_bits(&self.hash(n)) >= u32::from(bits))
    }

    /// Tries `count` numbers from `from`; the browser calls this in slices and yields between
    /// them, so the page stays responsive.
    pub fn search(&self, from: u64, count: u64) -> Option<u64> {
        let bits = u32::from(self.bits()?);
        // The challenge prefix is hashed once; each try only adds the number.
        let mut prefix = Sha256::new();
        prefix.update(self.0.as_bytes());
        prefix.update(b":");
        (from..from.saturating_add(count)).find(|n| {
            let mut hasher = prefix.clone();
            hasher.update(n.to_string().as_bytes());
            leading_zero_bits(&hasher.finalize().into()) >= bits
        })
    }

    fn hash(&self, n: u64) -> [u8; 32] {
        Sha256::digest(format!("{}:{n}", self.0).as_bytes()).into()
    }
}

fn leading_zero_bits(hash: &[u8; 32]) -> u32 {
    let mut bits = 0;
    for byte in hash {
        bits += byte.leading_zeros();
        if *byte != 0 {
            break;
        }
    }
    bits
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn search_finds_the_first_solution() {
        let challenge = Challenge("w1.12.1700000000.abc.def");
        let n = challenge
            .search(0, 1 << 20)
            .expect("12 bits are found quickly");
        assert!(challenge.is_solved_by(n));
        let others = (0..n).filter(|m| challenge.is_solved_by(*m)).count();
        assert_eq!(others, 0, "search returns the first solution");
    }

    #[test]
    fn bits_come_from_the_challenge_and_nonsense_has_none() {
        assert_eq!(Challenge("w1.18.1.a.b").bits(), Some(18));
        assert_eq!(Challenge("w1.99.1.a.b").bits(), None);
        assert_eq!(Challenge("v2.18.1.a.b").bits(), None);
        assert_eq!(Challenge("").bits(), None);
        assert!(!Challenge("garbage").is_solved_by(0));
        assert_eq!(Challenge("garbage").search(0, 10), None);
    }

    #[test]
    fn leading_zeros_count_across_bytes() {
        let mut hash = [0u8; 32];
        hash[1] = 0b0001_0000;
        assert_eq!(leading_zero_bits(&hash), 11);
        assert_eq!(leading_zero_bits(&[0xff; 32]), 0);
    }
}
