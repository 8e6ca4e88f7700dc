//! The steps of the report flow and what the page shows at each: the draft so far, the
//! messages for answers that need fixing, and at the end the receipt.

use serde::{Deserialize, Serialize};

use super::answers::Draft;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Step {
    #[default]
    Safety,
    /// Emergency help, shown when the person is not safe; they go on only if they want to.
    Acute,
    Happened,
    AboutYou,
    Where,
    Files,
    Check,
    /// The receipt (or, if the same form arrived twice, a note that it was already sent).
    Done,
}

impl Step {
    /// The numbered steps: "step 2 of 6".
    pub const NUMBERED: [Step; 6] = [
        Step::Safety,
        Step::Happened,
        Step::AboutYou,
        Step::Where,
        Step::Files,
        Step::Check,
    ];

    pub fn number(self) -> Option<usize> {
        Step::NUMBERED
            .iter()
            .position(|s| *s == self)
            .map(|i| i + 1)
    }

    pub fn next(self) -> Step {
        match self {
            Step::Safety | Step::Acute => Step::Happened,
            Step::Happened => Step::AboutYou,
            Step::AboutYou => Step::Where,
            Step::Where => Step::Files,
            Step::Files => Step::Check,
            Step::Check | Step::Done => Step::Done,
        }
    }

    pub fn previous(self) -> Step {
        match self {
            Step::Safety | Step::Acute | Step::Happened => Step::Safety,
            Step::AboutYou => Step::Happened,
            Step::Where => Step::AboutYou,
            Step::Files => Step::Where,
            Step::Check => Step::Files,
            Step::Done => Step::Done,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Step::Safety => "safety",
            Step::Acute => "acute",
            Step::Happened => "happened",
            Step::AboutYou => "about",
            Step::Where => "where",
            Step::Files => "files",
            Step::Check => "check",
            Step::Done => "done",
        }
    }

    pub fn parse(text: &str) -> Option<Step> {
        let mut step = Step::Safety;
        // Every step is reached from the first by `next`, plus the emergency-help step.
        loop {
            if step.as_str() == text {
                return Some(step);
            }
            if step == Step::Done {
                return (text == Step::Acute.as_str()).then_some(Step::Acute);
            }
            step = step.next();
        }
    }
}

/// An answer that needs fixing: which field, which message (a Fluent id), and for the
/// address box the line it is about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    pub field: String,
    pub message: String,
    pub line: Option<usize>,
}

impl FieldError {
    pub fn new(field: &str, message: &str) -> Self {
        FieldError {
            field: field.to_owned(),
            message: message.to_owned(),
            line: None,
        }
    }

    pub fn on_line(field: &str, message: &str, line: usize) -> Self {
        FieldError {
            line: Some(line),
            ..FieldError::new(field, message)
        }
    }
}

/// What the report page shows.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ReportState {
    pub step: Step,
    pub draft: Draft,
    pub errors: Vec<FieldError>,
    /// The addresses as they will be sent (checked, normalised, without repeats).
    pub urls: Vec<String>,
    /// Shown once, on the last step; stored only as a keyed hash.
    pub receipt: Option<String>,
    /// The same form arrived twice (a reload): the report exists, its receipt was shown once.
    pub already_sent: bool,
    /// A general message (a Fluent id) above the form, e.g. when too many reports came at once.
    pub notice: Option<String>,
    /// A proof-of-work challenge to solve before the report is accepted; set only when this
    /// client has sent far more reports than a person would (see `abuse::work`).
    pub challenge: Option<String>,
    /// On the last step: the token that lets its receipt be shown again (a few times) if the
    /// same form arrives again within seconds (`abuse::ReshowTokens`).
    pub reshow: Option<String>,
}

impl ReportState {
    pub fn errors_for<'a>(&'a self, field: &'a str) -> impl Iterator<Item = &'a FieldError> + 'a {
        self.errors.iter().filter(move |e| e.field == field)
    }

    pub fn has_error(&self, field: &str) -> bool {
        self.errors.iter().any(|e| e.field == field)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_go_forward_and_back_in_order() {
        let mut step = Step::Safety;
        let mut seen = vec![step];
        while step != Step::Done {
            step = step.next();
            seen.push(step);
        }
        assert_eq!(
            seen,
            [
                Step::Safety,
                Step::Happened,
                Step::AboutYou,
                Step::Where,
                Step::Files,
                Step::Check,
                Step::Done
            ]
        );
        assert_eq!(Step::Check.previous().previous(), Step::Where);
        assert_eq!(Step::Acute.next(), Step::Happened);
        for step in Step::NUMBERED {
            assert_eq!(Step::parse(step.as_str()), Some(step));
        }
        assert_eq!(Step::Where.number(), Some(4));
        assert_eq!(Step::Acute.number(), None);
    }
}
