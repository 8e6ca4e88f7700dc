//! `portal hash FILE...`: the same hashes the browser computes, for hotlines and platforms.
//!
//! One JSON line per file: `{file, kind, md5, sha256, pdq, pdq_quality, dihedral}`, hex in
//! lower case. Images are decoded with the `image` crate, without EXIF rotation, so a PNG
//! gives exactly the pixels (and the hash) Meta's reference computes. Files that are not a
//! decodable image (videos, anything else) still get MD5 and SHA-256, with `pdq` null.

use std::{
    fs::File,
    io::{self, Read, Write},
    path::Path,
};

use hashing::{FileDigest, pdq_with_dihedral_from_rgb};
use serde::Serialize;

/// Reading in large chunks keeps a multi-gigabyte video at disk speed without holding it.
const CHUNK: usize = 1 << 20;
/// Images bigger than this are not decoded (a decompression bomb would exhaust memory);
/// they still get their byte hashes.
const MAX_DECODED_BYTES: u64 = 512 * 1024 * 1024;
/// Only files this small are read whole for decoding; larger ones are only streamed.
const MAX_IMAGE_FILE: u64 = 256 * 1024 * 1024;

#[derive(Debug, Serialize)]
pub struct FileHashes {
    pub file: String,
    pub kind: Kind,
    pub md5: String,
    pub sha256: String,
    pub pdq: Option<String>,
    pub pdq_quality: Option<u8>,
    pub dihedral: Option<Vec<String>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Image,
    Video,
    Other,
}

/// Hashes `path`. An image that fails to decode is reported as `other` with byte hashes.
pub fn hash_file(path: &Path) -> io::Result<FileHashes> {
    let mut file = File::open(path)?;
    let size = file.metadata()?.len();
    let mut digest = FileDigest::new();
    let mut head = Vec::new();
    let mut whole = Vec::new();
    let keep_whole = size <= MAX_IMAGE_FILE;
    let mut buffer = vec![0u8; CHUNK];
    loop {
        let n = file.read(&mut buffer)?;
        if n == 0 {
            break;
        }
        let chunk = &buffer[..n];
        digest.update(chunk);
        if head.len() < 64 {
            head.extend_from_slice(&chunk[..chunk.len().min(64 - head.len())]);
        }
        if keep_whole {
            whole.extend_from_slice(chunk);
        }
    }
    let digests = digest.finish();
    let mut out = FileHashes {
        file: path.display().to_string(),
        kind: sniff(&head),
        md5: digests.md5,
        sha256: digests.sha256,
        pdq: None,
        pdq_quality: None,
        dihedral: None,
    };
    if out.kind == Kind::Image && keep_whole {
        match decode_rgb(&whole) {
            Some((width, height, rgb)) => match pdq_with_dihedral_from_rgb(width, height, &rgb) {
                Ok(hashes) => {
                    out.pdq = Some(hashes.pdq.hash.to_hex());
                    out.pdq_quality = Some(hashes.pdq.quality);
                    out.dihedral = Some(hashes.dihedral.iter().map(|h| h.to_hex()).collect());
                }
                Err(_) => out.kind = Kind::Other,
            },
            None => out.kind = Kind::Other,
        }
    }
    Ok(out)
}

fn decode_rgb(bytes: &[u8]) -> Option<(u32, u32, Vec<u8>)> {
    let mut reader = image::ImageReader::new(io::Cursor::new(bytes))
        .with_guessed_format()
        .ok()?;
    let mut limits = image::Limits::default();
    limits.max_alloc = Some(MAX_DECODED_BYTES);
    reader.limits(limits);
    let rgb = reader.decode().ok()?.into_rgb8();
    Some((rgb.width(), rgb.height(), rgb.into_raw()))
}

/// Tells images, videos and other files apart by their first bytes, not their names.
fn sniff(head: &[u8]) -> Kind {
    if image::guess_format(head).is_ok() {
        return Kind::Image;
    }
    let is_iso_media = head.len() >= 12 && &head[4..8] == b"ftyp";
    let brand = head.get(8..12).unwrap_or_default();
    // HEIC/AVIF stills share the ISO container with MP4/MOV; their brands say which.
    if is_iso_media && matches!(brand, b"heic" | b"heix" | b"mif1" | b"avif" | b"avis") {
        return Kind::Image;
    }
    let is_matroska = head.starts_with(&[0x1A, 0x45, 0xDF, 0xA3]);
    let is_avi = head.len() >= 12 && &head[..4] == b"RIFF" && &head[8..12] == b"AVI ";
    if is_iso_media || is_matroska || is_avi {
        Kind::Video
    } else {
        Kind::Other
    }
}

/// Runs the command: one JSON line per file on stdout, errors on stderr. Fails if any file
/// could not be read.
pub fn run(files: &[std::path::PathBuf]) -> anyhow::Result<()> {
    let stdout = io::stdout();
    let mut out = stdout.lock();
    let mut failed = 0;
    for path in files {
        match hash_file(path) {
            Ok(hashes) => writeln!(out, "{}", serde_json::to_string(&hashes)?)?,
            Err(err) => {
                failed += 1;
                eprintln!("{}: {err}", path.display());
            }
        }
    }
    if failed > 0 {
        anyhow::bail!("{failed} file(s) could not be read");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn videos_are_told_apart_from_images_by_their_bytes() {
        assert_eq!(sniff(b"\0\0\0\x18ftypmp42\0\0\0\0"), Kind::Video);
        assert_eq!(sniff(b"\0\0\0\x18ftypheic\0\0\0\0"), Kind::Image);
        assert_eq!(sniff(&[0x1A, 0x45, 0xDF, 0xA3, 0, 0, 0, 0]), Kind::Video);
        assert_eq!(sniff(b"\x89PNG\r\n\x1a\n\0\0\0\0"), Kind::Image);
        assert_eq!(sniff(b"hello world, not media"), Kind::Other);
    }
}
