//! The provider directory's forms, handled on the server: add a provider (on the list) and
//! edit one (on its page). Success redirects with a GET (a reload never posts twice); a
//! problem renders the page again with the message and everything typed kept.

use super::{
    dto::{PostedProviderForm, ProviderForm},
    service::{self, ProviderError},
};
use crate::{
    db::Db,
    forms::{Fields, Outcome},
    staff::access::{SignedInStaff, form_token_matches},
};

/// The form's token is not this session's (it expired, or the form came from elsewhere):
/// nothing is done, and what was typed is shown again under a fresh token to send again.
fn expired(posted: PostedProviderForm) -> Outcome<PostedProviderForm> {
    Outcome::Render(PostedProviderForm {
        error: Some("staff-error-form-expired".to_owned()),
        ..posted
    })
}

fn logged(error: &ProviderError) {
    if let ProviderError::Db(db_error) = error {
        tracing::error!(error = %db_error, "a provider directory form failed");
    }
}

/// `POST /staff/providers`: adds a provider, then opens its page to fill in.
pub async fn handle_list(
    db: &Db,
    staff: &SignedInStaff,
    form: &[(String, String)],
) -> Outcome<PostedProviderForm> {
    let fields = Fields(form);
    let id = fields.value("id").trim().to_ascii_lowercase();
    let name: String = fields.value("name").chars().take(200).collect();
    if !form_token_matches(fields.value("csrf"), staff) {
        return expired(PostedProviderForm {
            new_id: id.chars().take(64).collect(),
            new_name: name,
            ..PostedProviderForm::default()
        });
    }
    if fields.value("action") != "add-provider" {
        return Outcome::Redirect(None);
    }
    match service::create(db, &staff.member, &id, &name).await {
        Ok(()) => Outcome::RedirectTo(format!("/staff/providers/{id}"), "provider-done-added"),
        Err(error) => {
            logged(&error);
            Outcome::Render(PostedProviderForm {
                error: Some(error.message_id().to_owned()),
                field: error.field().map(str::to_owned),
                new_id: id.chars().take(64).collect(),
                new_name: name,
                ..PostedProviderForm::default()
            })
        }
    }
}

/// `POST /staff/providers/{id}`: saves an edit of provider `id`.
pub async fn handle_edit(
    db: &Db,
    staff: &SignedInStaff,
    id: &str,
    form: &[(String, String)],
) -> Outcome<PostedProviderForm> {
    let fields = Fields(form);
    let mut edit = ProviderForm::from_fields(fields);
    if !form_token_matches(fields.value("csrf"), staff) {
        return expired(PostedProviderForm {
            form: Some(edit),
            ..PostedProviderForm::default()
        });
    }
    if fields.value("action") != "save-provider" {
        return Outcome::Redirect(None);
    }
    match service::update(db, &staff.member, id, &edit).await {
        Ok(changed) if changed.is_empty() => Outcome::Redirect(Some("provider-done-unchanged")),
        Ok(_) => Outcome::Redirect(Some("provider-done-saved")),
        Err(error) => {
            logged(&error);
            if let ProviderError::EditedMeanwhile(version) = error {
                // Saving again on purpose replaces the other edit, which the editor can now
                // compare in the audit trail.
                edit.version = version.to_string();
            }
            Outcome::Render(PostedProviderForm {
                error: Some(error.message_id().to_owned()),
                field: error.field().map(str::to_owned),
                form: Some(edit),
                ..PostedProviderForm::default()
            })
        }
    }
}
