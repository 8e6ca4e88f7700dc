//! Per-request document settings: the language of `<html>`, and the Content-Security-Policy
//! whose nonce the inline scripts of this response carry.
//!
//! The policy header itself is written by the server's security middleware from the nonce
//! recorded here ([`record_page_nonce`]), not through Leptos' response options: under many
//! concurrent renders a page was seen leaving with no policy of its own (and so with no
//! style), which one header written in one place after the handler cannot do.

use crate::i18n::Lang;

/// The language of the document for this request.
///
/// Called once by the shell; in the browser the shell is never rendered.
pub fn document_lang() -> Lang {
    #[cfg(feature = "ssr")]
    {
        server::request_lang()
    }
    #[cfg(not(feature = "ssr"))]
    Lang::default()
}

#[cfg(feature = "ssr")]
pub use server::{PageNonce, page_policy, record_page_nonce};

#[cfg(feature = "ssr")]
mod server {
    use http::{header, request::Parts};
    use leptos::{nonce::use_nonce, prelude::use_context};

    use crate::i18n::{Lang, from_accept_language, split_path};

    pub fn request_lang() -> Lang {
        let Some(parts) = use_context::<Parts>() else {
            return Lang::default();
        };
        if let (Some(lang), _) = split_path(parts.uri.path()) {
            return lang;
        }
        parts
            .headers
            .get(header::ACCEPT_LANGUAGE)
            .and_then(|h| h.to_str().ok())
            .and_then(from_accept_language)
            .unwrap_or_default()
    }

    /// Where the security middleware learns this response's nonce: it puts an empty slot in
    /// the request's extensions, the page's render fills it.
    #[derive(Debug, Clone, Default)]
    pub struct PageNonce(pub std::sync::Arc<std::sync::OnceLock<String>>);

    /// Records the nonce Leptos made for this response in the request's [`PageNonce`] slot.
    /// Called in the render's context, right after Leptos provides the nonce.
    pub fn record_page_nonce() {
        let (Some(nonce), Some(parts)) = (use_nonce(), use_context::<Parts>()) else {
            return;
        };
        if let Some(slot) = parts.extensions.get::<PageNonce>() {
            let _ = slot.0.set(nonce.to_string());
        }
    }

    /// Scripts run only from our own origin or with this response's nonce; WebAssembly may be
    /// compiled (`wasm-unsafe-eval` allows that and nothing else). No third-party origin
    /// appears anywhere, so no request about a visitor leaves for someone else. `blob:` media
    /// is the reporter's own video, played (never shown) on the device to fingerprint frames.
    pub fn page_policy(nonce: &str) -> String {
        format!(
            "default-src 'self'; script-src 'self' 'nonce-{nonce}' 'wasm-unsafe-eval'; \
             style-src 'self'; img-src 'self' data: blob:; media-src blob:; font-src 'self'; \
             connect-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'none'; \
             form-action 'self'; frame-ancestors 'none'"
        )
    }
}
