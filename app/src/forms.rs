//! Forms posted without JavaScript, the same way everywhere: the server reads the fields
//! ([`Fields`]), a use case answers with an [`Outcome`], and the page renders what the post left
//! ([`posted`]) so nothing typed is lost, or a [`refusal`] when the sender may not do it.

use leptos::prelude::*;
use serde::{Serialize, de::DeserializeOwned};

use crate::{
    error::AppError,
    i18n::{Lang, t},
    staff::routes::SIGN_IN,
};

pub use inputs::form::Fields;

/// What a posted form leads to.
pub enum Outcome<P> {
    /// Back to the same address with a GET (303), so a reload does not post again; with the
    /// Fluent id of what happened, when the page says so (`?done=`).
    Redirect(Option<&'static str>),
    /// To another page (a path without the language prefix, which the current one keeps),
    /// with what happened: after a case moved to another organisation, its page is no longer
    /// the sender's to see.
    RedirectTo(String, &'static str),
    /// The page again, rendered around what the post left (`P`, put in the render's context).
    Render(P),
    /// The sender may not do this (not signed in, wrong role or organisation).
    Refused(AppError),
}

/// What the form post of this request left for the page, on the server; the default in the
/// browser, which hydrates the page the server rendered with it.
pub fn posted<P>() -> P
where
    P: Default + Clone + Send + Sync + Serialize + DeserializeOwned + 'static,
{
    SharedValue::new(|| {
        // From the render's context (a form post rendered again), or from the request (a
        // draft kept through a staff sign-in, put there by the server's `restore_draft`).
        #[cfg(feature = "ssr")]
        {
            use_context::<P>()
                .or_else(|| {
                    use_context::<http::request::Parts>()
                        .and_then(|parts| parts.extensions.get::<P>().cloned())
                })
                .unwrap_or_default()
        }
        #[cfg(not(feature = "ssr"))]
        P::default()
    })
    .into_inner()
}

/// Said by a staff page whose form was posted after the session ended: the text typed is kept
/// on the server, with the sign-in, and comes back after it.
#[derive(Debug, Clone, Copy)]
pub struct DraftKept;

/// A staff page's answer when its server function refused or failed: what happened, in words,
/// and the way (back) in.
pub fn refusal(error: &AppError, lang: Lang) -> AnyView {
    let id = match error {
        AppError::Unauthenticated if use_context::<DraftKept>().is_some() => "staff-draft-kept",
        AppError::Unauthenticated => "staff-refused-signed-out",
        AppError::Forbidden => "staff-refused-role",
        AppError::NotFound | AppError::Internal | AppError::ServerFn(_) => "staff-error-try-again",
    };
    view! {
        <p class="notice" role="alert">
            {t(lang, id)}
        </p>
        <p>
            <a href=SIGN_IN rel="external" class="button">
                {t(lang, "staff-sign-in-button")}
            </a>
        </p>
    }
    .into_any()
}
