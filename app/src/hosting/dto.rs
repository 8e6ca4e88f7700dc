//! What the provider directory's staff pages receive from the server, and the edit form as
//! typed (strings, so a refused edit is shown again exactly as it was typed).

use serde::{Deserialize, Serialize};

use super::{Channel, ProviderKind, ProviderRecord};

/// One line of the directory's list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProviderRow {
    pub id: String,
    pub name: String,
    pub country: Option<String>,
    pub channel: Channel,
    pub kinds: Vec<ProviderKind>,
    pub verified: bool,
    /// An administrator changed it (the seed no longer does).
    pub edited: bool,
}

/// The directory page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProvidersView {
    pub csrf: String,
    pub rows: Vec<ProviderRow>,
}

/// One provider's page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProviderView {
    pub csrf: String,
    pub id: String,
    pub form: ProviderForm,
    /// Its notice API, which only a new version of the portal can add (it must speak it).
    pub api: Option<super::NoticeApi>,
    /// For each fact, the pages it was taken from.
    pub sources: Vec<(String, Vec<String>)>,
    pub unverified: Vec<String>,
    /// When and by whom it was last edited, in words; None: as seeded.
    pub edited: Option<(String, String)>,
}

/// What a posted directory form left for the page.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PostedProviderForm {
    /// The Fluent id of what happened.
    pub notice: Option<String>,
    /// The Fluent id of what was wrong, and the field it is about.
    pub error: Option<String>,
    pub field: Option<String>,
    /// The edit as typed, when it was refused.
    pub form: Option<ProviderForm>,
    /// The new provider's id and name as typed, when adding one was refused.
    pub new_id: String,
    pub new_name: String,
}

/// The edit form's fields, as typed. Lists are one entry per line or comma-separated;
/// tri-state answers are `yes`, `no` or empty (unknown).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ProviderForm {
    pub name: String,
    pub country: String,
    pub channel: String,
    pub kinds: Vec<String>,
    pub notice_form_url: String,
    pub notice_info_url: String,
    pub notice_email: String,
    pub contact_point_url: String,
    pub trusted_flagger_channel: String,
    pub notice_languages: String,
    pub anonymous_csam_notices: String,
    pub cooperates_with_hotline: String,
    pub asns: String,
    pub domain_suffixes: String,
    pub rdap_handles: String,
    pub verified: bool,
    pub notes: String,
    /// Where the changed facts were checked: added to their sources.
    pub source_url: String,
    /// The entry's `updated_at` when the form was loaded: a save over someone else's newer
    /// one is refused, not silently merged.
    pub version: String,
}

/// The fields of the edit form, in the order the page shows them; a field's name is its
/// form name, its Fluent label `provider-field-<name>`.
pub const TEXT_FIELDS: [&str; 6] = [
    "notice_form_url",
    "notice_info_url",
    "notice_email",
    "contact_point_url",
    "trusted_flagger_channel",
    "notice_languages",
];

fn tristate(value: Option<bool>) -> String {
    match value {
        Some(true) => "yes".to_owned(),
        Some(false) => "no".to_owned(),
        None => String::new(),
    }
}

impl ProviderForm {
    pub fn from_record(record: &ProviderRecord) -> ProviderForm {
        let text = |value: &Option<String>| value.clone().unwrap_or_default();
        ProviderForm {
            name: record.name.clone(),
            country: text(&record.country),
            channel: record.channel.as_str().to_owned(),
            kinds: record.kinds.iter().map(|k| k.as_str().to_owned()).collect(),
            notice_form_url: text(&record.dsa.notice_form_url),
            notice_info_url: text(&record.dsa.notice_info_url),
            notice_email: text(&record.dsa.notice_email),
            contact_point_url: text(&record.dsa.contact_point_url),
            trusted_flagger_channel: text(&record.dsa.trusted_flagger_channel),
            notice_languages: record
                .notice_languages
                .as_deref()
                .unwrap_or_default()
                .join(", "),
            anonymous_csam_notices: tristate(record.anonymous_csam_notices),
            cooperates_with_hotline: tristate(record.cooperates_with_hotline),
            asns: record
                .matching
                .asns
                .iter()
                .map(u32::to_string)
                .collect::<Vec<_>>()
                .join(", "),
            domain_suffixes: record.matching.domain_suffixes.join("\n"),
            rdap_handles: record.matching.rdap_handles.join("\n"),
            verified: record.verified,
            notes: text(&record.notes),
            source_url: String::new(),
            version: String::new(),
        }
    }

    /// The text field called `name` (one of [`TEXT_FIELDS`]).
    pub fn text(&self, name: &str) -> &str {
        match name {
            "notice_form_url" => &self.notice_form_url,
            "notice_info_url" => &self.notice_info_url,
            "notice_email" => &self.notice_email,
            "contact_point_url" => &self.contact_point_url,
            "trusted_flagger_channel" => &self.trusted_flagger_channel,
            "notice_languages" => &self.notice_languages,
            _ => "",
        }
    }

    /// The form as posted; every value capped, so a huge post cannot grow a record.
    pub fn from_fields(fields: crate::forms::Fields<'_>) -> ProviderForm {
        let text = |name: &str, max: usize| fields.value(name).chars().take(max).collect();
        ProviderForm {
            name: text("name", 200),
            country: text("country", 64),
            channel: text("channel", 16),
            kinds: fields.all("kinds").take(8).map(str::to_owned).collect(),
            notice_form_url: text("notice_form_url", 2000),
            notice_info_url: text("notice_info_url", 2000),
            notice_email: text("notice_email", 320),
            contact_point_url: text("contact_point_url", 2000),
            trusted_flagger_channel: text("trusted_flagger_channel", 2000),
            notice_languages: text("notice_languages", 200),
            anonymous_csam_notices: text("anonymous_csam_notices", 8),
            cooperates_with_hotline: text("cooperates_with_hotline", 8),
            asns: text("asns", 4000),
            domain_suffixes: text("domain_suffixes", 8000),
            rdap_handles: text("rdap_handles", 4000),
            verified: fields.value("verified") == "yes",
            notes: text("notes", 4000),
            source_url: text("source_url", 2000),
            version: text("version", 20),
        }
    }
}
