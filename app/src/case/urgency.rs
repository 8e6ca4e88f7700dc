//! How urgent a case is, as a score with its reasons, so the queue can say *why* a case is on
//! top. One place computes it; the queue sorts by it and the pages show the reasons.
//!
//! The weights put a person in danger first, then children, then ongoing blackmail, then
//! material still online, with waiting time slowly lifting every case so none is left behind:
//! after three days of waiting an adult's case weighs as much as a fresh one about a child.

use serde::{Deserialize, Serialize};

use crate::report::{AgeBand, Happened, Safety};

/// Someone said they are in danger now, or thinking about suicide: more than all the other
/// reasons together can add, so such a case is always on top.
const ACUTE: u32 = 2000;
/// The person in the images is under 18 by the age band given.
const MINOR: u32 = 300;
/// Sextortion: someone is blackmailing the person, usually with a deadline.
const SEXTORTION: u32 = 200;
/// Each address not yet known to be removed, up to [`MAX_URLS_COUNTED`].
const PER_URL_ONLINE: u32 = 25;
const MAX_URLS_COUNTED: u32 = 10;
/// Per hour waited since the report, up to [`MAX_HOURS_COUNTED`].
const PER_HOUR_WAITING: u32 = 5;
const MAX_HOURS_COUNTED: u32 = 72;

/// What the score is made of, each with the points it added.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Reason {
    DangerNow,
    Suicidal,
    Minor,
    Sextortion,
    UrlsOnline(u32),
    Waiting { hours: u32 },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Urgency {
    pub score: u32,
    /// Largest first.
    pub reasons: Vec<(Reason, u32)>,
}

/// The facts about a case that urgency depends on.
#[derive(Debug, Clone, Default)]
pub struct Facts {
    pub safety: Option<Safety>,
    pub age_band: Option<AgeBand>,
    pub happened: Vec<Happened>,
    pub urls_online: u32,
    pub reported_at: i64,
}

pub fn urgency(facts: &Facts, now: i64) -> Urgency {
    let mut reasons = Vec::new();
    match facts.safety {
        Some(Safety::Danger) => reasons.push((Reason::DangerNow, ACUTE)),
        Some(Safety::Suicidal) => reasons.push((Reason::Suicidal, ACUTE)),
        Some(Safety::Safe) | None => {}
    }
    if matches!(
        facts.age_band,
        Some(AgeBand::Under13 | AgeBand::From13To15 | AgeBand::From16To17)
    ) {
        reasons.push((Reason::Minor, MINOR));
    }
    if facts.happened.contains(&Happened::Sextortion) {
        reasons.push((Reason::Sextortion, SEXTORTION));
    }
    if facts.urls_online > 0 {
        let counted = facts.urls_online.min(MAX_URLS_COUNTED);
        reasons.push((
            Reason::UrlsOnline(facts.urls_online),
            counted * PER_URL_ONLINE,
        ));
    }
    let hours = u32::try_from((now - facts.reported_at).max(0) / 3600).unwrap_or(u32::MAX);
    if hours > 0 {
        reasons.push((
            Reason::Waiting { hours },
            hours.min(MAX_HOURS_COUNTED) * PER_HOUR_WAITING,
        ));
    }
    reasons.sort_by_key(|r| std::cmp::Reverse(r.1));
    Urgency {
        score: reasons.iter().map(|(_, points)| points).sum(),
        reasons,
    }
}

