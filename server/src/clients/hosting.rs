//! Hosting resolution: for a reported address, who hosts it and whom to tell. DNS (addresses
//! and the CNAME chain), RDAP for the network of each address (the registry found through
//! IANA's bootstrap files), the origin AS, the CDN in front, RDAP for the registered domain
//! (the registrar), and the provider to notify. The reported URL itself is never fetched.
//!
//! Every stage that fails adds a `{stage, code}` error and the others go on: a partial answer
//! (the host's country without its registrar) is still worth showing an analyst.

use std::{
    collections::HashMap,
    net::IpAddr,
    sync::{Arc, Mutex, RwLock},
    time::{Duration, Instant},
};

use app::hosting::{
    Asn, ErrorCode, Network, Registrar, Resolution, Stage, StageError,
    bootstrap::{self, Bootstrap},
    providers::{self, Directory},
    rdap, registrable_domain,
};
use serde_json::Value;

use super::{
    dns::Dns,
    outbound::{Origin, Outbound, OutboundError},
};

/// Addresses of one host whose networks are looked up (the rest are listed only).
const MAX_ADDRESSES: usize = 4;
/// `related` links followed from a domain's answer (thin registry to registrar).
const MAX_RELATED: usize = 2;
/// How long an RDAP answer is reused: networks and registrars change slowly.
const RDAP_CACHE_FOR: Duration = Duration::from_secs(3600);

/// What the resolver is configured with (`config::HostingSettings`).
#[derive(Debug, Clone, Default)]
pub struct HostingConfig {
    pub dns_servers: Vec<std::net::SocketAddr>,
    /// `PORTAL_RDAP_BOOTSTRAP`: a base URL with the four files; None: the shipped copy.
    pub rdap_bootstrap: Option<String>,
    pub outbound_allow: Vec<ipnet::IpNet>,
    /// Requests per second to one RDAP server.
    pub rdap_per_second: u32,
    /// A stored resolution older than this is made again.
    pub max_age_seconds: i64,
}

/// The resolver; cheap to clone, shares its caches.
#[derive(Clone)]
pub struct Resolver {
    dns: Dns,
    outbound: Outbound,
    /// Swapped whole when the refresh job brings newer files.
    bootstrap: Arc<RwLock<Arc<Bootstrap>>>,
    /// Whether the files are IANA's (the shipped copy, refreshed), not an operator's.
    uses_iana: bool,
    cache: Arc<Mutex<RdapCache>>,
}

/// RDAP answers (and their errors) by whether the operator named the URL and the URL, with
/// when they were fetched.
type RdapCache = HashMap<(bool, String), (Instant, Result<Value, OutboundError>)>;

/// RDAP answers kept at most; past it, the expired ones go, then all.
const RDAP_CACHE_ENTRIES: usize = 20_000;

impl Resolver {
    pub async fn new(config: &HostingConfig) -> anyhow::Result<Resolver> {
        let dns = Dns::new(&config.dns_servers)?;
        let outbound = Outbound::new(
            dns.clone(),
            config.outbound_allow.clone(),
            config.rdap_per_second,
        )?;
        let bootstrap = match &config.rdap_bootstrap {
            None => Bootstrap::shipped(),
            Some(base) => {
                fetch_bootstrap(&outbound, base)
                    .await
                    .map_err(|error| anyhow::anyhow!("PORTAL_RDAP_BOOTSTRAP: {error}"))?
                    .0
            }
        };
        Ok(Resolver {
            dns,
            outbound,
            bootstrap: Arc::new(RwLock::new(Arc::new(bootstrap))),
            uses_iana: config.rdap_bootstrap.is_none(),
            cache: Arc::default(),
        })
    }

    /// The outbound guard it fetches through (webhook deliveries use it too).
    pub fn outbound(&self) -> Outbound {
        self.outbound.clone()
    }

    /// Whether the bootstrap files are IANA's, kept fresh by the refresh job (no operator
    /// named their own with `PORTAL_RDAP_BOOTSTRAP`).
    pub fn uses_iana(&self) -> bool {
        self.uses_iana
    }

    /// From now on, finds RDAP servers in `bootstrap`.
    pub fn use_bootstrap(&self, bootstrap: Bootstrap) {
        *self.bootstrap.write().unwrap_or_else(|e| e.into_inner()) = Arc::new(bootstrap);
    }

