//! What a stored report and its items are: the names their status and kind columns hold.

crate::stored_enum! {
    /// Where a report is in its life.
    pub enum ReportStatus {
        /// Open: staff are working on it, the reporter can follow it.
        Received = "received",
        /// Closed by staff; deleted with its items after the retention period.
        Closed = "closed",
    }
}

crate::stored_enum! {
    /// What one reported item is.
    pub enum ItemKind {
        /// An address where the image or video appears.
        Url = "url",
        /// An account on an app or site (the app and/or the account name).
        Account = "account",
        /// A file hashed on the person's device: only its fingerprints are here.
        File = "file",
    }
}

crate::stored_enum! {
    /// Where one item is, as the reporter sees it on the follow-up page.
    pub enum ItemStatus {
        Received = "received",
        /// An analyst has looked at it.
        InReview = "in_review",
        /// The image is gone from the address.
        Removed = "removed",
    }
}

crate::stored_enum! {
    /// What a hashed file was.
    pub enum FileKind {
        Image = "image",
        Video = "video",
        /// A file the device could not read as either (hashed by MD5 and SHA-256 only).
        Other = "other",
    }
}

impl From<hashing::FileKind> for FileKind {
    fn from(kind: hashing::FileKind) -> FileKind {
        match kind {
            hashing::FileKind::Image => FileKind::Image,
            hashing::FileKind::Video => FileKind::Video,
            hashing::FileKind::Other => FileKind::Other,
        }
    }
}
