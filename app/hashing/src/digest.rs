//! Streaming MD5 and SHA-256 of a file's bytes, so a large upload can be
//! hashed chunk by chunk as it is read, without holding it twice in memory.
//!
//! Both digests are of the exact bytes fed in, in order; chunk boundaries do
//! not matter. Output is lower-case hex, the form hash lists use.

use md5::{Digest as _, Md5};
// sha2 0.11, for its WebAssembly SIMD backend (see the workspace Cargo.toml).
use sha2_v011::{Digest as _, Sha256};

/// Both cryptographic digests of one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Digests {
    /// 32 lower-case hex digits.
    pub md5: String,
    /// 64 lower-case hex digits.
    pub sha256: String,
}

/// Accumulates MD5 and SHA-256 over bytes fed in any number of chunks.
#[derive(Clone, Default)]
pub struct FileDigest {
    md5: Md5,
    sha256: Sha256,
}

impl FileDigest {
    /// Starts both digests on empty input.
    pub fn new() -> Self {
        Self::default()
    }

    /// Feeds the next chunk of the file.
    pub fn update(&mut self, chunk: &[u8]) {
        self.md5.update(chunk);
        self.sha256.update(chunk);
    }

    /// Ends both digests and returns them as lower-case hex.
    pub fn finish(self) -> Digests {
        Digests {
            md5: lower_hex(&self.md5.finalize()),
            sha256: lower_hex(&self.sha256.finalize()),
        }
    }

    /// Digests of a whole buffer at once.
    pub fn of(bytes: &[u8]) -> Digests {
        let mut digest = Self::new();
        digest.update(bytes);
        digest.finish()
    }
}

/// MD5 alone, fed chunk by chunk: with [`Sha256Digest`] in another thread (a second Web
/// Worker), a file's two digests take about the time of the slower one instead of the sum.
#[derive(Clone, Default)]
pub struct Md5Digest(Md5);

impl Md5Digest {
    /// Feeds the next chunk of the file.
    pub fn update(&mut self, chunk: &[u8]) {
        self.0.update(chunk);
    }

    /// 32 lower-case hex digits.
    pub fn finish(self) -> String {
        lower_hex(&self.0.finalize())
    }
}

/// SHA-256 alone, fed chunk by chunk (see [`Md5Digest`]).
#[derive(Clone, Default)]
pub struct Sha256Digest(Sha256);

impl Sha256Digest {
    /// Feeds the next chunk of the file.
    pub fn update(&mut self, chunk: &[u8]) {
        self.0.update(chunk);
    }

    /// 64 lower-case hex digits.
    pub fn finish(self) -> String {
        lower_hex(&self.0.finalize())
    }
}

fn lower_hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut text = String::with_capacity(bytes.len() * 2);
    for &b in bytes {
        text.push(char::from(DIGITS[usize::from(b >> 4)]));
        text.push(char::from(DIGITS[usize::from(b & 0x0f)]));
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_input_gives_the_well_known_empty_digests() {
        let d = FileDigest::new().finish();
        assert_eq!(d.md5, "d41d8cd98f00b204e9800998ecf8427e");
        assert_eq!(
            d.sha256,
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
    }

    #[test]
    fn abc_gives_the_rfc_test_vectors() {
        let d = FileDigest::of(b"abc");
        assert_eq!(d.md5, "900150983cd24fb0d6963f7d28e17f72");
        assert_eq!(
            d.sha256,
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }

    #[test]
    fn each_digest_alone_equals_its_half_of_both() {
        let data: Vec<u8> = (0..100_000u32).map(|i| (i * 31 + i / 7) as u8).collect();
        let both = FileDigest::of(&data);
        let (mut md5, mut sha256) = (Md5Digest::default(), Sha256Digest::default());
        for chunk in data.chunks(65_536) {
            md5.update(chunk);
            sha256.update(chunk);
        }
        assert_eq!(md5.finish(), both.md5);
        assert_eq!(sha256.finish(), both.sha256);
    }

    #[test]
    fn chunk_boundaries_do_not_change_the_digests() {
        let data: Vec<u8> = (0..10_000u32).map(|i| (i * 7 + i / 13) as u8).collect();
        let whole = FileDigest::of(&data);
        for chunk_size in [1, 3, 63, 64, 65, 4097] {
            let mut d = FileDigest::new();
            for chunk in data.chunks(chunk_size) {
                d.update(chunk);
            }
            d.update(&[]);
            assert_eq!(d.finish(), whole, "chunk size {chunk_size}");
        }
    }
}
