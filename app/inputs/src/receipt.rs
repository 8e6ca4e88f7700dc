//! Receipts: the only key to a report. 100 random bits, written as 20 characters of
//! Crockford's base-32 in four groups (`7KQ2M-...`), which has no look-alike letters and
//! forgives typing O for 0 and I or L for 1, in any case, with or without the dashes.
//!
//! Stored only as HMAC-SHA-256 under a server key: the hash is also the lookup key. With
//! 100 random bits a slow password hash would add no safety and would cap intake.

use hmac::{Hmac, Mac};
use sha2::Sha256;

const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const CHARS: usize = 20;
const GROUP: usize = 5;

#[derive(Clone, PartialEq, Eq)]
pub struct Receipt(String);

impl std::fmt::Debug for Receipt {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Receipt(<redacted>)")
    }
}

impl Receipt {
    /// The receipt of the report with this submission key: 100 bits of an HMAC under a
    /// server key, as unpredictable as random ones without that key. Being reproducible, it
    /// can be shown again when a submission arrives twice because the phone's connection
    /// dropped the first answer (see `intake::RESHOW_SECONDS`).
    pub fn for_submission(key: &[u8; 32], submission: &str) -> Receipt {
        let mut mac = Hmac::<Sha256>::new_from_slice(key).expect("HMAC takes any key length");
        mac.update(submission.as_bytes());
        let bytes = mac.finalize().into_bytes();
        let bits = u128::from_be_bytes(bytes[..16].try_into().expect("16 bytes"));
        Receipt(
            (0..CHARS)
                .map(|i| ALPHABET[((bits >> (123 - 5 * i)) & 31) as usize] as char)
                .collect(),
        )
    }

    /// A receipt as a person typed it, or `None` if it cannot be one.
    pub fn parse(typed: &str) -> Option<Receipt> {
        let mut out = String::with_capacity(CHARS);
        for c in typed.chars() {
            let c = match c.to_ascii_uppercase() {
                ' ' | '-' | '\u{2010}'..='\u{2015}' | '\t' | '\n' | '\r' => continue,
                'O' => '0',
                'I' | 'L' => '1',
                c if ALPHABET.contains(&(c as u8)) && c.is_ascii() => c,
                _ => return None,
            };
            out.push(c);
            if out.len() > CHARS {
                return None;
            }
        }
        (out.len() == CHARS).then_some(Receipt(out))
    }

    /// Four groups of five, for reading and copying.
    pub fn display(&self) -> String {
        self.0
            .as_bytes()
            .chunks(GROUP)
            .map(|chunk| std::str::from_utf8(chunk).unwrap_or_default())
            .collect::<Vec<_>>()
            .join("-")
    }

    /// The first group: guesses are also limited per prefix, so a guesser cannot spread
    /// out over many clients against one report.
    pub fn prefix(&self) -> &str {
        &self.0[..GROUP]
    }

    /// The stored form and lookup key: HMAC-SHA-256 under the server's receipt key, in hex.
    pub fn key(&self, secret: &[u8; 32]) -> String {
        let mut mac = Hmac::<Sha256>::new_from_slice(secret).expect("HMAC takes any key length");
        mac.update(self.0.as_bytes());
        crate::hex(&mac.finalize().into_bytes())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A receipt as reports get them: from a random submission key under a random key.
    fn random_receipt() -> Receipt {
        let key: [u8; 32] = rand::random();
        let submission: [u8; 16] = rand::random();
        Receipt::for_submission(&key, &format!("{submission:02x?}"))
    }

    #[test]
    fn a_receipt_reads_back_however_it_is_typed() {
        let receipt = random_receipt();
        let shown = receipt.display();
        assert_eq!(shown.len(), 23);
        assert_eq!(Receipt::parse(&shown), Some(receipt.clone()));
        assert_eq!(
            Receipt::parse(&shown.to_lowercase().replace('-', " ")),
            Some(receipt.clone())
        );
        let typo = shown.replace('0', "O").replace('1', "l");
        assert_eq!(Receipt::parse(&typo), Some(receipt));
    }

    #[test]
    fn anything_else_is_not_a_receipt() {
        for bad in [
            "",
            "12345",
            "UUUUU-UUUUU-UUUUU-UUUUU",
            "ABCDE-ABCDE-ABCDE-ABCDE-A",
            "ABCDE-ABCDE-ABCDE-ABCD€",
        ] {
            assert_eq!(Receipt::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn receipts_carry_100_random_bits() {
        // 32 symbols (5 bits each), 20 of them; and no two of many are alike.
        assert_eq!(ALPHABET.len(), 32);
        let many: std::collections::HashSet<String> =
            (0..10_000).map(|_| random_receipt().0).collect();
        assert_eq!(many.len(), 10_000);
        let per_position: std::collections::HashSet<char> = (0..2_000)
            .map(|_| random_receipt().0.chars().next().unwrap())
            .collect();
        assert_eq!(per_position.len(), 32);
    }

    #[test]
    fn the_key_depends_on_the_secret() {
        let receipt = random_receipt();
        assert_ne!(receipt.key(&[1; 32]), receipt.key(&[2; 32]));
        assert_eq!(receipt.key(&[1; 32]).len(), 64);
    }
}
