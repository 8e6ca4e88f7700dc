//! The hash list platforms use to keep known images off their services without seeing them:
//! one entry per hashed file of a report, the change feed they follow, the platform clients
//! with their keys and webhooks, and their feedback on entries.
//!
//! Rules this domain keeps (DESIGN.md 3, "Hashes are sensitive too"):
//! - nothing a platform sees links two entries of one report: public ids are random, entries
//!   are created in shuffled order, changes are published in shuffled batches, and no time
//!   finer than the hour is kept on an entry;
//! - a withdrawn entry keeps only its id: the hash values are erased when it is withdrawn,
//!   and the feed carries a tombstone;
//! - a key sees only the lists it was given, and a sandbox key only the synthetic list.
//!
//! Retention: when a closed report is deleted, its entries stay on the list, unlinked from
//! it (the point of the list is that copies stay blocked after the case is over); a
//! withdrawal before then removes them everywhere, and staff can withdraw an entry by its id.

#[cfg(feature = "ssr")]
pub mod actions;
mod dto;
#[cfg(feature = "ssr")]
pub mod entity;
mod page;
#[cfg(feature = "ssr")]
pub mod platform;
mod server_fns;
#[cfg(feature = "ssr")]
pub mod service;
#[cfg(feature = "ssr")]
pub mod store;
#[cfg(feature = "ssr")]
pub mod transfer;

pub use dto::{
    CountRow, DisputedRow, FeedbackRow, HashListView, PlatformForm, PlatformRow, PlatformsView,
    PostedHashListForm, PostedPlatformForm,
};
pub use page::{HashListPage, PlatformsPage};
pub use server_fns::{load_hash_list, load_platforms};

use crate::report::{AgeBand, ForWhom, Happened};

crate::stored_enum! {
    /// Which list an entry is on; a platform key is given some of them.
    pub enum HashList {
        /// Child sexual abuse material, AI-made images of minors included.
        Csam = "csam",
        /// Intimate images of adults shared without consent.
        Ncii = "ncii",
        /// AI-made intimate images of adults.
        Ai = "ai",
    }
}

crate::stored_enum! {
    /// How much an entry is vouched for.
    pub enum EntryStatus {
        /// From a victim's report, not reviewed (an analyst never sees the file).
        SelfReported = "self_reported",
        /// An analyst stated, audited, that the file is illegal.
        AnalystConfirmed = "analyst_confirmed",
        /// Platforms disagree about it: staff decide.
        Disputed = "disputed",
        /// Gone: withdrawn by the person, or found not illegal. Only the id is kept.
        Withdrawn = "withdrawn",
    }
}

crate::stored_enum! {
    /// What happened to an entry, as the change feed says.
    pub enum ChangeKind {
        Added = "added",
        StatusChanged = "status_changed",
        Withdrawn = "withdrawn",
    }
}

crate::stored_enum! {
    /// What a platform key may do.
    pub enum Scope {
        /// The change feed, the snapshot and the webhook.
        Read = "read",
        /// `POST /match`.
        Match = "match",
        /// `POST /feedback`.
        Feedback = "feedback",
    }
}

crate::stored_enum! {
    /// A platform's word on an entry it matched.
    pub enum FeedbackVerdict {
        /// It acted on the content (removed, blocked).
        Actioned = "actioned",
        /// It reviewed the content and found it not violating.
        NotViolating = "not_violating",
        UnderReview = "under_review",
        /// It could not review it (e.g. the content was gone).
        CannotReview = "cannot_review",
    }
}

crate::stored_enum! {
    /// Where an entry came from.
    pub enum EntrySource {
        Report = "report",
        /// `portal hash-list import` (a partner hotline's exchange file).
        Import = "import",
        /// The synthetic list sandbox keys see.
        Sandbox = "sandbox",
    }
}

