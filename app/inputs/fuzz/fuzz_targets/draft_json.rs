//! The draft and the file list as a stranger may post them: reading never panics, and what
//! is read writes back to the same thing, so a draft survives every step unchanged.
#![no_main]

use inputs::draft::{Draft, files_from_json};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|json: &str| {
    if let Some(draft) = Draft::from_json(json) {
        assert_eq!(Draft::from_json(&draft.to_json()).as_ref(), Some(&draft));
    }
    if let Some(files) = files_from_json(json) {
        assert!(files.iter().all(|file| file.is_well_formed()));
        let written = serde_json::to_string(&files).expect("hashes are plain data");
        assert_eq!(files_from_json(&written).as_ref(), Some(&files));
    }
});
