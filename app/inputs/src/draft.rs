//! The answers of a report while it is being filled in (the draft), and the file hashes the
//! page posts. Until the receipt is issued the draft lives only in the page: in memory with
//! JavaScript, in a hidden field without, so the server reads it back from a stranger on every
//! step and trusts nothing in it.

use hashing::FileHashes;
use serde::{Deserialize, Serialize};

/// Caps on what one report may hold: generous for a real case, small for a flood.
pub const MAX_URLS: usize = 20;
pub const MAX_URL_CHARS: usize = crate::address::MAX_CHARS;
pub const MAX_FILES: usize = 20;
pub const MAX_OTHER_CHARS: usize = 500;
pub const MAX_PLATFORM_CHARS: usize = 100;
pub const MAX_HANDLE_CHARS: usize = 200;
pub const MAX_CONTACT_CHARS: usize = 200;
pub const MAX_MESSAGE_CHARS: usize = 2000;

/// The longest draft or file list read back, in bytes of JSON: no more than a form body.
pub const MAX_JSON_BYTES: usize = crate::form::MAX_BYTES;

crate::stored_enum! {
    /// Is the person safe right now? Anything but `Safe` shows emergency help first.
    pub enum Safety {
        Safe = "safe",
        Danger = "danger",
        Suicidal = "suicidal",
    }
}

impl Safety {
    pub fn is_acute(self) -> bool {
        self != Safety::Safe
    }
}

crate::stored_enum! {
    /// What happened; more than one may be true.
    pub enum Happened {
        Sextortion = "sextortion",
        SharedWithoutConsent = "shared_without_consent",
        FakeNudes = "fake_nudes",
        ChildAbuseMaterial = "child_abuse_material",
        ChildPressured = "child_pressured",
        Other = "other",
    }
}

crate::stored_enum! {
    pub enum AgeBand {
        Under13 = "under13",
        From13To15 = "from13_to15",
        From16To17 = "from16_to17",
        From18To24 = "from18_to24",
        Over25 = "over25",
        NotSaid = "not_said",
    }
}

crate::stored_enum! {
    /// Whose images these are: the wording of every step follows it ("you" or "your child").
    #[derive(Default)]
    pub enum ForWhom {
        #[default]
        Myself = "myself",
        MyChild = "my_child",
        SomeoneElse = "someone_else",
    }
}

/// An account on a platform, for when there is no web address.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Account {
    pub platform: String,
    pub handle: String,
}

/// Everything answered so far. Every field has a default, so a draft from an older page
/// still reads (unknown fields are ignored for the same reason; [`MAX_JSON_BYTES`] bounds
/// what that lets through).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Draft {
    /// Random, made when the flow starts: sending the same form twice makes one report.
    pub submission: String,
    pub safety: Option<Safety>,
    /// The person saw the emergency help and chose to go on.
    pub acute_seen: bool,
    pub happened: Vec<Happened>,
    pub happened_other: String,
    pub age_band: Option<AgeBand>,
    pub country: String,
    pub reply_language: String,
    pub for_whom: ForWhom,
    /// The addresses as typed, so nothing is lost while some are still wrong.
    pub urls_text: String,
    pub account: Account,
    pub files: Vec<FileHashes>,
    pub contact_consent: bool,
    pub contact: String,
}

impl Draft {
    /// The draft a page sent back, or `None` when it is not one (or larger than any page
    /// makes): the flow then starts again rather than guess.
    pub fn from_json(json: &str) -> Option<Draft> {
        if json.len() > MAX_JSON_BYTES {
            return None;
        }
        serde_json::from_str(json).ok()
    }

    /// The draft as the page keeps it.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("a draft is plain data")
    }

    /// The non-empty lines of the address box, numbered from 1 as the person sees them.
    pub fn url_lines(&self) -> impl Iterator<Item = (usize, &str)> {
        self.urls_text
            .lines()
            .enumerate()
            .map(|(i, line)| (i + 1, line.trim()))
            .filter(|(_, line)| !line.is_empty())
    }

    pub fn has_account(&self) -> bool {
        !self.account.platform.trim().is_empty() || !self.account.handle.trim().is_empty()
    }
}

/// The hashes of files the page hashed, as it posts them (a JSON list): `None` unless every
/// one is well formed (hex of the right lengths, qualities and frames in range), so nothing
/// but fingerprints can ride along.
pub fn files_from_json(json: &str) -> Option<Vec<FileHashes>> {
    if json.len() > MAX_JSON_BYTES {
        return None;
    }
    let files: Vec<FileHashes> = serde_json::from_str(json).ok()?;
    files
        .iter()
        .all(FileHashes::is_well_formed)
        .then_some(files)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_draft_reads_back_what_it_wrote_and_older_pages_drafts_still_read() {
        let draft = Draft {
            submission: "0".repeat(32),
            safety: Some(Safety::Danger),
            happened: vec![Happened::Sextortion, Happened::Other],
            happened_other: "on a game chat".into(),
            urls_text: "example.com/a\n\n  example.org/b ".into(),
            ..Draft::default()
        };
        assert_eq!(Draft::from_json(&draft.to_json()), Some(draft.clone()));
        assert_eq!(
            draft.url_lines().collect::<Vec<_>>(),
            [(1, "example.com/a"), (3, "example.org/b")]
        );
        let older = r#"{"submission":"x","safety":"safe","a_field_since_removed":1}"#;
        assert_eq!(Draft::from_json(older).unwrap().safety, Some(Safety::Safe));
    }

    #[test]
    fn what_no_page_sends_is_not_a_draft() {
        assert_eq!(Draft::from_json("7"), None);
        assert_eq!(Draft::from_json(r#"{"safety":"fine"}"#), None);
        let huge = format!(r#"{{"contact":"{}"}}"#, "a".repeat(MAX_JSON_BYTES));
        assert_eq!(Draft::from_json(&huge), None);
    }

    #[test]
    fn file_lists_carry_well_formed_hashes_only() {
        let file = format!(
            r#"{{"kind":"other","md5":"{}","sha256":"{}","pdq":null,"pdq_quality":null}}"#,
            "a".repeat(32),
            "b".repeat(64)
        );
        assert_eq!(
            files_from_json(&format!("[{file}]")).map(|f| f.len()),
            Some(1)
        );
        let short = file.replace(&"a".repeat(32), "abc");
        assert_eq!(files_from_json(&format!("[{file},{short}]")), None);
        let extra = file.replace("\"kind\"", "\"bytes\":\"AAAA\",\"kind\"");
        assert_eq!(files_from_json(&format!("[{extra}]")), None);
        assert_eq!(files_from_json("{}"), None);
    }
}
