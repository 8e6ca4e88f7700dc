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

/// A provider nobody has found a notice channel for yet.
impl Default for Channel {
    fn default() -> Channel {
        Channel::None
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

crate::stored_enum! {
    /// What a provider in the directory is to a reported address.
    pub enum ProviderKind {
        /// Hosts servers or networks: the one who can take a file down.
        Hosting = "hosting",
        /// A service people post on (a social network, a messenger, an image board).
        Platform = "platform",
        /// A CDN or reverse proxy in front of a site; it forwards notices to the host.
        Cdn = "cdn",
        /// Registers domain names.
        Registrar = "registrar",
    }
}

/// One entry of the provider directory: who it is, how it takes notices under the DSA, and
/// how a resolution is matched to it. The seed (`data/providers.yaml`) has this shape; the
/// `provider` table stores it as JSON beside the columns it is queried by.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ProviderRecord {
    /// A stable slug (`hetzner`), never reused.
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub kinds: Vec<ProviderKind>,
    /// Country of establishment (ISO 3166-1 alpha-2).
    pub country: Option<String>,
    #[serde(default)]
    pub dsa: DsaChannels,
    /// The channel notices go through, best first: see [`Channel`].
    #[serde(default)]
    pub channel: Channel,
    /// Languages a notice may be written in (ISO 639-1); None: not known.
    pub notice_languages: Option<Vec<String>>,
    /// Whether it takes a CSAM notice from someone who does not give a name; None: unknown.
    pub anonymous_csam_notices: Option<bool>,
    /// Whether it works with the national hotline (INHOPE member); None: unknown.
    pub cooperates_with_hotline: Option<bool>,
    #[serde(rename = "match", default)]
    pub matching: Matching,
    /// For each fact, the pages it was taken from.
    #[serde(default)]
    pub sources: std::collections::BTreeMap<String, Vec<String>>,
    /// True only when every fact has a source that was checked.
    #[serde(default)]
    pub verified: bool,
    /// The facts not yet checked against a source.
    #[serde(default)]
    pub unverified: Vec<String>,
    pub notes: Option<String>,
}

/// How a provider takes notices under the Digital Services Act.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DsaChannels {
    /// The Art. 16 notice-and-action form.
    pub notice_form_url: Option<String>,
    /// A page that explains how to report.
    pub notice_info_url: Option<String>,
    /// The address notices may be e-mailed to.
    pub notice_email: Option<String>,
    /// The Art. 12 single point of contact for recipients.
    pub contact_point_url: Option<String>,
    pub legal_representative: Option<LegalRepresentative>,
    pub api: Option<NoticeApi>,
    /// How trusted flaggers (Art. 22) reach it.
    pub trusted_flagger_channel: Option<String>,
}

/// The Art. 13 legal representative of a provider established outside the EU.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct LegalRepresentative {
    pub name: Option<String>,
    pub country: Option<String>,
    pub email: Option<String>,
    pub address: Option<String>,
    pub scope: Option<String>,
}

/// A provider's own notice API (the removal engine speaks the ones it knows by `kind`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct NoticeApi {
    pub kind: String,
    pub docs_url: Option<String>,
    pub notes: Option<String>,
}

/// What a resolution is matched on: the network's AS, its RDAP handle, a name's suffix.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Matching {
    #[serde(default)]
    pub asns: Vec<u32>,
    #[serde(default)]
    pub domain_suffixes: Vec<String>,
    #[serde(default)]
    pub rdap_handles: Vec<String>,
}

impl ProviderRecord {
    /// The short form a resolution carries.
    pub fn reference(&self) -> ProviderRef {
        ProviderRef {
            id: self.id.clone(),
            name: self.name.clone(),
            country: self.country.clone(),
            channel: self.channel,
        }
    }
}
