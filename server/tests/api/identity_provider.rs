//! A real OpenID provider for the tests: `e2e/oidc/provider.mjs` (npm `oidc-provider`), started
//! once per test binary on a free port, and a browser-like client that signs in through its
//! login page.

use std::{
    io::{BufRead, BufReader},
    process::{Child, Command, Stdio},
    sync::{Mutex, OnceLock},
};

use crate::helpers::{Backend, TestApp, spawn_app_with};

pub const CLIENT_ID: &str = "portal";
pub const CLIENT_SECRET: &str = "portal-test-secret";
pub const PASSWORD: &str = "test-password";

pub fn oidc_dir() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../e2e/oidc")
}

/// The provider's issuer URL. The provider exits when this test binary does (its stdin
/// closes), so nothing is left running.
pub fn issuer() -> String {
    static PROVIDER: OnceLock<(String, Mutex<Child>)> = OnceLock::new();
    PROVIDER
        .get_or_init(|| {
            let mut child = Command::new("node")
                .arg(oidc_dir().join("provider.mjs"))
                .env("OIDC_PORT", "0")
                .env("OIDC_EXIT_WITH_STDIN", "1")
                .stdin(Stdio::piped())
                .stdout(Stdio::piped())
                .stderr(Stdio::null())
                .spawn()
                .expect("node runs e2e/oidc/provider.mjs (npm ci in e2e/ first)");
            let stdout = child.stdout.take().expect("stdout");
            let mut lines = BufReader::new(stdout).lines();
            let issuer = lines
                .find_map(|line| line.ok()?.strip_prefix("issuer=").map(str::to_owned))
                .expect("the provider prints its issuer");
            std::thread::spawn(move || lines.for_each(drop));
            // Kept (with its stdin open) for as long as the tests run.
            (issuer, Mutex::new(child))
        })
        .0
        .clone()
}

/// The portal, configured to sign staff in at the test provider.
pub async fn spawn_app_with_provider(backend: Backend) -> TestApp {
    spawn_app_with_provider_and(backend, &[]).await
}

/// [`spawn_app_with_provider`] with more settings (an SMTP server, …).
pub async fn spawn_app_with_provider_and(backend: Backend, extra: &[(&str, String)]) -> TestApp {
    let mut vars = vec![
        ("PORTAL_OIDC_ISSUER", issuer()),
        ("PORTAL_OIDC_CLIENT_ID", CLIENT_ID.to_owned()),
        ("PORTAL_OIDC_CLIENT_SECRET", CLIENT_SECRET.to_owned()),
    ];
    vars.extend(extra.iter().cloned());
    spawn_app_with(backend, &vars).await
}

/// A browser: cookies kept, redirects followed, as a person signing in would.
pub struct Browser {
    pub client: reqwest::Client,
    pub address: String,
}

impl Browser {
    pub fn new(app: &TestApp) -> Self {
        Browser {
            client: reqwest::Client::builder()
                .cookie_store(true)
                .build()
                .expect("client"),
            address: app.address.clone(),
        }
    }

    /// Signs in at the provider as `email`; returns the final page's address and body.
    pub async fn sign_in(&self, email: &str) -> (String, String) {
        let login_page = self
            .client
            .get(format!("{}/staff/sign-in", self.address))
            .send()
            .await
            .expect("sign-in starts");
        let login_url = login_page.url().clone();
        assert!(
            login_url.path().starts_with("/interaction/"),
            "the provider's login page, not {login_url}"
        );
        let response = self
            .client
            .post(format!("{login_url}/login"))
            .form(&[("login", email), ("password", PASSWORD)])
            .send()
            .await
            .expect("login posts");
        let url = response.url().to_string();
        let body = response.text().await.expect("body");
        (url, body)
    }

    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.client
            .get(format!("{}{path}", self.address))
            .send()
            .await
            .expect("GET")
    }

    pub async fn post(&self, path: &str, form: &[(&str, &str)]) -> reqwest::Response {
        self.client
            .post(format!("{}{path}", self.address))
            .form(form)
            .send()
            .await
            .expect("POST")
    }
}

/// The form token in a rendered staff page.
pub fn csrf_in(html: &str) -> String {
    let start = html.find("name=\"csrf\" value=\"").expect("a form token") + 19;
    html[start..]
        .split('"')
        .next()
        .expect("token value")
        .to_owned()
}
