//! Staff sign-in with OpenID Connect (start and callback) and sign-out.

use app::error::AppError;
use app::staff::{
    Permission,
    access::{self, form_token_matches},
    service::{self, SignIn},
    signed_in,
};
use axum::{
    extract::{Query, Request, State},
    response::{IntoResponse, Redirect, Response},
};
use serde::Deserialize;
use tower_sessions::Session;

use super::{error::ApiError, forms::form_pairs, staff_drafts};
use crate::{clients::oidc::PendingSignIn, state::AppState};

const PENDING: &str = "oidc_pending";
/// A sign-in must come back from the provider within this time.
const PENDING_SECONDS: i64 = 10 * 60;

fn to_staff_home(outcome: &str) -> Response {
    Redirect::to(&format!("/staff?sign-in={outcome}")).into_response()
}

/// `GET /staff/sign-in`: off to the identity provider. A plain link starts it (no form), so
/// the page's CSP `form-action 'self'` stays as it is.
pub async fn sign_in(
    State(state): State<AppState>,
    client: Option<axum::Extension<app::abuse::ClientKey>>,
    session: Session,
) -> Response {
    let Some(login) = state.oidc.as_ref() else {
        return to_staff_home("unavailable");
    };
    if let Some(axum::Extension(client)) = client
        && !state.app.limits.sign_in_start_allowed(&client)
    {
        return to_staff_home("busy");
    }
    match login.start(state.app.db.now()).await {
        Ok((url, pending)) => {
            if let Err(error) = session.insert(PENDING, pending).await {
                tracing::error!(%error, "could not keep the pending sign-in");
                return to_staff_home("failed");
            }
            Redirect::to(&url).into_response()
        }
        Err(error) => {
            tracing::error!(%error, "could not start a staff sign-in");
            to_staff_home("unavailable")
        }
    }
}

#[derive(Deserialize)]
pub struct CallbackParams {
    code: Option<String>,
    state: Option<String>,
    error: Option<String>,
}

/// `GET /staff/oidc/callback`: back from the provider with a code.
pub async fn callback(
    State(state): State<AppState>,
    session: Session,
    Query(params): Query<CallbackParams>,
) -> Response {
    let pending: Option<PendingSignIn> = session.remove(PENDING).await.ok().flatten();
    let Some(login) = state.oidc.as_ref() else {
        return to_staff_home("unavailable");
    };
    let Some(pending) = pending else {
        return to_staff_home("failed");
    };
    if let Some(error) = params.error {
        tracing::info!(
            error = error.chars().take(64).collect::<String>(),
            "the identity provider refused a sign-in"
        );
        return to_staff_home("failed");
    }
    let state_matches = params.state.is_some_and(|s| {
        bool::from(subtle::ConstantTimeEq::ct_eq(
            s.as_bytes(),
            pending.state.as_bytes(),
        ))
    });
    let now = state.app.db.now();
    let fresh = now - pending.started_at <= PENDING_SECONDS;
    let (true, true, Some(code)) = (state_matches, fresh, params.code) else {
        return to_staff_home("failed");
    };
    let identity = match login.finish(code, pending).await {
        Ok(identity) => identity,
        Err(error) => {
            tracing::warn!(%error, "a staff sign-in failed");
            return to_staff_home("failed");
        }
    };
    // Signing in clears the session: a draft kept from a form refused after the last session
    // ended is taken out first, and put back for its page (`staff_drafts`).
    let draft = staff_drafts::take(&session, now).await;
    match service::sign_in(&state.app.db, &identity).await {
        Ok(SignIn::Welcome(member)) => match signed_in::sign_in(&session, member.id, now).await {
            Ok(()) => match draft {
                Some(draft) if draft.member.is_none_or(|m| m == member.id) => {
                    let back = draft.path.clone();
                    staff_drafts::put_back(&session, draft).await;
                    Redirect::to(&back).into_response()
                }
                _ => Redirect::to("/staff").into_response(),
            },
            Err(error) => {
                tracing::error!(%error, "could not start a staff session");
                to_staff_home("failed")
            }
        },
        Ok(SignIn::Refused) => {
            signed_in::sign_out(&session).await;
            to_staff_home("refused")
        }
        Err(error) => {
            tracing::error!(%error, "could not record a staff sign-in");
            to_staff_home("failed")
        }
    }
}

/// `POST /staff/sign-out`: ends the session, with the form token.
pub async fn sign_out(
    State(state): State<AppState>,
    session: Session,
    request: Request,
) -> Response {
    let (_, form) = match form_pairs(request).await {
        Ok(read) => read,
        Err(too_large) => return too_large,
    };
    let staff = match access::authorize(&session, &state.app.db, Permission::OpenWorkspace).await {
        Ok(staff) => staff,
        Err(error) => return ApiError::from(error).into_response(),
    };
    let token = form
        .iter()
        .find(|(k, _)| k == "csrf")
        .map(|(_, v)| v.as_str())
        .unwrap_or_default();
    if !form_token_matches(token, &staff) {
        return ApiError::App(AppError::Forbidden).into_response();
    }
    if let Err(error) = service::sign_out(&state.app.db, &staff.member).await {
        tracing::error!(%error, "could not record a sign-out");
    }
    signed_in::sign_out(&session).await;
    to_staff_home("signed-out")
}
