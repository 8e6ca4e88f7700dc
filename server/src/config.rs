//! Settings, read once from the environment at start-up. Defaults suit a laptop; production
//! (`PORTAL_ENV=production`) refuses to start without its secrets instead of inventing them.

use std::{
    fmt,
    net::SocketAddr,
    path::{Path, PathBuf},
};

use anyhow::{Context, bail};
use base64::{Engine, engine::general_purpose::STANDARD};
use rand::RngCore;
use secrecy::SecretString;

/// Where the portal runs. Production demands explicit secrets and always sets Secure cookies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Environment {
    Development,
    Production,
}

/// The server's master secret: receipts are looked up by an HMAC keyed with (a key derived
/// from) it. Never printed.
#[derive(Clone)]
pub struct SecretKey([u8; 32]);

impl SecretKey {
    pub fn expose(&self) -> &[u8; 32] {
        &self.0
    }

    fn parse(encoded: &str) -> anyhow::Result<Self> {
        let bytes = STANDARD
            .decode(encoded.trim())
            .context("PORTAL_SECRET_KEY must be base64")?;
        let bytes: [u8; 32] = bytes
            .try_into()
            .map_err(|_| anyhow::anyhow!("PORTAL_SECRET_KEY must decode to exactly 32 bytes"))?;
        Ok(SecretKey(bytes))
    }

    fn generate() -> Self {
        let mut bytes = [0u8; 32];
        rand::rng().fill_bytes(&mut bytes);
        SecretKey(bytes)
    }
}

impl fmt::Debug for SecretKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("SecretKey(<redacted>)")
    }
}

/// The organisation's OpenID provider, where staff sign in.
#[derive(Clone)]
pub struct OidcSettings {
    /// `PORTAL_OIDC_ISSUER`: the issuer URL; its `/.well-known/openid-configuration` is read.
    pub issuer_url: String,
    /// `PORTAL_OIDC_CLIENT_ID`: the portal's client id at the provider.
    pub client_id: String,
    /// `PORTAL_OIDC_CLIENT_SECRET`: unset for a public client (PKCE alone). Never logged.
    pub client_secret: Option<SecretString>,
}

impl fmt::Debug for OidcSettings {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("OidcSettings")
            .field("issuer_url", &self.issuer_url)
            .field("client_id", &self.client_id)
            .field(
                "client_secret",
                &self.client_secret.as_ref().map(|_| "<redacted>"),
            )
            .finish()
    }
}

#[derive(Debug, Clone)]
pub struct Settings {
    /// `PORTAL_ENV`: `development` (default) or `production`.
    pub environment: Environment,
    /// `PORTAL_LISTEN`, else `LEPTOS_SITE_ADDR` (set by cargo-leptos), else `127.0.0.1:3000`.
    pub listen: SocketAddr,
    /// `PORTAL_DATA_DIR` (default `./data`): the SQLite file and the development secret.
    pub data_dir: PathBuf,
    /// `DATABASE_URL`: `postgres://…` or `sqlite://…`. Unset: SQLite in the data directory.
    pub database_url: String,
    /// `PORTAL_SECRET_KEY`: 32 bytes, base64 (`openssl rand -base64 32`). Required in production.
    pub secret_key: SecretKey,
    /// `PORTAL_QUICK_EXIT_URL`: the neutral page quick exit opens. Unset: a weather page per language.
    pub quick_exit_url: Option<String>,
    /// `PORTAL_SECURE_COOKIES`: defaults to on, except in development on a loopback address.
    pub secure_cookies: bool,
    /// `PORTAL_RETENTION_DAYS` (default 180): closed reports are deleted this long after closing.
    pub retention_days: u32,
    /// `PORTAL_REPORTS_PER_CLIENT` (default 20): reports one client may send per ten minutes.
    pub reports_per_client: u32,
    /// Where the client's address comes from, for the in-memory rate-limit hash only.
    pub client_ip: ClientIp,
    /// Staff sign-in; `None` (development only) means nobody can sign in as staff.
    pub oidc: Option<OidcSettings>,
    /// `PORTAL_PUBLIC_URL`: the address people reach the portal at (e.g.
    /// `https://portal.example.org`), for the sign-in callback registered with the identity
    /// provider. Unset (development only): `http://` and the listening address.
    pub public_url: Option<String>,
    /// Hosting resolution: DNS servers, the RDAP bootstrap, the outbound guard's allowances
    /// ([`hosting_from_lookup`]).
    pub hosting: crate::clients::hosting::HostingConfig,
    /// Notices: how they are delivered and in whose name ([`notices_from_lookup`]).
    pub notices: NoticeSettings,
    /// `PORTAL_JOB_LEASE_SECONDS` (default 300): how long a job's lease holds before another
    /// instance takes over the job of one that died.
    pub job_lease_seconds: i64,
    /// `PORTAL_HASH_PUBLISH_SECONDS` (default 30): how often the hash list publishes a batch
    /// of changes to platforms (a withdrawal reaches them within this and a webhook call).
    pub hash_publish_seconds: i64,
    /// Where "now" comes from: the system's clock; tests set a manual one to move time.
    pub clock: app::time::Clock,
}

