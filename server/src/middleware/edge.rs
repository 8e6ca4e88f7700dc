//! The edge's own answers, so that no request ever leaves the portal without its security
//! headers or gets a bare English error: addresses that are not ours (`//other.site/`, a
//! backslash) are not found before any redirect could send someone elsewhere, and a bare
//! 413, 408 or 500 from the layers below (the body cap, the time limit, a caught panic)
//! becomes a page in the person's language with the quick exit.

use app::shell::{EdgeError, QuickExitSetting, edge_page, lang_of_request};
use axum::{
    body::Body,
    extract::{Request, State},
    middleware::Next,
    response::{IntoResponse, Response},
};
use http::{HeaderValue, StatusCode, header};

/// The page for `error`, for a request to `path` from a browser that prefers
/// `accept_language`.
pub fn page(
    error: EdgeError,
    path: &str,
    accept_language: Option<&str>,
    quick_exit: &QuickExitSetting,
) -> Response {
    let nonce = app::token::random();
    let lang = lang_of_request(path, accept_language);
    let (html, policy) = edge_page(error, lang, quick_exit, &nonce);
    let status = StatusCode::from_u16(error.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let mut response = (status, html).into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    if let Ok(policy) = HeaderValue::from_str(&policy) {
        headers.insert(header::CONTENT_SECURITY_POLICY, policy);
    }
    response
}

/// Whether a path could be read as another site or another path by a browser: `//host`
/// (scheme-relative in a `Location`), or a backslash (which browsers take for a slash).
pub fn is_odd_path(path: &str) -> bool {
    path.starts_with("//") || path.contains('\\') || path.to_ascii_lowercase().contains("%5c")
}

/// Odd paths are not found, and bare error statuses from below get their page.
pub async fn pages(
    State(quick_exit): State<QuickExitSetting>,
    request: Request,
    next: Next,
) -> Response {
    let path = request.uri().path().to_owned();
    let accept_language = request
        .headers()
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    if is_odd_path(&path) {
        // Not the path's language: `//nl.evil.example/` names none of ours.
        return page(
            EdgeError::NotFound,
            "/",
            accept_language.as_deref(),
            &quick_exit,
        );
    }
    let response = next.run(request).await;
    let error = match response.status() {
        StatusCode::PAYLOAD_TOO_LARGE => EdgeError::TooLarge,
        StatusCode::REQUEST_TIMEOUT => EdgeError::Timeout,
        StatusCode::INTERNAL_SERVER_ERROR => EdgeError::Internal,
        _ => return response,
    };
    // A page or a JSON error the app rendered itself stands; only bare answers are replaced.
    let bare = response
        .headers()
        .get(header::CONTENT_TYPE)
        .is_none_or(|t| t.as_bytes().starts_with(b"text/plain"));
    if !bare {
        return response;
    }
    let mut answer = page(error, &path, accept_language.as_deref(), &quick_exit);
    if error == EdgeError::TooLarge {
        // The rest of the body was never read: the connection is not reused.
        answer
            .headers_mut()
            .insert(header::CONNECTION, HeaderValue::from_static("close"));
    }
    drop(response.into_body() as Body);
    answer
}

#[cfg(test)]
mod tests {
    use super::is_odd_path;

    #[test]
    fn paths_a_browser_could_read_as_another_site_are_odd() {
        for odd in [
            "//evil.example/",
            "///evil.example/",
            "/\\evil.example",
            "/a%5Cb",
        ] {
            assert!(is_odd_path(odd), "{odd}");
        }
        for fine in ["/", "/nl/help/", "/staff/cases/4", "/a/b//c"] {
            assert!(!is_odd_path(fine), "{fine}");
        }
    }
}
