//! The hash list's staff forms, handled on the server: administrators create and revoke
//! platform keys, analysts settle disputed entries. A refused form renders the page again
//! with the message and what was typed; a new key is shown on that one answer only.

use super::{
    HashList, MAX_PER_MINUTE, Scope,
    dto::{PlatformForm, PostedHashListForm, PostedPlatformForm},
    platform::{NewPlatform, PlatformError},
    service::{self, By, DecideError},
    store::Decision,
};
use crate::{
    db::Db,
    forms::{Fields, Outcome},
    staff::access::{SignedInStaff, form_token_matches},
};

fn form_of(fields: Fields<'_>) -> PlatformForm {
    let all = |name: &str| fields.all(name).collect::<Vec<_>>();
    PlatformForm {
        name: fields.value("name").chars().take(200).collect(),
        scopes: Scope::ALL
            .into_iter()
            .filter(|s| all("scope").contains(&s.as_str()))
            .collect(),
        lists: HashList::ALL
            .into_iter()
            .filter(|l| all("list").contains(&l.as_str()))
            .collect(),
        sandbox: fields.value("sandbox") == "yes",
        per_minute: fields.value("per_minute").trim().chars().take(12).collect(),
    }
}

fn refused(form: PlatformForm, error: &'static str, field: Option<&str>) -> PostedPlatformForm {
    PostedPlatformForm {
        error: Some(error.to_owned()),
        field: field.map(str::to_owned),
        form: Some(form),
        created: None,
    }
}

/// `POST /staff/platforms`: `create-platform` or `revoke-platform`.
pub async fn handle_platforms(
    db: &Db,
    staff: &SignedInStaff,
    form: &[(String, String)],
) -> Outcome<PostedPlatformForm> {
    let fields = Fields(form);
    let typed = form_of(fields);
    if !form_token_matches(fields.value("csrf"), staff) {
        return Outcome::Render(refused(typed, "staff-error-form-expired", None));
    }
    match fields.value("action") {
        "create-platform" => create(db, staff, typed).await,
        "revoke-platform" => {
            let Ok(id) = fields.value("platform").parse::<i64>() else {
                return Outcome::Redirect(None);
            };
            match service::revoke_platform(db, By::Staff(&staff.member), id).await {
                Ok(true) => Outcome::Redirect(Some("platform-done-revoked")),
                Ok(false) | Err(PlatformError::Unknown) => Outcome::Redirect(None),
                Err(error) => {
                    tracing::error!(%error, "revoking a platform key failed");
                    Outcome::Render(refused(
                        PlatformForm::default(),
                        "staff-error-try-again",
                        None,
                    ))
                }
            }
        }
        _ => Outcome::Redirect(None),
    }
}

async fn create(
    db: &Db,
    staff: &SignedInStaff,
    typed: PlatformForm,
) -> Outcome<PostedPlatformForm> {
    if typed.scopes.is_empty() {
        return Outcome::Render(refused(typed, "platform-error-scopes", Some("scope")));
    }
    if typed.lists.is_empty() {
        return Outcome::Render(refused(typed, "platform-error-lists", Some("list")));
    }
    let per_minute = match typed.per_minute.parse::<u32>() {
        Ok(n) if (1..=MAX_PER_MINUTE).contains(&n) => n,
        _ => {
            return Outcome::Render(refused(
                typed,
                "platform-error-per-minute",
                Some("per_minute"),
            ));
        }
    };
    let new = NewPlatform {
        sandbox: typed.sandbox,
        per_minute: Some(per_minute),
        ..NewPlatform::new(&typed.name, &typed.scopes, &typed.lists)
    };
    match service::create_platform(db, By::Staff(&staff.member), new).await {
        Ok(created) => Outcome::Render(PostedPlatformForm {
            created: Some((created.platform.name, created.key)),
            ..PostedPlatformForm::default()
        }),
        Err(PlatformError::BadName) => {
            Outcome::Render(refused(typed, "platform-error-name", Some("name")))
        }
        Err(PlatformError::NameTaken) => {
            Outcome::Render(refused(typed, "platform-error-name-taken", Some("name")))
        }
        Err(error) => {
            tracing::error!(%error, "creating a platform key failed");
            Outcome::Render(refused(typed, "staff-error-try-again", None))
        }
    }
}

/// `POST /staff/hash-list`: `confirm-entry` or `withdraw-entry`, with the entry's id.
pub async fn handle_hash_list(
    db: &Db,
    staff: &SignedInStaff,
    form: &[(String, String)],
) -> Outcome<PostedHashListForm> {
    let fields = Fields(form);
    let said = |id: &str| {
        Outcome::Render(PostedHashListForm {
            error: Some(id.to_owned()),
        })
    };
    if !form_token_matches(fields.value("csrf"), staff) {
        return said("staff-error-form-expired");
    }
    let (decision, done) = match fields.value("action") {
        "confirm-entry" => (Decision::Confirm, "hash-list-done-confirmed"),
        "withdraw-entry" => (Decision::Withdraw, "hash-list-done-withdrawn"),
        _ => return Outcome::Redirect(None),
    };
    match service::decide(
        db,
        By::Staff(&staff.member),
        fields.value("entry"),
        decision,
    )
    .await
    {
        Ok(()) => Outcome::Redirect(Some(done)),
        // Decided meanwhile (by a colleague, or withdrawn by the person).
        Err(DecideError::Unknown) => said("hash-list-error-gone"),
        Err(DecideError::Forbidden) => Outcome::Refused(crate::error::AppError::Forbidden),
        Err(DecideError::Db(error)) => {
            tracing::error!(%error, "deciding a hash-list entry failed");
            said("staff-error-try-again")
        }
    }
}
