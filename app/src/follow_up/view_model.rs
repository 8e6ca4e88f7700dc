//! What the follow-up page shows of a report: nothing staff-internal, dates only.

use serde::{Deserialize, Serialize};

use crate::report::{FileKind, ItemKind, ItemStatus};

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
    pub kind: ItemKind,
    /// The address, "platform: handle", or the kind of file.
    pub label: String,
    pub file_kind: Option<FileKind>,
    pub status: ItemStatus,
    pub removed_on: Option<String>,
    /// Who hosts the address and the country code: shown only once an analyst has looked
    /// at the item (before that, an automatic lookup could be wrong in front of a victim).
    pub hosted_by: Option<(String, Option<String>)>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MessageView {
    pub from_staff: bool,
    pub body: String,
    pub on: String,
}
