//! Random tokens and keyed digests as text: form tokens, submission keys, receipts' keys,
//! client keys. One place, so every one of them is made from the same random source and
//! written the same way.

use rand::RngCore;

/// 128 random bits as 32 lowercase hex digits: unguessable, and safe in a URL or a form.
pub fn random() -> String {
    let mut bytes = [0u8; 16];
    rand::rng().fill_bytes(&mut bytes);
    hex(&bytes)
}

/// Bytes as lowercase hex digits.
pub use inputs::hex;

/// A key for one purpose (`label`) derived from the portal's secret: HMAC-SHA-256 of the
/// label and a counter byte, HKDF-Expand with a single block (RFC 5869; the secret is
/// uniformly random, so it needs no extract step). One secret gives every instance the same
/// keys, and no key says anything about another.
pub fn derive_key(master: &[u8; 32], label: &[u8]) -> [u8; 32] {
    use hmac::{Hmac, Mac};
    let mut mac =
        <Hmac<sha2::Sha256> as Mac>::new_from_slice(master).expect("HMAC takes any key length");
    mac.update(label);
    mac.update(&[1]);
    mac.finalize().into_bytes().into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_32_hex_digits_and_differ() {
        let (a, b) = (random(), random());
        assert_eq!(a.len(), 32);
        assert!(
            a.bytes()
                .all(|c| c.is_ascii_hexdigit() && !c.is_ascii_uppercase())
        );
        assert_ne!(a, b);
        assert_eq!(hex(&[0, 15, 255]), "000fff");
    }
}
