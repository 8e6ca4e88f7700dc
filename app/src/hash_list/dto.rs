//! What the hash list's staff pages receive from the server: plain data, never entities, and
//! never a hash value (staff decide on entries by what platforms said, not by their bytes).

use serde::{Deserialize, Serialize};

use super::{FeedbackVerdict, HashList, Scope};
use crate::report::FileKind;

/// One platform client, for administrators.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlatformRow {
    pub id: i64,
    pub name: String,
    /// The key's first characters, to tell keys apart (the key itself is not kept).
    pub key_hint: String,
    pub scopes: Vec<Scope>,
    pub lists: Vec<HashList>,
    pub sandbox: bool,
    pub per_minute: u32,
    pub created: String,
    pub revoked: Option<String>,
    pub webhook: Option<String>,
    /// Calls and items (hashes matched, changes read…) in the last 30 days.
    pub calls_30_days: i64,
    pub items_30_days: i64,
}

/// The platforms page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlatformsView {
    pub csrf: String,
    pub rows: Vec<PlatformRow>,
}

/// The "new key" form as typed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlatformForm {
    pub name: String,
    pub scopes: Vec<Scope>,
    pub lists: Vec<HashList>,
    pub sandbox: bool,
    pub per_minute: String,
}

impl Default for PlatformForm {
    /// What a new key usually is: it reads, matches and gives feedback, on every list.
    fn default() -> Self {
        PlatformForm {
            name: String::new(),
            scopes: Scope::ALL.to_vec(),
            lists: HashList::ALL.to_vec(),
            sandbox: false,
            per_minute: super::DEFAULT_PER_MINUTE.to_string(),
        }
    }
}

/// What a posted platforms form left for the page.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PostedPlatformForm {
    /// The Fluent id of what was wrong, and the field it is about.
    pub error: Option<String>,
    pub field: Option<String>,
    /// The form as typed, when it was refused.
    pub form: Option<PlatformForm>,
    /// A key just made: its platform's name and the key, shown on this one answer only.
    pub created: Option<(String, String)>,
}

/// Entries of one list, by status.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CountRow {
    pub list: Option<HashList>,
    pub self_reported: i64,
    pub analyst_confirmed: i64,
    pub disputed: i64,
    pub withdrawn: i64,
}

/// What one platform said about an entry.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FeedbackRow {
    pub platform: String,
    pub verdict: FeedbackVerdict,
    pub reason: Option<String>,
    pub at: String,
}

/// An entry platforms disagree about.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DisputedRow {
    pub id: String,
    pub list: HashList,
    pub kind: Option<FileKind>,
    /// The case it came from, while it is still linked.
    pub case: Option<i64>,
    pub feedback: Vec<FeedbackRow>,
}

/// The hash-list page, for analysts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HashListView {
    pub csrf: String,
    /// One row per list, real entries only (the sandbox's synthetic ones are not counted).
    pub counts: Vec<CountRow>,
    pub disputed: Vec<DisputedRow>,
}

/// What a posted hash-list form left for the page.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PostedHashListForm {
    pub error: Option<String>,
}
