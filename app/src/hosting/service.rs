//! Administrators' changes to the provider directory: adding an entry and editing one. Each
//! change is checked, stored and audited in one transaction, and queues the job that matches
//! the stored resolutions to the directory again.

use super::{
    Channel, ProviderKind, ProviderRecord,
    directory::{self, StoredProvider},
    dto::ProviderForm,
};
use crate::{
    audit::{
        AuditAction,
        store::{NewEvent, append},
    },
    db::{Db, retrying},
    jobs::{self, NewJob},
    staff::StaffMember,
};
use sea_orm::DbErr;

/// Why a change was refused; each has a Fluent message, and most name the field.
#[derive(Debug, thiserror::Error)]
pub enum ProviderError {
    #[error("an id is 1 to 64 lower-case letters, digits and dashes")]
    InvalidId,
    #[error("a provider with this id exists")]
    DuplicateId,
    #[error("no such provider")]
    Unknown,
    #[error("invalid {0}")]
    Invalid(&'static str),
    #[error("the channel {0} needs its address")]
    ChannelWithoutAddress(&'static str),
    /// Someone else saved the entry after the form was loaded; its version now.
    #[error("saved by someone else meanwhile")]
    EditedMeanwhile(i64),
    #[error(transparent)]
    Db(#[from] DbErr),
}

impl ProviderError {
    /// The Fluent message for an administrator.
    pub fn message_id(&self) -> &'static str {
        match self {
            ProviderError::InvalidId => "provider-error-id",
            ProviderError::DuplicateId => "provider-error-id-exists",
            ProviderError::Unknown => "provider-error-unknown",
            ProviderError::Invalid("name") => "provider-error-name",
            ProviderError::Invalid("country") => "provider-error-country",
            ProviderError::Invalid("notice_email") => "provider-error-email",
            ProviderError::Invalid("notice_languages") => "provider-error-languages",
            ProviderError::Invalid("asns") => "provider-error-asns",
            ProviderError::Invalid("domain_suffixes") => "provider-error-suffixes",
            ProviderError::Invalid("rdap_handles") => "provider-error-handles",
            ProviderError::Invalid(
                "channel" | "anonymous_csam_notices" | "cooperates_with_hotline",
            ) => "provider-error-choice",
            ProviderError::Invalid(_) => "provider-error-url",
            ProviderError::ChannelWithoutAddress("email") => "provider-error-channel-email",
            ProviderError::ChannelWithoutAddress("web_form") => "provider-error-channel-form",
            ProviderError::ChannelWithoutAddress(_) => "provider-error-channel-api",
            ProviderError::EditedMeanwhile(_) => "provider-error-edited-meanwhile",
            ProviderError::Db(_) => "staff-error-try-again",
        }
    }

    /// The form field the message is about, if one.
    pub fn field(&self) -> Option<&'static str> {
        match self {
            ProviderError::InvalidId | ProviderError::DuplicateId => Some("id"),
            ProviderError::Invalid(field) => Some(field),
            ProviderError::ChannelWithoutAddress(_) => Some("channel"),
            _ => None,
        }
    }
}

fn db_error(error: &ProviderError) -> Option<&DbErr> {
    match error {
        ProviderError::Db(error) => Some(error),
        _ => None,
    }
}

/// Whether `id` can be a provider's id: 1 to 64 of `a-z`, `0-9` and `-` (`x` is one), not
/// starting with a dash (it appears in addresses: `/staff/providers/hetzner`).
pub fn valid_provider_id(id: &str) -> bool {
    (1..=64).contains(&id.len())
        && !id.starts_with('-')
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Adds a provider with only an id and a name; the rest is filled in on its page.
pub async fn create(db: &Db, by: &StaffMember, id: &str, name: &str) -> Result<(), ProviderError> {
    retrying(|| create_once(db, by, id, name), db_error).await
}

async fn create_once(db: &Db, by: &StaffMember, id: &str, name: &str) -> Result<(), ProviderError> {
    let id = id.trim().to_ascii_lowercase();
    if !valid_provider_id(&id) {
        return Err(ProviderError::InvalidId);
    }
    let name = name.trim();
    if name.is_empty() || name.chars().count() > 200 {
        return Err(ProviderError::Invalid("name"));
    }
    let txn = db.begin().await?;
    if directory::find(&txn, &id).await?.is_some() {
        return Err(ProviderError::DuplicateId);
    }
    let record = ProviderRecord {
        id: id.clone(),
        name: name.to_owned(),
        channel: Channel::None,
        // Nothing about it is checked yet.
        unverified: vec!["country".into(), "dsa".into(), "match".into()],
        ..ProviderRecord::default()
    };
    let at = db.now();
    directory::insert(&txn, &record, by.id, at).await?;
    append(
        &txn,
        db.audit_key(),
        at,
        NewEvent::new(by.actor(), AuditAction::ProviderCreated)
            .target(&id)
            .detail(format!("name={name}")),
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

/// Applies an administrator's edit of provider `id`; the names of the facts it changed
/// (none: nothing was stored or audited).
pub async fn update(
    db: &Db,
    by: &StaffMember,
    id: &str,
    form: &ProviderForm,
) -> Result<Vec<&'static str>, ProviderError> {
    retrying(|| update_once(db, by, id, form), db_error).await
}

async fn update_once(
    db: &Db,
    by: &StaffMember,
    id: &str,
    form: &ProviderForm,
) -> Result<Vec<&'static str>, ProviderError> {
    let txn = db.begin().await?;
    let Some(StoredProvider {
        record, updated_at, ..
    }) = directory::find(&txn, id).await?
    else {
        return Err(ProviderError::Unknown);
    };
    if form.version.trim() != updated_at.to_string() {
        return Err(ProviderError::EditedMeanwhile(updated_at));
    }
    let (edited, changed) = apply(form, &record)?;
    if changed.is_empty() {
        return Ok(changed);
    }
    let at = db.now();
    if !directory::replace(&txn, &edited, by.id, at, updated_at).await? {
        // Saved by someone else between our read and this write (PostgreSQL).
        let now = directory::find(&txn, id)
            .await?
            .map_or(updated_at, |p| p.updated_at);
        return Err(ProviderError::EditedMeanwhile(now));
    }
    let mut detail = format!("changed={}", changed.join(","));
    if !form.source_url.trim().is_empty() {
        detail.push_str(&format!(" source={}", form.source_url.trim()));
    }
    append(
        &txn,
        db.audit_key(),
        at,
        NewEvent::new(by.actor(), AuditAction::ProviderUpdated)
            .target(id)
            .detail(detail),
    )
    .await?;
    if changed.iter().any(|f| {
        [
            "name",
            "country",
            "channel",
            "asns",
            "domain_suffixes",
            "rdap_handles",
        ]
        .contains(f)
    }) {
        // What resolutions say about their provider follows the edit. A job per edit, not
        // a singleton: one queued while another runs must still run.
        jobs::enqueue(
            &txn,
            NewJob::new(jobs::kind::REMATCH_PROVIDERS, serde_json::Value::Null, at),
            at,
        )
        .await?;
    }
    txn.commit().await?;
    Ok(changed)
}

fn optional(text: &str) -> Option<String> {
    let text = text.trim();
    (!text.is_empty()).then(|| text.to_owned())
}

fn url(field: &'static str, text: &str) -> Result<Option<String>, ProviderError> {
    let Some(text) = optional(text) else {
        return Ok(None);
    };
    match url::Url::parse(&text) {
        Ok(parsed) if matches!(parsed.scheme(), "https" | "http") && parsed.host().is_some() => {
            Ok(Some(text))
        }
        _ => Err(ProviderError::Invalid(field)),
    }
}

/// One entry per line or comma-separated, blanks dropped.
fn entries(text: &str) -> impl Iterator<Item = &str> {
    text.split(['\n', ','])
        .map(str::trim)
        .filter(|e| !e.is_empty())
}

fn tristate(field: &'static str, text: &str) -> Result<Option<bool>, ProviderError> {
    match text.trim() {
        "" => Ok(None),
        "yes" => Ok(Some(true)),
        "no" => Ok(Some(false)),
        _ => Err(ProviderError::Invalid(field)),
    }
}

/// A host name's shape: labels of letters, digits and dashes.
fn domain_like(text: &str) -> bool {
    text.len() <= 253
        && text.split('.').count() >= 2
        && text.split('.').all(|label| {
            (1..=63).contains(&label.len())
                && label
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-')
                && !label.starts_with('-')
                && !label.ends_with('-')
        })
}

/// The record after the edit, and the facts that changed.
pub fn apply(
    form: &ProviderForm,
    record: &ProviderRecord,
) -> Result<(ProviderRecord, Vec<&'static str>), ProviderError> {
    let mut next = record.clone();
    let name = form.name.trim();
    if name.is_empty() || name.chars().count() > 200 {
        return Err(ProviderError::Invalid("name"));
    }
    next.name = name.to_owned();
    next.country = match optional(&form.country).map(|c| c.to_ascii_uppercase()) {
        Some(c) if c.len() == 2 && c.bytes().all(|b| b.is_ascii_uppercase()) => Some(c),
        Some(_) => return Err(ProviderError::Invalid("country")),
        None => None,
    };
    // In the entry's own order, newly ticked ones after.
    let ticked = |k: &ProviderKind| form.kinds.iter().any(|f| f == k.as_str());
    next.kinds = record.kinds.iter().copied().filter(ticked).collect();
    for kind in ProviderKind::ALL.into_iter().filter(ticked) {
        if !next.kinds.contains(&kind) {
            next.kinds.push(kind);
        }
    }
    next.dsa.notice_form_url = url("notice_form_url", &form.notice_form_url)?;
    next.dsa.notice_info_url = url("notice_info_url", &form.notice_info_url)?;
    next.dsa.contact_point_url = url("contact_point_url", &form.contact_point_url)?;
    // A trusted-flagger channel may be a page or a sentence ("by e-mail to …").
    next.dsa.trusted_flagger_channel = optional(&form.trusted_flagger_channel);
    next.dsa.notice_email = match optional(&form.notice_email) {
        Some(email) => match crate::staff::service::Invitee::email(&email) {
            Ok(_) => Some(email.to_ascii_lowercase()),
            Err(_) => return Err(ProviderError::Invalid("notice_email")),
        },
        None => None,
    };
    let mut languages = Vec::new();
    for language in entries(&form.notice_languages) {
        let language = language.to_ascii_lowercase();
        if language.len() != 2 || !language.bytes().all(|b| b.is_ascii_lowercase()) {
            return Err(ProviderError::Invalid("notice_languages"));
        }
        if !languages.contains(&language) {
            languages.push(language);
        }
    }
    next.notice_languages = (!languages.is_empty()).then_some(languages);
    next.anonymous_csam_notices = tristate("anonymous_csam_notices", &form.anonymous_csam_notices)?;
    next.cooperates_with_hotline =
        tristate("cooperates_with_hotline", &form.cooperates_with_hotline)?;
    let mut asns = Vec::new();
    for asn in entries(&form.asns).flat_map(str::split_whitespace) {
        let digits = asn
            .strip_prefix("AS")
            .or_else(|| asn.strip_prefix("as"))
            .unwrap_or(asn);
        match digits.parse::<u32>() {
            Ok(number) if number > 0 => {
                if !asns.contains(&number) {
                    asns.push(number)
                }
            }
            _ => return Err(ProviderError::Invalid("asns")),
        }
    }
    next.matching.asns = asns;
    let mut suffixes = Vec::new();
    for suffix in entries(&form.domain_suffixes) {
        let suffix = suffix.trim_end_matches('.').to_ascii_lowercase();
        if !domain_like(&suffix) {
            return Err(ProviderError::Invalid("domain_suffixes"));
        }
        if !suffixes.contains(&suffix) {
            suffixes.push(suffix);
        }
    }
    next.matching.domain_suffixes = suffixes;
    let mut handles = Vec::new();
    for handle in entries(&form.rdap_handles) {
        if handle.len() > 100 || handle.chars().any(char::is_whitespace) {
            return Err(ProviderError::Invalid("rdap_handles"));
        }
        if !handles
            .iter()
            .any(|h: &String| h.eq_ignore_ascii_case(handle))
        {
            handles.push(handle.to_owned());
        }
    }
    next.matching.rdap_handles = handles;
    next.notes = optional(&form.notes);
    next.channel = Channel::parse(form.channel.trim()).ok_or(ProviderError::Invalid("channel"))?;
    match next.channel {
        Channel::Email if next.dsa.notice_email.is_none() => {
            return Err(ProviderError::ChannelWithoutAddress("email"));
        }
        Channel::WebForm if next.dsa.notice_form_url.is_none() => {
            return Err(ProviderError::ChannelWithoutAddress("web_form"));
        }
        Channel::Api if next.dsa.api.is_none() => {
            return Err(ProviderError::ChannelWithoutAddress("api"));
        }
        _ => {}
    }
    let changed = changed_facts(record, &next);
    let source = url("source_url", &form.source_url)?;
    if let Some(source) = source {
        for fact in &changed {
            let sources = next.sources.entry((*fact).to_owned()).or_default();
            if !sources.contains(&source) {
                sources.push(source.clone());
            }
        }
        // A fact changed with its source given is a checked one.
        next.unverified
            .retain(|fact| !changed.contains(&fact.as_str()));
    }
    next.verified = form.verified;
    if next.verified {
        // Verified says every fact was checked: none is left to check.
        next.unverified.clear();
    }
    let mut changed = changed;
    if next.verified != record.verified || next.unverified != record.unverified {
        changed.push("verified");
    }
    Ok((next, changed))
}

/// The facts that differ between two versions of an entry, by their names in the seed.
fn changed_facts(before: &ProviderRecord, after: &ProviderRecord) -> Vec<&'static str> {
    let mut changed = Vec::new();
    let mut check = |name: &'static str, differs: bool| {
        if differs {
            changed.push(name);
        }
    };
    check("name", before.name != after.name);
    check("country", before.country != after.country);
    check("kinds", before.kinds != after.kinds);
    check("channel", before.channel != after.channel);
    check(
        "notice_form_url",
        before.dsa.notice_form_url != after.dsa.notice_form_url,
    );
    check(
        "notice_info_url",
        before.dsa.notice_info_url != after.dsa.notice_info_url,
    );
    check(
        "notice_email",
        before.dsa.notice_email != after.dsa.notice_email,
    );
    check(
        "contact_point_url",
        before.dsa.contact_point_url != after.dsa.contact_point_url,
    );
    check(
        "trusted_flagger_channel",
        before.dsa.trusted_flagger_channel != after.dsa.trusted_flagger_channel,
    );
    check(
        "notice_languages",
        before.notice_languages != after.notice_languages,
    );
    check(
        "anonymous_csam_notices",
        before.anonymous_csam_notices != after.anonymous_csam_notices,
    );
    check(
        "cooperates_with_hotline",
        before.cooperates_with_hotline != after.cooperates_with_hotline,
    );
    check("asns", before.matching.asns != after.matching.asns);
    check(
        "domain_suffixes",
        before.matching.domain_suffixes != after.matching.domain_suffixes,
    );
    check(
        "rdap_handles",
        before.matching.rdap_handles != after.matching.rdap_handles,
    );
    check("notes", before.notes != after.notes);
    changed
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::hosting::providers;

