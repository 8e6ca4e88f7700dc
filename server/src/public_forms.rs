//! The public forms without JavaScript: the report flow and the follow-up page post to their
//! own address. The handlers here run the same logic as the server functions and answer with
//! the page rendered around the result, or a redirect back to it.

use std::net::SocketAddr;

use app::{
    abuse::{ClientHasher, ClientKey},
    follow_up::actions::{self, Outcome},
    report::{PostedReport, intake},
    shell,
};
use axum::{
    body::Body,
    extract::{ConnectInfo, Request, State},
    middleware::Next,
    response::{IntoResponse, Redirect, Response},
};
use leptos::prelude::*;
use std::sync::Arc;
use tower_sessions::Session;

use crate::startup::AppState;

/// Reads the form body. Names may repeat (checkboxes), so pairs, not a map.
pub(crate) async fn form_pairs(request: Request) -> (http::request::Parts, Vec<(String, String)>) {
    let (parts, body) = request.into_parts();
    let bytes = axum::body::to_bytes(body, crate::startup::MAX_REQUEST_BYTES)
        .await
        .unwrap_or_default();
    let pairs = url::form_urlencoded::parse(&bytes).into_owned().collect();
    (parts, pairs)
}

fn client_of(parts: &http::request::Parts) -> Option<ClientKey> {
    parts.extensions.get::<ClientKey>().cloned()
}

/// Renders the app for this request with `extra` in its context.
pub(crate) async fn render(
    state: &AppState,
    parts: http::request::Parts,
    extra: impl Fn() + Clone + Send + Sync + 'static,
) -> Response {
    let options = state.leptos_options.clone();
    let base = state.context.clone();
    let app_state = state.clone();
    let handler = leptos_axum::render_app_async_with_context(
        move || {
            provide_context(app_state.clone());
            base();
            extra();
        },
        move || shell(options.clone()),
    );
    // The page is rendered as for a GET of the same address.
    let mut request = Request::from_parts(parts, Body::empty());
    *request.method_mut() = http::Method::GET;
    handler(request).await.into_response()
}

pub async fn report(State(state): State<AppState>, request: Request) -> Response {
    let (parts, form) = form_pairs(request).await;
    let intake = state.intake.clone();
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
    let path = request.uri().path().to_owned();
    let (parts, form) = form_pairs(request).await;
    let intake = state.intake.clone();
    match actions::handle(&intake, &session, client_of(&parts).as_ref(), &form).await {
        // 303: the browser follows with a GET, so a reload does not post again.
        Outcome::Redirect => Redirect::to(&path).into_response(),
        Outcome::Render(posted) => {
            render(&state, parts, move || provide_context(posted.clone())).await
        }
    }
}

/// Puts a [`ClientKey`] on every request: a keyed, daily-rotating hash of the client's
/// address, for rate limits. The address itself goes no further than this function.
pub async fn client_key(
    State(hasher): State<(Arc<ClientHasher>, Option<String>)>,
    mut request: Request,
    next: Next,
) -> Response {
    let (hasher, header) = hasher;
    let from_proxy = header.as_deref().and_then(|name| {
        request
            .headers()
            .get(name)?
            .to_str()
            .ok()?
            .split(',')
            .next()?
            .trim()
            .parse()
            .ok()
    });
    let address = from_proxy.or_else(|| {
        request
            .extensions()
            .get::<ConnectInfo<SocketAddr>>()
            .map(|info| info.0.ip())
    });
    if let Some(address) = address {
        let key = hasher.key_for(address);
        request.extensions_mut().insert(key);
    }
    next.run(request).await
}
