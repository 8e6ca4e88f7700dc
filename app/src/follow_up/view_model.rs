//! What the follow-up page shows of a report: nothing staff-internal, dates only.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CaseView {
    pub items: Vec<ItemView>,
    pub messages: Vec<MessageView>,
    /// Echoed by every form while signed in (synchroniser token).
    pub csrf: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ItemView {
    /// url | account | file
    pub kind: String,
    /// The address, "platform: handle", or the kind of file.
    pub label: String,
    pub file_kind: Option<String>,
    pub status: String,
    pub removed_on: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MessageView {
    pub from_staff: bool,
    pub body: String,
    pub on: String,
}
