//! The case page's forms, handled on the server: each is a post to the case's own address
//! with an `action`. Success redirects back with a GET (a reload never posts twice) and says
//! what happened; a problem renders the page again with the message and the text kept.

use super::{
    dto::{PostedCaseForm, Verdict},
    service::{self, CaseAction, CaseError},
};
use crate::{
    db::Db,
    error::AppError,
    forms::{Fields, Outcome},
    staff::{
        access::{SignedInStaff, form_token_matches},
        permits,
    },
};

fn get<'a>(form: &'a [(String, String)], name: &str) -> &'a str {
    Fields(form).value(name)
}

/// What the form asks for, or None for an action nobody offered.
fn action(form: &[(String, String)]) -> Option<CaseAction> {
    Some(match get(form, "action") {
        "claim" => CaseAction::Claim,
        "assign" => CaseAction::Assign(get(form, "staff_id").parse().ok()?),
        "release" => CaseAction::Release,
        "assess" => CaseAction::Assess {
            item: get(form, "item_id").parse().ok()?,
            verdict: Verdict::parse(get(form, "verdict"))?,
            reason: get(form, "reason").to_owned(),
        },
        "message" => CaseAction::Message(get(form, "message").to_owned()),
        "note" => CaseAction::Note(get(form, "note").to_owned()),
        "close" => CaseAction::Close,
        "reopen" => CaseAction::Reopen,
        "transfer" => CaseAction::Transfer(get(form, "organisation_id").parse().ok()?),
        "resolve-again" => CaseAction::ResolveAgain(get(form, "item_id").parse().ok()?),
        "send-notice" => CaseAction::SendNotice {
            key: get(form, "key").to_owned(),
            digest: get(form, "digest").to_owned(),
        },
        "notice-filed" => CaseAction::NoticeFiled(get(form, "notice_id").parse().ok()?),
        _ => return None,
    })
}

/// Handles one case form post. The caller has checked `Permission::ViewCase`; the action's
/// own permission is checked here, before anything is read or written.
pub async fn handle(
    db: &Db,
    staff: &SignedInStaff,
    case_id: i64,
    form: &[(String, String)],
) -> Outcome<PostedCaseForm> {
    // Whatever happens, what was typed comes back with the page.
    let kept = PostedCaseForm::typed(form);
    let Some(action) = action(form) else {
        return Outcome::Render(PostedCaseForm {
            error: Some("case-error-choose".to_owned()),
            ..kept
        });
    };
    if !permits(staff.member.role, action.permission()) {
        tracing::warn!(staff_id = staff.member.id, permission = ?action.permission(), "refused a case action");
        return Outcome::Refused(AppError::Forbidden);
    }
    if !form_token_matches(get(form, "csrf"), staff) {
        return Outcome::Render(PostedCaseForm {
            error: Some("staff-error-form-expired".to_owned()),
            ..kept
        });
    }
    match service::act(db, &staff.member, case_id, action).await {
        // The case is now another organisation's: back to the queue, which says so.
        Ok(done @ "case-done-transferred") => Outcome::RedirectTo("/staff/cases".to_owned(), done),
        Ok(done) => Outcome::Redirect(Some(done)),
        Err(error) => {
            if let CaseError::Db(db_error)
            | CaseError::Notice(crate::notice::service::NoticeError::Db(db_error)) = &error
            {
                tracing::error!(error = %db_error, case_id, "a case action failed");
            }
            Outcome::Render(PostedCaseForm {
                error: Some(error.message_id().to_owned()),
                ..kept
            })
        }
    }
}
