//! The fingerprints of one file as the browser sends them with a report (see
//! `browser/hash-worker.js`), and the check that they are only that: hex hashes of the
//! right length, never anything that could carry pixels or a name.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FileKind {
    Image,
    Video,
    Other,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileHashes {
    pub kind: FileKind,
    pub md5: String,
    pub sha256: String,
    pub pdq: Option<String>,
    pub pdq_quality: Option<u8>,
    #[serde(default)]
    pub dihedral: Vec<String>,
    /// PDQ of video frames (vPDQ); empty until frame sampling lands.
    #[serde(default)]
    pub video_frames: Vec<String>,
}

impl FileHashes {
    /// True if every field is a well-formed hash (lower-case hex of its exact length).
    pub fn is_well_formed(&self) -> bool {
        is_hex(&self.md5, 32)
            && is_hex(&self.sha256, 64)
            && self.pdq.as_deref().is_none_or(|pdq| is_hex(pdq, 64))
            && self.pdq_quality.is_none_or(|quality| quality <= 100)
            && (self.dihedral.is_empty() || self.dihedral.len() == 8)
            && self.dihedral.iter().all(|hash| is_hex(hash, 64))
            && self.video_frames.len() <= 3600
            && self.video_frames.iter().all(|hash| is_hex(hash, 64))
    }
}

fn is_hex(text: &str, len: usize) -> bool {
    text.len() == len
        && text
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> FileHashes {
        FileHashes {
            kind: FileKind::Image,
            md5: "0".repeat(32),
            sha256: "a".repeat(64),
            pdq: Some("f".repeat(64)),
            pdq_quality: Some(100),
            dihedral: vec!["1".repeat(64); 8],
            video_frames: vec![],
        }
    }

    #[test]
    fn hashes_of_the_right_shape_pass() {
        assert!(sample().is_well_formed());
    }

    #[test]
    fn anything_else_is_refused() {
        let mut long = sample();
        long.md5.push('0');
        let mut upper = sample();
        upper.sha256 = "A".repeat(64);
        let mut smuggled = sample();
        smuggled.pdq = Some("holiday-photo.jpg".into());
        let mut dihedral = sample();
        dihedral.dihedral.pop();
        let mut quality = sample();
        quality.pdq_quality = Some(101);
        for bad in [long, upper, smuggled, dihedral, quality] {
            assert!(!bad.is_well_formed(), "{bad:?}");
        }
    }

    #[test]
    fn reads_what_the_worker_writes() {
        let json = r#"{"kind":"video","md5":"00000000000000000000000000000000","sha256":"0000000000000000000000000000000000000000000000000000000000000000","pdq":null,"pdq_quality":null,"dihedral":[],"video_frames":[]}"#;
        let hashes: FileHashes = serde_json::from_str(json).expect("worker output reads");
        assert_eq!(hashes.kind, FileKind::Video);
        assert!(hashes.is_well_formed());
    }
}
