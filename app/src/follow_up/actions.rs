//! The follow-up page's forms, handled on the server: sign in with a receipt, reply, add
//! addresses, withdraw, sign out. Success redirects back to the page (so a reload never
//! posts twice); a problem renders the page again with the message and the text kept.

use tower_sessions::Session;

use super::{page::PostedFollowUp, signed_in};
use crate::{
    abuse::ClientKey,
    forms::{Fields, Outcome},
    report::{FieldError, MAX_MESSAGE_CHARS, Receipt, store, urls},
    ssr::AppContext,
};

pub async fn handle(
    intake: &AppContext,
    session: &Session,
    client: Option<&ClientKey>,
    form: &[(String, String)],
) -> Outcome<PostedFollowUp> {
    let form = Fields(form);
    let get = |name: &str| form.get(name).unwrap_or_default();
    let action = get("action");
    // What the person typed, put back into the page whatever refuses the post: writing to
    // staff is exactly when someone takes longer than the 15 minutes of the idle sign-out.
    let kept = |posted: PostedFollowUp| PostedFollowUp {
        message: capped(get("message")),
        urls: capped(get("urls")),
        ..posted
    };
    if action == "sign-in" {
        return sign_in(intake, session, client, get("receipt"), kept).await;
    }
    let Some((report_id, csrf)) = signed_in::current(session, intake.db.now()).await else {
        // The sign-in form carries the text through in hidden fields (no cookie, no storage
        // before sign-in), and the page after sign-in shows it in its box again.
        return Outcome::Render(kept(PostedFollowUp::notice("follow-up-signed-out-idle")));
    };
    // The synchroniser token: a form from another page or an old tab cannot act.
    if !bool::from(subtle::ConstantTimeEq::ct_eq(
        get("csrf").as_bytes(),
        csrf.as_bytes(),
    )) {
        return Outcome::Render(kept(PostedFollowUp::notice("follow-up-error-form-expired")));
    }
    // Every action here writes.
    let db = intake.db.write();
    let result = match action {
        "reply" => {
            let text = get("message").trim();
            if text.is_empty() {
                return Outcome::Render(PostedFollowUp::error(
                    "message",
                    "follow-up-error-message-empty",
                    text,
                ));
            }
            if text.chars().count() > MAX_MESSAGE_CHARS {
                return Outcome::Render(PostedFollowUp::error(
                    "message",
                    "report-error-too-long",
                    text,
                ));
            }
            store::add_message(db, report_id, false, text, intake.db.now()).await
        }
        "add-urls" => {
            let text = get("urls");
            let lines = text
                .lines()
                .enumerate()
                .map(|(i, l)| (i + 1, l.trim()))
                .filter(|(_, l)| !l.is_empty());
            let (found, errors) = urls::check(lines);
            if !errors.is_empty() || found.is_empty() {
                let errors = if found.is_empty() && errors.is_empty() {
                    vec![FieldError::new("urls", "follow-up-error-urls-empty")]
                } else {
                    errors
                };
                return Outcome::Render(PostedFollowUp {
                    errors,
                    urls: text.to_owned(),
                    ..PostedFollowUp::default()
                });
            }
            store::insert_items(db, report_id, &found, None, &[], intake.db.now()).await
        }
        "withdraw" => {
            return Outcome::Render(PostedFollowUp {
                confirm_withdraw: true,
                ..PostedFollowUp::default()
            });
        }
        "withdraw-confirm" => {
            let told = match withdraw(intake, report_id).await {
                Ok(told) => told,
                Err(error) => {
                    tracing::error!(%error, "could not delete a withdrawn report");
                    return Outcome::Render(PostedFollowUp::notice("follow-up-error-try-again"));
                }
            };
            signed_in::sign_out(session).await;
            return Outcome::Render(PostedFollowUp {
                told,
                ..PostedFollowUp::notice("follow-up-withdrawn")
            });
        }
        "sign-out" => {
            signed_in::sign_out(session).await;
            return Outcome::Render(PostedFollowUp::notice("follow-up-signed-out"));
        }
        _ => return Outcome::Redirect(None),
    };
    match result {
        Ok(()) => Outcome::Redirect(None),
        Err(error) => {
            tracing::error!(%error, "could not save a follow-up change");
            Outcome::Render(kept(PostedFollowUp::notice("follow-up-error-try-again")))
        }
    }
}

