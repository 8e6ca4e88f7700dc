//! Opening hours as the seed writes them, and whether a service is open at an instant.
//!
//! Hours are wall-clock times in the organisation's time zone, so they are evaluated on the
//! local date and time of the instant (jiff does the zone arithmetic, daylight saving time
//! included). A window is `open <= t < close` on each listed day; `'24:00'` closes at the end
//! of the day. The seed cannot write a window across midnight (`open` must come before
//! `close`, as `check_seed.py` requires): a night line is two windows, `22:00–24:00` on one
//! day and `00:00–02:00` on the next, and is open without a break across midnight.

use std::fmt;

use jiff::civil::{Date, DateTime, Weekday};
use jiff::tz::{AmbiguousOffset, TimeZone};
use jiff::{Timestamp, ToSpan, Zoned};
use serde::{Deserialize, Deserializer, Serialize};

/// A time of day, in minutes since midnight: `00:00` is 0 and `24:00` (only as a closing
/// time) is 1440.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize)]
#[serde(try_from = "String")]
pub struct Clock(u16);

impl Clock {
    /// The end of the day, `24:00`.
    pub const END_OF_DAY: Clock = Clock(24 * 60);

    /// `HH:MM` with `HH` 00–23 and `MM` 00–59, or `24:00`.
    pub fn parse(text: &str) -> Result<Clock, String> {
        let bad = || format!("time {text:?} is not HH:MM (00:00 to 24:00)");
        let (hours, minutes) = text.split_once(':').ok_or_else(bad)?;
        if hours.len() != 2 || minutes.len() != 2 {
            return Err(bad());
        }
        let hours: u16 = hours.parse().map_err(|_| bad())?;
        let minutes: u16 = minutes.parse().map_err(|_| bad())?;
        match (hours, minutes) {
            (24, 0) => Ok(Clock::END_OF_DAY),
            (0..=23, 0..=59) => Ok(Clock(hours * 60 + minutes)),
            _ => Err(bad()),
        }
    }

    pub fn minutes(self) -> u16 {
        self.0
    }

    fn hour(self) -> i8 {
        (self.0 / 60) as i8
    }

    fn minute(self) -> i8 {
        (self.0 % 60) as i8
    }
}

impl TryFrom<String> for Clock {
    type Error = String;

    fn try_from(text: String) -> Result<Clock, String> {
        Clock::parse(&text)
    }
}

impl fmt::Display for Clock {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}:{:02}", self.0 / 60, self.0 % 60)
    }
}

/// A day of the week as the seed names it (`mon` … `sun`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Day {
    Mon,
    Tue,
    Wed,
    Thu,
    Fri,
    Sat,
    Sun,
}

impl Day {
    pub fn of(weekday: Weekday) -> Day {
        match weekday {
            Weekday::Monday => Day::Mon,
            Weekday::Tuesday => Day::Tue,
            Weekday::Wednesday => Day::Wed,
            Weekday::Thursday => Day::Thu,
            Weekday::Friday => Day::Fri,
            Weekday::Saturday => Day::Sat,
            Weekday::Sunday => Day::Sun,
        }
    }
}

/// One line of a weekly schedule: open from `open` to `close` on each of `days`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(try_from = "RawWindow")]
pub struct Window {
    pub days: Vec<Day>,
    pub open: Clock,
    pub close: Clock,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawWindow {
    days: Vec<Day>,
    open: Clock,
    close: Clock,
}

impl TryFrom<RawWindow> for Window {
    type Error = String;

    /// Same rules as `check_seed.py`: at least one day, and `open` before `close` (which also
    /// keeps `24:00` to closing times).
    fn try_from(raw: RawWindow) -> Result<Window, String> {
        if raw.days.is_empty() {
            return Err("an hours window needs at least one day".into());
        }
        if raw.open >= raw.close {
            return Err(format!(
                "an hours window must open before it closes ({} to {})",
                raw.open, raw.close
            ));
        }
        Ok(Window {
            days: raw.days,
            open: raw.open,
            close: raw.close,
        })
    }
}

impl Window {
    fn covers(&self, day: Day, minute: u16) -> bool {
        self.days.contains(&day) && self.open.minutes() <= minute && minute < self.close.minutes()
    }
}

/// When a service can be reached.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum Hours {
    /// `hours: null`: no source gives the hours. Never guessed as open.
    #[default]
    Unknown,
    /// `{always: true}`: around the clock (emergency numbers, 24/7 lines).
    Always,
    /// `{always: false, weekly: [...]}`: never empty.
    Weekly(Vec<Window>),
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawHours {
    always: bool,
    #[serde(default)]
    weekly: Option<Vec<Window>>,
}

impl<'de> Deserialize<'de> for Hours {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Hours, D::Error> {
        let raw = Option::<RawHours>::deserialize(deserializer)?;
        let hours = match raw {
            None => Hours::Unknown,
            Some(RawHours {
                always: true,
                weekly: None,
            }) => Hours::Always,
            Some(RawHours { always: true, .. }) => {
                return Err(serde::de::Error::custom(
                    "hours: always: true with a weekly list",
                ));
            }
            Some(RawHours {
                always: false,
                weekly: Some(windows),
            }) if !windows.is_empty() => Hours::Weekly(windows),
            Some(RawHours { always: false, .. }) => {
                return Err(serde::de::Error::custom(
                    "hours: always: false needs a non-empty weekly list",
                ));
            }
        };
        Ok(hours)
    }
}

/// Whether a service is open at an instant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Availability {
    /// The hours are unknown (or, for weekly hours, the organisation has no time zone).
    Unknown,
    Open,
    /// Closed now; `opens_at` is the next opening within the coming seven days, in the
    /// organisation's zone. A weekly schedule always has one.
    Closed {
        opens_at: Zoned,
    },
}