impl HashList {
    /// The list a report's files go on, from the report's answers: `csam` when the person is
    /// under 18 or the report is about a child (abuse material, pressure, a parent reporting
    /// for their child), AI-made images of minors included; `ai` for AI-made images of
    /// adults; `ncii` otherwise.
    pub fn for_report(age: AgeBand, happened: &[Happened], for_whom: ForWhom) -> HashList {
        let minor = matches!(
            age,
            AgeBand::Under13 | AgeBand::From13To15 | AgeBand::From16To17
        ) || for_whom == ForWhom::MyChild
            || happened
                .iter()
                .any(|h| matches!(h, Happened::ChildAbuseMaterial | Happened::ChildPressured));
        if minor {
            HashList::Csam
        } else if happened.contains(&Happened::FakeNudes) {
            HashList::Ai
        } else {
            HashList::Ncii
        }
    }

    /// Lists written as `csam,ncii` (a key's lists, the command line's `--lists`).
    pub fn parse_set(text: &str) -> Option<Vec<HashList>> {
        parse_set(text, HashList::parse)
    }
}

impl Scope {
    pub fn parse_set(text: &str) -> Option<Vec<Scope>> {
        parse_set(text, Scope::parse)
    }
}

/// A comma-separated set, sorted and without repeats; None if a name is unknown or the set
/// is empty.
fn parse_set<T: Ord + Copy>(text: &str, parse: fn(&str) -> Option<T>) -> Option<Vec<T>> {
    let mut set = text
        .split(',')
        .map(str::trim)
        .filter(|name| !name.is_empty())
        .map(parse)
        .collect::<Option<Vec<T>>>()?;
    set.sort();
    set.dedup();
    (!set.is_empty()).then_some(set)
}

/// A set written back as `a,b`.
pub fn join<T: std::fmt::Display>(set: &[T]) -> String {
    set.iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(",")
}

/// Requests a minute a new key may make, unless its creator said otherwise.
pub const DEFAULT_PER_MINUTE: u32 = 600;
/// The most requests a minute a key may be given.
pub const MAX_PER_MINUTE: u32 = 100_000;

/// Times kept on entries and published changes are rounded down to this (seconds): nothing
/// finer can line two entries of one report up.
pub const COARSE_SECONDS: i64 = 3600;

pub fn coarse(at: i64) -> i64 {
    at - at.rem_euclid(COARSE_SECONDS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_report_about_a_minor_goes_on_the_csam_list_even_when_ai_made() {
        use Happened::*;
        let cases = [
            (
                AgeBand::From16To17,
                vec![SharedWithoutConsent],
                ForWhom::Myself,
                HashList::Csam,
            ),
            (
                AgeBand::Under13,
                vec![FakeNudes],
                ForWhom::Myself,
                HashList::Csam,
            ),
            (
                AgeBand::NotSaid,
                vec![Other],
                ForWhom::MyChild,
                HashList::Csam,
            ),
            (
                AgeBand::Over25,
                vec![ChildAbuseMaterial],
                ForWhom::SomeoneElse,
                HashList::Csam,
            ),
            (
                AgeBand::From18To24,
                vec![FakeNudes, Sextortion],
                ForWhom::Myself,
                HashList::Ai,
            ),
            (
                AgeBand::Over25,
                vec![SharedWithoutConsent],
                ForWhom::Myself,
                HashList::Ncii,
            ),
            (
                AgeBand::NotSaid,
                vec![],
                ForWhom::SomeoneElse,
                HashList::Ncii,
            ),
        ];
        for (age, happened, for_whom, list) in cases {
            assert_eq!(
                HashList::for_report(age, &happened, for_whom),
                list,
                "{age:?} {happened:?} {for_whom:?}"
            );
        }
    }

    #[test]
    fn sets_parse_sorted_without_repeats_and_refuse_unknown_names() {
        assert_eq!(
            HashList::parse_set("ncii, csam,ncii"),
            Some(vec![HashList::Csam, HashList::Ncii])
        );
        assert_eq!(HashList::parse_set("csam,adult"), None);
        assert_eq!(Scope::parse_set(""), None);
        assert_eq!(join(&[Scope::Read, Scope::Match]), "read,match");
    }

    #[test]
    fn times_are_kept_to_the_hour() {
        assert_eq!(coarse(7_199), 3_600);
        assert_eq!(coarse(7_200), 7_200);
    }
}
