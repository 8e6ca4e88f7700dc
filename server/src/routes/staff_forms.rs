//! The staff workspace's form posts without JavaScript: the administrators' forms and the case
//! page's. Pages and their data go through the Leptos app and its server functions; every
//! handler here checks access through `app::staff::access` like they do.

use app::case::actions::{self as case_actions, Outcome as CaseOutcome};
use app::staff::{
    Permission, access,
    actions::{self, Outcome},
};
use axum::{
    extract::{Path, Request, State},
    response::{IntoResponse, Redirect, Response},
};
use leptos::prelude::provide_context;
use tower_sessions::Session;

use super::forms::{form_pairs, refused, render};
use crate::state::AppState;

/// `POST /staff/admin`: the administrators' forms.
pub async fn admin(State(state): State<AppState>, session: Session, request: Request) -> Response {
    let (parts, form) = form_pairs(request).await;
    let path = parts.uri.path().to_owned();
    let staff = match access::authorize(&session, &state.db, Permission::ManageStaff).await {
        Ok(staff) => staff,
        Err(error) => return refused(error),
    };
    match actions::handle_admin(&state.db, &staff, &form).await {
        Outcome::Redirect => Redirect::to(&path).into_response(),
        Outcome::Render(posted) => {
            render(&state, parts, move || provide_context(posted.clone())).await
        }
    }
}

/// `POST /staff/cases/{id}`: the case page's forms (assess, message, note, assign, close…).
pub async fn case(
    State(state): State<AppState>,
    session: Session,
    Path(params): Path<Vec<(String, String)>>,
    request: Request,
) -> Response {
    let (parts, form) = form_pairs(request).await;
    let path = parts.uri.path().to_owned();
    let staff = match access::authorize(&session, &state.db, Permission::ViewCase).await {
        Ok(staff) => staff,
        Err(error) => return refused(error),
    };
    // The route has `{id}`, and `{lang}` under a language prefix.
    let Some(case_id) = params
        .iter()
        .find(|(name, _)| name == "id")
        .and_then(|(_, id)| id.parse::<i64>().ok())
    else {
        return (http::StatusCode::NOT_FOUND, "no such case").into_response();
    };
    match case_actions::handle(&state.db, &staff, case_id, &form).await {
        CaseOutcome::Redirect(done) => Redirect::to(&format!("{path}?done={done}")).into_response(),
        CaseOutcome::Render(posted) => {
            render(&state, parts, move || provide_context(posted.clone())).await
        }
        CaseOutcome::Refused(error) => refused(error),
    }
}
