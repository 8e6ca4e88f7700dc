//! Which RDAP server answers for an address, an AS number or a domain: IANA's bootstrap
//! files (RFC 9224). A copy ships in `data/rdap-bootstrap/`; `PORTAL_RDAP_BOOTSTRAP` names
//! a base URL to read them from instead.

use std::net::IpAddr;

use ipnet::IpNet;
use serde::Deserialize;

/// The four bootstrap files, read.
#[derive(Debug, Clone, Default)]
pub struct Bootstrap {
    ip: Vec<(IpNet, Vec<String>)>,
    asn: Vec<((u32, u32), Vec<String>)>,
    dns: Vec<(String, Vec<String>)>,
}

#[derive(Deserialize)]
struct File {
    services: Vec<(Vec<String>, Vec<String>)>,
}

#[derive(Debug, thiserror::Error)]
#[error("bootstrap file {file}: {reason}")]
pub struct BootstrapError {
    pub file: &'static str,
    pub reason: String,
}

/// The files' names, under a bootstrap base URL.
pub const FILES: [&str; 4] = ["ipv4.json", "ipv6.json", "asn.json", "dns.json"];

/// The shipped copy's files, by name.
pub const SHIPPED: [(&str, &str); 4] = [
    ("ipv4.json", include_str!("data/rdap-bootstrap/ipv4.json")),
    ("ipv6.json", include_str!("data/rdap-bootstrap/ipv6.json")),
    ("asn.json", include_str!("data/rdap-bootstrap/asn.json")),
    ("dns.json", include_str!("data/rdap-bootstrap/dns.json")),
];

impl Bootstrap {
    /// The copy that ships with the portal.
    pub fn shipped() -> Bootstrap {
        let text = |name: &str| SHIPPED.iter().find(|(n, _)| *n == name).unwrap().1;
        Bootstrap::parse(
            text("ipv4.json"),
            text("ipv6.json"),
            text("asn.json"),
            text("dns.json"),
        )
        .expect("the shipped bootstrap files parse (a test checks them)")
    }

    /// From `(name, text)` pairs holding each of [`FILES`].
    pub fn from_files(files: &[(&str, String)]) -> Result<Bootstrap, BootstrapError> {
        let text = |name: &'static str| {
            files
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, text)| text.as_str())
                .ok_or(BootstrapError {
                    file: name,
                    reason: "missing".to_owned(),
                })
        };
        Bootstrap::parse(
            text("ipv4.json")?,
            text("ipv6.json")?,
            text("asn.json")?,
            text("dns.json")?,
        )
    }

    pub fn parse(
        ipv4: &str,
        ipv6: &str,
        asn: &str,
        dns: &str,
    ) -> Result<Bootstrap, BootstrapError> {
        let read = |file: &'static str, text: &str| {
            let parsed = serde_json::from_str::<File>(text).map_err(|error| BootstrapError {
                file,
                reason: error.to_string(),
            })?;
            // A file that names no server would switch RDAP off for all it covers.
            if parsed.services.is_empty() {
                return Err(BootstrapError {
                    file,
                    reason: "no services".to_owned(),
                });
            }
            // Servers are web addresses (RFC 9224: https preferred, http allowed).
            for (_, urls) in &parsed.services {
                if urls
                    .iter()
                    .any(|u| !(u.starts_with("https://") || u.starts_with("http://")))
                {
                    return Err(BootstrapError {
                        file,
                        reason: "a server that is not an http(s) URL".to_owned(),
                    });
                }
            }
            Ok(parsed)
        };
        let mut bootstrap = Bootstrap::default();
        for (file, text) in [("ipv4.json", ipv4), ("ipv6.json", ipv6)] {
            for (prefixes, urls) in read(file, text)?.services {
                for prefix in prefixes {
                    let net = prefix.parse::<IpNet>().map_err(|_| BootstrapError {
                        file,
                        reason: format!("not a prefix: {prefix}"),
                    })?;
                    bootstrap.ip.push((net, urls.clone()));
                }
            }
        }
        for (ranges, urls) in read("asn.json", asn)?.services {
            for range in ranges {
                let (low, high) = range.split_once('-').unwrap_or((&range, &range));
                let bound = |n: &str| {
                    n.trim().parse::<u32>().map_err(|_| BootstrapError {
                        file: "asn.json",
                        reason: format!("not a range: {range}"),
                    })
                };
                bootstrap
                    .asn
                    .push(((bound(low)?, bound(high)?), urls.clone()));
            }
        }
        for (labels, urls) in read("dns.json", dns)?.services {
            for label in labels {
                bootstrap.dns.push((label.to_lowercase(), urls.clone()));
            }
        }
        Ok(bootstrap)
    }

    /// The RDAP base URL for an address: the longest matching prefix.
    pub fn for_ip(&self, ip: IpAddr) -> Option<&str> {
        self.ip
            .iter()
            .filter(|(net, _)| net.contains(&ip))
            .max_by_key(|(net, _)| net.prefix_len())
            .and_then(|(_, urls)| best(urls))
    }

    pub fn for_asn(&self, number: u32) -> Option<&str> {
        self.asn
            .iter()
            .find(|((low, high), _)| (*low..=*high).contains(&number))
            .and_then(|(_, urls)| best(urls))
    }

    /// For a domain: the entry of its longest matching label suffix (usually the TLD).
    pub fn for_domain(&self, domain: &str) -> Option<&str> {
        let domain = domain.trim_end_matches('.').to_lowercase();
        self.dns
            .iter()
            .filter(|(suffix, _)| domain == *suffix || domain.ends_with(&format!(".{suffix}")))
            .max_by_key(|(suffix, _)| suffix.len())
            .and_then(|(_, urls)| best(urls))
    }
}

