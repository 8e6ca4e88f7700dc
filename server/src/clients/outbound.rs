//! The one outbound guard: every request the portal makes to a machine it was not configured
//! with goes through [`Outbound`]. Timeouts, at most three retries with backoff, bodies capped
//! at [`MAX_BODY`], a rate limit per host, and never a connection to a private, loopback or
//! link-local address for anything that came from outside (a `related` link in an RDAP
//! answer, a redirect, later a webhook URL), neither by IP literal nor by a name that resolves
//! there. Endpoints an operator configured (the RDAP bootstrap's servers, DNS, SMTP, provider
//! APIs) are trusted even on loopback. `PORTAL_OUTBOUND_ALLOW` (CIDRs, refused in production)
//! lets tests reach their own servers on loopback as if they were outside.

use std::{
    collections::HashMap,
    error::Error as StdError,
    net::{IpAddr, SocketAddr},
    sync::{Arc, Mutex},
    time::{Duration, Instant},
};

use app::hosting::ErrorCode;
use ipnet::IpNet;
use reqwest::{
    StatusCode,
    dns::{Addrs, Name, Resolve, Resolving},
    header,
};

use super::dns::Dns;

/// The largest body read; the rest is never downloaded.
pub const MAX_BODY: usize = 256 * 1024;
/// Retries after the first attempt (timeouts, connection errors, 5xx, 429).
const RETRIES: u32 = 3;
/// Redirects followed; each target is checked like any outside address.
const MAX_REDIRECTS: usize = 3;
const TIMEOUT: Duration = Duration::from_secs(10);
const CONNECT_TIMEOUT: Duration = Duration::from_secs(5);
/// The most one fetch may take, redirects and retries included.
const DEADLINE: Duration = Duration::from_secs(30);

/// Who named the address being fetched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// The operator, in the configuration (or the shipped bootstrap files): trusted.
    Configured,
    /// Anything else: an answer, a redirect, a report. Checked.
    Outside,
}

/// Why a fetch failed, as the stages report it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum OutboundError {
    #[error("not found")]
    NotFound,
    #[error("rate limited")]
    RateLimited,
    #[error("timeout")]
    Timeout,
    #[error("body too large")]
    TooLarge,
    #[error("private address")]
    Private,
    #[error("failed")]
    Failed,
}

impl OutboundError {
    pub fn code(self) -> ErrorCode {
        match self {
            OutboundError::NotFound => ErrorCode::RdapNotFound,
            OutboundError::RateLimited => ErrorCode::RdapRateLimited,
            OutboundError::Timeout => ErrorCode::Timeout,
            OutboundError::TooLarge => ErrorCode::BodyTooLarge,
            OutboundError::Private => ErrorCode::PrivateAddress,
            OutboundError::Failed => ErrorCode::RdapFailed,
        }
    }
}

pub use app::hosting::is_private;

/// The guard. Cheap to clone.
#[derive(Clone)]
pub struct Outbound {
    trusted: reqwest::Client,
    guarded: reqwest::Client,
    allow: Arc<Vec<IpNet>>,
    limiter: Arc<RateLimiter>,
}

impl Outbound {
    /// `allow`: `PORTAL_OUTBOUND_ALLOW`; `per_second`: requests per host per second.
    pub fn new(dns: Dns, allow: Vec<IpNet>, per_second: u32) -> anyhow::Result<Outbound> {
        let allow = Arc::new(allow);
        let builder = || {
            reqwest::Client::builder()
                .timeout(TIMEOUT)
                .connect_timeout(CONNECT_TIMEOUT)
                .redirect(reqwest::redirect::Policy::none())
                // A proxy would resolve names itself, past the guard's check.
                .no_proxy()
                .user_agent(concat!("SafeAgain-portal/", env!("CARGO_PKG_VERSION")))
        };
        let guarded = builder()
            .dns_resolver(Arc::new(GuardedNames {
                dns: dns.clone(),
                allow: allow.clone(),
            }))
            .build()?;
        // Configured endpoints resolve through the same DNS (PORTAL_DNS_SERVERS), unchecked.
        let trusted = builder()
            .dns_resolver(Arc::new(TrustedNames { dns }))
            .build()?;
        Ok(Outbound {
            trusted,
            guarded,
            allow,
            limiter: Arc::new(RateLimiter::new(per_second)),
        })
    }

