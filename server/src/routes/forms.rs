//! Plain form posts (no JavaScript needed), shared by the public and the staff forms: read
//! the body, find the rate-limit key, render the page around the outcome.

use app::{abuse::ClientKey, forms::Outcome, shell};
use axum::{
    body::Body,
    extract::Request,
    response::{IntoResponse, Redirect, Response},
};
use leptos::prelude::*;

use super::error::ApiError;
use crate::state::AppState;

/// Public request bodies are small by design: hashes and answers, never files.
pub const MAX_REQUEST_BYTES: usize = inputs::form::MAX_BYTES;

/// Reads the form body. Names may repeat (checkboxes), so pairs, not a map. A body larger
/// than the portal accepts (or cut off) is a 413, which the edge turns into a page saying
/// so: never an empty form, which would look like a form sent blank.
pub(crate) async fn form_pairs(
    request: Request,
) -> Result<(http::request::Parts, Vec<(String, String)>), Response> {
    let (parts, body) = request.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, MAX_REQUEST_BYTES).await else {
        return Err(http::StatusCode::PAYLOAD_TOO_LARGE.into_response());
    };
    let pairs = inputs::form::parse(&bytes);
    Ok((parts, pairs))
}

pub(crate) fn client_of(parts: &http::request::Parts) -> Option<ClientKey> {
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

/// The answer to a posted form: back to `path` with a GET, the page rendered around what the
/// post left, or the refusal.
pub(crate) async fn answer<P: Clone + Send + Sync + 'static>(
    state: &AppState,
    parts: http::request::Parts,
    outcome: Outcome<P>,
) -> Response {
    let path = parts.uri.path().to_owned();
    match outcome {
        // 303: the browser follows with a GET, so a reload does not post again.
        Outcome::Redirect(None) => Redirect::to(&path).into_response(),
        Outcome::Redirect(Some(done)) => {
            Redirect::to(&format!("{path}?done={done}")).into_response()
        }
        Outcome::RedirectTo(to, done) => {
            let prefix = language_prefix(&path);
            Redirect::to(&format!("{prefix}{to}?done={done}")).into_response()
        }
        Outcome::Render(posted) => {
            render(state, parts, move || provide_context(posted.clone())).await
        }
        Outcome::Refused(error) => ApiError::App(error).into_response(),
    }
}

/// `/nl` for `/nl/staff/cases/4`, empty for `/staff/cases/4`.
fn language_prefix(path: &str) -> &str {
    let first = path
        .trim_start_matches('/')
        .split('/')
        .next()
        .unwrap_or_default();
    if app::i18n::Lang::from_code(first).is_some() {
        &path[..first.len() + 1]
    } else {
        ""
    }
}

#[cfg(test)]
mod tests {
    use super::language_prefix;

    #[test]
    fn a_redirect_elsewhere_keeps_the_language_of_the_page() {
        assert_eq!(language_prefix("/nl/staff/cases/4"), "/nl");
        assert_eq!(language_prefix("/staff/cases/4"), "");
        assert_eq!(language_prefix("/"), "");
    }
}
