//! The answers of a report while it is being filled in (the draft) and the choices offered.
//!
//! Until the receipt is issued the draft lives only in the page: in memory with JavaScript,
//! in a hidden field without. Nothing is stored on the device or the server before then.

use serde::{Deserialize, Serialize};

use hashing::FileHashes;

/// Caps on what one report may hold: generous for a real case, small for a flood.
pub const MAX_URLS: usize = 20;
pub const MAX_URL_CHARS: usize = 2048;
pub const MAX_FILES: usize = 20;
pub const MAX_OTHER_CHARS: usize = 500;
pub const MAX_PLATFORM_CHARS: usize = 100;
pub const MAX_HANDLE_CHARS: usize = 200;
pub const MAX_CONTACT_CHARS: usize = 200;
pub const MAX_MESSAGE_CHARS: usize = 2000;

crate::stored_enum! {
    /// Is the person safe right now? Anything but `Safe` shows emergency help first.
    pub enum Safety {
        Safe = "safe",
        Danger = "danger",
        Suicidal = "suicidal",
    }
}

impl Safety {
    pub fn is_acute(self) -> bool {
        self != Safety::Safe
    }
}

crate::stored_enum! {
    /// What happened; more than one may be true.
    pub enum Happened {
        Sextortion = "sextortion",
        SharedWithoutConsent = "shared_without_consent",
        FakeNudes = "fake_nudes",
        ChildAbuseMaterial = "child_abuse_material",
        ChildPressured = "child_pressured",
        Other = "other",
    }
}

crate::stored_enum! {
    pub enum AgeBand {
        Under13 = "under13",
        From13To15 = "from13_to15",
        From16To17 = "from16_to17",
        From18To24 = "from18_to24",
        Over25 = "over25",
        NotSaid = "not_said",
    }
}

crate::stored_enum! {
    /// Whose images these are: the wording of every step follows it ("you" or "your child").
    #[derive(Default)]
    pub enum ForWhom {
        #[default]
        Myself = "myself",
        MyChild = "my_child",
        SomeoneElse = "someone_else",
    }
}

/// The EU-27 and the UK, then "elsewhere": the countries the portal routes for.
pub const COUNTRIES: [&str; 29] = [
    "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GB", "GR", "HR", "HU", "IE",
    "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK", "ZZ",
];

/// Languages staff can reply in. More follow as helplines join.
pub const REPLY_LANGUAGES: [&str; 2] = ["en", "nl"];

/// A country's name for any code a hosting lookup may give (where providers and networks
/// are): the portal's own countries, and the others hosts are often registered in; the code
/// itself for the rest. An explicit match, so the translation check sees every id.
pub fn any_country_name(code: &str, lang: crate::i18n::Lang) -> String {
    use crate::i18n::t;
    match code {
        "CH" => t(lang, "country-CH"),
        "NO" => t(lang, "country-NO"),
        "IS" => t(lang, "country-IS"),
        "LI" => t(lang, "country-LI"),
        "US" => t(lang, "country-US"),
        "CA" => t(lang, "country-CA"),
        "RU" => t(lang, "country-RU"),
        "UA" => t(lang, "country-UA"),
        "TR" => t(lang, "country-TR"),
        "RS" => t(lang, "country-RS"),
        "MD" => t(lang, "country-MD"),
        "SG" => t(lang, "country-SG"),
        "HK" => t(lang, "country-HK"),
        "JP" => t(lang, "country-JP"),
        "CN" => t(lang, "country-CN"),
        "IN" => t(lang, "country-IN"),
        "AU" => t(lang, "country-AU"),
        "BR" => t(lang, "country-BR"),
        "MX" => t(lang, "country-MX"),
        "ZA" => t(lang, "country-ZA"),
        "SC" => t(lang, "country-SC"),
        "PA" => t(lang, "country-PA"),
        "VG" => t(lang, "country-VG"),
        _ => country_name(code, lang),
    }
}