/// How notices go out, and the portal's own notifier identity (for cases no organisation
/// with its own case mailbox owns).
#[derive(Debug, Clone)]
pub struct NoticeSettings {
    /// `PORTAL_SMTP_URL`: `smtp://host:port` or `smtps://host:port`. Unset: notices wait in
    /// the outbox (and die after their attempts), so staff see they did not go.
    pub smtp_url: Option<String>,
    /// `PORTAL_NOTICE_FROM`: the sender address of notices, and the case mailbox answers go to
    /// unless the owning organisation has its own.
    pub from: String,
    /// `PORTAL_NOTIFIER_NAME` (default `Safe Again`): who notices are from, by default.
    pub notifier_name: String,
}

/// Reads the notice settings; production refuses an SMTP server without a sender.
pub fn notices_from_lookup(var: impl Fn(&str) -> Option<String>) -> anyhow::Result<NoticeSettings> {
    let production = matches!(
        var("PORTAL_ENV").as_deref(),
        Some("production") | Some("prod")
    );
    let smtp_url = var("PORTAL_SMTP_URL").map(|u| u.trim().to_owned());
    if let Some(url) = &smtp_url
        && !(url.starts_with("smtp://") || url.starts_with("smtps://"))
    {
        bail!(
            "PORTAL_SMTP_URL is smtp://host:port or smtps://host:port (not repeated: it may hold a password)"
        );
    }
    let from = match var("PORTAL_NOTICE_FROM").map(|f| f.trim().to_owned()) {
        Some(from) if from.contains('@') && !from.contains(char::is_whitespace) => from,
        Some(other) => bail!("PORTAL_NOTICE_FROM is an e-mail address, not {other:?}"),
        None if production && smtp_url.is_some() => {
            bail!("PORTAL_NOTICE_FROM is required in production when PORTAL_SMTP_URL is set")
        }
        None => "notices@safe-again.invalid".to_owned(),
    };
    Ok(NoticeSettings {
        smtp_url,
        from,
        notifier_name: var("PORTAL_NOTIFIER_NAME")
            .map(|n| n.trim().to_owned())
            .filter(|n| !n.is_empty())
            .unwrap_or_else(|| "Safe Again".to_owned()),
    })
}

impl Settings {
    pub fn from_env() -> anyhow::Result<Self> {
        Self::from_lookup(|name| std::env::var(name).ok().filter(|v| !v.is_empty()))
    }

    /// The command line's handle on `db`: one pool for reads and writes (its writes begin
    /// IMMEDIATE and wait their turn beside a running server), the portal's clock, and the
    /// audit key, so events it writes seal into the same chain as the server's.
    pub fn store(&self, db: &sea_orm::DatabaseConnection) -> app::db::Db {
        app::db::Db::new(db.clone(), db.clone(), self.clock.clone(), self.audit_key())
    }

    /// The audit chain's key, derived from the secret (the server, the CLI and every instance
    /// seal and check the chain with the same one).
    pub fn audit_key(&self) -> app::audit::chain::ChainKey {
        app::audit::chain::ChainKey::derive(self.secret_key.expose())
    }

