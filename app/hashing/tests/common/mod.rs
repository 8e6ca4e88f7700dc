//! Shared by the agreement tests and the agreement example: reading the
//! reference lines that `testdata/generate.py` wrote, decoding the files
//! with the `image` crate, hashing them and tabulating the distances.
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use hashing::{Hash256, PdqHashes, pdq_with_dihedral_from_rgb};
use serde_json::Value;

pub fn testdata_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata")
}

/// One line of a `reference.jsonl`: Meta's C++ (via `pdqhash`) on the
/// Pillow-decoded pixels of `file`.
#[derive(Debug, Clone)]
pub struct Reference {
    pub file: String,
    pub path: PathBuf,
    pub kind: String,
    pub format: String,
    pub lossless: bool,
    pub jpeg_quality: Option<u64>,
    pub webp_quality: Option<u64>,
    pub pdq: Hash256,
    pub quality: u8,
    pub dihedral: [Hash256; 8],
    pub md5: String,
    pub sha256: String,
    pub width: u32,
    pub height: u32,
}

impl Reference {
    /// The row of the agreement table this file counts in.
    pub fn class(&self) -> String {
        match (self.format.as_str(), self.jpeg_quality, self.webp_quality) {
            ("png", _, _) => "PNG".to_string(),
            ("webp", _, None) => "WebP lossless".to_string(),
            ("webp", _, Some(q)) => format!("WebP q{q}"),
            ("jpeg", Some(q), _) => format!("JPEG q{q}"),
            ("jpeg", None, _) => format!("JPEG ({})", self.kind),
            (other, _, _) => other.to_string(),
        }
    }
}

fn hash_field(v: &Value, key: &str) -> Hash256 {
    let text = v[key]
        .as_str()
        .unwrap_or_else(|| panic!("{key} missing in {v}"));
    text.parse().unwrap_or_else(|e| panic!("{key} {text}: {e}"))
}

fn str_field(v: &Value, key: &str) -> String {
    v[key]
        .as_str()
        .unwrap_or_else(|| panic!("{key} missing in {v}"))
        .to_string()
}

/// Reads `dir/reference.jsonl`; `None` when the set was not generated.
pub fn load(dir: &Path) -> Option<Vec<Reference>> {
    let text = std::fs::read_to_string(dir.join("reference.jsonl")).ok()?;
    let base = testdata_dir();
    let refs = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|line| {
            let v: Value = serde_json::from_str(line).expect("reference line is JSON");
            let file = str_field(&v, "file");
            let dihedral: Vec<Hash256> = v["dihedral"]
                .as_array()
                .expect("dihedral list")
                .iter()
                .map(|h| h.as_str().expect("hex").parse().expect("dihedral hash"))
                .collect();
            Reference {
                path: base.join(&file),
                file,
                kind: str_field(&v, "kind"),
                format: str_field(&v, "format"),
                lossless: v["lossless"].as_bool().expect("lossless"),
                jpeg_quality: v["jpeg_quality"].as_u64(),
                webp_quality: v["webp_quality"].as_u64(),
                pdq: hash_field(&v, "pdq"),
                quality: v["quality"].as_u64().expect("quality") as u8,
                dihedral: dihedral.try_into().expect("eight dihedral hashes"),
                md5: str_field(&v, "md5"),
                sha256: str_field(&v, "sha256"),
                width: v["width"].as_u64().expect("width") as u32,
                height: v["height"].as_u64().expect("height") as u32,
            }
        })
        .collect();
    Some(refs)
}

/// Decodes as the reference does: to 8-bit RGB, alpha dropped, no EXIF
/// orientation applied.
pub fn decode_rgb(path: &Path) -> (u32, u32, Vec<u8>) {
    let img = image::open(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let rgb = img.to_rgb8();
    (rgb.width(), rgb.height(), rgb.into_raw())
}

pub struct Outcome {
    pub reference: Reference,
    pub ours: PdqHashes,
    pub distance: u32,
    pub max_dihedral_distance: u32,
}

impl Outcome {
    pub fn exact(&self) -> bool {
        self.distance == 0
            && self.max_dihedral_distance == 0
            && self.ours.pdq.quality == self.reference.quality
    }
}

pub fn evaluate(reference: Reference) -> Outcome {
    let (w, h, rgb) = decode_rgb(&reference.path);
    assert_eq!(
        (w, h),
        (reference.width, reference.height),
        "{}",
        reference.file
    );
    let ours = pdq_with_dihedral_from_rgb(w, h, &rgb).expect("valid buffer");
    let distance = ours.pdq.hash.hamming_distance(&reference.pdq);
    let max_dihedral_distance = ours
        .dihedral
        .iter()
        .zip(&reference.dihedral)
        .map(|(a, b)| a.hamming_distance(b))
        .max()
        .unwrap_or(0);
    Outcome {
        reference,
        ours,
        distance,
        max_dihedral_distance,
    }
}

pub fn median(values: &mut [u32]) -> f64 {
    values.sort_unstable();
    let n = values.len();
    if n == 0 {
        return f64::NAN;
    }
    if n % 2 == 1 {
        f64::from(values[n / 2])
    } else {
        (f64::from(values[n / 2 - 1]) + f64::from(values[n / 2])) / 2.0
    }
}

/// Per format: files, exact matches (hash, quality and all eight dihedral
/// hashes), max and median Hamming distance of the plain hash.
pub fn table(outcomes: &[Outcome]) -> String {
    let mut by_class: BTreeMap<String, Vec<&Outcome>> = BTreeMap::new();
    for o in outcomes {
        by_class.entry(o.reference.class()).or_default().push(o);
    }
    let mut out = String::from(
        "| format | files | exact (hash+quality+8 dihedral) | max distance | median distance | max dihedral distance |\n|---|---|---|---|---|---|\n",
    );
    for (class, rows) in by_class {
        let mut distances: Vec<u32> = rows.iter().map(|o| o.distance).collect();
        let max = distances.iter().copied().max().unwrap_or(0);
        let max_dihedral = rows
            .iter()
            .map(|o| o.max_dihedral_distance)
            .max()
            .unwrap_or(0);
        let exact = rows.iter().filter(|o| o.exact()).count();
        out.push_str(&format!(
            "| {class} | {} | {exact} | {max} | {} | {max_dihedral} |\n",
            rows.len(),
            median(&mut distances)
        ));
    }
    out
}
