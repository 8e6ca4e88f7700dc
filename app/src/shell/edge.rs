//! The pages the portal's edge answers with before any route runs: an address that is not
//! one of ours (`//other.site`), a form sent from another site, a body too large, a request
//! that took too long, a fault. Plain server-rendered HTML in the person's language with the
//! same header and quick exit as every page (its inline script under this page's own nonce),
//! and no WebAssembly: nothing here may depend on the app having loaded.

use crate::i18n::{Lang, t};

use super::quick_exit::{QUICK_EXIT_SCRIPT, QuickExitSetting, neutral_url};

/// Why the edge answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EdgeError {
    NotFound,
    CrossSite,
    TooLarge,
    Timeout,
    Internal,
}

impl EdgeError {
    pub fn status(self) -> u16 {
        match self {
            EdgeError::NotFound => 404,
            EdgeError::CrossSite => 403,
            EdgeError::TooLarge => 413,
            EdgeError::Timeout => 408,
            EdgeError::Internal => 500,
        }
    }

    fn messages(self) -> (&'static str, &'static str) {
        match self {
            EdgeError::NotFound => ("not-found-title", "not-found-body"),
            EdgeError::CrossSite => ("edge-cross-site-title", "edge-cross-site-body"),
            EdgeError::TooLarge => ("edge-too-large-title", "edge-too-large-body"),
            EdgeError::Timeout => ("edge-timeout-title", "edge-timeout-body"),
            EdgeError::Internal => ("edge-internal-title", "edge-internal-body"),
        }
    }
}

/// Escapes text for HTML (our own messages and configured URLs, but never trusted blindly).
fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The page for `error` in `lang`, and the Content-Security-Policy that goes with it.
pub fn edge_page(
    error: EdgeError,
    lang: Lang,
    quick_exit: &QuickExitSetting,
    nonce: &str,
) -> (String, String) {
    let (title, body) = messages(error, lang);
    let brand = escape(&t(lang, "brand-name"));
    let home = format!("/{}", lang.code());
    let exit = escape(&neutral_url(quick_exit, lang));
    let html = format!(
        r#"<!DOCTYPE html>
<html lang="{code}" dir="{dir}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="same-origin">
<meta name="robots" content="noindex, nofollow">
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/pkg/portal.css">
<script nonce="{nonce}">{script}</script>
<title>{title} · {brand}</title>
</head>
<body>
<header class="site-header">
<a class="brand" href="{home}">{brand}</a>
<a class="quick-exit" data-quick-exit="" href="{exit}" rel="noreferrer"><span class="quick-exit-label">{leave}</span> <span class="quick-exit-hint">{hint}</span></a>
</header>
<main id="main" tabindex="-1">
<h1>{title}</h1>
<p>{body}</p>
<p><a href="{home}">{home_link}</a></p>
</main>
</body>
</html>
"#,
        code = lang.code(),
        dir = lang.direction().as_str(),
        nonce = escape(nonce),
        script = QUICK_EXIT_SCRIPT,
        title = escape(&title),
        body = escape(&body),
        leave = escape(&t(lang, "quick-exit-label")),
        hint = escape(&t(lang, "quick-exit-hint")),
        home_link = escape(&t(lang, "not-found-home-link")),
    );
    let policy = format!(
        "default-src 'none'; style-src 'self'; script-src 'nonce-{nonce}'; img-src 'self' data:; \
         frame-ancestors 'none'; base-uri 'none'; form-action 'self'"
    );
    (html, policy)
}

fn messages(error: EdgeError, lang: Lang) -> (String, String) {
    let (title, body) = error.messages();
    (t(lang, title), t(lang, body))
}

/// The language of a request: its path's (`/nl/follow-up`), else the browser's
/// `Accept-Language`, as every page chooses it.
pub fn lang_of_request(path: &str, accept_language: Option<&str>) -> Lang {
    if let (Some(lang), _) = crate::i18n::split_path(path) {
        return lang;
    }
    accept_language
        .and_then(crate::i18n::from_accept_language)
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_page_is_in_the_persons_language_with_the_quick_exit() {
        let (html, policy) = edge_page(
            EdgeError::CrossSite,
            Lang::Nl,
            &QuickExitSetting(None),
            "abc123",
        );
        assert!(html.contains("<html lang=\"nl\""));
        assert!(html.contains("data-quick-exit"));
        assert!(html.contains("https://www.buienradar.nl/"));
        assert!(html.contains(&t(Lang::Nl, "edge-cross-site-title")));
        assert!(policy.contains("'nonce-abc123'"));
        let (html, _) = edge_page(
            EdgeError::NotFound,
            Lang::En,
            &QuickExitSetting(Some("https://x.example/?a=1&b=\"2\"".into())),
            "n",
        );
        assert!(html.contains("https://x.example/?a=1&amp;b=&quot;2&quot;"));
        assert_eq!(lang_of_request("/nl/follow-up", Some("en")), Lang::Nl);
        assert_eq!(
            lang_of_request("/follow-up", Some("nl-BE,nl;q=0.9")),
            Lang::Nl
        );
        assert_eq!(lang_of_request("//evil.example/", None), Lang::default());
    }
}
