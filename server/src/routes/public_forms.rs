//! The public forms without JavaScript: the report flow and the follow-up page post to their
//! own address. The handlers here run the same logic as the server functions and answer with
//! the page rendered around the result, or a redirect back to it.

use app::{
    follow_up::actions,
    report::{PostedReport, intake},
};
use axum::{
    extract::{Request, State},
    response::Response,
};
use leptos::prelude::*;
use tower_sessions::Session;

use super::forms::{answer, client_of, form_pairs, render};
use crate::state::AppState;

pub async fn report(State(state): State<AppState>, request: Request) -> Response {
    let (parts, form) = match form_pairs(request).await {
        Ok(read) => read,
        Err(too_large) => return too_large,
    };
    let intake = state.app.clone();
    let next = intake::advance(&intake, client_of(&parts).as_ref(), &form).await;
    render(&state, parts, move || {
        provide_context(PostedReport(next.clone()))
    })
    .await
}

pub async fn follow_up(
    State(state): State<AppState>,
    session: Session,
    request: Request,
) -> Response {
    let (parts, form) = match form_pairs(request).await {
        Ok(read) => read,
        Err(too_large) => return too_large,
    };
    let intake = state.app.clone();
    let outcome = actions::handle(&intake, &session, client_of(&parts).as_ref(), &form).await;
    answer(&state, parts, outcome).await
}
