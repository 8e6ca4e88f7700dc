//! The provider directory and the CDN table, and matching a resolved address to them. The
//! directory's seed (`data/providers.yaml`) is compiled in: the portal copies it into the
//! `provider` table, where administrators edit it, and the command line matches against the
//! seed itself, so it needs no database. The CDN table (`data/cdn.yaml`) is compiled in only.

use std::sync::OnceLock;

use serde::Deserialize;

use super::model::{Cdn, ProviderRecord, ProviderRef};

#[derive(Debug, Clone, Deserialize)]
pub struct CdnEntry {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub asns: Vec<u32>,
    #[serde(default)]
    pub cname_suffixes: Vec<String>,
    pub abuse_url: Option<String>,
    pub abuse_email: Option<String>,
}

#[derive(Deserialize)]
struct ProvidersFile {
    providers: Vec<ProviderRecord>,
}

#[derive(Deserialize)]
struct CdnFile {
    cdns: Vec<CdnEntry>,
}

/// CDNs whose AS numbers also carry the same company's ordinary hosting or cloud (AWS
/// CloudFront and EC2 share AS16509): an AS hit alone says "this company", not "a CDN" (see
/// `data/cdn.yaml`, `matching`). Only a CNAME hit makes them the CDN in front.
const AS_SHARED_WITH_HOSTING: [&str; 4] = ["amazon", "google", "microsoft", "leaseweb"];

/// The seed, as shipped.
pub fn seed() -> &'static [ProviderRecord] {
    static PROVIDERS: OnceLock<Vec<ProviderRecord>> = OnceLock::new();
    PROVIDERS.get_or_init(|| {
        serde_norway::from_str::<ProvidersFile>(include_str!("data/providers.yaml"))
            .expect("providers.yaml parses (a test checks it)")
            .providers
    })
}

/// The providers a resolution is matched against: the `provider` table's (the portal), or
/// the seed's (the command line).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Directory {
    providers: Vec<ProviderRecord>,
}

impl Directory {
    pub fn new(providers: Vec<ProviderRecord>) -> Directory {
        Directory { providers }
    }

    pub fn seed() -> Directory {
        Directory::new(seed().to_vec())
    }

    pub fn providers(&self) -> &[ProviderRecord] {
        &self.providers
    }

    /// The provider to tell: the CDN when one fronts the site, else the one whose AS
    /// numbers, RDAP handles or domain suffixes match (in that order: the network is who
    /// hosts it).
    pub fn provider_for(
        &self,
        cdn: Option<&Cdn>,
        asn: Option<u32>,
        network_handle: Option<&str>,
        names: &[&str],
    ) -> Option<ProviderRef> {
        let all = &self.providers;
        let found = cdn
            .and_then(|cdn| all.iter().find(|p| p.id == cdn.id))
            .or_else(|| asn.and_then(|asn| all.iter().find(|p| p.matching.asns.contains(&asn))))
            .or_else(|| {
                network_handle.and_then(|handle| {
                    all.iter().find(|p| {
                        p.matching
                            .rdap_handles
                            .iter()
                            .any(|h| h.eq_ignore_ascii_case(handle))
                    })
                })
            })
            .or_else(|| {
                all.iter().find(|p| {
                    p.matching
                        .domain_suffixes
                        .iter()
                        .any(|suffix| names.iter().any(|name| under(name, suffix)))
                })
            })?;
        Some(found.reference())
    }

    /// The provider for a stored resolution, matched again (after the directory changed):
    /// everything it is matched on is in the resolution itself.
    pub fn rematch(&self, resolution: &super::Resolution) -> Option<ProviderRef> {
        let mut names: Vec<&str> = resolution.host.iter().map(String::as_str).collect();
        names.extend(resolution.cname_chain.iter().map(String::as_str));
        self.provider_for(
            resolution.cdn.as_ref(),
            resolution.asn.as_ref().map(|a| a.number),
            resolution
                .network
                .as_ref()
                .and_then(|n| n.handle.as_deref()),
            &names,
        )
    }
}