    fn hetzner() -> ProviderRecord {
        providers::seed()
            .iter()
            .find(|p| p.id == "hetzner")
            .cloned()
            .unwrap()
    }

    #[test]
    fn every_seed_entry_saved_unchanged_changes_nothing() {
        for record in providers::seed() {
            let form = ProviderForm::from_record(record);
            let (after, changed) =
                apply(&form, record).unwrap_or_else(|error| panic!("{}: {error}", record.id));
            assert_eq!(changed, Vec::<&str>::new(), "{}", record.id);
            assert_eq!(&after, record, "{}", record.id);
        }
    }

    #[test]
    fn an_edit_names_what_changed_and_records_its_source() {
        let record = hetzner();
        let mut form = ProviderForm::from_record(&record);
        form.asns = "AS24940, 213230 24940".into();
        form.notice_email = "Abuse-Desk@Hetzner.com".into();
        form.source_url = "https://www.hetzner.com/legal/".into();
        let (after, changed) = apply(&form, &record).unwrap();
        assert_eq!(after.matching.asns, vec![24940, 213230]);
        assert_eq!(
            after.dsa.notice_email.as_deref(),
            Some("abuse-desk@hetzner.com")
        );
        assert!(changed.contains(&"asns") && changed.contains(&"notice_email"));
        assert!(after.sources["asns"].contains(&"https://www.hetzner.com/legal/".to_owned()));
    }

