//! Web addresses as people paste them: with or without `https://`, with spaces, twice, or
//! with tracking fragments. Each line is checked on its own, so one bad line never costs
//! the others.

use inputs::address::{self, AddressError};

use super::{answers::MAX_URLS, steps::FieldError};

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

/// One address in its standard form (`inputs::address::normalise`), or the Fluent id of what
/// is wrong with it.
pub fn normalise(text: &str) -> Result<String, &'static str> {
    address::normalise(text).map_err(|error| match error {
        AddressError::TooLong => "report-error-url-too-long",
        AddressError::Spaces => "report-error-url-spaces",
        AddressError::Invalid => "report-error-url-invalid",
        AddressError::Scheme => "report-error-url-scheme",
        AddressError::Private => "report-error-url-private",
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_kind_of_bad_line_has_its_message() {
        assert_eq!(
            normalise("ftp://example.com/a"),
            Err("report-error-url-scheme")
        );
        assert_eq!(normalise("not a url"), Err("report-error-url-spaces"));
        assert_eq!(normalise("localhost/x"), Err("report-error-url-private"));
        assert_eq!(normalise("intranet/x"), Err("report-error-url-invalid"));
        let long = format!("example.com/{}", "a".repeat(3000));
        assert_eq!(normalise(&long), Err("report-error-url-too-long"));
        assert_eq!(
            normalise("Example.com/a#b"),
            Ok("https://example.com/a".into())
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
