//! The 256-bit PDQ hash value, its text form and its distance.
//!
//! Bit `k` (0..256) is DCT coefficient `k = 16 * row + column` of the 16x16
//! block (row = vertical frequency). The text form is Meta's: 64 lower-case
//! hex digits, the hash read as one big-endian 256-bit number, so the first
//! digit holds bits 255..252 and the last digit bits 3..0. This is what
//! Meta's C++ `Hash256::format` prints (its sixteen 16-bit words `w[15]` down
//! to `w[0]`, `%04hx` each) and what ThreatExchange exchanges.

use std::fmt;
use std::str::FromStr;

/// Number of bits in a PDQ hash.
pub const HASH_BITS: usize = 256;

/// A 256-bit perceptual hash, stored as four 64-bit words so that distance is
/// four popcounts. Word `q` holds bits `64 * q .. 64 * q + 64`, least
/// significant bit first; this is also the layout of Meta's `uint16_t w[16]`
/// on a little-endian machine.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Default, PartialOrd, Ord)]
pub struct Hash256 {
    words: [u64; 4],
}

/// Why a string is not a PDQ hash.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ParseHashError {
    /// Meta's parser accepts exactly 64 characters, nothing more or less.
    WrongLength(usize),
    /// A character that is not a hex digit, at this byte offset.
    NotHex(usize),
}

impl fmt::Display for ParseHashError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::WrongLength(n) => write!(f, "a PDQ hash has 64 hex digits, not {n}"),
            Self::NotHex(at) => write!(f, "not a hex digit at offset {at}"),
        }
    }
}

impl std::error::Error for ParseHashError {}

impl Hash256 {
    /// The all-zero hash, which Meta also returns for images too small to hash.
    pub const ZERO: Hash256 = Hash256 { words: [0; 4] };

    /// Builds a hash from its four words, word 0 holding bits 0..64.
    pub const fn from_words(words: [u64; 4]) -> Self {
        Self { words }
    }

    /// The four words, word 0 holding bits 0..64.
    pub const fn words(&self) -> [u64; 4] {
        self.words
    }

    /// Whether bit `k` is set; bit `k` is DCT coefficient `k` (row-major 16x16).
    ///
    /// # Panics
    /// If `k >= 256`.
    pub fn bit(&self, k: usize) -> bool {
        assert!(k < HASH_BITS, "bit index {k} out of range");
        (self.words[k / 64] >> (k % 64)) & 1 == 1
    }

    pub(crate) fn set_bit(&mut self, k: usize) {
        self.words[k / 64] |= 1 << (k % 64);
    }

    /// Number of differing bits (0..=256). Meta's suggested match threshold
    /// is a distance of 31 or less.
    pub fn hamming_distance(&self, other: &Hash256) -> u32 {
        self.words
            .iter()
            .zip(other.words.iter())
            .map(|(a, b)| (a ^ b).count_ones())
            .sum()
    }

    /// Parses Meta's 64-digit hex form; upper-case digits are accepted too,
    /// as C's `%hx` does.
    pub fn from_hex(text: &str) -> Result<Self, ParseHashError> {
        let bytes = text.as_bytes();
        if bytes.len() != HASH_BITS / 4 {
            return Err(ParseHashError::WrongLength(bytes.len()));
        }
        let mut words = [0u64; 4];
        // The text starts with the most significant word.
        for (chunk_index, chunk) in bytes.chunks_exact(16).enumerate() {
            let mut word = 0u64;
            for (offset, &c) in chunk.iter().enumerate() {
                let digit =
                    hex_digit_value(c).ok_or(ParseHashError::NotHex(chunk_index * 16 + offset))?;
                word = (word << 4) | u64::from(digit);
            }
            words[3 - chunk_index] = word;
        }
        Ok(Self { words })
    }

    /// Meta's 64-digit lower-case hex form.
    pub fn to_hex(&self) -> String {
        self.to_string()
    }
}

fn hex_digit_value(c: u8) -> Option<u8> {
    match c {
        b'0'..=b'9' => Some(c - b'0'),
        b'a'..=b'f' => Some(c - b'a' + 10),
        b'A'..=b'F' => Some(c - b'A' + 10),
        _ => None,
    }
}

impl fmt::Display for Hash256 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for word in self.words.iter().rev() {
            write!(f, "{word:016x}")?;
        }
        Ok(())
    }
}

impl fmt::Debug for Hash256 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Hash256({self})")
    }
}

impl FromStr for Hash256 {
    type Err = ParseHashError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::from_hex(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // Meta's expected hash for bridge-1-original.jpg (ThreatExchange, BSD).
    const BRIDGE: &str = "f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22";

    #[test]
    fn hex_round_trips_unchanged() {
        let hash = Hash256::from_hex(BRIDGE).unwrap();
        assert_eq!(hash.to_hex(), BRIDGE);
    }

    #[test]
    fn the_first_hex_digit_holds_the_highest_bits() {
        let hash = Hash256::from_hex(&format!("8{}", "0".repeat(63))).unwrap();
        assert!(hash.bit(255));
        assert_eq!(hash.words(), [0, 0, 0, 1 << 63]);
        let hash = Hash256::from_hex(&format!("{}1", "0".repeat(63))).unwrap();
        assert!(hash.bit(0));
        assert_eq!(hash.words(), [1, 0, 0, 0]);
    }

    #[test]
    fn upper_case_hex_is_accepted_and_printed_lower_case() {
        let hash = Hash256::from_hex(&BRIDGE.to_uppercase()).unwrap();
        assert_eq!(hash.to_string(), BRIDGE);
    }

    #[test]
    fn malformed_hex_is_rejected_with_its_reason() {
        assert_eq!(
            Hash256::from_hex("abc"),
            Err(ParseHashError::WrongLength(3))
        );
        let mut bad = BRIDGE.to_string();
        bad.replace_range(10..11, "g");
        assert_eq!(Hash256::from_hex(&bad), Err(ParseHashError::NotHex(10)));
        assert_eq!(
            Hash256::from_hex(&format!("{BRIDGE}0")),
            Err(ParseHashError::WrongLength(65))
        );
    }

    #[test]
    fn distance_counts_differing_bits_across_all_words() {
        let a = Hash256::ZERO;
        let b = Hash256::from_words([1, 3, 7, u64::MAX]);
        assert_eq!(a.hamming_distance(&b), 1 + 2 + 3 + 64);
        assert_eq!(b.hamming_distance(&a), 70);
        assert_eq!(b.hamming_distance(&b), 0);
    }

    #[test]
    fn distance_between_metas_bridge_and_its_rotation_is_metas_120() {
        // Pair and expected distance from ThreatExchange's PDQHasherTest.java.
        let original = Hash256::from_hex(BRIDGE).unwrap();
        let rotated: Hash256 = "30a10efd71cc3d429013d48d0ffffc52e34e0e17ada952a9d29685211ea9e5af"
            .parse()
            .unwrap();
        assert_eq!(original.hamming_distance(&rotated), 120);
    }

    #[test]
    fn set_bit_and_bit_agree() {
        let mut hash = Hash256::ZERO;
        for k in [0, 15, 16, 63, 64, 200, 255] {
            hash.set_bit(k);
            assert!(hash.bit(k));
        }
        assert_eq!(hash.hamming_distance(&Hash256::ZERO), 7);
    }
}
