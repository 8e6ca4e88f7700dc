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
    pub provider: Option<String>,
    pub provider_country: Option<String>,
    pub notice_sent_on: Option<String>,
    pub deadline_on: Option<String>,
    pub removed_on: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MessageView {
    pub from_staff: bool,
    pub body: String,
    pub on: String,
}

/// A date (UTC) from unix seconds, as YYYY-MM-DD: the day is all a reporter needs.
#[cfg_attr(not(feature = "ssr"), allow(dead_code))]
pub fn date(unix: i64) -> String {
    // Howard Hinnant's days-to-civil algorithm.
    let days = unix.div_euclid(86_400);
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}

#[cfg(test)]
mod tests {
    #[test]
    fn dates() {
        assert_eq!(super::date(0), "1970-01-01");
        assert_eq!(super::date(1_795_392_000), "2026-11-23");
        assert_eq!(super::date(951_782_400), "2000-02-29");
    }
}
