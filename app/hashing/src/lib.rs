//! Image and file hashing: the PDQ perceptual hash (Meta's, bit-exact with
//! its reference implementation) and the MD5 and SHA-256 of the file bytes.
//!
//! This crate owns turning decoded pixels and raw file bytes into the hashes
//! a report carries. It does no I/O and no decoding: callers hand in RGB or
//! RGBA pixels (e.g. from a canvas's `ImageData` in the browser, or the
//! `image` crate natively) and the file's bytes in chunks.
//!
//! Invariants:
//! - Pure and deterministic: the same pixels give the same hashes on every
//!   platform, native or `wasm32-unknown-unknown` (IEEE f32/f64 only, no
//!   fused multiply-add, no threads, no platform intrinsics).
//! - PDQ hashes and quality equal those of Meta's C++ reference as called by
//!   the `pdqhash` Python binding on the same RGB pixels; hex text is Meta's
//!   (see [`Hash256`]).
//! - The hashing functions do not panic on any input: a pixel buffer of the
//!   wrong length is a [`PdqError`], an image under 5 px a side gets the zero
//!   hash with quality 0 (as Meta's does).

mod digest;
mod file_hashes;
mod hash256;
mod pdq;

pub use digest::{Digests, FileDigest, Md5Digest, Sha256Digest};
pub use file_hashes::{FileHashes, FileKind, MAX_VIDEO_FRAMES, VideoFrame};
pub use hash256::{HASH_BITS, Hash256, ParseHashError};
pub use pdq::{
    Dihedral, PdqError, PdqHash, PdqHashes, pdq_from_rgb, pdq_from_rgba,
    pdq_with_dihedral_from_rgb, pdq_with_dihedral_from_rgba, transform_hash,
};

#[cfg(feature = "wasm")]
mod wasm;