    /// Reads settings through `var`, so tests can pass their own environment.
    pub fn from_lookup(var: impl Fn(&str) -> Option<String>) -> anyhow::Result<Self> {
        let environment = match var("PORTAL_ENV").as_deref() {
            None | Some("development") | Some("dev") => Environment::Development,
            Some("production") | Some("prod") => Environment::Production,
            Some(other) => bail!("PORTAL_ENV must be development or production, not {other:?}"),
        };
        let listen: SocketAddr = var("PORTAL_LISTEN")
            .or_else(|| var("LEPTOS_SITE_ADDR"))
            .unwrap_or_else(|| "127.0.0.1:3000".to_owned())
            .parse()
            .context("PORTAL_LISTEN must be an address such as 127.0.0.1:3000")?;
        let data_dir = PathBuf::from(var("PORTAL_DATA_DIR").unwrap_or_else(|| "data".to_owned()));
        let database_url = match var("DATABASE_URL") {
            Some(url) => url,
            None if environment == Environment::Production => {
                bail!("DATABASE_URL is required in production (postgres://… or sqlite://…)")
            }
            None => sqlite_url(&data_dir.join("portal.sqlite")),
        };
        let secret_key = match var("PORTAL_SECRET_KEY") {
            Some(encoded) => SecretKey::parse(&encoded)?,
            None if environment == Environment::Production => bail!(
                "PORTAL_SECRET_KEY is required in production: 32 random bytes in base64, \
                 e.g. from `openssl rand -base64 32`"
            ),
            None => development_secret(&data_dir)?,
        };
        let loopback_dev = environment == Environment::Development && listen.ip().is_loopback();
        let secure_cookies = match var("PORTAL_SECURE_COOKIES").as_deref() {
            Some("true") | Some("1") => true,
            Some("false") | Some("0") if environment == Environment::Development => false,
            Some("false") | Some("0") => bail!("cookies are always Secure in production"),
            Some(other) => bail!("PORTAL_SECURE_COOKIES must be true or false, not {other:?}"),
            None => !loopback_dev,
        };
        let oidc = match var("PORTAL_OIDC_ISSUER") {
            Some(issuer_url) => Some(OidcSettings {
                issuer_url,
                client_id: var("PORTAL_OIDC_CLIENT_ID")
                    .context("PORTAL_OIDC_CLIENT_ID is required with PORTAL_OIDC_ISSUER")?,
                client_secret: var("PORTAL_OIDC_CLIENT_SECRET").map(SecretString::from),
            }),
            None => None,
        };
        let public_url = var("PORTAL_PUBLIC_URL").map(|u| u.trim_end_matches('/').to_owned());
        if environment == Environment::Production {
            match &oidc {
                None => bail!(
                    "PORTAL_OIDC_ISSUER is required in production: staff sign in through their \
                     organisation's OpenID provider (with PORTAL_OIDC_CLIENT_ID and \
                     PORTAL_OIDC_CLIENT_SECRET)"
                ),
                Some(oidc) if !oidc.issuer_url.starts_with("https://") => {
                    bail!("PORTAL_OIDC_ISSUER must be an https:// address in production")
                }
                Some(_) => {}
            }
            if !public_url
                .as_deref()
                .is_some_and(|u| u.starts_with("https://"))
            {
                bail!(
                    "PORTAL_PUBLIC_URL (https://…) is required in production, for the staff sign-in callback"
                );
            }
        }
        Ok(Settings {
            environment,
            listen,
            data_dir,
            database_url,
            secret_key,
            quick_exit_url: var("PORTAL_QUICK_EXIT_URL"),
            secure_cookies,
            retention_days: number(&var, "PORTAL_RETENTION_DAYS", 180)?,
            reports_per_client: number(&var, "PORTAL_REPORTS_PER_CLIENT", 20)?,
            client_ip: client_ip_from_lookup(&var, environment)?,
            oidc,
            public_url,
            hosting: hosting_from_lookup(&var)?,
            notices: notices_from_lookup(&var)?,
            job_lease_seconds: i64::from(number(&var, "PORTAL_JOB_LEASE_SECONDS", 300)?.max(2)),
            hash_publish_seconds: i64::from(
                number(&var, "PORTAL_HASH_PUBLISH_SECONDS", 30)?.clamp(1, 60),
            ),
            clock: app::time::Clock::system(),
        })
    }
}

