//! The edge: no redirect ever leads to another site, odd paths are not found, a handler's
//! panic is a page with the security headers, not a dropped connection.

use axum::{Router, routing::get};
use server::config::Settings;

use crate::helpers::{TEST_SECRET, backends, spawn_app, temp_dir};

#[tokio::test]
async fn no_address_of_the_portal_redirects_to_another_site() {
    let app = spawn_app(backends()[0]).await;
    for path in [
        "//evil.example/",
        "///evil.example/?q=1",
        "//evil.example",
        "/%5Cevil.example/",
        "//evil.example/nl/",
    ] {
        let response = app.get_with(path, "accept-language", "nl").await;
        assert_eq!(response.status(), 404, "{path}");
        assert!(response.headers().get("location").is_none(), "{path}");
        let csp = response.headers()["content-security-policy"]
            .to_str()
            .unwrap();
        assert!(csp.contains("'nonce-"), "{path}: the page's own policy");
        let page = response.text().await.unwrap();
        assert!(page.contains("data-quick-exit"), "{path}");
        assert!(
            page.contains("<html lang=\"nl\""),
            "{path}: the browser's language"
        );
    }
    // A backslash as sent (an HTTP client library would turn it into a slash first).
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let host = app.address.trim_start_matches("http://").to_owned();
    for path in ["/\\evil.example/", "/\\/evil.example/"] {
        let mut stream = tokio::net::TcpStream::connect(&host).await.unwrap();
        let request = format!("GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n");
        stream.write_all(request.as_bytes()).await.unwrap();
        let mut answer = Vec::new();
        stream.read_to_end(&mut answer).await.unwrap();
        let answer = String::from_utf8_lossy(&answer);
        assert!(
            answer.starts_with("HTTP/1.1 404"),
            "{path}: {}",
            &answer[..answer.len().min(200)]
        );
        assert!(
            !answer.to_ascii_lowercase().contains("\r\nlocation:"),
            "{path}"
        );
    }
    // The trailing slash still goes, to the same site.
    for (path, to) in [("/nl/help/", "/nl/help"), ("/nl/help/?a=1", "/nl/help?a=1")] {
        let response = app.get(path).await;
        assert_eq!(response.status(), 308, "{path}");
        assert_eq!(response.headers()["location"], to, "{path}");
    }
}

#[tokio::test]
async fn a_handler_that_panics_answers_500_with_a_page_and_the_headers() {
    let data = temp_dir("edge");
    let vars = [
        ("DATABASE_URL", "sqlite::memory:".to_owned()),
        ("PORTAL_DATA_DIR", data.display().to_string()),
        ("PORTAL_SECRET_KEY", TEST_SECRET.to_owned()),
    ];
    let settings = Settings::from_lookup(|name| {
        vars.iter()
            .find(|(k, _)| *k == name)
            .map(|(_, v)| v.clone())
    })
    .unwrap();
    let router = server::startup::edge(
        Router::new().route(
            "/nl/boom",
            get(|| async {
                panic!("a bug");
                #[allow(unreachable_code)]
                ""
            }),
        ),
        &settings,
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, router).await });
    let response = reqwest::get(format!("http://{address}/nl/boom"))
        .await
        .unwrap();
    assert_eq!(response.status(), 500);
    assert_eq!(response.headers()["x-frame-options"], "DENY");
    assert_eq!(response.headers()["cache-control"], "no-store");
    let page = response.text().await.unwrap();
    assert!(page.contains(&app::i18n::t(app::i18n::Lang::Nl, "edge-internal-title")));
    assert!(!page.contains("a bug"));
}