    /// GETs `url` and reads it as JSON (RDAP's media type first), following redirects as
    /// outside addresses.
    pub async fn get_json(
        &self,
        url: &str,
        origin: Origin,
    ) -> Result<serde_json::Value, OutboundError> {
        let body = self.get(url, origin).await?;
        serde_json::from_slice(&body).map_err(|_| OutboundError::Failed)
    }

    /// POSTs a JSON `body` to an outside address (a platform's webhook) with `headers`:
    /// checked like any outside address, no redirect followed and no retry here (the job
    /// runner retries with its backoff). Ok when the answer is 2xx; its body is not read.
    pub async fn post_json(
        &self,
        url: &str,
        body: Vec<u8>,
        headers: &[(&'static str, String)],
    ) -> Result<(), OutboundError> {
        let url = reqwest::Url::parse(url).map_err(|_| OutboundError::Failed)?;
        if !matches!(url.scheme(), "http" | "https") {
            return Err(OutboundError::Failed);
        }
        let host = url.host_str().ok_or(OutboundError::Failed)?;
        if let Ok(ip) = host
            .trim_start_matches('[')
            .trim_end_matches(']')
            .parse::<IpAddr>()
            && is_private(ip)
            && !self.allow.iter().any(|net| net.contains(&ip))
        {
            return Err(OutboundError::Private);
        }
        self.limiter.wait(host).await;
        let mut request = self
            .guarded
            .post(url.clone())
            .header(header::CONTENT_TYPE, "application/json");
        for (name, value) in headers {
            request = request.header(*name, value);
        }
        match tokio::time::timeout(DEADLINE, request.body(body).send()).await {
            Err(_) => Err(OutboundError::Timeout),
            Ok(Ok(response)) if response.status().is_success() => Ok(()),
            Ok(Ok(response)) if response.status() == StatusCode::TOO_MANY_REQUESTS => {
                Err(OutboundError::RateLimited)
            }
            Ok(Ok(_)) => Err(OutboundError::Failed),
            Ok(Err(error)) if refused_as_private(&error) => Err(OutboundError::Private),
            Ok(Err(error)) if error.is_timeout() => Err(OutboundError::Timeout),
            Ok(Err(_)) => Err(OutboundError::Failed),
        }
    }

    /// GETs `url`: the body, at most [`MAX_BODY`] bytes.
    pub async fn get(&self, url: &str, origin: Origin) -> Result<Vec<u8>, OutboundError> {
        // Redirects and retries together, within one deadline.
        tokio::time::timeout(DEADLINE, self.get_within(url, origin))
            .await
            .unwrap_or(Err(OutboundError::Timeout))
    }

    async fn get_within(&self, url: &str, origin: Origin) -> Result<Vec<u8>, OutboundError> {
        let mut url = reqwest::Url::parse(url).map_err(|_| OutboundError::Failed)?;
        let mut origin = origin;
        for _ in 0..=MAX_REDIRECTS {
            match self.get_once(&url, origin).await? {
                Fetched::Body(body) => return Ok(body),
                Fetched::Redirect(to) => {
                    url = url.join(&to).map_err(|_| OutboundError::Failed)?;
                    // Whoever configured the first address did not choose where it sends us.
                    origin = Origin::Outside;
                }
            }
        }
        Err(OutboundError::Failed)
    }

    async fn get_once(&self, url: &reqwest::Url, origin: Origin) -> Result<Fetched, OutboundError> {
        if !matches!(url.scheme(), "http" | "https") {
            return Err(OutboundError::Failed);
        }
        let host = url.host_str().ok_or(OutboundError::Failed)?;
        let literal = host
            .trim_start_matches('[')
            .trim_end_matches(']')
            .parse::<IpAddr>()
            .ok();
        if origin == Origin::Outside
            && let Some(ip) = literal
            && is_private(ip)
            && !self.allow.iter().any(|net| net.contains(&ip))
        {
            return Err(OutboundError::Private);
        }
        let client = match origin {
            Origin::Configured => &self.trusted,
            Origin::Outside => &self.guarded,
        };
        let mut attempt = 0;
        loop {
            self.limiter.wait(host).await;
            let sent = client
                .get(url.clone())
                .header(header::ACCEPT, "application/rdap+json, application/json")
                .send()
                .await;
            let retry = match sent {
                Ok(response) if response.status().is_redirection() => {
                    let to = response
                        .headers()
                        .get(header::LOCATION)
                        .and_then(|l| l.to_str().ok())
                        .ok_or(OutboundError::Failed)?;
                    return Ok(Fetched::Redirect(to.to_owned()));
                }
                Ok(response) if response.status().is_success() => {
                    return read_capped(response).await.map(Fetched::Body);
                }
                Ok(response) if response.status() == StatusCode::NOT_FOUND => {
                    return Err(OutboundError::NotFound);
                }
                Ok(response) if response.status() == StatusCode::TOO_MANY_REQUESTS => {
                    let after = response
                        .headers()
                        .get(header::RETRY_AFTER)
                        .and_then(|v| v.to_str().ok()?.parse::<u64>().ok())
                        .map(Duration::from_secs);
                    Retry::After(OutboundError::RateLimited, after)
                }
                Ok(response) if response.status().is_server_error() => {
                    Retry::After(OutboundError::Failed, None)
                }
                Ok(_) => return Err(OutboundError::Failed),
                Err(error) if refused_as_private(&error) => return Err(OutboundError::Private),
                Err(error) if error.is_timeout() => Retry::After(OutboundError::Timeout, None),
                Err(error) if error.is_connect() => Retry::After(OutboundError::Failed, None),
                Err(_) => return Err(OutboundError::Failed),
            };
            let Retry::After(error, after) = retry;
            if attempt >= RETRIES {
                return Err(error);
            }
            attempt += 1;
            // 100, 200, 400 ms; a server's Retry-After is honoured up to two seconds.
            let backoff = Duration::from_millis(100 << (attempt - 1));
            tokio::time::sleep(after.map_or(backoff, |a| a.min(Duration::from_secs(2)))).await;
        }
    }
}

enum Fetched {
    Body(Vec<u8>),
    Redirect(String),
}

enum Retry {
    After(OutboundError, Option<Duration>),
}

/// Reads at most [`MAX_BODY`] bytes; a longer body is cut off (the connection dropped).
async fn read_capped(mut response: reqwest::Response) -> Result<Vec<u8>, OutboundError> {
    if response
        .content_length()
        .is_some_and(|length| length > MAX_BODY as u64)
    {
        return Err(OutboundError::TooLarge);
    }
    let mut body = Vec::new();
    loop {
        match response.chunk().await {
            Ok(Some(chunk)) => {
                if body.len() + chunk.len() > MAX_BODY {
                    return Err(OutboundError::TooLarge);
                }
                body.extend_from_slice(&chunk);
            }
            Ok(None) => return Ok(body),
            Err(error) if error.is_timeout() => return Err(OutboundError::Timeout),
            Err(_) => return Err(OutboundError::Failed),
        }
    }
}

/// A name that resolved to a private address (the guarded client's resolver refused it).
#[derive(Debug, thiserror::Error)]
#[error("{0} resolves to a private address")]
struct PrivateName(String);

fn refused_as_private(error: &reqwest::Error) -> bool {
    let mut source = error.source();
    while let Some(cause) = source {
        if cause.is::<PrivateName>() {
            return true;
        }
        source = cause.source();
    }
    false
}

/// Names for outside addresses: resolved through the portal's DNS, refused when any address
/// is private (a name that points inside is not half-trusted).
struct GuardedNames {
    dns: Dns,
    allow: Arc<Vec<IpNet>>,
}

impl Resolve for GuardedNames {
    fn resolve(&self, name: Name) -> Resolving {
        let dns = self.dns.clone();
        let allow = self.allow.clone();
        Box::pin(async move {
            let host = name.as_str().to_owned();
            let addresses = dns
                .addresses(&host)
                .await
                .map_err(|code| Box::new(NameError(code)) as Box<dyn StdError + Send + Sync>)?;
            if addresses
                .iter()
                .any(|ip| is_private(*ip) && !allow.iter().any(|net| net.contains(ip)))
            {
                return Err(Box::new(PrivateName(host)) as Box<dyn StdError + Send + Sync>);
            }
            let addrs: Addrs = Box::new(addresses.into_iter().map(|ip| SocketAddr::new(ip, 0)));
            Ok(addrs)
        })
    }
}

struct TrustedNames {
    dns: Dns,
}

impl Resolve for TrustedNames {
    fn resolve(&self, name: Name) -> Resolving {
        let dns = self.dns.clone();
        Box::pin(async move {
            let addresses = dns
                .addresses(name.as_str())
                .await
                .map_err(|code| Box::new(NameError(code)) as Box<dyn StdError + Send + Sync>)?;
            let addrs: Addrs = Box::new(addresses.into_iter().map(|ip| SocketAddr::new(ip, 0)));
            Ok(addrs)
        })
    }
}

#[derive(Debug, thiserror::Error)]
#[error("name lookup failed: {0:?}")]
struct NameError(ErrorCode);

/// At most `per_second` requests a second to any one host (a registry's RDAP server), spaced
/// evenly; waiting callers queue in order.
struct RateLimiter {
    interval: Duration,
    next: Mutex<HashMap<String, Instant>>,
}

impl RateLimiter {
    fn new(per_second: u32) -> RateLimiter {
        RateLimiter {
            interval: Duration::from_secs(1) / per_second.max(1),
            next: Mutex::new(HashMap::new()),
        }
    }

    async fn wait(&self, host: &str) {
        let slot = {
            let mut next = self.next.lock().unwrap_or_else(|e| e.into_inner());
            let now = Instant::now();
            // Forget hosts not asked for a while, so the map stays small.
            if next.len() > 1024 {
                next.retain(|_, at| *at > now);
            }
            let at = next
                .get(host)
                .copied()
                .filter(|at| *at > now)
                .unwrap_or(now);
            next.insert(host.to_owned(), at + self.interval);
            at
        };
        tokio::time::sleep_until(slot.into()).await;
    }
}

/// Parses `PORTAL_OUTBOUND_ALLOW`: comma-separated CIDRs (a bare address is a /32 or /128).
pub fn parse_allow(text: &str) -> anyhow::Result<Vec<IpNet>> {
    text.split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|s| {
            s.parse::<IpNet>()
                .or_else(|_| s.parse::<IpAddr>().map(IpNet::from))
                .map_err(|_| anyhow::anyhow!("PORTAL_OUTBOUND_ALLOW: {s:?} is not a CIDR"))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn private_loopback_and_link_local_addresses_are_refused() {
        for ip in [
            "10.1.2.3",
            "192.168.0.1",
            "172.16.5.4",
            "127.0.0.1",
            "169.254.169.254",
            "100.64.0.1",
            "0.0.0.0",
            "::1",
            "fe80::1",
            "fd00::1",
            "::ffff:10.0.0.1",
            "198.18.0.1",
            "224.0.0.1",
            "240.0.0.1",
            "64:ff9b::a00:5",
            "::10.0.0.1",
            "2002:0a00:0001::1",
            "fec0::1",
            "ff02::1",
            "2001:db8::1",
            "2001:0:4136:e378::1",
        ] {
            assert!(is_private(ip.parse().unwrap()), "{ip}");
        }
        for ip in [
            "130.59.31.80",
            "2606:4700::1111",
            "1.1.1.1",
            "2002:8ac3:1f50::1",
            "2001:620::1",
        ] {
            assert!(!is_private(ip.parse().unwrap()), "{ip}");
        }
    }

    #[tokio::test]
    async fn requests_to_one_host_are_spaced_and_other_hosts_do_not_wait() {
        let limiter = RateLimiter::new(50);
        let started = Instant::now();
        for _ in 0..6 {
            limiter.wait("rdap.example").await;
        }
        // Six at 50 a second: the first at once, the sixth 100 ms later.
        assert!(
            started.elapsed() >= Duration::from_millis(95),
            "{:?}",
            started.elapsed()
        );
        let other = Instant::now();
        limiter.wait("rdap.other.example").await;
        assert!(other.elapsed() < Duration::from_millis(20));
    }

    #[test]
    fn allowed_networks_are_cidrs() {
        let allow = parse_allow("127.0.0.0/8, ::1").unwrap();
        assert!(allow[0].contains(&"127.0.0.5".parse::<IpAddr>().unwrap()));
        assert_eq!(allow[1].prefix_len(), 128);
        assert!(parse_allow("localhost").is_err());
    }
}
