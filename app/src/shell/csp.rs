//! Per-request document settings: the language of `<html>` and the Content-Security-Policy
//! whose nonce the inline scripts of this response carry.

use crate::i18n::Lang;

/// The language of the document for this request, and (on the server) sets the CSP header.
///
/// Called once by the shell; in the browser the shell is never rendered.
pub fn document_lang() -> Lang {
    #[cfg(feature = "ssr")]
    {
        server::set_content_security_policy();
        server::request_lang()
    }
    #[cfg(not(feature = "ssr"))]
    Lang::default()
}

#[cfg(feature = "ssr")]
mod server {
    use http::{HeaderValue, header, request::Parts};
    use leptos::{nonce::use_nonce, prelude::use_context};
    use leptos_axum::ResponseOptions;

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

    /// Scripts run only from our own origin or with this response's nonce; WebAssembly may be
    /// compiled (`wasm-unsafe-eval` allows that and nothing else). No third-party origin
    /// appears anywhere, so no request about a visitor leaves for someone else. `blob:` media
    /// is the reporter's own video, played (never shown) on the device to fingerprint frames.
    pub fn set_content_security_policy() {
        let (Some(nonce), Some(response)) = (use_nonce(), use_context::<ResponseOptions>()) else {
            return;
        };
        let policy = format!(
            "default-src 'self'; script-src 'self' 'nonce-{nonce}' 'wasm-unsafe-eval'; \
             style-src 'self'; img-src 'self' data: blob:; media-src blob:; font-src 'self'; \
             connect-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'none'; \
             form-action 'self'; frame-ancestors 'none'"
        );
        if let Ok(value) = HeaderValue::from_str(&policy) {
            response.insert_header(header::CONTENT_SECURITY_POLICY, value);
        }
    }
}
