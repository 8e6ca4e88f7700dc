//! Web addresses as people paste them: with or without `https://`, with spaces, twice, or
//! with tracking fragments. Each line is checked on its own, so one bad line never costs
//! the others.

use url::Url;

use super::{
    answers::{MAX_URL_CHARS, MAX_URLS},
    steps::FieldError,
};

/// The field the address box posts as.
pub const FIELD: &str = "urls";

/// The addresses in `lines`, normalised and without repeats, and a message per bad line.
pub fn check<'a>(lines: impl Iterator<Item = (usize, &'a str)>) -> (Vec<String>, Vec<FieldError>) {
    let mut urls: Vec<String> = Vec::new();
    let mut errors = Vec::new();
    for (number, line) in lines {
        match normalise(line) {
            Ok(url) if urls.contains(&url) => {}
            Ok(url) if urls.len() >= MAX_URLS => {
                errors.push(FieldError::on_line(
                    FIELD,
                    "report-error-url-too-many",
                    number,
                ));
                let _ = url;
            }
            Ok(url) => urls.push(url),
            Err(message) => errors.push(FieldError::on_line(FIELD, message, number)),
        }
    }
    (urls, errors)
}

/// One address in its standard form, or the Fluent id of what is wrong with it.
pub fn normalise(text: &str) -> Result<String, &'static str> {
    let text = text.trim();
    if text.chars().count() > MAX_URL_CHARS {
        return Err("report-error-url-too-long");
    }
    if text.chars().any(char::is_whitespace) {
        return Err("report-error-url-spaces");
    }
    // People paste "example.com/page": a web address without a scheme means https.
    let with_scheme = if text.contains("://") {
        text.to_owned()
    } else {
        format!("https://{text}")
    };
    let mut url = Url::parse(&with_scheme).map_err(|_| "report-error-url-invalid")?;
    if !matches!(url.scheme(), "http" | "https") {
        return Err("report-error-url-scheme");
    }
    let Some(host) = url.host_str() else {
        return Err("report-error-url-invalid");
    };
    // A host without a dot is a typo or a local name, never a public website.
    if !host.contains('.') || host.ends_with('.') && host.matches('.').count() == 1 {
        return Err("report-error-url-invalid");
    }
    if !url.username().is_empty() || url.password().is_some() {
        return Err("report-error-url-invalid");
    }
    // The fragment never reaches the server that hosts the page.
    url.set_fragment(None);
    Ok(url.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pasted_addresses_are_made_standard() {
        assert_eq!(
            normalise("Example.COM/a?b=1#top"),
            Ok("https://example.com/a?b=1".into())
        );
        assert_eq!(
            normalise("  http://example.com:80/x "),
            Ok("http://example.com/x".into())
        );
        assert_eq!(
            normalise("https://bücher.example/"),
            Ok("https://xn--bcher-kva.example/".into())
        );
    }

    #[test]
    fn bad_lines_say_why() {
        assert_eq!(
            normalise("ftp://example.com/a"),
            Err("report-error-url-scheme")
        );
        assert_eq!(normalise("not a url"), Err("report-error-url-spaces"));
        assert_eq!(normalise("localhost/x"), Err("report-error-url-invalid"));
        assert_eq!(
            normalise("https://user:pw@example.com/"),
            Err("report-error-url-invalid")
        );
        assert_eq!(
            normalise(&format!("example.com/{}", "a".repeat(3000))),
            Err("report-error-url-too-long")
        );
    }

    #[test]
    fn repeats_go_and_each_bad_line_is_named() {
        let text = "example.com/a\nhttps://example.com/a\n\nnope\nexample.org/b";
        let lines = text
            .lines()
            .enumerate()
            .map(|(i, l)| (i + 1, l.trim()))
            .filter(|(_, l)| !l.is_empty());
        let (urls, errors) = check(lines);
        assert_eq!(urls, ["https://example.com/a", "https://example.org/b"]);
        assert_eq!(
            errors,
            [FieldError::on_line(FIELD, "report-error-url-invalid", 4)]
        );
    }

    #[test]
    fn at_most_the_cap() {
        let text: String = (0..MAX_URLS + 2)
            .map(|i| format!("example.com/{i}\n"))
            .collect();
        let lines = text.lines().enumerate().map(|(i, l)| (i + 1, l));
        let (urls, errors) = check(lines);
        assert_eq!(urls.len(), MAX_URLS);
        assert_eq!(errors.len(), 2);
    }
}