pub fn cdns() -> &'static [CdnEntry] {
    static CDNS: OnceLock<Vec<CdnEntry>> = OnceLock::new();
    CDNS.get_or_init(|| {
        serde_norway::from_str::<CdnFile>(include_str!("data/cdn.yaml"))
            .expect("cdn.yaml parses (a test checks it)")
            .cdns
    })
}

/// Whether `name` is `suffix` or ends in `.suffix`, on whole labels, ignoring case and a
/// trailing dot: `x.cdn.cloudflare.net` is under `cloudflare.net`, `evilcloudflare.net` not.
pub fn under(name: &str, suffix: &str) -> bool {
    let name = name.trim_end_matches('.').to_ascii_lowercase();
    let suffix = suffix.trim_end_matches('.').to_ascii_lowercase();
    !suffix.is_empty()
        && (name == suffix
            || name
                .strip_suffix(&suffix)
                .is_some_and(|rest| rest.ends_with('.')))
}

/// The CDN in front of a site, by its CNAME chain (and host) first, then by the origin AS.
pub fn cdn_for(names: &[&str], asn: Option<u32>) -> Option<Cdn> {
    let by_name = cdns().iter().find(|cdn| {
        cdn.cname_suffixes
            .iter()
            .any(|suffix| names.iter().any(|name| under(name, suffix)))
    });
    let by_asn = || {
        let asn = asn?;
        cdns().iter().find(|cdn| {
            !AS_SHARED_WITH_HOSTING.contains(&cdn.id.as_str()) && cdn.asns.contains(&asn)
        })
    };
    by_name.or_else(by_asn).map(|cdn| Cdn {
        id: cdn.id.clone(),
        name: cdn.name.clone(),
        abuse_url: cdn.abuse_url.clone(),
        abuse_email: cdn.abuse_email.clone(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::hosting::Channel;

    #[test]
    fn the_seed_files_parse_with_stable_unique_ids() {
        assert!(seed().len() >= 40, "{}", seed().len());
        let mut ids: Vec<&str> = seed().iter().map(|p| p.id.as_str()).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), seed().len(), "duplicate provider ids");
        assert!(ids.contains(&"hetzner") && ids.contains(&"cloudflare"));
        for p in seed() {
            assert!(
                crate::hosting::service::valid_provider_id(&p.id),
                "{}",
                p.id
            );
            assert!(!p.name.trim().is_empty(), "{}", p.id);
        }
        // Every CDN is also a provider (its notice channels live there).
        for cdn in cdns() {
            assert!(
                ids.contains(&cdn.id.as_str()),
                "cdn {} has no provider",
                cdn.id
            );
        }
    }

    #[test]
    fn names_match_on_whole_labels() {
        assert!(under("x.cdn.cloudflare.net.", "cloudflare.net"));
        assert!(under("Cloudflare.NET", "cloudflare.net"));
        assert!(!under("evilcloudflare.net", "cloudflare.net"));
        assert!(!under("cloudflare.net", ""));
    }

    #[test]
    fn a_cdn_is_found_by_cname_or_by_an_as_that_is_only_a_cdn() {
        let cloudflare = cdn_for(
            &["www.example.org", "www.example.org.cdn.cloudflare.net"],
            None,
        );
        assert_eq!(cloudflare.map(|c| c.id).as_deref(), Some("cloudflare"));
        assert_eq!(
            cdn_for(&["example.org"], Some(13335))
                .map(|c| c.id)
                .as_deref(),
            Some("cloudflare")
        );
        // AS16509 is EC2 as much as CloudFront: not a CDN by the AS alone.
        assert_eq!(cdn_for(&["example.org"], Some(16509)), None);
        let hetzner = Directory::seed()
            .provider_for(None, Some(24940), None, &["example.org"])
            .unwrap();
        assert_eq!(
            (hetzner.id.as_str(), hetzner.channel),
            ("hetzner", Channel::WebForm)
        );
    }
}