/// A bootstrap file's `publication` time (RFC 3339, as IANA writes it), if it has one.
pub fn publication(text: &str) -> Option<String> {
    #[derive(Deserialize)]
    struct Published {
        publication: Option<String>,
    }
    serde_json::from_str::<Published>(text).ok()?.publication
}

/// The newest publication of a set of files (RFC 3339 in UTC sorts as text).
pub fn newest_publication<'a>(texts: impl IntoIterator<Item = &'a str>) -> String {
    texts
        .into_iter()
        .filter_map(publication)
        .max()
        .unwrap_or_default()
}

/// HTTPS before HTTP, as RFC 9224 asks.
fn best(urls: &[String]) -> Option<&str> {
    urls.iter()
        .find(|u| u.starts_with("https://"))
        .or_else(|| urls.first())
        .map(String::as_str)
}

/// `base` + `path`, with exactly one slash between.
pub fn join(base: &str, path: &str) -> String {
    format!(
        "{}/{}",
        base.trim_end_matches('/'),
        path.trim_start_matches('/')
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_copy_names_the_five_registries() {
        let b = Bootstrap::shipped();
        let ip = |s: &str| b.for_ip(s.parse().unwrap()).unwrap().to_owned();
        assert!(ip("193.0.6.139").contains("ripe"), "{}", ip("193.0.6.139"));
        // Legacy space: IANA lists 130/8 under ARIN, which redirects to RIPE for 130.59/16.
        assert!(ip("130.59.31.80").contains("arin"));
        assert!(ip("13.64.0.1").contains("arin"));
        assert!(ip("1.1.1.1").contains("apnic"));
        assert!(ip("200.57.141.161").contains("lacnic"));
        assert!(ip("2606:4700::1").contains("arin"));
        assert!(b.for_asn(13335).unwrap().contains("arin"));
        assert!(b.for_domain("example.com").unwrap().contains("verisign"));
        assert!(b.for_ip("10.0.0.1".parse().unwrap()).is_none());
        assert_eq!(join("http://x/a/", "/ip/1.2.3.4"), "http://x/a/ip/1.2.3.4");
    }

    #[test]
    fn a_file_that_is_not_a_bootstrap_file_is_refused_by_name() {
        let error = Bootstrap::parse("{}", "{}", "{}", "{}").unwrap_err();
        assert_eq!(error.file, "ipv4.json");
        let text = |name: &str| SHIPPED.iter().find(|(n, _)| *n == name).unwrap().1;
        let empty = r#"{"services": []}"#;
        let error = Bootstrap::parse(text("ipv4.json"), empty, text("asn.json"), text("dns.json"))
            .unwrap_err();
        assert_eq!(
            (error.file, error.reason.as_str()),
            ("ipv6.json", "no services")
        );
        let odd = r#"{"services": [[["com"], ["file:///etc/passwd"]]]}"#;
        let error = Bootstrap::parse(text("ipv4.json"), text("ipv6.json"), text("asn.json"), odd)
            .unwrap_err();
        assert_eq!(error.file, "dns.json");
    }
}
