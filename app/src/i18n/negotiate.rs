//! Choosing the language of a request.

use super::Lang;

/// Splits a language prefix off a path: `/nl/report` gives `(Some(Nl), "/report")`.
/// Paths without a known language prefix are returned unchanged.
pub fn split_path(path: &str) -> (Option<Lang>, &str) {
    let rest = path.strip_prefix('/').unwrap_or(path);
    let (first, tail) = match rest.find('/') {
        Some(i) => (&rest[..i], &rest[i..]),
        None => (rest, "/"),
    };
    // Only exact lower-case codes count, so `/nl` and `/NL` do not both exist as pages.
    match Lang::ALL.into_iter().find(|lang| lang.code() == first) {
        Some(lang) => (Some(lang), tail),
        None => (None, path),
    }
}

/// The best language for an `Accept-Language` header, honouring quality values.
/// Returns `None` when the browser asks for nothing we speak.
pub fn from_accept_language(header: &str) -> Option<Lang> {
    let mut best: Option<(Lang, f32)> = None;
    // A long header is someone's mistake or an attack; the first few entries decide anyway.
    for entry in header.split(',').take(16) {
        let mut parts = entry.split(';');
        let Some(lang) = parts.next().and_then(|tag| Lang::from_code(tag.trim())) else {
            continue;
        };
        let quality = parts
            .find_map(|p| p.trim().strip_prefix("q="))
            .and_then(|q| q.trim().parse::<f32>().ok())
            .unwrap_or(1.0);
        if quality > 0.0 && best.is_none_or(|(_, q)| quality > q) {
            best = Some((lang, quality));
        }
    }
    best.map(|(lang, _)| lang)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_language_prefix_is_split_off() {
        assert_eq!(split_path("/nl/report"), (Some(Lang::Nl), "/report"));
        assert_eq!(split_path("/nl"), (Some(Lang::Nl), "/"));
        assert_eq!(split_path("/en/"), (Some(Lang::En), "/"));
    }

    #[test]
    fn a_path_without_a_language_is_kept() {
        assert_eq!(split_path("/report"), (None, "/report"));
        assert_eq!(split_path("/"), (None, "/"));
        assert_eq!(split_path("/nlx/report"), (None, "/nlx/report"));
    }

    #[test]
    fn the_highest_quality_language_wins() {
        assert_eq!(from_accept_language("en;q=0.5, nl;q=0.9"), Some(Lang::Nl));
        assert_eq!(
            from_accept_language("nl-NL,nl;q=0.9,en-US;q=0.8"),
            Some(Lang::Nl)
        );
    }

    #[test]
    fn unknown_languages_are_skipped() {
        assert_eq!(
            from_accept_language("fr-FR, de;q=0.9, en;q=0.1"),
            Some(Lang::En)
        );
        assert_eq!(from_accept_language("fr, de"), None);
    }

    #[test]
    fn a_refused_language_is_not_chosen() {
        assert_eq!(from_accept_language("nl;q=0, en;q=0.2"), Some(Lang::En));
    }

    #[test]
    fn garbage_does_not_panic() {
        assert_eq!(from_accept_language(";;;,,q=,nl;q=abc"), Some(Lang::Nl));
        assert_eq!(from_accept_language(""), None);
    }
}