    #[test]
    fn bad_values_are_refused_with_their_field() {
        let record = hetzner();
        type Edit = fn(&mut ProviderForm);
        let cases: [(&str, Edit); 6] = [
            ("country", |f| f.country = "Germany".into()),
            ("notice_form_url", |f| {
                f.notice_form_url = "javascript:alert(1)".into()
            }),
            ("asns", |f| f.asns = "AS-one".into()),
            ("domain_suffixes", |f| {
                f.domain_suffixes = "not a domain".into()
            }),
            ("notice_email", |f| f.notice_email = "nobody".into()),
            ("channel", |f| {
                f.channel = "email".into();
                f.notice_email.clear();
            }),
        ];
        for (field, edit) in cases {
            let mut form = ProviderForm::from_record(&record);
            edit(&mut form);
            let error = apply(&form, &record).unwrap_err();
            assert_eq!(error.field(), Some(field), "{error}");
        }
    }

    #[test]
    fn ids_are_slugs() {
        assert!(valid_provider_id("hetzner") && valid_provider_id("ip-volume"));
        assert!(!valid_provider_id("Hetzner") && !valid_provider_id("-x"));
        assert!(valid_provider_id("x"));
        assert!(!valid_provider_id("") && !valid_provider_id("a/b"));
    }
}
