//! What a notice is about, in the words of the DSA's transparency taxonomy (Implementing
//! Regulation (EU) 2024/2835, as the DSA Transparency Database uses it).

crate::stored_enum! {
    /// The kind of illegal content a notice is about.
    pub enum NoticeCategory {
        /// Child sexual abuse material.
        Csam = "csam",
        /// Non-consensual intimate images of an adult.
        Ncii = "ncii",
        /// Sexual images of a real person made or altered (deepfakes), shared without consent.
        Ai = "ai",
    }
}

impl NoticeCategory {
    /// The analyst's verdict's category, if the verdict means a notice goes out.
    pub fn of_verdict(verdict: crate::case::Verdict) -> Option<NoticeCategory> {
        match verdict {
            crate::case::Verdict::Csam => Some(NoticeCategory::Csam),
            crate::case::Verdict::NonConsensual => Some(NoticeCategory::Ncii),
            crate::case::Verdict::NotIllegal | crate::case::Verdict::CannotAssess => None,
        }
    }

    /// The DSA statement category and keyword (Implementing Regulation (EU) 2024/2835).
    /// An AI-made image of a minor is assessed as `Csam`; `Ai` is of an adult.
    pub fn dsa_taxonomy(self) -> (&'static str, &'static str) {
        match self {
            NoticeCategory::Csam => (
                "STATEMENT_CATEGORY_PROTECTION_OF_MINORS",
                "KEYWORD_CHILD_SEXUAL_ABUSE_MATERIAL",
            ),
            NoticeCategory::Ncii => (
                "STATEMENT_CATEGORY_CYBER_VIOLENCE",
                "KEYWORD_NON_CONSENSUAL_IMAGE_SHARING",
            ),
            NoticeCategory::Ai => (
                "STATEMENT_CATEGORY_CYBER_VIOLENCE",
                "KEYWORD_NON_CONSENSUAL_MATERIAL_DEEPFAKE",
            ),
        }
    }

    /// The X-ARF v3 report class and type (the `childabuse` and `harassment` schemas).
    pub fn xarf_type(self) -> (&'static str, &'static str) {
        match self {
            NoticeCategory::Csam => ("Content", "ChildAbuse"),
            NoticeCategory::Ncii | NoticeCategory::Ai => ("Activity", "Harassment"),
        }
    }

    /// Whether Art. 16(2)(c) DSA exempts the notice from naming the notifier (the offences
    /// of Arts. 3 to 7 of Directive 2011/93/EU).
    pub fn notifier_exempt(self) -> bool {
        self == NoticeCategory::Csam
    }
}

crate::stored_enum! {
    /// Where a notice stands.
    pub enum NoticeStatus {
        /// Written, waiting in the outbox for its delivery (e-mail or API).
        Queued = "queued",
        /// Delivered: the provider's mail server (or API) took it.
        Sent = "sent",
        /// Waiting for a staff member to file it by hand (a web form, a hotline's form).
        Task = "task",
        /// Filed by hand and marked done.
        Filed = "filed",
        /// Delivery failed for good: staff see it and choose another way.
        Dead = "dead",
    }
}

impl NoticeStatus {
    /// Still waiting for the portal or for staff to get it to the provider.
    pub fn undelivered(self) -> bool {
        matches!(self, NoticeStatus::Queued | NoticeStatus::Task)
    }

    /// The Fluent message naming it (staff pages).
    pub fn message_id(self) -> &'static str {
        match self {
            NoticeStatus::Queued => "notice-status-queued",
            NoticeStatus::Sent => "notice-status-sent",
            NoticeStatus::Task => "notice-status-task",
            NoticeStatus::Filed => "notice-status-filed",
            NoticeStatus::Dead => "notice-status-dead",
        }
    }
}

crate::stored_enum! {
    /// How a notice reaches whoever must act on it.
    pub enum NoticeChannel {
        /// By e-mail to the provider's notice address (the outbox delivers it).
        Email = "email",
        /// Through the provider's web form: a task for staff, the text ready to paste.
        WebForm = "web_form",
        /// Child sexual abuse material hosted where the owner is not the hotline: handed
        /// to the hotline of the hosting country (through its own form), tracked the same way.
        Hotline = "hotline",
    }
}

impl NoticeChannel {
    pub fn message_id(self) -> &'static str {
        match self {
            NoticeChannel::Email => "notice-channel-email",
            NoticeChannel::WebForm => "notice-channel-web-form",
            NoticeChannel::Hotline => "notice-channel-hotline",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_taxonomy_pairs_are_the_contract() {
        assert_eq!(
            NoticeCategory::Csam.dsa_taxonomy(),
            (
                "STATEMENT_CATEGORY_PROTECTION_OF_MINORS",
                "KEYWORD_CHILD_SEXUAL_ABUSE_MATERIAL"
            )
        );
        assert_eq!(
            NoticeCategory::Ncii.dsa_taxonomy().1,
            "KEYWORD_NON_CONSENSUAL_IMAGE_SHARING"
        );
        assert!(NoticeCategory::Ai.dsa_taxonomy().1.ends_with("_DEEPFAKE"));
        assert_eq!(NoticeCategory::Csam.xarf_type().1, "ChildAbuse");
        assert_eq!(NoticeCategory::Ncii.xarf_type().1, "Harassment");
    }
}
