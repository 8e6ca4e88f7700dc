//! Web addresses as people paste them: with or without `https://`, with spaces, twice, or
//! with tracking fragments, made standard so that one page is one stored address.

use std::net::{IpAddr, Ipv4Addr};

use url::{Host, Url};

/// The longest address kept, in bytes of its standard form (which is also what is indexed).
pub const MAX_CHARS: usize = 2048;

/// What is wrong with a line that should be a web address.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AddressError {
    TooLong,
    /// Spaces inside: usually two addresses on one line, or a sentence.
    Spaces,
    Invalid,
    /// Not a web page (`ftp:`, `mailto:`, `javascript:` …).
    Scheme,
    /// On this device or a private network: never a public website.
    Private,
}

/// One address in its standard form: `https://` added when missing, the host in lowercase
/// ASCII (punycode), default ports and the fragment dropped, the path percent-encoded.
pub fn normalise(text: &str) -> Result<String, AddressError> {
    let text = text.trim();
    if text.chars().count() > MAX_CHARS {
        return Err(AddressError::TooLong);
    }
    if text.chars().any(char::is_whitespace) {
        return Err(AddressError::Spaces);
    }
    // People paste "example.com/page": a web address without a scheme means https.
    let with_scheme = if text.contains("://") {
        text.to_owned()
    } else {
        format!("https://{text}")
    };
    let mut url = Url::parse(&with_scheme).map_err(|_| AddressError::Invalid)?;
    if !matches!(url.scheme(), "http" | "https") {
        return Err(AddressError::Scheme);
    }
    let Some(host) = url.host() else {
        return Err(AddressError::Invalid);
    };
    // An address on a private network or this device is never a public website, and the
    // portal must never be led to check one (the liveness checks fetch reported addresses).
    let private = match &host {
        Host::Ipv4(ip) => is_private((*ip).into()),
        Host::Ipv6(ip) => is_private((*ip).into()),
        Host::Domain(name) => is_local_name(name),
    };
    if private {
        return Err(AddressError::Private);
    }
    // A name without a dot is a typo or a local name, never a public website.
    if let Host::Domain(name) = host
        && (!name.contains('.') || name.ends_with('.') && name.matches('.').count() == 1)
    {
        return Err(AddressError::Invalid);
    }
    if !url.username().is_empty() || url.password().is_some() {
        return Err(AddressError::Invalid);
    }
    // The fragment never reaches the server that hosts the page.
    url.set_fragment(None);
    let url = url.to_string();
    // Percent-encoding can make an address several times longer than typed: the cap holds
    // for what is stored (and indexed), not only for what was pasted.
    if url.len() > MAX_CHARS {
        return Err(AddressError::TooLong);
    }
    Ok(url)
}

/// Addresses the portal never connects to on behalf of outside input, and never accepts as
/// the host of a reported address: loopback, private networks, link-local, carrier-grade NAT,
/// documentation, multicast, and the tunnels that would carry one of those.
pub fn is_private(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => {
            let [a, b, c, _] = v4.octets();
            v4.is_private()
                || v4.is_loopback()
                || v4.is_link_local()
                || v4.is_unspecified()
                || v4.is_broadcast()
                || v4.is_documentation()
                || a == 0 // 0.0.0.0/8
                || (a == 100 && (b & 0xc0) == 64) // 100.64.0.0/10, carrier-grade NAT
                || (a == 192 && b == 0 && c == 0) // 192.0.0.0/24, IETF protocol assignments
                || (a == 198 && (b & 0xfe) == 18) // 198.18.0.0/15, benchmarks, fake-IP DNS
                || a >= 224 // multicast and 240.0.0.0/4
        }
        IpAddr::V6(v6) => {
            if let Some(v4) = v6.to_ipv4_mapped() {
                return is_private(IpAddr::V4(v4));
            }
            let s = v6.segments();
            // Only global unicast (2000::/3) is outside: that also refuses loopback, unique
            // local, link- and site-local, multicast, IPv4-compatible and NAT64
            // (64:ff9b::/96, which a gateway would carry to any IPv4 address).
            if (s[0] & 0xe000) != 0x2000 {
                return true;
            }
            match s[0] {
                // 6to4: the IPv4 address it carries decides.
                0x2002 => is_private(IpAddr::V4(Ipv4Addr::new(
                    (s[1] >> 8) as u8,
                    s[1] as u8,
                    (s[2] >> 8) as u8,
                    s[2] as u8,
                ))),
                // Teredo (2001::/32) tunnels anywhere; documentation (2001:db8::/32).
                0x2001 => s[1] == 0 || s[1] == 0x0db8,
                _ => false,
            }
        }
    }
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
        use AddressError::*;
        assert_eq!(normalise("ftp://example.com/a"), Err(Scheme));
        assert_eq!(normalise("not a url"), Err(Spaces));
        assert_eq!(normalise("localhost/x"), Err(Private));
        assert_eq!(normalise("intranet/x"), Err(Invalid));
        assert_eq!(normalise("https://user:pw@example.com/"), Err(Invalid));
        assert_eq!(
            normalise(&format!("example.com/{}", "a".repeat(3000))),
            Err(TooLong)
        );
        // Short as pasted, too long once percent-encoded (each of these is 9 bytes encoded).
        let grows = format!("example.com/{}", "ü\u{200b}".repeat(300));
        assert!(grows.chars().count() < MAX_CHARS);
        assert_eq!(normalise(&grows), Err(TooLong));
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
            assert_eq!(normalise(private), Err(AddressError::Private), "{private}");
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
    fn the_standard_form_is_its_own_standard_form() {
        for pasted in [
            "Example.COM/a?b=1#top",
            "example.com/a b",
            "https://bücher.example/ü?x=ä",
            "http://example.com:8080/./a/../b//c",
            "example.com/%7Efoo/%zz",
        ] {
            if let Ok(url) = normalise(pasted) {
                assert_eq!(normalise(&url), Ok(url.clone()), "{pasted}");
            }
        }
    }
}
