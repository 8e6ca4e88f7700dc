//! A form body as anyone may post it, read the way a report step reads it: the fields, the
//! draft and file list inside them, every address line, the receipt. Nothing panics, and the
//! fields survive being written back as a form (what a page with the same values posts).
#![no_main]

use inputs::{
    address,
    draft::{Draft, files_from_json},
    form::{self, Fields},
    receipt::Receipt,
};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|body: &[u8]| {
    if body.len() > form::MAX_BYTES {
        return;
    }
    let pairs = form::parse(body);
    let fields = Fields(&pairs);
    let draft = fields
        .get("draft")
        .and_then(Draft::from_json)
        .unwrap_or_default();
    for (_, line) in draft.url_lines() {
        let _ = address::normalise(line);
    }
    for line in fields.value("urls").lines() {
        let _ = address::normalise(line);
    }
    let _ = fields.get("file_hashes").map(files_from_json);
    let _ = fields.get("receipt").map(Receipt::parse);
    let _ = fields.all("happened").count();

    let written = url::form_urlencoded::Serializer::new(String::new())
        .extend_pairs(&pairs)
        .finish();
    assert_eq!(form::parse(written.as_bytes()), pairs);
});