    /// How far the servers the bootstrap files name are trusted: an operator's files are
    /// configuration; IANA's come over the network (refreshed), so the registries they name
    /// are checked by the guard like any outside address (they are all public).
    fn registry_origin(&self) -> Origin {
        if self.uses_iana {
            Origin::Outside
        } else {
            Origin::Configured
        }
    }

    fn bootstrap(&self) -> Arc<Bootstrap> {
        self.bootstrap
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    /// The four bootstrap files under `base`, read and checked, with their text.
    pub async fn fetch_bootstrap(
        &self,
        base: &str,
    ) -> anyhow::Result<(Bootstrap, Vec<(&'static str, String)>)> {
        fetch_bootstrap(&self.outbound, base).await
    }

    /// Resolves one address at `now` (unix seconds), matched to a provider of `directory`.
    /// Never fails: what went wrong is in `errors` (an argument that is not a URL has only
    /// the `url` error).
    pub async fn resolve(&self, url: &str, now: i64, directory: &Directory) -> Resolution {
        let mut resolution = Resolution {
            url: url.to_owned(),
            resolved_at: app::time::rfc3339(now),
            ..Resolution::default()
        };
        let Some(host) = host_of(url) else {
            resolution
                .errors
                .push(StageError::new(Stage::Url, ErrorCode::InvalidUrl));
            return resolution;
        };
        resolution.registrable_domain = registrable_domain(&host);
        resolution.host = Some(host.clone());

        let literal = host
            .trim_start_matches('[')
            .trim_end_matches(']')
            .parse::<IpAddr>()
            .ok();
        let addresses = match literal {
            Some(ip) => vec![ip],
            None => match self.dns.host(&host).await {
                Ok(found) => {
                    resolution.cname_chain = found.cname_chain;
                    found.addresses
                }
                Err(code) => {
                    resolution.errors.push(StageError::new(Stage::Dns, code));
                    Vec::new()
                }
            },
        };
        resolution.addresses = addresses.iter().map(IpAddr::to_string).collect();

        // The networks of the first few addresses, and of the domain, at the same time.
        let networks = futures::future::join_all(
            addresses
                .iter()
                .take(MAX_ADDRESSES)
                .map(|ip| self.network(*ip)),
        );
        let registrar = async {
            match &resolution.registrable_domain {
                Some(domain) => Some(self.registrar(domain).await),
                None => None,
            }
        };
        let (networks, registrar) = tokio::join!(networks, registrar);

        let mut origin_autnums = Vec::new();
        for (i, found) in networks.into_iter().enumerate() {
            match found {
                Ok((network, autnums)) => {
                    if i == 0 {
                        origin_autnums = autnums;
                        resolution.network = Some(network.clone());
                    }
                    if !resolution.networks.contains(&network) {
                        resolution.networks.push(network);
                    }
                }
                Err(code) if i == 0 => {
                    resolution.errors.push(StageError::new(Stage::RdapIp, code));
                }
                Err(_) => {}
            }
        }
        match registrar {
            Some(Ok(registrar)) => resolution.registrar = Some(registrar),
            Some(Err(code)) => resolution
                .errors
                .push(StageError::new(Stage::RdapDomain, code)),
            None => {}
        }

        if let Some(first) = addresses.first() {
            let number = match origin_autnums.first() {
                Some(n) => Ok(*n),
                None => self.dns.origin_asn(*first).await,
            };
            match number {
                Ok(number) => {
                    resolution.asn = Some(Asn {
                        number,
                        name: self.dns.asn_name(number).await,
                    })
                }
                Err(code) => resolution.errors.push(StageError::new(Stage::Asn, code)),
            }
        }

        let mut names: Vec<&str> = vec![host.as_str()];
        names.extend(resolution.cname_chain.iter().map(String::as_str));
        let asn = resolution.asn.as_ref().map(|a| a.number);
        resolution.cdn = providers::cdn_for(&names, asn);
        resolution.provider = directory.provider_for(
            resolution.cdn.as_ref(),
            asn,
            resolution
                .network
                .as_ref()
                .and_then(|n| n.handle.as_deref()),
            &names,
        );
        resolution
    }

    /// The network of `ip` and the origin AS numbers its answer names.
    async fn network(&self, ip: IpAddr) -> Result<(Network, Vec<u32>), ErrorCode> {
        let bootstrap = self.bootstrap();
        let base = bootstrap.for_ip(ip).ok_or(ErrorCode::RdapNoServer)?;
        let url = bootstrap::join(base, &format!("ip/{ip}"));
        let answer = self.rdap(&url, self.registry_origin()).await?;
        if !rdap::is_object(&answer, "ip network") {
            return Err(ErrorCode::RdapFailed);
        }
        Ok((rdap::network(&answer, &url), rdap::origin_autnums(&answer)))
    }

    /// The registrar of `domain`: the registry's answer, then the registrar's own when the
    /// registry points to it (a thin registry): its abuse contact is the registrar's word,
    /// so it wins; if that server cannot be reached, the registry's copy stands.
    async fn registrar(&self, domain: &str) -> Result<Registrar, ErrorCode> {
        let bootstrap = self.bootstrap();
        let base = bootstrap
            .for_domain(domain)
            .ok_or(ErrorCode::RdapNoServer)?;
        let url = bootstrap::join(base, &format!("domain/{domain}"));
        let answer = self.rdap(&url, self.registry_origin()).await?;
        let mut registrar = rdap::registrar(&answer, &url).unwrap_or(Registrar {
            name: None,
            abuse_email: None,
            rdap_url: Some(url.clone()),
        });
        let mut next = rdap::related(&answer);
        for _ in 0..MAX_RELATED {
            let Some(link) = next.first().cloned() else {
                break;
            };
            // The link came from an answer: an outside address, checked by the guard.
            let Ok(own) = self.rdap(&link, Origin::Outside).await else {
                break;
            };
            if let Some(found) = rdap::registrar(&own, &link) {
                registrar.abuse_email = found.abuse_email.or(registrar.abuse_email);
                registrar.name = registrar.name.or(found.name);
                registrar.rdap_url = Some(link);
            }
            next = rdap::related(&own);
        }
        Ok(registrar)
    }

    async fn rdap(&self, url: &str, origin: Origin) -> Result<Value, ErrorCode> {
        // Keyed by who named the URL too: an outside link never gets a trusted answer.
        let key = (origin == Origin::Configured, url.to_owned());
        if let Some((at, cached)) = self
            .cache
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .get(&key)
            && at.elapsed() < RDAP_CACHE_FOR
        {
            return cached.clone().map_err(OutboundError::code);
        }
        let fetched = self.outbound.get_json(url, origin).await;
        // A rate limit or a timeout passes; everything else is remembered for a while.
        if !matches!(
            fetched,
            Err(OutboundError::RateLimited | OutboundError::Timeout)
        ) {
            let mut cache = self.cache.lock().unwrap_or_else(|e| e.into_inner());
            if cache.len() >= RDAP_CACHE_ENTRIES {
                cache.retain(|_, (at, _)| at.elapsed() < RDAP_CACHE_FOR);
                if cache.len() >= RDAP_CACHE_ENTRIES {
                    cache.clear();
                }
            }
            cache.insert(key, (Instant::now(), fetched.clone()));
        }
        fetched.map_err(OutboundError::code)
    }
}

/// The host of an http(s) URL, lower case (IDN as punycode), or None for anything else.
pub fn host_of(url: &str) -> Option<String> {
    let parsed = url::Url::parse(url.trim()).ok()?;
    if !matches!(parsed.scheme(), "http" | "https") {
        return None;
    }
    let host = parsed
        .host_str()?
        .trim_end_matches('.')
        .to_ascii_lowercase();
    (!host.is_empty()).then_some(host)
}

/// The four bootstrap files under `base` (an operator's or IANA's: trusted), parsed together,
/// so a half-fetched set is never used.
async fn fetch_bootstrap(
    outbound: &Outbound,
    base: &str,
) -> anyhow::Result<(Bootstrap, Vec<(&'static str, String)>)> {
    let mut files = Vec::new();
    for name in bootstrap::FILES {
        let url = bootstrap::join(base, name);
        let body = outbound
            .get(&url, Origin::Configured)
            .await
            .map_err(|error| anyhow::anyhow!("{url}: {error}"))?;
        files.push((name, String::from_utf8_lossy(&body).into_owned()));
    }
    let parsed = Bootstrap::from_files(&files)?;
    Ok((parsed, files))
}
