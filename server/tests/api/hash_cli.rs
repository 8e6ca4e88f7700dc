//! `portal hash` against Meta's reference hashes (app/hashing/testdata/reference.jsonl,
//! written by `pdq_reference.py`, i.e. Meta's C++ through the `pdqhash` binding).

use std::{path::PathBuf, process::Command};

use serde_json::Value;

fn testdata() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../app/hashing/testdata")
}

fn references() -> Vec<Value> {
    std::fs::read_to_string(testdata().join("reference.jsonl"))
        .expect("reference.jsonl is committed")
        .lines()
        .map(|line| serde_json::from_str(line).expect("a JSON line"))
        .collect()
}

fn hash(files: &[PathBuf]) -> Vec<Value> {
    let output = Command::new(env!("CARGO_BIN_EXE_portal"))
        .arg("hash")
        .args(files)
        .output()
        .expect("portal hash runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout)
        .expect("utf-8")
        .lines()
        .map(|line| serde_json::from_str(line).expect("a JSON line"))
        .collect()
}

fn distance(a: &str, b: &str) -> u32 {
    let a = hashing::Hash256::from_hex(a).expect("hex");
    let b = hashing::Hash256::from_hex(b).expect("hex");
    a.hamming_distance(&b)
}

#[test]
fn png_files_hash_exactly_as_the_reference() {
    let refs: Vec<Value> = references()
        .into_iter()
        .filter(|r| r["format"] == "png")
        .collect();
    assert!(refs.len() >= 10, "enough PNG references");
    let files: Vec<PathBuf> = refs
        .iter()
        .map(|r| testdata().join(r["file"].as_str().unwrap()))
        .collect();
    for (reference, ours) in refs.iter().zip(hash(&files)) {
        let name = &reference["file"];
        assert_eq!(ours["kind"], "image", "{name}");
        assert_eq!(ours["md5"], reference["md5"], "{name}");
        assert_eq!(ours["sha256"], reference["sha256"], "{name}");
        assert_eq!(ours["pdq"], reference["pdq"], "{name}");
        assert_eq!(ours["pdq_quality"], reference["quality"], "{name}");
        assert_eq!(ours["dihedral"], reference["dihedral"], "{name}");
    }
}

#[test]
fn jpeg_files_of_quality_80_and_up_are_within_meta_conformance() {
    let refs: Vec<Value> = references()
        .into_iter()
        .filter(|r| r["format"] == "jpeg" && r["jpeg_quality"].as_u64().is_some_and(|q| q >= 80))
        .collect();
    assert!(!refs.is_empty());
    let files: Vec<PathBuf> = refs
        .iter()
        .map(|r| testdata().join(r["file"].as_str().unwrap()))
        .collect();
    for (reference, ours) in refs.iter().zip(hash(&files)) {
        let d = distance(
            ours["pdq"].as_str().unwrap(),
            reference["pdq"].as_str().unwrap(),
        );
        assert!(d <= 10, "{}: distance {d}", reference["file"]);
        assert_eq!(ours["sha256"], reference["sha256"]);
    }
}

#[test]
fn a_file_that_is_not_an_image_still_gets_its_byte_hashes() {
    let dir = crate::helpers::temp_dir("hash");
    let video = dir.join("clip.mp4");
    std::fs::write(
        &video,
        b"\0\0\0\x18ftypmp42\0\0\0\0isommp42 and then some bytes",
    )
    .unwrap();
    let text = dir.join("notes.txt");
    std::fs::write(&text, b"abc").unwrap();
    let out = hash(&[video, text]);
    assert_eq!(out[0]["kind"], "video");
    assert_eq!(out[0]["pdq"], Value::Null);
    assert_eq!(out[1]["kind"], "other");
    assert_eq!(out[1]["md5"], "900150983cd24fb0d6963f7d28e17f72");
    assert_eq!(
        out[1]["sha256"],
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    );
}

#[test]
fn a_missing_file_is_an_error_and_the_others_are_still_hashed() {
    let dir = crate::helpers::temp_dir("hash-missing");
    let text = dir.join("a.txt");
    std::fs::write(&text, b"abc").unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_portal"))
        .args(["hash", "/no/such/file.png"])
        .arg(&text)
        .output()
        .unwrap();
    assert!(!output.status.success());
    assert_eq!(String::from_utf8_lossy(&output.stdout).lines().count(), 1);
    assert!(String::from_utf8_lossy(&output.stderr).contains("/no/such/file.png"));
}
