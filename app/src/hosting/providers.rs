//! The provider directory's seed (`data/providers.yaml`) and the CDN table (`data/cdn.yaml`),
//! compiled in, and matching a resolved address to them. (The directory moves into the
//! database, editable by administrators, in the next stage; the command line keeps reading
//! the seed, so it needs no database.)

use std::sync::OnceLock;

use serde::Deserialize;

use super::model::{Cdn, Channel, ProviderRef};

#[derive(Debug, Clone, Deserialize)]
pub struct Provider {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub kinds: Vec<String>,
    pub country: Option<String>,
    pub channel: Option<String>,
    #[serde(rename = "match", default)]
    pub matching: Matching,
    #[serde(default)]
    pub verified: bool,
}

#[derive(Debug, Clone, Default, Deserialize)]
pub struct Matching {
    #[serde(default)]
    pub asns: Vec<u32>,
    #[serde(default)]
    pub domain_suffixes: Vec<String>,
    #[serde(default)]
    pub rdap_handles: Vec<String>,
}

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
    providers: Vec<Provider>,
}

#[derive(Deserialize)]
struct CdnFile {
    cdns: Vec<CdnEntry>,
}

/// CDNs whose AS numbers also carry the same company's ordinary hosting or cloud (AWS
/// CloudFront and EC2 share AS16509): an AS hit alone says "this company", not "a CDN" (see
/// `data/cdn.yaml`, `matching`). Only a CNAME hit makes them the CDN in front.
const AS_SHARED_WITH_HOSTING: [&str; 4] = ["amazon", "google", "microsoft", "leaseweb"];

pub fn providers() -> &'static [Provider] {
    static PROVIDERS: OnceLock<Vec<Provider>> = OnceLock::new();
    PROVIDERS.get_or_init(|| {
        serde_norway::from_str::<ProvidersFile>(include_str!("data/providers.yaml"))
            .expect("providers.yaml parses (a test checks it)")
            .providers
    })
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

/// The provider to tell: the CDN when one fronts the site, else the one whose AS numbers,
/// RDAP handles or domain suffixes match (in that order: the network is who hosts it).
pub fn provider_for(
    cdn: Option<&Cdn>,
    asn: Option<u32>,
    network_handle: Option<&str>,
    names: &[&str],
) -> Option<ProviderRef> {
    let all = providers();
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
    Some(ProviderRef {
        id: found.id.clone(),
        name: found.name.clone(),
        country: found.country.clone(),
        channel: found
            .channel
            .as_deref()
            .and_then(Channel::parse)
            .unwrap_or(Channel::None),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_seed_files_parse_with_stable_unique_ids() {
        assert!(providers().len() >= 40, "{}", providers().len());
        let mut ids: Vec<&str> = providers().iter().map(|p| p.id.as_str()).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), providers().len(), "duplicate provider ids");
        assert!(ids.contains(&"hetzner") && ids.contains(&"cloudflare"));
        for p in providers() {
            if let Some(channel) = &p.channel {
                assert!(Channel::parse(channel).is_some(), "{}: {channel}", p.id);
            }
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
        let hetzner = provider_for(None, Some(24940), None, &["example.org"]).unwrap();
        assert_eq!(
            (hetzner.id.as_str(), hetzner.channel),
            ("hetzner", Channel::WebForm)
        );
    }
}
