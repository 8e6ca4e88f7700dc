//! What a resolution says about one reported address: who hosts it, where, and whom to tell.
//! The field names are a contract (`portal hosting resolve` prints this as JSON Lines).

use serde::{Deserialize, Serialize};

/// Where one address is hosted, as far as DNS and RDAP say.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Resolution {
    pub url: String,
    pub host: Option<String>,
    /// The domain one registers (`example.co.uk` for `a.b.example.co.uk`), by the Public
    /// Suffix List; None for an IP address or a name without a known suffix.
    pub registrable_domain: Option<String>,
    /// The names after the queried host, lower case, without the trailing dot.
    pub cname_chain: Vec<String>,
    /// A records before AAAA; IPv6 in RFC 5952 form.
    pub addresses: Vec<String>,
    /// The network of the first address.
    pub network: Option<Network>,
    /// The networks of every address, in the order of `addresses` (duplicates once).
    pub networks: Vec<Network>,
    /// The origin AS of the first address.
    pub asn: Option<Asn>,
    /// The CDN in front of the site, when there is one: then `network`, `asn` and `provider`
    /// are the CDN's, and its abuse channel forwards to the origin host.
    pub cdn: Option<Cdn>,
    pub registrar: Option<Registrar>,
    pub provider: Option<ProviderRef>,
    pub errors: Vec<StageError>,
    /// RFC 3339, UTC.
    pub resolved_at: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Network {
    pub handle: Option<String>,
    pub name: Option<String>,
    pub country: Option<String>,
    pub abuse_email: Option<String>,
    pub registry: Registry,
    pub rdap_url: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Asn {
    pub number: u32,
    pub name: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Cdn {
    /// The id of its entry in the provider directory (`cloudflare`).
    pub id: String,
    pub name: String,
    pub abuse_url: Option<String>,
    pub abuse_email: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Registrar {
    pub name: Option<String>,
    pub abuse_email: Option<String>,
    pub rdap_url: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProviderRef {
    pub id: String,
    pub name: String,
    pub country: Option<String>,
    pub channel: Channel,
}

crate::stored_enum! {
    /// The regional Internet registry that answered for a network.
    pub enum Registry {
        Ripe = "ripe",
        Arin = "arin",
        Apnic = "apnic",
        Lacnic = "lacnic",
        Afrinic = "afrinic",
        Other = "other",
    }
}

crate::stored_enum! {
    /// How a provider takes notices, best first.
    pub enum Channel {
        Api = "api",
        Email = "email",
        WebForm = "web_form",
        None = "none",
    }
}

/// Something that went wrong at one stage; the resolution goes on with what it has.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StageError {
    pub stage: Stage,
    pub code: ErrorCode,
}

impl StageError {
    pub fn new(stage: Stage, code: ErrorCode) -> StageError {
        StageError { stage, code }
    }
}

crate::stored_enum! {
    /// Where in the resolution an error happened.
    pub enum Stage {
        /// The argument itself.
        Url = "url",
        Dns = "dns",
        /// The origin AS lookup (RDAP or DNS).
        Asn = "asn",
        /// RDAP for the address's network.
        RdapIp = "rdap_ip",
        /// RDAP for the registered domain (the registrar).
        RdapDomain = "rdap_domain",
    }
}

crate::stored_enum! {
    /// Why a stage failed.
    pub enum ErrorCode {
        /// Not an http(s) URL with a host.
        InvalidUrl = "invalid_url",
        /// The name does not exist.
        Nxdomain = "nxdomain",
        /// The name exists but has no A or AAAA record.
        NoAddress = "no_address",
        /// A server did not answer in time.
        Timeout = "timeout",
        /// The DNS server failed (SERVFAIL, refused, unreachable).
        DnsFailed = "dns_failed",
        /// No RDAP server is known for it (not in the bootstrap files).
        RdapNoServer = "rdap_no_server",
        RdapNotFound = "rdap_not_found",
        RdapRateLimited = "rdap_rate_limited",
        /// Any other HTTP error, or an answer that is not RDAP.
        RdapFailed = "rdap_failed",
        /// The answer was larger than the outbound guard allows; it was cut.
        BodyTooLarge = "body_too_large",
        /// The address (or a redirect, or a name resolving there) is private, loopback or
        /// link-local: never connected to.
        PrivateAddress = "private_address",
        /// No origin AS found.
        AsnNotFound = "asn_not_found",
    }
}
