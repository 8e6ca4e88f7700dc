//! Any line pasted into the address box: the normaliser never panics, and what it keeps is a
//! web address within the cap, without a fragment, that normalises to itself (so one page is
//! one stored address however often it passes through).
#![no_main]

use inputs::address::{MAX_CHARS, normalise};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let Ok(url) = normalise(text) else { return };
    assert!(url.len() <= MAX_CHARS, "over the cap: {url}");
    assert!(
        url.starts_with("https://") || url.starts_with("http://"),
        "not a web address: {url}"
    );
    assert!(!url.contains('#'), "kept a fragment: {url}");
    assert!(
        !url.chars().any(char::is_whitespace),
        "kept a space: {url:?}"
    );
    assert_eq!(
        normalise(&url).as_ref(),
        Ok(&url),
        "not its own standard form"
    );
});
