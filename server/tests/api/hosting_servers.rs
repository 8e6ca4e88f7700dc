//! Real servers on loopback for hosting resolution: a DNS server (UDP, answers built with
//! hickory's message types) and an HTTP server for IANA's bootstrap files and recorded RDAP
//! answers (`tests/fixtures/rdap/`). Shared by the tests and `examples/hosting_bench.rs`.
//!
//! The RDAP answers are served as recorded; only the addresses they link to (a registry's
//! `related` link to the registrar) are pointed at this server instead of the internet.

use std::{
    collections::HashMap,
    net::{IpAddr, SocketAddr},
    sync::Arc,
};

use axum::{
    Router,
    body::Body,
    extract::{Path, State},
    http::{StatusCode, header},
    response::{IntoResponse, Response},
    routing::get,
};
use hickory_resolver::proto::{
    op::{Message, MessageType, ResponseCode},
    rr::{
        Name, RData, Record, RecordType,
        rdata::{A, AAAA, CNAME, TXT},
    },
};

/// What the DNS server knows: names (lower case, no trailing dot) to records.
#[derive(Default, Clone)]
pub struct Zone {
    records: HashMap<String, Vec<RData>>,
}

impl Zone {
    pub fn a(mut self, name: &str, ip: &str) -> Zone {
        let data = match ip.parse::<IpAddr>().unwrap() {
            IpAddr::V4(v4) => RData::A(A(v4)),
            IpAddr::V6(v6) => RData::AAAA(AAAA(v6)),
        };
        self.records
            .entry(name.to_lowercase())
            .or_default()
            .push(data);
        self
    }

    pub fn cname(mut self, name: &str, target: &str) -> Zone {
        let target = Name::from_ascii(format!("{target}.")).unwrap();
        self.records
            .entry(name.to_lowercase())
            .or_default()
            .push(RData::CNAME(CNAME(target)));
        self
    }

    pub fn txt(mut self, name: &str, text: &str) -> Zone {
        self.records
            .entry(name.to_lowercase())
            .or_default()
            .push(RData::TXT(TXT::new(vec![text.to_owned()])));
        self
    }

    /// The answer records for `name` and `wanted`, following CNAMEs like a recursive
    /// resolver: None when the name does not exist.
    fn answer(&self, name: &str, wanted: RecordType) -> Option<Vec<Record>> {
        let mut answers = Vec::new();
        let mut current = name.to_owned();
        for _ in 0..8 {
            let records = self.records.get(&current)?;
            let owner = Name::from_ascii(format!("{current}.")).unwrap();
            if let Some(RData::CNAME(target)) =
                records.iter().find(|r| matches!(r, RData::CNAME(_)))
            {
                answers.push(Record::from_rdata(owner, 60, RData::CNAME(target.clone())));
                current = target.0.to_ascii().trim_end_matches('.').to_lowercase();
                continue;
            }
            answers.extend(
                records
                    .iter()
                    .filter(|r| r.record_type() == wanted)
                    .map(|r| Record::from_rdata(owner.clone(), 60, r.clone())),
            );
            return Some(answers);
        }
        Some(answers)
    }
}

/// Starts the DNS server on a free UDP port of 127.0.0.1.
pub async fn dns_server(zone: Zone) -> SocketAddr {
    dns_server_on("127.0.0.1:0".parse().unwrap(), zone).await
}

/// Starts the DNS server on `address` (port 0: any free one).
pub async fn dns_server_on(address: SocketAddr, zone: Zone) -> SocketAddr {
    let socket = tokio::net::UdpSocket::bind(address).await.unwrap();
    let address = socket.local_addr().unwrap();
    let zone = Arc::new(zone);
    tokio::spawn(async move {
        let mut buffer = [0u8; 4096];
        loop {
            let Ok((n, from)) = socket.recv_from(&mut buffer).await else {
                continue;
            };
            let Ok(query) = Message::from_vec(&buffer[..n]) else {
                continue;
            };
            let mut response = Message::response(query.metadata.id, query.metadata.op_code);
            response.metadata.message_type = MessageType::Response;
            response.metadata.recursion_desired = query.metadata.recursion_desired;
            response.metadata.recursion_available = true;
            response.add_queries(query.queries.clone());
            if let Some(question) = query.queries.first() {
                let name = question
                    .name()
                    .to_ascii()
                    .trim_end_matches('.')
                    .to_lowercase();
                match zone.answer(&name, question.query_type()) {
                    Some(records) => {
                        response.add_answers(records);
                    }
                    None => response.metadata.response_code = ResponseCode::NXDomain,
                }
            }
            if let Ok(bytes) = response.to_vec() {
                let _ = socket.send_to(&bytes, from).await;
            }
        }
    });
    address
}

