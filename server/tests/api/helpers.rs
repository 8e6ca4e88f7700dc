//! `spawn_app()` and friends, after zero2prod's `tests/api/helpers.rs`.

use std::path::PathBuf;

use sea_orm::{ConnectionTrait, Database, DatabaseConnection, Statement};
use server::{config::Settings, startup::Application};

/// A database the tests run against.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// SQLite always; PostgreSQL when `TEST_DATABASE_URL` is set. The test command sets
/// `PORTAL_TEST_REQUIRE_POSTGRES=1` so a missing server fails instead of being skipped.
pub fn backends() -> Vec<Backend> {
    let mut backends = vec![Backend::Sqlite];
    if std::env::var("TEST_DATABASE_URL").is_ok() {
        backends.push(Backend::Postgres);
    } else if std::env::var("PORTAL_TEST_REQUIRE_POSTGRES").is_ok() {
        panic!("PORTAL_TEST_REQUIRE_POSTGRES is set but TEST_DATABASE_URL is not");
    }
    backends
}

pub fn temp_dir(label: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "portal-test-{label}-{:016x}",
        rand::random::<u64>()
    ));
    std::fs::create_dir_all(&dir).expect("create temp dir");
    dir
}

/// A fresh, empty database of the given kind, as a URL.
pub async fn fresh_database(backend: Backend) -> String {
    match backend {
        Backend::Sqlite => {
            format!(
                "sqlite://{}/test.sqlite?mode=rwc",
                temp_dir("sqlite").display()
            )
        }
        Backend::Postgres => {
            let admin_url = std::env::var("TEST_DATABASE_URL").expect("TEST_DATABASE_URL");
            let admin = Database::connect(&admin_url)
                .await
                .expect("connect to PostgreSQL");
            let name = format!("portal_test_{:016x}", rand::random::<u64>());
            admin
                .execute_raw(Statement::from_string(
                    admin.get_database_backend(),
                    format!("CREATE DATABASE {name}"),
                ))
                .await
                .expect("create test database");
            admin.close().await.ok();
            replace_database_name(&admin_url, &name)
        }
    }
}

fn replace_database_name(url: &str, name: &str) -> String {
    let (base, query) = url
        .split_once('?')
        .map_or((url, None), |(b, q)| (b, Some(q)));
    let base = base.rsplit_once('/').map_or(base, |(head, _)| head);
    match query {
        Some(q) => format!("{base}/{name}?{q}"),
        None => format!("{base}/{name}"),
    }
}

pub const TEST_SECRET: &str = "dGVzdC1zZWNyZXQtdGVzdC1zZWNyZXQtdGVzdC1zZWM=";

pub struct TestApp {
    pub address: String,
    /// For the portal's command line, run against the same database.
    pub database_url: String,
    pub client: reqwest::Client,
    pub db: DatabaseConnection,
    /// The application's own write path and clock: use cases called by tests go through it.
    pub store: app::db::Db,
    /// The application's job runner: `app.jobs.run_due()` after moving the clock.
    pub jobs: server::jobs::Runner,
    /// The application's in-memory PDQ index of the hash list.
    pub hash_index: server::hash_index::HashIndex,
}

impl TestApp {
    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.client
            .get(format!("{}{path}", self.address))
            .send()
            .await
            .expect("GET")
    }

    pub async fn get_with(&self, path: &str, header: &str, value: &str) -> reqwest::Response {
        self.client
            .get(format!("{}{path}", self.address))
            .header(header, value)
            .send()
            .await
            .expect("GET")
    }
}

pub async fn spawn_app(backend: Backend) -> TestApp {
    spawn_app_with(backend, &[]).await
}

/// The servers' warnings and errors (slow answers among them) go to the test's captured
/// output, so a failing test shows them. `TEST_LOG` takes a filter for more.
fn capture_server_logs() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let filter = std::env::var("TEST_LOG").unwrap_or_else(|_| "warn".to_owned());
        let _ = tracing_subscriber::fmt()
            .with_env_filter(tracing_subscriber::EnvFilter::new(filter))
            .with_test_writer()
            .try_init();
    });
}

/// [`spawn_app`] with more settings, e.g. the identity provider's.
pub async fn spawn_app_with(backend: Backend, extra: &[(&str, String)]) -> TestApp {
    spawn_app_at(backend, extra, app::time::Clock::system()).await
}

/// [`spawn_app_with`] on `clock`: a manual one lets the test move time (`app.store.clock()`).
pub async fn spawn_app_at(
    backend: Backend,
    extra: &[(&str, String)],
    clock: app::time::Clock,
) -> TestApp {
    capture_server_logs();
    let database_url = fresh_database(backend).await;
    let data_dir = temp_dir("data");
    let mut vars = vec![
        ("PORTAL_LISTEN", "127.0.0.1:0".to_owned()),
        ("DATABASE_URL", database_url.clone()),
        ("PORTAL_DATA_DIR", data_dir.display().to_string()),
        ("PORTAL_SECRET_KEY", TEST_SECRET.to_owned()),
    ];
    // Hosting resolution never leaves the machine: the tests' own DNS and RDAP servers.
    let (dns, rdap) = crate::hosting_servers::shared().await;
    vars.push(("PORTAL_DNS_SERVERS", dns));
    vars.push(("PORTAL_RDAP_BOOTSTRAP", rdap));
    vars.push(("PORTAL_OUTBOUND_ALLOW", "127.0.0.1/32".to_owned()));
    vars.push(("PORTAL_RDAP_PER_SECOND", "200".to_owned()));
    vars.extend(extra.iter().cloned());
    let mut settings = Settings::from_lookup(|name| {
        vars.iter()
            .find(|(k, _)| *k == name)
            .map(|(_, v)| v.clone())
    })
    .expect("test settings");
    settings.clock = clock;
    let app = Application::build(settings)
        .await
        .expect("application builds");
    let address = format!("http://{}", app.local_addr());
    let db = app.db().clone();
    let store = app.store().clone();
    let jobs = app.jobs().clone();
    let hash_index = app.hash_index().clone();
    tokio::spawn(app.run_until_stopped());
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client");
    TestApp {
        address,
        database_url,
        client,
        db,
        store,
        jobs,
        hash_index,
    }
}
