//! The fingerprints of one file as the browser sends them with a report (see
//! `js/hash-worker.js` here and the report's `js/hash-client.js` in the app), and the check that they are only
//! that: hex hashes of the right length and a few small numbers, never anything that could
//! carry pixels or a name.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FileKind {
    Image,
    Video,
    Other,
}

/// The most frames a video's fingerprint carries.
///
/// Frames are sampled vPDQ-style at one per second (t = 0 s, 1 s, 2 s, …) for a video of up
/// to this many seconds; a longer video gets exactly this many frames spread evenly over its
/// whole length (t = i × duration / 30), so an excerpt cut from anywhere in it can still be
/// matched. Thirty keeps hashing a phone video to seconds and keeps a report of 20 videos
/// (the most a report takes; about 3 KB of fingerprints each) well under the 128 KB request
/// cap. The file step states this cap (`hashing-video-note`).
pub const MAX_VIDEO_FRAMES: usize = 30;

/// The longest video whose frame timestamps we accept: a day, in seconds.
const MAX_TIMESTAMP_SECONDS: f64 = 24.0 * 3600.0;

/// The PDQ hash of one frame sampled from a video, as vPDQ writes it.
/// Unknown fields are refused: what a browser sends about a file is exactly these fields, so
/// anything more (a file name, a thumbnail) is a page that must not be trusted with files.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VideoFrame {
    /// Index of this frame among the sampled frames, from 0 (vPDQ's frame number).
    pub frame: u32,
    /// Where the frame is in the video, in seconds from the start, to the millisecond.
    pub timestamp: f64,
    /// PDQ hash of the frame, in Meta's hex.
    pub hash: String,
    /// PDQ quality of the frame, 0-100 (a black or flat frame scores low).
    pub quality: u8,
}

impl VideoFrame {
    /// True if the frame is a well-formed hash with a plausible place in a video.
    pub fn is_well_formed(&self) -> bool {
        is_hex(&self.hash, 64)
            && self.quality <= 100
            && (self.frame as usize) < MAX_VIDEO_FRAMES
            && self.timestamp.is_finite()
            && (0.0..=MAX_TIMESTAMP_SECONDS).contains(&self.timestamp)
            // Whole milliseconds only: a timestamp cannot smuggle extra bits.
            && (self.timestamp * 1000.0).round() / 1000.0 == self.timestamp
    }
}