impl Availability {
    /// `Some(true)` open, `Some(false)` closed, `None` unknown.
    pub fn open_now(&self) -> Option<bool> {
        match self {
            Availability::Unknown => None,
            Availability::Open => Some(true),
            Availability::Closed { .. } => Some(false),
        }
    }

    /// The next opening as RFC 3339 with the organisation's UTC offset at that moment, e.g.
    /// `2026-12-02T09:00:00+01:00`; `None` unless closed.
    pub fn opens_at_rfc3339(&self) -> Option<String> {
        match self {
            Availability::Closed { opens_at } => Some(
                opens_at
                    .timestamp()
                    .display_with_offset(opens_at.offset())
                    .to_string(),
            ),
            _ => None,
        }
    }
}

impl Hours {
    /// Open, closed (with the next opening) or unknown at `at`, reading the hours in `zone`.
    pub fn availability(&self, zone: Option<&TimeZone>, at: Timestamp) -> Availability {
        match (self, zone) {
            (Hours::Unknown, _) => Availability::Unknown,
            (Hours::Always, _) => Availability::Open,
            (Hours::Weekly(_), None) => Availability::Unknown,
            (Hours::Weekly(windows), Some(zone)) => weekly_availability(windows, zone, at),
        }
    }
}

fn weekly_availability(windows: &[Window], zone: &TimeZone, at: Timestamp) -> Availability {
    let local = at.to_zoned(zone.clone());
    let minute = local.hour() as u16 * 60 + local.minute() as u16;
    let day = Day::of(local.weekday());
    if windows.iter().any(|window| window.covers(day, minute)) {
        return Availability::Open;
    }
    match next_opening(windows, &local) {
        Some(opens_at) => Availability::Closed { opens_at },
        // Unreachable for a validated schedule (every window has a day); say "unknown"
        // rather than invent a time.
        None => Availability::Unknown,
    }
}

/// The earliest window start after `now` and no more than seven days ahead.
fn next_opening(windows: &[Window], now: &Zoned) -> Option<Zoned> {
    let limit = now.checked_add(7.days()).ok()?.timestamp();
    let zone = now.time_zone();
    let today = now.date();
    (0..=7)
        .filter_map(|offset: i64| today.checked_add(offset.days()).ok())
        .flat_map(|date| starts_on(windows, date))
        .filter_map(|start| first_instant_reading(zone, start))
        .filter(|start| start.timestamp() > now.timestamp() && start.timestamp() <= limit)
        .min_by_key(Zoned::timestamp)
}

fn starts_on(windows: &[Window], date: Date) -> impl Iterator<Item = DateTime> + '_ {
    let day = Day::of(date.weekday());
    windows
        .iter()
        .filter(move |window| window.days.contains(&day))
        .map(move |window| date.at(window.open.hour(), window.open.minute(), 0, 0))
}