/// Deletes the report, and withdraws its files from the platforms' hash list, in one
/// transaction; the names of the platforms that will hear of it (with the next published
/// batch, within a minute).
async fn withdraw(intake: &AppContext, report_id: i64) -> Result<Vec<String>, sea_orm::DbErr> {
    let txn = intake.db.begin().await?;
    let lists = crate::hash_list::store::lists_of_report(&txn, report_id).await?;
    let told = if lists.is_empty() {
        Vec::new()
    } else {
        crate::hash_list::platform::receiving(&txn, &lists).await?
    };
    store::delete_report(&txn, report_id, intake.db.now()).await?;
    txn.commit().await?;
    Ok(told)
}

/// Text carried back into a form: never more than the longest a field accepts, with room to
/// show the person what was too long.
fn capped(text: &str) -> String {
    text.chars().take(MAX_MESSAGE_CHARS * 2).collect()
}

async fn sign_in(
    intake: &AppContext,
    session: &Session,
    client: Option<&ClientKey>,
    typed: &str,
    kept: impl Fn(PostedFollowUp) -> PostedFollowUp,
) -> Outcome<PostedFollowUp> {
    let refuse = |message: &str| {
        Outcome::Render(kept(PostedFollowUp {
            errors: vec![FieldError::new("receipt", message)],
            receipt: typed.chars().take(64).collect(),
            ..PostedFollowUp::default()
        }))
    };
    let Some(receipt) = Receipt::parse(typed) else {
        return refuse("follow-up-error-receipt-format");
    };
    let limits = &intake.limits;
    let guess = limits.reserve_receipt_guess(client, receipt.prefix());
    if guess.refused {
        return refuse("follow-up-error-too-many");
    }
    // Slowed, not refused: a right receipt still gets in (see `abuse::OVER_LIMIT_DELAY`).
    // Only a client over its own limit is capped in how many of its kind may wait at once,
    // so guessers cannot fill the waiting room for everyone else.
    let _waiting = if guess.within_limits {
        None
    } else if guess.over_own_limit {
        let Ok(permit) = limits.slowed_guesses.clone().try_acquire_owned() else {
            return refuse("follow-up-error-too-many");
        };
        tokio::time::sleep(crate::abuse::OVER_LIMIT_DELAY).await;
        Some(permit)
    } else {
        tokio::time::sleep(crate::abuse::OVER_LIMIT_DELAY).await;
        None
    };
    match store::find_by_receipt(intake.db.read(), &intake.keys, &receipt).await {
        Ok(Some(report)) => {
            guess.give_back();
            match signed_in::sign_in(session, report.id, intake.db.now()).await {
                Ok(()) => {
                    let back = kept(PostedFollowUp::notice("follow-up-kept-after-sign-in"));
                    if back.message.is_empty() && back.urls.is_empty() {
                        Outcome::Redirect(None)
                    } else {
                        // Signed in again with text kept from before: the page shows it in
                        // its box, to send now.
                        Outcome::Render(back)
                    }
                }
                Err(error) => {
                    tracing::error!(%error, "could not start a session");
                    refuse("follow-up-error-try-again")
                }
            }
        }
        Ok(None) if guess.within_limits => refuse("follow-up-error-receipt-unknown"),
        Ok(None) => refuse("follow-up-error-too-many"),
        Err(error) => {
            tracing::error!(%error, "could not look up a receipt");
            guess.give_back();
            refuse("follow-up-error-try-again")
        }
    }
}