/// Where a request's client address is read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClientIp {
    /// `PORTAL_CLIENT_IP_HEADER`: the header a reverse proxy writes the client's address in
    /// (`x-real-ip`, or `x-forwarded-for`); None: the connection's own peer.
    pub header: Option<String>,
    /// `PORTAL_TRUSTED_PROXY_HOPS` (default 1): in a list-valued header (`x-forwarded-for`),
    /// how many entries from the right were written by proxies of ours. The client wrote the
    /// ones to their left itself, so the address is the one at this position from the right.
    pub trusted_hops: usize,
}

fn client_ip_from_lookup(
    var: &impl Fn(&str) -> Option<String>,
    environment: Environment,
) -> anyhow::Result<ClientIp> {
    let header = var("PORTAL_CLIENT_IP_HEADER").map(|h| h.trim().to_ascii_lowercase());
    if let Some(name) = &header
        && http::HeaderName::from_bytes(name.as_bytes()).is_err()
    {
        bail!("PORTAL_CLIENT_IP_HEADER is a header name (x-real-ip), not {name:?}");
    }
    let trusted_hops = number(var, "PORTAL_TRUSTED_PROXY_HOPS", 1)? as usize;
    if trusted_hops == 0 {
        bail!("PORTAL_TRUSTED_PROXY_HOPS is at least 1 (the proxy in front of the portal)");
    }
    let direct = matches!(
        var("PORTAL_DIRECT_CLIENTS").as_deref(),
        Some("true") | Some("1") | Some("yes")
    );
    if environment == Environment::Production && header.is_none() && !direct {
        // Behind a proxy without the header every person would share the proxy's address,
        // and one person's typos would slow everyone down.
        bail!(
            "in production set PORTAL_CLIENT_IP_HEADER (the header your reverse proxy writes the \
             client's address in), or PORTAL_DIRECT_CLIENTS=true when people connect directly"
        );
    }
    Ok(ClientIp {
        header,
        trusted_hops,
    })
}

fn number(var: &impl Fn(&str) -> Option<String>, name: &str, default: u32) -> anyhow::Result<u32> {
    match var(name) {
        Some(text) => text
            .parse()
            .with_context(|| format!("{name} must be a whole number, not {text:?}")),
        None => Ok(default),
    }
}

fn sqlite_url(path: &Path) -> String {
    format!("sqlite://{}?mode=rwc", path.display())
}

/// A development secret, generated once and kept in the data directory so receipts survive
/// a restart of a local portal.
fn development_secret(data_dir: &Path) -> anyhow::Result<SecretKey> {
    let path = data_dir.join("development-secret.key");
    if let Ok(encoded) = std::fs::read_to_string(&path) {
        return SecretKey::parse(&encoded).with_context(|| {
            format!("{} is damaged; delete it to make a new one", path.display())
        });
    }
    crate::db::create_private_dir(data_dir)?;
    let key = SecretKey::generate();
    write_private(&path, &STANDARD.encode(key.expose()))?;
    tracing::warn!(
        path = %path.display(),
        "no PORTAL_SECRET_KEY set: generated a development secret (never do this in production)"
    );
    Ok(key)
}

fn write_private(path: &Path, contents: &str) -> anyhow::Result<()> {
    use std::io::Write;
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let mut file = options
        .open(path)
        .with_context(|| format!("cannot write {}", path.display()))?;
    file.write_all(contents.as_bytes())?;
    Ok(())
}