/// The recorded RDAP answers, by file name without `.json`.
fn fixture(name: &str) -> String {
    let path = format!(
        "{}/tests/fixtures/rdap/{name}.json",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(&path).unwrap_or_else(|_| panic!("fixture {path}"))
}

#[derive(Clone)]
struct Rdap {
    base: String,
}

/// Starts the RDAP server on a free port of 127.0.0.1 and returns its base URL. Under it:
/// `bootstrap/{ipv4,ipv6,asn,dns}.json` naming this server's registries for the test
/// networks, and per registry `{registry}/ip/{ip}` or `{registry}/domain/{name}`.
pub async fn rdap_server() -> String {
    rdap_server_on("127.0.0.1:0".parse().unwrap()).await
}

/// Starts the RDAP server on `address` (port 0: any free one).
pub async fn rdap_server_on(address: SocketAddr) -> String {
    let listener = tokio::net::TcpListener::bind(address).await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let state = Rdap { base: base.clone() };
    let app = Router::new()
        .route("/bootstrap/{file}", get(bootstrap_file))
        .route("/{registry}/{kind}/{*key}", get(answer))
        .with_state(state);
    tokio::spawn(async move { axum::serve(listener, app).await });
    base
}

async fn bootstrap_file(State(rdap): State<Rdap>, Path(file): Path<String>) -> Response {
    let at = |registry: &str| format!("{}/{registry}/", rdap.base);
    let services = match file.as_str() {
        "ipv4.json" => serde_json::json!([
            [["130.0.0.0/8", "104.0.0.0/8", "13.0.0.0/8"], [at("arin")]],
            [["193.0.0.0/8", "88.0.0.0/8"], [at("ripe")]],
            [["1.0.0.0/8"], [at("apnic")]],
            [["200.0.0.0/8"], [at("lacnic")]],
            [["45.0.0.0/8"], [at("missing")]],
            [["46.0.0.0/8"], [at("limited")]],
            [["47.0.0.0/8"], [at("redirecting")]],
            [["48.0.0.0/8"], [at("huge")]],
        ]),
        "ipv6.json" => serde_json::json!([[["2606:4700::/32"], [at("arin")]]]),
        "asn.json" => serde_json::json!([[["1-399999"], [at("arin")]]]),
        "dns.json" => serde_json::json!([[["com", "net", "org"], [at("verisign")]]]),
        _ => return StatusCode::NOT_FOUND.into_response(),
    };
    let body = serde_json::json!({
        "version": "1.0",
        "publication": "2026-12-01T00:00:00Z",
        "description": "Safe Again test bootstrap",
        "services": services,
    });
    (
        [(header::CONTENT_TYPE, "application/json")],
        body.to_string(),
    )
        .into_response()
}

fn rdap_json(body: String) -> Response {
    ([(header::CONTENT_TYPE, "application/rdap+json")], body).into_response()
}

async fn answer(
    State(rdap): State<Rdap>,
    Path((registry, kind, key)): Path<(String, String, String)>,
) -> Response {
    match (registry.as_str(), kind.as_str()) {
        ("arin", "ip") if key.starts_with("130.59.") => {
            // Legacy space: ARIN answers for 130/8 and sends the asker on to RIPE.
            (
                StatusCode::MOVED_PERMANENTLY,
                [(header::LOCATION, format!("{}/ripe/ip/{key}", rdap.base))],
            )
                .into_response()
        }
        ("arin", "ip") if key.starts_with("13.") => rdap_json(fixture("arin-ip-microsoft")),
        ("arin", "ip") => rdap_json(fixture("arin-ip-cloudflare-2606-4700")),
        ("arin", "autnum") => rdap_json(fixture("arin-autnum-cloudflare-13335")),
        ("ripe", "ip") => rdap_json(fixture("ripe-ip-switch")),
        ("apnic", "ip") => rdap_json(fixture("apnic-ip-apnic-labs-1.1.1.1")),
        ("lacnic", "ip") => rdap_json(fixture("lacnic-ip-triara")),
        ("verisign", "domain") if key.starts_with("gone") => StatusCode::NOT_FOUND.into_response(),
        ("verisign", "domain") => rdap_json(fixture("verisign-domain-google").replace(
            "https://rdap.markmonitor.com/rdap/",
            &format!("{}/markmonitor/", rdap.base),
        )),
        ("markmonitor", "domain") => rdap_json(fixture("registrar-markmonitor-domain-google")),
        ("limited", _) => {
            (StatusCode::TOO_MANY_REQUESTS, [(header::RETRY_AFTER, "0")]).into_response()
        }
        ("redirecting", _) => (
            StatusCode::FOUND,
            // The cloud metadata address: an attacker's favourite redirect target.
            [(
                header::LOCATION,
                format!("http://169.254.169.254/latest/{key}"),
            )],
        )
            .into_response(),
        ("huge", _) => {
            // 10 MB, streamed without a length, as a hostile server would.
            let chunk = bytes_of_json_padding();
            let stream = futures::stream::iter(
                (0..160).map(move |_| Ok::<_, std::io::Error>(chunk.clone())),
            );
            (
                [(header::CONTENT_TYPE, "application/rdap+json")],
                Body::from_stream(stream),
            )
                .into_response()
        }
        _ => StatusCode::NOT_FOUND.into_response(),
    }
}

fn bytes_of_json_padding() -> axum::body::Bytes {
    axum::body::Bytes::from(vec![b' '; 64 * 1024])
}

/// One DNS and one RDAP server for every test application of this test binary: the
/// `PORTAL_DNS_SERVERS` and `PORTAL_RDAP_BOOTSTRAP` values. They run on a runtime of their
/// own, since each test has its own runtime and stops it when it ends.
pub async fn shared() -> (String, String) {
    static SERVERS: std::sync::OnceLock<(String, String)> = std::sync::OnceLock::new();
    if let Some(servers) = SERVERS.get() {
        return servers.clone();
    }
    let (sender, receiver) = tokio::sync::oneshot::channel();
    std::thread::spawn(move || {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        runtime.block_on(async move {
            let dns = dns_server(test_zone()).await;
            let rdap = rdap_server().await;
            let _ = sender.send((dns.to_string(), format!("{rdap}/bootstrap/")));
            std::future::pending::<()>().await;
        });
    });
    let servers = receiver.await.expect("the hosting test servers start");
    SERVERS.get_or_init(|| servers).clone()
}

/// The test networks: which host names resolve where, and what Team Cymru's service says.
pub fn test_zone() -> Zone {
    Zone::default()
        // A RIPE network reached through ARIN's redirect (legacy space).
        .a("www.plain-host.com", "130.59.31.80")
        .txt(
            "80.31.59.130.origin.asn.cymru.com",
            "559 | 130.59.0.0/16 | CH | ripencc | 1988-03-02",
        )
        .txt(
            "AS559.asn.cymru.com",
            "559 | CH | ripencc | 1988-03-02 | SWITCH Peering requests: <peering@switch.ch>, CH",
        )
        // A CNAME chain to a CDN, with both address families.
        .cname("www.shop-cdn.com", "shop-cdn.com.cdn.cloudflare.net")
        .a("shop-cdn.com.cdn.cloudflare.net", "104.16.1.1")
        .a("shop-cdn.com.cdn.cloudflare.net", "2606:4700::6810:101")
        .txt(
            "AS13335.asn.cymru.com",
            "13335 | US | arin | 2010-07-14 | CLOUDFLARENET, US",
        )
        // IPv6 only.
        .a("v6only.net", "2606:4700:10::1")
        // An ARIN network without origin AS in its answer: the AS comes from DNS.
        .a("cloud.ms-host.com", "13.64.0.1")
        .txt(
            "1.0.64.13.origin.asn.cymru.com",
            "8075 | 13.64.0.0/11 | US | arin | 2015-03-26",
        )
        .txt(
            "AS8075.asn.cymru.com",
            "8075 | US | arin | 1997-03-31 | MICROSOFT-CORP-MSN-AS-BLOCK, US",
        )
        // A network in Germany whose AS is Hetzner's.
        .a("files.hosted-de.net", "88.99.1.1")
        .txt(
            "1.1.99.88.origin.asn.cymru.com",
            "24940 | 88.99.0.0/16 | DE | ripencc | 2011-11-22",
        )
        .txt(
            "AS24940.asn.cymru.com",
            "24940 | DE | ripencc | 2002-06-03 | HETZNER-AS, DE",
        )
        .a("apnic-host.net", "1.1.1.1")
        .a("lacnic-host.net", "200.57.141.161")
        // Registries that fail in their own ways.
        .a("www.rdap-missing.com", "45.0.0.1")
        .a("www.rdap-limited.com", "46.0.0.1")
        .a("www.rdap-redirect.com", "47.0.0.1")
        .a("www.rdap-huge.com", "48.0.0.1")
        // A name that resolves inside (it would be refused if anything fetched it).
        .a("inside.example-intranet.com", "10.1.2.3")
}
