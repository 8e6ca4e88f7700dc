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
    let Some(host) = url.host() else {
        return Err("report-error-url-invalid");
    };
    // An address on a private network or this device is never a public website, and the
    // portal must never be led to check one (the liveness checks fetch reported addresses).
    let private = match &host {
        url::Host::Ipv4(ip) => crate::hosting::is_private((*ip).into()),
        url::Host::Ipv6(ip) => crate::hosting::is_private((*ip).into()),
        url::Host::Domain(name) => is_local_name(name),
    };
    if private {
        return Err("report-error-url-private");
    }
    // A name without a dot is a typo or a local name, never a public website.
    if let url::Host::Domain(name) = host
        && (!name.contains('.') || name.ends_with('.') && name.matches('.').count() == 1)
    {
        return Err("report-error-url-invalid");
    }
    if !url.username().is_empty() || url.password().is_some() {
        return Err("report-error-url-invalid");
    }
    // The fragment never reaches the server that hosts the page.
    url.set_fragment(None);
    let url = url.to_string();
    // Percent-encoding can make an address several times longer than typed: the cap holds
    // for what is stored (and indexed), not only for what was pasted.
    if url.len() > MAX_URL_CHARS {
        return Err("report-error-url-too-long");
    }
    Ok(url)
}

/// Names that only ever mean this device or the local network (RFC 6761, 6762, 8375, and
/// the `.internal` names ICANN set aside for private use).
fn is_local_name(name: &str) -> bool {
    let name = name.trim_end_matches('.');
    ["localhost", "local", "internal", "home.arpa", "lan"]
        .iter()
        .any(|suffix| {
            name == *suffix
                || name
                    .strip_suffix(suffix)
                    .is_some_and(|rest| rest.ends_with('.'))
        })
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
        assert_eq!(normalise("localhost/x"), Err("report-error-url-private"));
        assert_eq!(normalise("intranet/x"), Err("report-error-url-invalid"));
        assert_eq!(
            normalise("https://user:pw@example.com/"),
            Err("report-error-url-invalid")
        );
        assert_eq!(
            normalise(&format!("example.com/{}", "a".repeat(3000))),
            Err("report-error-url-too-long")
        );
        // Short as pasted, too long once percent-encoded (each of these is 9 bytes encoded).
        let grows = format!("example.com/{}", "ü\u{200b}".repeat(300));
        assert!(grows.chars().count() < MAX_URL_CHARS);
        assert_eq!(normalise(&grows), Err("report-error-url-too-long"));
    }

    #[test]
    fn addresses_on_this_device_or_a_private_network_are_refused() {
        for private in [
            "http://127.0.0.1/admin",
            "http://127.1/x",
            "http://10.0.0.8/a",
            "http://192.168.1.1/",
            "http://169.254.169.254/latest/meta-data/",
            "http://[::1]/",
            "http://[::ffff:10.0.0.1]/",
            "http://[fd00::1]/",
            "http://0x7f000001/",
            "router.lan/setup",
            "printer.local/",
            "app.localhost/x",
            "db.internal/",
            "nas.home.arpa/",
        ] {
            assert_eq!(
                normalise(private),
                Err("report-error-url-private"),
                "{private}"
            );
        }
        for public in [
            "http://93.184.215.14/a",
            "https://[2606:4700::1]/",
            "example.local.news/",
        ] {
            assert!(normalise(public).is_ok(), "{public}");
        }
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
