//! The hash that links audit events.
//!
//! `hash = hex(SHA-256(prev_hash ‖ "\n" ‖ json([id, occurred_at, actor_id, actor, action,
//! case_id, target, detail])))`, with `prev_hash` of the first event 64 zeros. The id is part
//! of the hashed text and ids run 1, 2, 3, … without gaps, so removing or reordering events
//! breaks the chain as surely as editing one. JSON of an array keeps fields apart
//! unambiguously (no separator can be forged inside a text field).

use sha2::{Digest, Sha256};

/// The `prev_hash` of the very first event.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

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

/// The hash of an event that follows `prev_hash`, as 64 lower-case hex digits.
pub fn event_hash(prev_hash: &str, event: &Hashed<'_>) -> String {
    let fields = serde_json::json!([
        event.id,
        event.occurred_at,
        event.actor_id,
        event.actor,
        event.action,
        event.case_id,
        event.target,
        event.detail,
    ]);
    let mut hasher = Sha256::new();
    hasher.update(prev_hash.as_bytes());
    hasher.update(b"\n");
    hasher.update(fields.to_string().as_bytes());
    hasher
        .finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
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

    #[test]
    fn the_hash_is_stable_and_covers_every_field() {
        let a = event_hash(GENESIS, &event("role=analyst"));
        assert_eq!(a.len(), 64);
        assert_eq!(a, event_hash(GENESIS, &event("role=analyst")));
        assert_ne!(a, event_hash(GENESIS, &event("role=administrator")));
        assert_ne!(a, event_hash(&a, &event("role=analyst")));
        let mut other = event("role=analyst");
        other.id = 2;
        assert_ne!(a, event_hash(GENESIS, &other));
    }

    #[test]
    fn text_cannot_spill_from_one_field_into_the_next() {
        let mut one = event("x");
        one.actor = "a\",\"b";
        let mut two = event("x");
        two.actor = "a";
        two.action = "b";
        assert_ne!(event_hash(GENESIS, &one), event_hash(GENESIS, &two));
    }
}
