//! The hashing code as the browser's Web Worker calls it (`wasm` feature): a separate,
//! small WASM bundle that only the page that hashes loads. The worker decodes with the
//! browser's own decoders and hands pixels and file bytes to these functions.

use wasm_bindgen::prelude::*;

use crate::{FileDigest, Md5Digest, Sha256Digest, pdq_from_rgba, pdq_with_dihedral_from_rgba};

/// MD5 and SHA-256 of a file, fed chunk by chunk so a 1 GB video never sits in memory.
#[wasm_bindgen]
#[derive(Default)]
pub struct StreamHasher(FileDigest);

#[wasm_bindgen]
impl StreamHasher {
    #[wasm_bindgen(constructor)]
    pub fn new() -> StreamHasher {
        StreamHasher::default()
    }

    pub fn update(&mut self, chunk: &[u8]) {
        self.0.update(chunk);
    }

    /// `[md5, sha256]`, lower-case hex.
    pub fn finish(self) -> Vec<String> {
        let digests = self.0.finish();
        vec![digests.md5, digests.sha256]
    }
}

/// MD5 alone, for the second worker while this one computes SHA-256 (two cores, one file).
#[wasm_bindgen]
#[derive(Default)]
pub struct Md5Stream(Md5Digest);

#[wasm_bindgen]
impl Md5Stream {
    #[wasm_bindgen(constructor)]
    pub fn new() -> Md5Stream {
        Md5Stream::default()
    }

    pub fn update(&mut self, chunk: &[u8]) {
        self.0.update(chunk);
    }

    /// Lower-case hex.
    pub fn finish(self) -> String {
        self.0.finish()
    }
}

/// SHA-256 alone (see [`Md5Stream`]).
#[wasm_bindgen]
#[derive(Default)]
pub struct Sha256Stream(Sha256Digest);

#[wasm_bindgen]
impl Sha256Stream {
    #[wasm_bindgen(constructor)]
    pub fn new() -> Sha256Stream {
        Sha256Stream::default()
    }

    pub fn update(&mut self, chunk: &[u8]) {
        self.0.update(chunk);
    }

    /// Lower-case hex.
    pub fn finish(self) -> String {
        self.0.finish()
    }
}

/// A PDQ hash, its quality and the eight dihedral hashes, in Meta's hex.
#[wasm_bindgen(getter_with_clone)]
pub struct PdqResult {
    pub pdq: String,
    pub quality: u8,
    pub dihedral: Vec<String>,
}

/// PDQ of RGBA pixels (as `ImageData` gives them).
#[wasm_bindgen(js_name = pdqRgba)]
pub fn pdq_rgba(width: u32, height: u32, rgba: &[u8]) -> Result<PdqResult, JsError> {
    let hashes = pdq_with_dihedral_from_rgba(width, height, rgba)?;
    Ok(PdqResult {
        pdq: hashes.pdq.hash.to_hex(),
        quality: hashes.pdq.quality,
        dihedral: hashes.dihedral.iter().map(|h| h.to_hex()).collect(),
    })
}

/// The PDQ hash of one video frame and its quality, in Meta's hex (no dihedral hashes: vPDQ
/// matches frames as they are).
#[wasm_bindgen(getter_with_clone)]
pub struct FrameResult {
    pub hash: String,
    pub quality: u8,
}

/// PDQ of one video frame's RGBA pixels.
#[wasm_bindgen(js_name = pdqFrameRgba)]
pub fn pdq_frame_rgba(width: u32, height: u32, rgba: &[u8]) -> Result<FrameResult, JsError> {
    let pdq = pdq_from_rgba(width, height, rgba)?;
    Ok(FrameResult {
        hash: pdq.hash.to_hex(),
        quality: pdq.quality,
    })
}