/// The hosting resolution's settings, read on their own: `portal hosting resolve` needs no
/// database and no secrets.
///
/// - `PORTAL_DNS_SERVERS`: comma-separated `ip:port` (`[::1]:53`); unset: the system's.
/// - `PORTAL_RDAP_BOOTSTRAP`: a base URL holding `ipv4.json`, `ipv6.json`, `asn.json` and
///   `dns.json`; unset: the copy shipped in `app/src/hosting/data/rdap-bootstrap/`.
/// - `PORTAL_OUTBOUND_ALLOW`: CIDRs the outbound guard lets outside addresses reach although
///   they are private or loopback (tests' own servers). Refused in production.
/// - `PORTAL_RDAP_PER_SECOND` (default 5): requests per second to one RDAP server.
/// - `PORTAL_HOSTING_MAX_AGE_DAYS` (default 7): a resolution older than this is made again.
pub fn hosting_from_lookup(
    var: impl Fn(&str) -> Option<String>,
) -> anyhow::Result<crate::clients::hosting::HostingConfig> {
    let production = matches!(
        var("PORTAL_ENV").as_deref(),
        Some("production") | Some("prod")
    );
    let outbound_allow =
        crate::clients::outbound::parse_allow(&var("PORTAL_OUTBOUND_ALLOW").unwrap_or_default())?;
    if production && !outbound_allow.is_empty() {
        bail!(
            "PORTAL_OUTBOUND_ALLOW is for tests: production never lets outside input reach private addresses"
        );
    }
    let rdap_per_second = match var("PORTAL_RDAP_PER_SECOND") {
        None => 5,
        Some(n) => n
            .trim()
            .parse::<u32>()
            .ok()
            .filter(|n| *n > 0)
            .ok_or_else(|| {
                anyhow::anyhow!("PORTAL_RDAP_PER_SECOND must be a whole number above 0")
            })?,
    };
    let max_age_days = number(&var, "PORTAL_HOSTING_MAX_AGE_DAYS", 7)?.max(1);
    Ok(crate::clients::hosting::HostingConfig {
        max_age_seconds: i64::from(max_age_days) * 86_400,
        dns_servers: crate::clients::dns::parse_servers(
            &var("PORTAL_DNS_SERVERS").unwrap_or_default(),
        )?,
        rdap_bootstrap: var("PORTAL_RDAP_BOOTSTRAP").filter(|s| !s.trim().is_empty()),
        outbound_allow,
        rdap_per_second,
    })
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;

    fn settings(vars: &[(&str, &str)]) -> anyhow::Result<Settings> {
        let vars: HashMap<String, String> = vars
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        Settings::from_lookup(|name| vars.get(name).cloned())
    }

    fn temp_dir() -> PathBuf {
        let dir = std::env::temp_dir().join(format!("portal-config-{}", rand::random::<u64>()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        dir
    }

    #[test]
    fn production_without_a_secret_refuses_to_start() {
        let err = settings(&[
            ("PORTAL_ENV", "production"),
            ("DATABASE_URL", "sqlite::memory:"),
        ])
        .expect_err("must refuse");
        assert!(
            err.to_string().contains("PORTAL_SECRET_KEY is required"),
            "{err}"
        );
    }

    #[test]
    fn production_without_a_database_refuses_to_start() {
        let key = STANDARD.encode([7u8; 32]);
        let err = settings(&[("PORTAL_ENV", "production"), ("PORTAL_SECRET_KEY", &key)])
            .expect_err("must refuse");
        assert!(
            err.to_string().contains("DATABASE_URL is required"),
            "{err}"
        );
    }

    #[test]
    fn development_generates_a_secret_once_and_keeps_it() {
        let dir = temp_dir();
        let dir_str = dir.to_string_lossy().to_string();
        let first = settings(&[("PORTAL_DATA_DIR", &dir_str)]).expect("dev settings");
        let second = settings(&[("PORTAL_DATA_DIR", &dir_str)]).expect("dev settings");
        assert_eq!(first.secret_key.expose(), second.secret_key.expose());
        assert!(first.database_url.starts_with("sqlite://"));
        assert!(
            !first.secure_cookies,
            "plain http on localhost in development"
        );
    }

    #[test]
    fn production_without_an_identity_provider_refuses_to_start() {
        let key = STANDARD.encode([7u8; 32]);
        let err = settings(&[
            ("PORTAL_ENV", "production"),
            ("PORTAL_SECRET_KEY", &key),
            ("DATABASE_URL", "sqlite::memory:"),
        ])
        .expect_err("must refuse");
        assert!(
            err.to_string().contains("PORTAL_OIDC_ISSUER is required"),
            "{err}"
        );
    }

    #[test]
    fn production_starts_with_an_https_identity_provider() {
        let key = STANDARD.encode([7u8; 32]);
        let vars = [
            ("PORTAL_ENV", "production"),
            ("PORTAL_SECRET_KEY", key.as_str()),
            ("DATABASE_URL", "sqlite::memory:"),
            ("PORTAL_OIDC_ISSUER", "https://login.example.org"),
            ("PORTAL_OIDC_CLIENT_ID", "portal"),
            ("PORTAL_OIDC_CLIENT_SECRET", "s3cret-value"),
            ("PORTAL_PUBLIC_URL", "https://portal.example.org/"),
            ("PORTAL_CLIENT_IP_HEADER", "X-Real-IP"),
        ];
        let s = settings(&vars).expect("settings");
        assert_eq!(s.public_url.as_deref(), Some("https://portal.example.org"));
        assert_eq!(s.client_ip.header.as_deref(), Some("x-real-ip"));
        assert!(!format!("{s:?}").contains("s3cret-value"));
        let mut plain = vars;
        plain[3].1 = "http://login.example.org";
        assert!(settings(&plain).is_err());
    }

    #[test]
    fn production_says_where_the_client_address_comes_from() {
        let key = STANDARD.encode([7u8; 32]);
        let base = [
            ("PORTAL_ENV", "production"),
            ("PORTAL_SECRET_KEY", key.as_str()),
            ("DATABASE_URL", "sqlite::memory:"),
            ("PORTAL_OIDC_ISSUER", "https://login.example.org"),
            ("PORTAL_OIDC_CLIENT_ID", "portal"),
            ("PORTAL_OIDC_CLIENT_SECRET", "s3cret-value"),
            ("PORTAL_PUBLIC_URL", "https://portal.example.org/"),
        ];
        let err = settings(&base).expect_err("must refuse");
        assert!(err.to_string().contains("PORTAL_CLIENT_IP_HEADER"), "{err}");
        let mut direct = base.to_vec();
        direct.push(("PORTAL_DIRECT_CLIENTS", "true"));
        assert_eq!(settings(&direct).unwrap().client_ip.header, None);
        let mut hops = base.to_vec();
        hops.push(("PORTAL_CLIENT_IP_HEADER", "x-forwarded-for"));
        hops.push(("PORTAL_TRUSTED_PROXY_HOPS", "2"));
        assert_eq!(settings(&hops).unwrap().client_ip.trusted_hops, 2);
        hops.push(("PORTAL_TRUSTED_PROXY_HOPS", "0"));
        assert!(
            settings(&hops).is_err(),
            "at least the proxy in front counts"
        );
    }

    #[test]
    fn a_short_secret_is_refused() {
        let short = STANDARD.encode([1u8; 16]);
        let err = settings(&[("PORTAL_SECRET_KEY", &short)]).expect_err("must refuse");
        assert!(err.to_string().contains("32 bytes"), "{err}");
    }

    #[test]
    fn cookies_are_secure_outside_localhost() {
        let key = STANDARD.encode([7u8; 32]);
        let s = settings(&[
            ("PORTAL_SECRET_KEY", &key),
            ("PORTAL_LISTEN", "0.0.0.0:3000"),
        ])
        .expect("settings");
        assert!(s.secure_cookies);
    }

    #[test]
    fn the_secret_never_shows_in_debug_output() {
        let key = STANDARD.encode([42u8; 32]);
        let s = settings(&[("PORTAL_SECRET_KEY", &key)]).expect("settings");
        let printed = format!("{s:?}");
        assert!(
            !printed.contains("42, 42") && !printed.contains(&key),
            "{printed}"
        );
        assert!(printed.contains("redacted"));
    }
}