/// A country's name in `lang`, for a code of [`COUNTRIES`]; the code itself for any other.
/// An explicit match, so the translation check sees every id.
pub fn country_name(code: &str, lang: crate::i18n::Lang) -> String {
    use crate::i18n::t;
    match code {
        "AT" => t(lang, "country-AT"),
        "BE" => t(lang, "country-BE"),
        "BG" => t(lang, "country-BG"),
        "CY" => t(lang, "country-CY"),
        "CZ" => t(lang, "country-CZ"),
        "DE" => t(lang, "country-DE"),
        "DK" => t(lang, "country-DK"),
        "EE" => t(lang, "country-EE"),
        "ES" => t(lang, "country-ES"),
        "FI" => t(lang, "country-FI"),
        "FR" => t(lang, "country-FR"),
        "GB" => t(lang, "country-GB"),
        "GR" => t(lang, "country-GR"),
        "HR" => t(lang, "country-HR"),
        "HU" => t(lang, "country-HU"),
        "IE" => t(lang, "country-IE"),
        "IT" => t(lang, "country-IT"),
        "LT" => t(lang, "country-LT"),
        "LU" => t(lang, "country-LU"),
        "LV" => t(lang, "country-LV"),
        "MT" => t(lang, "country-MT"),
        "NL" => t(lang, "country-NL"),
        "PL" => t(lang, "country-PL"),
        "PT" => t(lang, "country-PT"),
        "RO" => t(lang, "country-RO"),
        "SE" => t(lang, "country-SE"),
        "SI" => t(lang, "country-SI"),
        "SK" => t(lang, "country-SK"),
        "ZZ" => t(lang, "country-ZZ"),
        other => other.to_owned(),
    }
}

/// A reply language's name in `lang` ([`REPLY_LANGUAGES`]); "not given" for an empty one.
pub fn language_name(code: &str, lang: crate::i18n::Lang) -> String {
    use crate::i18n::t;
    match code {
        "en" => t(lang, "language-en"),
        "nl" => t(lang, "language-nl"),
        "" => t(lang, "language-"),
        other => other.to_owned(),
    }
}

/// An account on a platform, for when there is no web address.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Account {
    pub platform: String,
    pub handle: String,
}

/// How an account is shown: "Snapchat: @name", or either part alone. A victim often knows
/// the app or the group but not the account's name (or the name but not which app), and
/// either is enough for staff to start.
pub fn account_label(platform: &str, handle: &str) -> String {
    match (platform.trim(), handle.trim()) {
        ("", handle) => handle.to_owned(),
        (platform, "") => platform.to_owned(),
        (platform, handle) => format!("{platform}: {handle}"),
    }
}

/// Everything answered so far. Every field has a default, so a draft from an older page
/// still reads.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Draft {
    /// Random, made when the flow starts: sending the same form twice makes one report.
    pub submission: String,
    pub safety: Option<Safety>,
    /// The person saw the emergency help and chose to go on.
    pub acute_seen: bool,
    pub happened: Vec<Happened>,
    pub happened_other: String,
    pub age_band: Option<AgeBand>,
    pub country: String,
    pub reply_language: String,
    pub for_whom: ForWhom,
    /// The addresses as typed, so nothing is lost while some are still wrong.
    pub urls_text: String,
    pub account: Account,
    pub files: Vec<FileHashes>,
    pub contact_consent: bool,
    pub contact: String,
}

impl Draft {
    /// The non-empty lines of the address box.
    pub fn url_lines(&self) -> impl Iterator<Item = (usize, &str)> {
        self.urls_text
            .lines()
            .enumerate()
            .map(|(i, line)| (i + 1, line.trim()))
            .filter(|(_, line)| !line.is_empty())
    }

    pub fn has_account(&self) -> bool {
        !self.account.platform.trim().is_empty() || !self.account.handle.trim().is_empty()
    }
}
