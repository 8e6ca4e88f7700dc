//! What the follow-up page shows of a report: nothing staff-internal, dates only.

use serde::{Deserialize, Serialize};

use crate::report::{FileKind, ItemKind, ItemStatus};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CaseView {
    pub items: Vec<ItemView>,
    pub messages: Vec<MessageView>,
    /// The platforms that receive the fingerprints of this report's files (by name only).
    pub platforms: Vec<String>,
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
    /// The removal notice about it, in plain words: whom we asked and when (never who on
    /// our side, never anything written internally).
    pub notice: Option<LedgerNotice>,
}

/// A notice as the reporter reads it on the follow-up page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LedgerNotice {
    /// The provider's or hotline's name.
    pub to: String,
    /// Handed to a hotline (abuse material of a child), not asked of the host.
    pub hotline: bool,
    /// The day it went out; None while it is on its way.
    pub asked_on: Option<String>,
    /// `YYYY-MM-DD HH:MM` UTC.
    pub deadline: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MessageView {
    pub from_staff: bool,
    pub body: String,
    pub on: String,
}