/// The same score as [`urgency`], as an SQL expression over a `report` row, `urls_online`
/// being an SQL expression for its addresses online. The queue orders by it in the database,
/// so only the page shown is read; a test checks it orders exactly as [`urgency`] scores.
#[cfg(feature = "ssr")]
pub fn score_sql(now: i64, urls_online: &str) -> String {
    let capped =
        |expr: String, cap: u32| format!("(CASE WHEN {expr} > {cap} THEN {cap} ELSE {expr} END)");
    let hours = format!(
        "(CASE WHEN report.created_at > {now} THEN 0 ELSE ({now} - report.created_at) / 3600 END)"
    );
    format!(
        "(CASE WHEN report.safety IN ('{danger}', '{suicidal}') THEN {ACUTE} ELSE 0 END \
         + CASE WHEN report.age_band IN ('{under13}', '{from13}', '{from16}') THEN {MINOR} ELSE 0 END \
         + CASE WHEN report.happened LIKE '%\"{sextortion}\"%' THEN {SEXTORTION} ELSE 0 END \
         + {urls} * {PER_URL_ONLINE} + {hours} * {PER_HOUR_WAITING})",
        danger = Safety::Danger.as_str(),
        suicidal = Safety::Suicidal.as_str(),
        under13 = AgeBand::Under13.as_str(),
        from13 = AgeBand::From13To15.as_str(),
        from16 = AgeBand::From16To17.as_str(),
        sextortion = Happened::Sextortion.as_str(),
        urls = capped(urls_online.to_owned(), MAX_URLS_COUNTED),
        hours = capped(hours, MAX_HOURS_COUNTED),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOW: i64 = 1_800_000_000;

    fn facts() -> Facts {
        Facts {
            reported_at: NOW,
            ..Facts::default()
        }
    }

    #[test]
    fn danger_outranks_everything_else_together() {
        let danger = urgency(
            &Facts {
                safety: Some(Safety::Danger),
                ..facts()
            },
            NOW,
        );
        let everything_else = urgency(
            &Facts {
                age_band: Some(AgeBand::Under13),
                happened: vec![Happened::Sextortion],
                urls_online: 20,
                reported_at: NOW - 30 * 24 * 3600,
                ..facts()
            },
            NOW,
        );
        assert!(
            danger.score > everything_else.score,
            "{danger:?} {everything_else:?}"
        );
    }

    #[test]
    fn every_reason_is_named_with_its_points_largest_first() {
        let u = urgency(
            &Facts {
                safety: Some(Safety::Suicidal),
                age_band: Some(AgeBand::From16To17),
                happened: vec![Happened::FakeNudes, Happened::Sextortion],
                urls_online: 3,
                reported_at: NOW - 2 * 3600 - 59,
            },
            NOW,
        );
        assert_eq!(
            u.reasons,
            vec![
                (Reason::Suicidal, 2000),
                (Reason::Minor, 300),
                (Reason::Sextortion, 200),
                (Reason::UrlsOnline(3), 75),
                (Reason::Waiting { hours: 2 }, 10),
            ]
        );
        assert_eq!(u.score, 2585);
    }

    #[test]
    fn adults_and_unsaid_ages_add_nothing_and_a_fresh_safe_case_scores_zero() {
        for age in [
            None,
            Some(AgeBand::From18To24),
            Some(AgeBand::Over25),
            Some(AgeBand::NotSaid),
        ] {
            let u = urgency(
                &Facts {
                    safety: Some(Safety::Safe),
                    age_band: age,
                    ..facts()
                },
                NOW,
            );
            assert_eq!(u.score, 0, "{age:?}");
            assert!(u.reasons.is_empty());
        }
    }

    #[test]
    fn waiting_and_urls_are_capped_so_they_never_outrank_danger() {
        let u = urgency(
            &Facts {
                urls_online: 500,
                reported_at: NOW - 365 * 24 * 3600,
                ..facts()
            },
            NOW,
        );
        assert_eq!(u.score, 250 + 360);
        assert!(u.score < ACUTE);
        // The reason still tells the real count.
        assert!(u.reasons.contains(&(Reason::UrlsOnline(500), 250)));
    }

    #[test]
    fn a_clock_behind_the_report_does_not_underflow() {
        let u = urgency(
            &Facts {
                reported_at: NOW + 999,
                ..facts()
            },
            NOW,
        );
        assert_eq!(u.score, 0);
    }
}
