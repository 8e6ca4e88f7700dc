//! The hash that links audit events.
//!
//! `hash = hex(HMAC-SHA-256(key, prev_hash ‖ "\n" ‖ json([id, occurred_at, actor_id, actor,
//! action, case_id, target, detail])))`, with `prev_hash` of the first event 64 zeros and the
//! key derived from the portal's secret ([`ChainKey`]). The id is part of the hashed text and
//! ids run 1, 2, 3, … without gaps, so removing or reordering events breaks the chain as
//! surely as editing one. JSON of an array keeps fields apart unambiguously (no separator can
//! be forged inside a text field).
//!
//! Keyed, because a plain hash can be recomputed by anyone who can write to the database:
//! edit one event, re-hash the rest, and the chain verified as intact. Events written before
//! the key existed were hashed with plain SHA-256 over the same text ([`legacy_hash`]); they
//! keep verifying as a legacy segment at the start of the chain and are never re-hashed (that
//! would need exactly the trust in the database the key removes). A plain-hashed event after
//! a keyed one does not fit. What the key cannot stop, someone deleting the newest events,
//! the head anchored outside the database does: see `store::verify`'s checkpoint.

use hmac::{Hmac, Mac};
use sha2::{Digest, Sha256};

/// The `prev_hash` of the very first event.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// The key of the chain's HMAC, derived from the portal's secret, so every instance and the
/// command line agree on it without another setting.
#[derive(Clone)]
pub struct ChainKey([u8; 32]);

impl ChainKey {
    pub fn derive(master: &[u8; 32]) -> ChainKey {
        ChainKey(crate::token::derive_key(
            master,
            b"portal audit chain key v1",
        ))
    }
}

impl std::fmt::Debug for ChainKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ChainKey").finish_non_exhaustive()
    }
}

/// The fields an event's hash covers, in hashing order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hashed<'a> {
    pub id: i64,
    pub occurred_at: i64,
    pub actor_id: Option<i64>,
    pub actor: &'a str,
    pub action: &'a str,
    pub case_id: Option<i64>,
    pub target: Option<&'a str>,
    pub detail: &'a str,
}

impl Hashed<'_> {
    fn text(&self) -> String {
        serde_json::json!([
            self.id,
            self.occurred_at,
            self.actor_id,
            self.actor,
            self.action,
            self.case_id,
            self.target,
            self.detail,
        ])
        .to_string()
    }
}

/// The hash of an event that follows `prev_hash`, as 64 lower-case hex digits.
pub fn event_hash(key: &ChainKey, prev_hash: &str, event: &Hashed<'_>) -> String {
    let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(&key.0).expect("HMAC takes any key length");
    mac.update(prev_hash.as_bytes());
    mac.update(b"\n");
    mac.update(event.text().as_bytes());
    crate::token::hex(&mac.finalize().into_bytes())
}

/// The plain hash events had before the chain was keyed; only ever checked, never written.
pub fn legacy_hash(prev_hash: &str, event: &Hashed<'_>) -> String {
    let mut hasher = Sha256::new();
    hasher.update(prev_hash.as_bytes());
    hasher.update(b"\n");
    hasher.update(event.text().as_bytes());
    crate::token::hex(&hasher.finalize())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event(detail: &str) -> Hashed<'_> {
        Hashed {
            id: 1,
            occurred_at: 1_700_000_000,
            actor_id: Some(3),
            actor: "admin@example.test",
            action: "staff.invited",
            case_id: None,
            target: Some("analyst@example.test"),
            detail,
        }
    }

    fn key() -> ChainKey {
        ChainKey::derive(&[7; 32])
    }

    #[test]
    fn the_hash_is_stable_and_covers_every_field() {
        let a = event_hash(&key(), GENESIS, &event("role=analyst"));
        assert_eq!(a.len(), 64);
        assert_eq!(a, event_hash(&key(), GENESIS, &event("role=analyst")));
        assert_ne!(a, event_hash(&key(), GENESIS, &event("role=administrator")));
        assert_ne!(a, event_hash(&key(), &a, &event("role=analyst")));
        let mut other = event("role=analyst");
        other.id = 2;
        assert_ne!(a, event_hash(&key(), GENESIS, &other));
    }

    #[test]
    fn without_the_key_the_hash_cannot_be_recomputed() {
        let keyed = event_hash(&key(), GENESIS, &event("role=analyst"));
        assert_ne!(keyed, legacy_hash(GENESIS, &event("role=analyst")));
        assert_ne!(
            keyed,
            event_hash(&ChainKey::derive(&[8; 32]), GENESIS, &event("role=analyst"))
        );
    }

    #[test]
    fn the_legacy_hash_is_the_plain_sha256_events_were_written_with() {
        // What the version before the key (commit 21e0ff2) stored for this event, computed
        // apart from this code: sha256("0"*64 + "\n" + the JSON array) in Python.
        assert_eq!(
            legacy_hash(GENESIS, &event("role=analyst")),
            "c5e900cfbfedc7d041a2e81184adc25ed0f3d363d7220b04e53edf078f0b9cf5"
        );
    }

    #[test]
    fn text_cannot_spill_from_one_field_into_the_next() {
        let mut one = event("x");
        one.actor = "a\",\"b";
        let mut two = event("x");
        two.actor = "a";
        two.action = "b";
        assert_ne!(
            event_hash(&key(), GENESIS, &one),
            event_hash(&key(), GENESIS, &two)
        );
    }
}
