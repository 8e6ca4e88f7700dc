//! Security headers on every response, and the same-origin rule for anything that changes
//! state (the portal's CSRF protection).

use app::shell::{PageNonce, page_policy};
use axum::{
    extract::{Request, State},
    middleware::Next,
    response::Response,
};
use http::{HeaderMap, HeaderValue, Method, header};

/// What every response carries, whatever produced it. A page gets its CSP here, with the
/// nonce its render recorded ([`PageNonce`]); anything else gets one that allows nothing.
pub async fn headers(State(hsts): State<bool>, mut request: Request, next: Next) -> Response {
    let nonce = PageNonce::default();
    request.extensions_mut().insert(nonce.clone());
    let mut response = next.run(request).await;
    let status = response.status();
    let h = response.headers_mut();
    if !h.contains_key(header::CONTENT_SECURITY_POLICY) {
        let content_type = h.get(header::CONTENT_TYPE).map(|t| t.as_bytes().to_vec());
        let starts = |prefix: &[u8]| {
            content_type
                .as_deref()
                .is_some_and(|t| t.starts_with(prefix))
        };
        let policy = match nonce.0.get() {
            Some(nonce) if starts(b"text/html") => page_policy(nonce),
            // A script's own policy matters only when it runs as a worker (the hashing
            // worker): it may load its module and WASM from this origin, and nothing else.
            _ if starts(b"text/javascript") || starts(b"application/javascript") => {
                "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self'; frame-ancestors 'none'".to_owned()
            }
            _ => {
                if starts(b"text/html") {
                    // Every page records its nonce while rendering; one that did not would
                    // lose its style and scripts to the policy below. Say so, to find it.
                    tracing::warn!(%status, "a page was answered without its nonce");
                }
                "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'"
                    .to_owned()
            }
        };
        if let Ok(value) = HeaderValue::from_str(&policy) {
            h.insert(header::CONTENT_SECURITY_POLICY, value);
        }
    }
    // Nothing to other sites, and the real origin on the portal's own form posts: with
    // `no-referrer` a browser sends `Origin: null` on those, which is indistinguishable from
    // a post from a sandboxed page elsewhere.
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("same-origin"),
    );
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    h.insert(
        "cross-origin-opener-policy",
        HeaderValue::from_static("same-origin"),
    );
    h.insert(
        "cross-origin-resource-policy",
        HeaderValue::from_static("same-origin"),
    );
    h.insert(
        "permissions-policy",
        HeaderValue::from_static("camera=(), microphone=(), geolocation=(), payment=(), usb=()"),
    );
    // Nothing is cached, assets included: a browser cache on a shared phone would show that
    // someone visited the portal. Within a visit the app navigates without reloading.
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    if hsts {
        h.insert(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static("max-age=63072000; includeSubDomains"),
        );
    }
    response
}

/// Refuses state-changing requests that a browser sent from another site.
///
/// Browsers say where a request comes from (`Sec-Fetch-Site`, else `Origin`); a form on a
/// hostile page cannot hide it. Requests without either header come from programs, not from a
/// victim's browser, and carry no ambient credentials the attacker could borrow. Together with
/// `SameSite=Lax` cookies this protects every form and server function, signed in or not.
pub async fn same_origin_writes(
    State(quick_exit): State<app::shell::QuickExitSetting>,
    request: Request,
    next: Next,
) -> Response {
    if is_safe_method(request.method()) || is_same_origin(request.headers()) {
        next.run(request).await
    } else {
        tracing::warn!(path = request.uri().path(), "refused a cross-site request");
        let accept_language = request
            .headers()
            .get(header::ACCEPT_LANGUAGE)
            .and_then(|v| v.to_str().ok());
        super::edge::page(
            app::shell::EdgeError::CrossSite,
            request.uri().path(),
            accept_language,
            &quick_exit,
        )
    }
}

fn is_safe_method(method: &Method) -> bool {
    matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS)
}

fn is_same_origin(headers: &HeaderMap) -> bool {
    if let Some(site) = headers.get("sec-fetch-site") {
        // `none` means the person typed the address or used a bookmark.
        return matches!(site.as_bytes(), b"same-origin" | b"none");
    }
    let (Some(origin), Some(host)) = (headers.get(header::ORIGIN), headers.get(header::HOST))
    else {
        return !headers.contains_key(header::ORIGIN);
    };
    let origin = origin.to_str().unwrap_or_default();
    let origin_host = origin
        .split_once("://")
        .map(|(_, rest)| rest)
        .unwrap_or_default();
    origin_host.eq_ignore_ascii_case(host.to_str().unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (name, value) in pairs {
            map.insert(*name, HeaderValue::from_static(value));
        }
        map
    }

    #[test]
    fn a_request_from_another_site_is_refused() {
        assert!(!is_same_origin(&headers(&[(
            "sec-fetch-site",
            "cross-site"
        )])));
        assert!(!is_same_origin(&headers(&[(
            "sec-fetch-site",
            "same-site"
        )])));
        assert!(!is_same_origin(&headers(&[
            ("origin", "https://evil.example"),
            ("host", "portal.example")
        ])));
        assert!(!is_same_origin(&headers(&[("origin", "null")])));
    }

    #[test]
    fn a_request_from_the_portal_itself_passes() {
        assert!(is_same_origin(&headers(&[(
            "sec-fetch-site",
            "same-origin"
        )])));
        assert!(is_same_origin(&headers(&[
            ("origin", "http://127.0.0.1:3000"),
            ("host", "127.0.0.1:3000")
        ])));
    }

    #[test]
    fn a_program_without_browser_headers_passes() {
        assert!(is_same_origin(&headers(&[("host", "portal.example")])));
    }
}
