//! The staff workspace's form posts without JavaScript: the administrators' forms and the case
//! page's. Pages and their data go through the Leptos app and its server functions; every
//! handler here checks access through `app::staff::access` like they do.

use app::{
    case::actions as case_actions,
    error::AppError,
    forms::DraftKept,
    hash_list::actions as hash_list_actions,
    hosting::actions as provider_actions,
    staff::{Permission, access, actions},
};
use axum::{
    extract::{Path, Request, State},
    response::{IntoResponse, Response},
};
use leptos::prelude::provide_context;
use tower_sessions::Session;

use super::{
    error::ApiError,
    forms::{answer, form_pairs, render},
    staff_drafts,
};
use crate::state::AppState;

/// `POST /staff/admin`: the administrators' forms.
pub async fn admin(State(state): State<AppState>, session: Session, request: Request) -> Response {
    let (parts, form) = match form_pairs(request).await {
        Ok(read) => read,
        Err(too_large) => return too_large,
    };
    let staff = match access::authorize(&session, &state.app.db, Permission::ManageStaff).await {
        Ok(staff) => staff,
        Err(error) => return ApiError::from(error).into_response(),
    };
    let outcome = actions::handle_admin(&state.app.db, &staff, &form).await;
    answer(&state, parts, outcome).await
}

/// `POST /staff/cases/{id}`: the case page's forms (assess, message, note, assign, close…).
pub async fn case(
    State(state): State<AppState>,
    session: Session,
    Path(params): Path<Vec<(String, String)>>,
    request: Request,
) -> Response {
    let (parts, form) = match form_pairs(request).await {
        Ok(read) => read,
        Err(too_large) => return too_large,
    };
    // The route has `{id}`, and `{lang}` under a language prefix.
    let Some(case_id) = params
        .iter()
        .find(|(name, _)| name == "id")
        .and_then(|(_, id)| id.parse::<i64>().ok())
    else {
        return ApiError::App(AppError::NotFound).into_response();
    };
    let staff = match access::authorize_case(&session, &state.app.db, Permission::ViewCase, case_id)
        .await
    {
        Ok(staff) => staff,
        // Signed out while typing: the text is kept for after the sign-in, and the page says so.
        Err(access::AccessError::Unauthenticated)
            if staff_drafts::keep(&session, parts.uri.path(), &form, state.app.db.now()).await =>
        {
            return render(&state, parts, || provide_context(DraftKept)).await;
        }
        Err(error) => return ApiError::from(error).into_response(),
    };
    let outcome = case_actions::handle(&state.app.db, &staff, case_id, &form).await;
    answer(&state, parts, outcome).await
}

/// `POST /staff/providers`: add a provider to the directory.
pub async fn providers(
    State(state): State<AppState>,
    session: Session,
    request: Request,
) -> Response {
    let (parts, form) = match form_pairs(request).await {
        Ok(read) => read,
        Err(too_large) => return too_large,
    };
    let staff = match access::authorize(&session, &state.app.db, Permission::ManageProviders).await
    {
        Ok(staff) => staff,
        Err(error) => return ApiError::from(error).into_response(),
    };
    let outcome = provider_actions::handle_list(&state.app.db, &staff, &form).await;
    answer(&state, parts, outcome).await
}

/// `POST /staff/providers/{id}`: edit one provider.
pub async fn provider(
    State(state): State<AppState>,
    session: Session,
    Path(params): Path<Vec<(String, String)>>,
    request: Request,
) -> Response {
    let (parts, form) = match form_pairs(request).await {
        Ok(read) => read,
        Err(too_large) => return too_large,
    };
    let Some(id) = params
        .iter()
        .find(|(name, _)| name == "id")
        .map(|(_, id)| id.clone())
    else {
        return ApiError::App(AppError::NotFound).into_response();
    };
    let staff = match access::authorize(&session, &state.app.db, Permission::ManageProviders).await
    {
        Ok(staff) => staff,
        Err(error) => return ApiError::from(error).into_response(),
    };
    let outcome = provider_actions::handle_edit(&state.app.db, &staff, &id, &form).await;
    answer(&state, parts, outcome).await
}

/// `POST /staff/platforms`: create or revoke a platform's key.
pub async fn platforms(
    State(state): State<AppState>,
    session: Session,
    request: Request,
) -> Response {
    let (parts, form) = match form_pairs(request).await {
        Ok(read) => read,
        Err(too_large) => return too_large,
    };
    let staff = match access::authorize(&session, &state.app.db, Permission::ManagePlatforms).await
    {
        Ok(staff) => staff,
        Err(error) => return ApiError::from(error).into_response(),
    };
    // The answer may show a new key: like every page, it is sent `no-store`.
    let outcome = hash_list_actions::handle_platforms(&state.app.db, &staff, &form).await;
    answer(&state, parts, outcome).await
}

/// `POST /staff/hash-list`: confirm or withdraw a disputed entry.
pub async fn hash_list(
    State(state): State<AppState>,
    session: Session,
    request: Request,
) -> Response {
    let (parts, form) = match form_pairs(request).await {
        Ok(read) => read,
        Err(too_large) => return too_large,
    };
    let staff =
        match access::authorize(&session, &state.app.db, Permission::DecideHashEntries).await {
            Ok(staff) => staff,
            Err(error) => return ApiError::from(error).into_response(),
        };
    let outcome = hash_list_actions::handle_hash_list(&state.app.db, &staff, &form).await;
    answer(&state, parts, outcome).await
}