/// What is sent about one file: its hashes and nothing else (unknown fields are refused, as
/// for [`VideoFrame`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FileHashes {
    pub kind: FileKind,
    pub md5: String,
    pub sha256: String,
    pub pdq: Option<String>,
    pub pdq_quality: Option<u8>,
    #[serde(default)]
    pub dihedral: Vec<String>,
    /// PDQ of frames sampled from a video (vPDQ-style, see [`MAX_VIDEO_FRAMES`]); empty for
    /// other files and for a video this browser could not play.
    #[serde(default)]
    pub video_frames: Vec<VideoFrame>,
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
            && self.frames_are_well_formed()
    }

    /// Only videos have frames, at most [`MAX_VIDEO_FRAMES`], numbered 0, 1, 2, … in time order.
    fn frames_are_well_formed(&self) -> bool {
        (self.kind == FileKind::Video || self.video_frames.is_empty())
            && self.video_frames.len() <= MAX_VIDEO_FRAMES
            && self.video_frames.iter().all(VideoFrame::is_well_formed)
            && self
                .video_frames
                .iter()
                .enumerate()
                .all(|(i, f)| f.frame as usize == i)
            && self
                .video_frames
                .windows(2)
                .all(|pair| pair[0].timestamp < pair[1].timestamp)
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
    fn a_field_more_than_the_hashes_is_refused() {
        let mut json = serde_json::to_value(sample()).unwrap();
        assert!(serde_json::from_value::<FileHashes>(json.clone()).is_ok());
        json["name"] = "holiday-photo.jpg".into();
        assert!(serde_json::from_value::<FileHashes>(json).is_err());
        let frame = serde_json::json!({
            "frame": 0, "timestamp": 0.0, "hash": "f".repeat(64), "quality": 90,
            "thumbnail": "data:image/png;base64,AAAA"
        });
        assert!(serde_json::from_value::<VideoFrame>(frame).is_err());
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

    fn video(frames: usize) -> FileHashes {
        FileHashes {
            kind: FileKind::Video,
            pdq: None,
            pdq_quality: None,
            dihedral: vec![],
            video_frames: (0..frames)
                .map(|i| VideoFrame {
                    frame: i as u32,
                    timestamp: (i * 20_417) as f64 / 1000.0,
                    hash: format!("{i:064x}"),
                    quality: 90,
                })
                .collect(),
            ..sample()
        }
    }

    #[test]
    fn a_video_with_frames_up_to_the_cap_passes() {
        assert!(video(0).is_well_formed());
        assert!(video(7).is_well_formed());
        assert!(video(MAX_VIDEO_FRAMES).is_well_formed());
    }

    #[test]
    fn video_frames_that_are_not_just_fingerprints_are_refused() {
        let too_many = video(MAX_VIDEO_FRAMES + 1);
        let mut on_a_photo = sample();
        on_a_photo.video_frames = video(1).video_frames;
        let mut named = video(3);
        named.video_frames[1].hash = "clip-private.mp4".into();
        let mut upper = video(3);
        upper.video_frames[2].hash = "F".repeat(64);
        let mut quality = video(3);
        quality.video_frames[0].quality = 101;
        let mut out_of_order = video(3);
        out_of_order.video_frames.swap(0, 1);
        let mut renumbered = video(3);
        renumbered.video_frames[2].frame = 7;
        let mut same_time = video(3);
        same_time.video_frames[1].timestamp = same_time.video_frames[0].timestamp;
        let mut negative = video(3);
        negative.video_frames[0].timestamp = -1.0;
        let mut not_a_number = video(3);
        not_a_number.video_frames[2].timestamp = f64::NAN;
        let mut smuggling_bits = video(3);
        smuggling_bits.video_frames[2].timestamp = 40.834_000_1;
        for bad in [
            too_many,
            on_a_photo,
            named,
            upper,
            quality,
            out_of_order,
            renumbered,
            same_time,
            negative,
            not_a_number,
            smuggling_bits,
        ] {
            assert!(!bad.is_well_formed(), "{bad:?}");
        }
    }

    #[test]
    fn reads_the_frames_the_browser_writes() {
        let json = r#"{"kind":"video","md5":"00000000000000000000000000000000","sha256":"0000000000000000000000000000000000000000000000000000000000000000","pdq":null,"pdq_quality":null,"dihedral":[],"video_frames":[{"frame":0,"timestamp":0,"hash":"d8f8f0cce0f4a84f0e370a22028f67f0b36e2ed596623e1d33e6339c4e9c9b22","quality":100},{"frame":1,"timestamp":20.417,"hash":"d8f8f0cce0f4a84f0e370a22028f67f0b36e2ed596623e1d33e6339c4e9c9b23","quality":49}]}"#;
        let hashes: FileHashes = serde_json::from_str(json).expect("browser output reads");
        assert_eq!(hashes.video_frames.len(), 2);
        assert_eq!(hashes.video_frames[1].timestamp, 20.417);
        assert!(hashes.is_well_formed());
    }

    #[test]
    fn reads_what_the_worker_writes() {
        let json = r#"{"kind":"video","md5":"00000000000000000000000000000000","sha256":"0000000000000000000000000000000000000000000000000000000000000000","pdq":null,"pdq_quality":null,"dihedral":[],"video_frames":[]}"#;
        let hashes: FileHashes = serde_json::from_str(json).expect("worker output reads");
        assert_eq!(hashes.kind, FileKind::Video);
        assert!(hashes.is_well_formed());
    }
}
