//! Checks that English and Dutch are complete and that every message the code asks for exists.
//! (Other languages may lag: they fall back to English message by message.)

use std::{
    collections::BTreeSet,
    fs,
    path::{Path, PathBuf},
};

fn locales_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../locales")
}

/// Message ids (not terms, not comments) defined in one language folder.
fn message_ids(lang: &str) -> BTreeSet<String> {
    let mut ids = BTreeSet::new();
    for entry in fs::read_dir(locales_dir().join(lang)).expect("locale folder exists") {
        let text = fs::read_to_string(entry.expect("readable entry").path()).expect("readable ftl");
        for line in text.lines() {
            let starts_message = line.starts_with(|c: char| c.is_ascii_lowercase());
            if let (true, Some((id, _))) = (starts_message, line.split_once('=')) {
                ids.insert(id.trim().to_owned());
            }
        }
    }
    ids
}

fn ftl_files(lang: &str) -> BTreeSet<String> {
    fs::read_dir(locales_dir().join(lang))
        .expect("locale folder exists")
        .map(|e| {
            e.expect("readable entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .collect()
}

/// Ids passed as string literals to `tr(..)`, `t(..)` or `t_args(..)` anywhere in `app/src`.
fn ids_used_in_code() -> BTreeSet<String> {
    fn visit(dir: &Path, out: &mut BTreeSet<String>) {
        for entry in fs::read_dir(dir).expect("source folder exists") {
            let path = entry.expect("readable entry").path();
            if path.is_dir() {
                visit(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = fs::read_to_string(&path).expect("readable source");
                for marker in ["tr(\"", "t(lang, \"", "t_args(lang, \""] {
                    for (i, _) in text.match_indices(marker) {
                        let rest = &text[i + marker.len()..];
                        if let Some(end) = rest.find('"') {
                            out.insert(rest[..end].to_owned());
                        }
                    }
                }
            }
        }
    }
    let mut ids = BTreeSet::new();
    visit(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), &mut ids);
    ids
}

#[test]
fn english_and_dutch_have_the_same_files_and_messages() {
    assert_eq!(ftl_files("en"), ftl_files("nl"));
    let en = message_ids("en");
    let nl = message_ids("nl");
    let missing_in_nl: Vec<_> = en.difference(&nl).collect();
    let missing_in_en: Vec<_> = nl.difference(&en).collect();
    assert!(
        missing_in_nl.is_empty(),
        "missing in Dutch: {missing_in_nl:?}"
    );
    assert!(
        missing_in_en.is_empty(),
        "missing in English: {missing_in_en:?}"
    );
}

#[test]
fn every_message_the_code_uses_exists_in_english() {
    let defined = message_ids("en");
    let used = ids_used_in_code();
    assert!(used.len() > 10, "the scan found too few ids: {used:?}");
    let missing: Vec<_> = used.difference(&defined).collect();
    assert!(
        missing.is_empty(),
        "used in code but not in locales/en: {missing:?}"
    );
}

#[test]
fn our_own_text_never_says_child_pornography() {
    // DESIGN.md, "Words": say "sexual abuse material". Proper names of organisations are exempt
    // and are added here one by one when the directory needs them.
    // Spelled in pieces so that searching the repository for these words finds only real uses.
    let banned = [
        concat!("child ", "porn"),
        concat!("child-", "porn"),
        concat!("child", "porn"),
        concat!("kinder", "porno"),
        concat!("pédo", "pornographie"),
    ];
    for lang in ["en", "nl"] {
        for file in ftl_files(lang) {
            let text = fs::read_to_string(locales_dir().join(lang).join(&file))
                .expect("readable ftl")
                .to_lowercase()
                .replace(concat!("meldpunt kinder", "porno"), "");
            for word in banned {
                assert!(!text.contains(word), "{lang}/{file} says {word:?}");
            }
        }
    }
}

/// Message ids the code builds at run time (errors, countries, languages, notices): each
/// must exist in English and Dutch.
#[test]
fn messages_named_at_run_time_exist() {
    let en = message_ids("en");
    let nl = message_ids("nl");
    let mut ids: Vec<String> = crate::report::COUNTRIES
        .iter()
        .map(|c| format!("country-{c}"))
        .chain(
            crate::report::REPLY_LANGUAGES
                .iter()
                .map(|l| format!("language-{l}")),
        )
        .collect();
    // Every Fluent id written as a string literal in the report, follow-up and staff code.
    for dir in ["report", "follow_up", "staff"] {
        for entry in std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("src").join(dir))
            .expect("source dir")
        {
            let path = entry.expect("entry").path();
            if !path.is_file() {
                continue;
            }
            let text = std::fs::read_to_string(path).expect("source file");
            let pieces: Vec<&str> = text.split('"').collect();
            for k in (1..pieces.len()).step_by(2) {
                let piece = pieces[k];
                // A server function's endpoint (`endpoint = "follow-up-post"`) is no message.
                if pieces[k - 1].trim_end().ends_with("endpoint =") {
                    continue;
                }
                let id_like = (piece.starts_with("report-error-")
                    || piece.starts_with("follow-up-")
                    || piece.starts_with("staff-error-")
                    || piece.starts_with("staff-admin-"))
                    && piece
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
                if id_like {
                    ids.push(piece.to_owned());
                }
            }
        }
    }
    for id in ids {
        assert!(en.contains(&id), "{id} missing in English");
        assert!(nl.contains(&id), "{id} missing in Dutch");
    }
}
