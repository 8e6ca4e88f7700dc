//! The public forms without JavaScript: the report flow and the follow-up page post to their
//! own address. The handlers here run the same logic as the server functions and answer with
//! the page rendered around the result, or a redirect back to it.

use app::{
    follow_up::actions,
    report::{PostedReport, intake},
};
use axum::{
    extract::{Query, Request, State},
    response::{IntoResponse, Redirect, Response},
};
use http::{HeaderValue, header};
use leptos::prelude::*;
use serde::Deserialize;
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

/// "Save as a file" on the receipt without JavaScript: the receipt comes back as a download
/// named `receipt.txt`, in the page's language, kept nowhere (with JavaScript the phone makes
/// the file itself). Only a well-formed receipt is written back, so the address cannot be made
/// to serve someone else's text.
pub async fn receipt_file(request: Request) -> Response {
    let lang = app::shell::lang_of_request(request.uri().path(), None);
    let (_, form) = match form_pairs(request).await {
        Ok(read) => read,
        Err(too_large) => return too_large,
    };
    let receipt = form
        .iter()
        .find(|(name, _)| name == "receipt")
        .and_then(|(_, typed)| app::report::Receipt::parse(typed));
    let Some(receipt) = receipt else {
        return http::StatusCode::BAD_REQUEST.into_response();
    };
    let text = app::i18n::t_args(
        lang,
        "report-receipt-file-text",
        &[("receipt", receipt.display().into())],
    );
    let mut response = text.into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/plain; charset=utf-8"),
    );
    headers.insert(
        header::CONTENT_DISPOSITION,
        HeaderValue::from_static("attachment; filename=\"receipt.txt\""),
    );
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

/// Quick exit from a report step without JavaScript: the draft is remembered as left (so a
/// resubmit from the browser's history shows nothing of it), then the neutral site. Never
/// cached, never a referrer.
pub async fn exit(State(state): State<AppState>, Query(exit): Query<Exit>) -> Response {
    if let Some(draft) = &exit.draft {
        state.app.exits.remember(draft);
    }
    let lang = exit
        .lang
        .as_deref()
        .and_then(app::i18n::Lang::from_code)
        .unwrap_or_default();
    let to = app::shell::neutral_url(&state.quick_exit, lang);
    let mut response = Redirect::to(&to).into_response();
    let headers = response.headers_mut();
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    response
}

#[derive(Debug, Deserialize)]
pub struct Exit {
    draft: Option<String>,
    lang: Option<String>,
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
