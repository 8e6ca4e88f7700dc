//! Drafts whose person left by quick exit, without JavaScript.
//!
//! Without JavaScript every report step is a form post, and each stays in the browser's
//! history: Back from the neutral site returns to one, and a resubmit would render the draft
//! again from its hidden field. On a page rendered from a report post the quick-exit link goes
//! through `/exit`, which remembers the draft's submission id here before it redirects; a post
//! of that draft afterwards starts a new, empty report. Kept in memory only, for two hours:
//! nothing about a draft is ever stored. (With several instances, a resubmit that lands on
//! another instance is not caught; a browser's back-and-resubmit is seconds to minutes.)

use std::{
    collections::HashMap,
    sync::Mutex,
    time::{Duration, Instant},
};

/// How long an exit is remembered.
const REMEMBERED_FOR: Duration = Duration::from_secs(2 * 60 * 60);
/// Exits remembered at most; past it the oldest half goes (each is one tap on quick exit).
const MAX_REMEMBERED: usize = 100_000;

#[derive(Default)]
pub struct ExitedDrafts {
    left: Mutex<HashMap<String, Instant>>,
}

impl ExitedDrafts {
    /// A draft's submission id as the form carries it (32 hex digits), if `text` is one.
    pub fn parse(text: &str) -> Option<&str> {
        (text.len() == 32 && text.bytes().all(|b| b.is_ascii_hexdigit())).then_some(text)
    }

    pub fn remember(&self, submission: &str) {
        let Some(submission) = Self::parse(submission) else {
            return;
        };
        let mut left = self.left.lock().unwrap_or_else(|e| e.into_inner());
        if left.len() >= MAX_REMEMBERED {
            left.retain(|_, at| at.elapsed() < REMEMBERED_FOR);
            if left.len() >= MAX_REMEMBERED {
                let mut times: Vec<Instant> = left.values().copied().collect();
                times.sort_unstable();
                let cut = times[times.len() / 2];
                left.retain(|_, at| *at > cut);
            }
        }
        left.insert(submission.to_owned(), Instant::now());
    }

    pub fn has_left(&self, submission: &str) -> bool {
        let left = self.left.lock().unwrap_or_else(|e| e.into_inner());
        left.get(submission)
            .is_some_and(|at| at.elapsed() < REMEMBERED_FOR)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_draft_left_by_quick_exit_is_known_and_others_are_not() {
        let exits = ExitedDrafts::default();
        let id = "0123456789abcdef0123456789abcdef";
        assert!(!exits.has_left(id));
        exits.remember(id);
        assert!(exits.has_left(id));
        assert!(!exits.has_left("fedcba9876543210fedcba9876543210"));
        exits.remember("not-an-id");
        assert!(!exits.has_left("not-an-id"), "only submission ids are kept");
    }

    #[test]
    fn the_memory_is_bounded() {
        let exits = ExitedDrafts::default();
        for n in 0..(MAX_REMEMBERED + 10) {
            exits.remember(&format!("{n:032x}"));
        }
        let kept = exits.left.lock().unwrap().len();
        assert!(kept <= MAX_REMEMBERED, "{kept}");
        assert!(
            exits.has_left(&format!("{:032x}", MAX_REMEMBERED + 9)),
            "the newest stays"
        );
    }
}