/// The first instant at which the wall clock reads `wall` or later: the instant itself
/// normally, the first of the two when the clocks go back, and the moment of the jump when
/// `wall` falls in the hour skipped going forward. That is when [`Window::covers`] first
/// says "open", so `opens_at` and `open_now` agree.
fn first_instant_reading(zone: &TimeZone, wall: DateTime) -> Option<Zoned> {
    let ambiguous = zone.to_ambiguous_zoned(wall);
    match ambiguous.offset() {
        AmbiguousOffset::Gap { after, .. } => {
            let inside_gap = after.to_timestamp(wall).ok()?;
            let jump = zone.following(inside_gap).next()?;
            Some(jump.timestamp().to_zoned(zone.clone()))
        }
        AmbiguousOffset::Unambiguous { .. } | AmbiguousOffset::Fold { .. } => {
            ambiguous.compatible().ok()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::tz::TimeZoneDatabase;

    fn amsterdam() -> TimeZone {
        TimeZoneDatabase::bundled()
            .get("Europe/Amsterdam")
            .expect("the bundled database has Europe/Amsterdam")
    }

    fn at(text: &str) -> Timestamp {
        text.parse().expect("a valid RFC 3339 instant")
    }

    fn hours(yaml: &str) -> Hours {
        serde_norway::from_str(yaml).expect("valid hours")
    }

    fn state(hours: &Hours, instant: &str) -> (Option<bool>, Option<String>) {
        let availability = hours.availability(Some(&amsterdam()), at(instant));
        (availability.open_now(), availability.opens_at_rfc3339())
    }

    #[test]
    fn clock_reads_hh_mm_and_24_00() {
        assert_eq!(Clock::parse("00:00"), Ok(Clock(0)));
        assert_eq!(Clock::parse("09:30"), Ok(Clock(570)));
        assert_eq!(Clock::parse("23:59"), Ok(Clock(1439)));
        assert_eq!(Clock::parse("24:00"), Ok(Clock::END_OF_DAY));
        for bad in [
            "24:01", "25:00", "9:00", "09:60", "0900", "09:00:00", "", "ab:cd",
        ] {
            assert!(Clock::parse(bad).is_err(), "{bad:?} must be rejected");
        }
    }

    #[test]
    fn the_three_shapes_of_hours_parse() {
        assert_eq!(hours("null"), Hours::Unknown);
        assert_eq!(hours("{always: true, weekly: null}"), Hours::Always);
        assert_eq!(hours("{always: true}"), Hours::Always);
        assert_eq!(
            hours("{always: false, weekly: [{days: [mon, fri], open: '08:00', close: '24:00'}]}"),
            Hours::Weekly(vec![Window {
                days: vec![Day::Mon, Day::Fri],
                open: Clock(480),
                close: Clock::END_OF_DAY,
            }])
        );
    }

    #[test]
    fn malformed_hours_are_rejected() {
        for bad in [
            "{always: false, weekly: null}",
            "{always: false, weekly: []}",
            "{always: true, weekly: [{days: [mon], open: '08:00', close: '09:00'}]}",
            "{always: false, weekly: [{days: [], open: '08:00', close: '09:00'}]}",
            "{always: false, weekly: [{days: [monday], open: '08:00', close: '09:00'}]}",
            // Across midnight in one window: the seed forbids it (two windows instead).
            "{always: false, weekly: [{days: [mon], open: '22:00', close: '02:00'}]}",
            "{always: false, weekly: [{days: [mon], open: '09:00', close: '09:00'}]}",
            "{always: false, weekly: [{days: [mon], open: '24:00', close: '24:00'}]}",
            "{always: false, weekly: [{days: [mon], open: '08:00', close: '09:00', note: x}]}",
        ] {
            assert!(
                serde_norway::from_str::<Hours>(bad).is_err(),
                "{bad} must be rejected"
            );
        }
    }

    #[test]
    fn unknown_hours_are_never_guessed_open_and_always_is_open() {
        let instant = at("2026-12-02T03:00:00Z");
        assert_eq!(
            Hours::Unknown.availability(None, instant),
            Availability::Unknown
        );
        assert_eq!(
            Hours::Always.availability(None, instant),
            Availability::Open
        );
        let weekly =
            hours("{always: false, weekly: [{days: [mon], open: '08:00', close: '09:00'}]}");
        assert_eq!(weekly.availability(None, instant), Availability::Unknown);
    }

    #[test]
    fn weekday_window_is_read_in_local_time() {
        // Mon–Fri 09:00–17:00 in Amsterdam; 2026-12-02 is a Wednesday, UTC+1.
        let office = hours(
            "{always: false, weekly: [{days: [mon, tue, wed, thu, fri], open: '09:00', close: '17:00'}]}",
        );
        // 08:30 UTC is 09:30 local: open (read in UTC it would look closed only at 08:59).
        assert_eq!(state(&office, "2026-12-02T08:30:00Z"), (Some(true), None));
        // 16:59 local is open, 17:00 is closed and opens at 09:00 the next morning.
        assert_eq!(
            state(&office, "2026-12-02T16:59:00+01:00"),
            (Some(true), None)
        );
        assert_eq!(
            state(&office, "2026-12-02T17:00:00+01:00"),
            (Some(false), Some("2026-12-03T09:00:00+01:00".into()))
        );
        // Friday evening: the window spans several days, the next is Monday's.
        assert_eq!(
            state(&office, "2026-12-04T20:00:00+01:00"),
            (Some(false), Some("2026-12-07T09:00:00+01:00".into()))
        );
        // Before opening on the same day.
        assert_eq!(
            state(&office, "2026-12-02T03:00:00+01:00"),
            (Some(false), Some("2026-12-02T09:00:00+01:00".into()))
        );
    }

    #[test]
    fn closing_at_24_00_means_the_end_of_the_day() {
        let evening =
            hours("{always: false, weekly: [{days: [fri], open: '20:00', close: '24:00'}]}");
        assert_eq!(
            state(&evening, "2026-12-04T23:59:00+01:00"),
            (Some(true), None)
        );
        // Saturday 00:00: closed, and the next opening is a week after Friday's.
        assert_eq!(
            state(&evening, "2026-12-05T00:00:00+01:00"),
            (Some(false), Some("2026-12-11T20:00:00+01:00".into()))
        );
    }

    #[test]
    fn a_night_line_written_as_two_windows_stays_open_across_midnight() {
        let night = hours(
            "{always: false, weekly: [{days: [fri], open: '22:00', close: '24:00'}, {days: [sat], open: '00:00', close: '02:00'}]}",
        );
        assert_eq!(
            state(&night, "2026-12-04T23:30:00+01:00"),
            (Some(true), None)
        );
        assert_eq!(
            state(&night, "2026-12-05T00:00:00+01:00"),
            (Some(true), None)
        );
        assert_eq!(
            state(&night, "2026-12-05T01:59:00+01:00"),
            (Some(true), None)
        );
        // Closed at 02:00 Saturday: the Saturday 00:00 window start is part of the same night,
        // so the next opening is Friday 22:00, not "Saturday 00:00" next week.
        assert_eq!(
            state(&night, "2026-12-05T02:00:00+01:00"),
            (Some(false), Some("2026-12-11T22:00:00+01:00".into()))
        );
    }

    #[test]
    fn the_next_opening_carries_the_offset_after_a_dst_change() {
        // Europe/Amsterdam goes to summer time on Sunday 2027-03-28 (02:00 -> 03:00) and back
        // on Sunday 2026-10-25 (03:00 -> 02:00).
        let daily = hours(
            "{always: false, weekly: [{days: [mon, tue, wed, thu, fri, sat, sun], open: '09:00', close: '17:00'}]}",
        );
        assert_eq!(
            state(&daily, "2027-03-27T18:00:00+01:00"),
            (Some(false), Some("2027-03-28T09:00:00+02:00".into()))
        );
        assert_eq!(
            state(&daily, "2026-10-24T18:00:00+02:00"),
            (Some(false), Some("2026-10-25T09:00:00+01:00".into()))
        );
        // On the change day itself 07:30 UTC is 09:30 summer time: open. A fixed winter offset
        // would put it at 08:30, closed.
        assert_eq!(state(&daily, "2027-03-28T07:30:00Z"), (Some(true), None));
        // After the change back 16:30 UTC is 17:30 CET: closed (a stale summer offset would
        // still say 18:30, also closed, but 15:30 UTC would wrongly read 17:30, closed).
        assert_eq!(
            state(&daily, "2026-10-25T16:30:00Z"),
            (Some(false), Some("2026-10-26T09:00:00+01:00".into()))
        );
        assert_eq!(state(&daily, "2026-10-25T15:30:00Z"), (Some(true), None));
    }

    #[test]
    fn an_opening_in_the_skipped_hour_is_the_moment_of_the_jump() {
        // 02:30 does not exist in Amsterdam on 2027-03-28: at 02:00 CET the clocks read 03:00
        // CEST, already past 02:30, so the line opens at that instant.
        let early =
            hours("{always: false, weekly: [{days: [sun], open: '02:30', close: '05:00'}]}");
        assert_eq!(
            state(&early, "2027-03-28T00:30:00+01:00"),
            (Some(false), Some("2027-03-28T03:00:00+02:00".into()))
        );
        // One second before the jump it is closed, at the jump it is open.
        assert_eq!(state(&early, "2027-03-28T00:59:59Z").0, Some(false));
        assert_eq!(state(&early, "2027-03-28T01:00:00Z"), (Some(true), None));
    }

    #[test]
    fn an_opening_in_the_repeated_hour_is_its_first_occurrence() {
        // 02:30 happens twice in Amsterdam on 2026-10-25: first at 02:30 CEST.
        let early =
            hours("{always: false, weekly: [{days: [sun], open: '02:30', close: '05:00'}]}");
        assert_eq!(
            state(&early, "2026-10-25T00:00:00+02:00"),
            (Some(false), Some("2026-10-25T02:30:00+02:00".into()))
        );
    }
}
