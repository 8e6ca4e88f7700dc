//! The answers of a report while it is being filled in (the draft, read strictly in the
//! `inputs` crate) and the choices offered, with their names in the person's language.

pub use inputs::draft::{
    Account, AgeBand, Draft, ForWhom, Happened, MAX_CONTACT_CHARS, MAX_FILES, MAX_HANDLE_CHARS,
    MAX_MESSAGE_CHARS, MAX_OTHER_CHARS, MAX_PLATFORM_CHARS, MAX_URL_CHARS, MAX_URLS, Safety,
};

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
