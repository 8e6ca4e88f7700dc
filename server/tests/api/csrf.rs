//! The same-origin rule for writes, on real forms: a post from another site is refused with
//! a page in the person's language (with the quick exit); the portal's own posts get
//! through, also from browsers that send no Fetch Metadata (older Safari), which with the
//! portal's `Referrer-Policy: same-origin` still send their real `Origin`.

use app::i18n::{Lang, t};

use crate::helpers::{backends, spawn_app};

const FORMS: [&str; 4] = [
    "/nl/follow-up",
    "/nl/report",
    "/follow-up",
    "/nl/staff/admin",
];

#[tokio::test]
async fn a_post_from_another_site_is_refused_with_a_page_in_the_persons_language() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        for path in FORMS {
            for headers in [
                &[
                    ("origin", "https://evil.example"),
                    ("sec-fetch-site", "cross-site"),
                ][..],
                &[("origin", "https://evil.example")][..],
                // A sandboxed frame elsewhere, or a browser told to hide the origin.
                &[("origin", "null")][..],
                &[("sec-fetch-site", "same-site")][..],
            ] {
                let mut request = app
                    .client
                    .post(format!("{}{path}", app.address))
                    .form(&[("action", "sign-in"), ("receipt", "x")]);
                for (name, value) in headers {
                    request = request.header(*name, *value);
                }
                let response = request.send().await.unwrap();
                assert_eq!(response.status(), 403, "{backend:?} {path} {headers:?}");
                let csp = response.headers()["content-security-policy"]
                    .to_str()
                    .unwrap()
                    .to_owned();
                assert!(csp.contains("'nonce-"), "{csp}");
                assert_eq!(response.headers()["x-frame-options"], "DENY");
                let page = response.text().await.unwrap();
                let lang = if path.starts_with("/nl") {
                    Lang::Nl
                } else {
                    Lang::En
                };
                assert!(
                    page.contains(&t(lang, "edge-cross-site-title")),
                    "{path}: {page}"
                );
                assert!(page.contains("data-quick-exit"), "{path}");
            }
        }
    }
}

#[tokio::test]
async fn the_portals_own_posts_get_through_with_or_without_fetch_metadata() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        for fetch_metadata in [Some("same-origin"), None] {
            let mut request = app
                .client
                .post(format!("{}/nl/follow-up", app.address))
                .header("origin", &app.address)
                .form(&[("action", "sign-in"), ("receipt", "ABCD-EFGH")]);
            if let Some(site) = fetch_metadata {
                request = request.header("sec-fetch-site", site);
            }
            let response = request.send().await.unwrap();
            assert_eq!(response.status(), 200, "{backend:?} {fetch_metadata:?}");
            // The follow-up itself answered: the receipt is not one.
            let page = response.text().await.unwrap();
            assert!(
                page.contains(&t(Lang::Nl, "follow-up-error-receipt-format")),
                "{fetch_metadata:?}: {page}"
            );
        }
    }
}

#[tokio::test]
async fn an_oversized_body_is_a_page_saying_so_never_an_empty_form() {
    let app = spawn_app(backends()[0]).await;
    let big = format!("action=sign-in&receipt={}", "a".repeat(512 * 1024));
    // Declared up front (the body cap answers before reading), and streamed without a length
    // (the form reader finds out as it reads).
    let declared = app
        .client
        .post(format!("{}/nl/follow-up", app.address))
        .header("origin", &app.address)
        .header("content-type", "application/x-www-form-urlencoded")
        .body(big.clone())
        .send()
        .await
        .unwrap();
    assert_eq!(declared.status(), 413);
    assert_eq!(declared.headers()["x-content-type-options"], "nosniff");
    let csp = declared.headers()["content-security-policy"]
        .to_str()
        .unwrap();
    assert!(csp.contains("'nonce-"), "the page's own policy: {csp}");
    let page = declared.text().await.unwrap();
    assert!(
        page.contains(&t(Lang::Nl, "edge-too-large-title")),
        "{page}"
    );
    assert!(page.contains("data-quick-exit"));

    // Chunked, by hand (reqwest here has no streaming bodies): no length to refuse early.
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let host = app.address.trim_start_matches("http://").to_owned();
    let mut stream = tokio::net::TcpStream::connect(&host).await.unwrap();
    let head = format!(
        "POST /nl/follow-up HTTP/1.1\r\nHost: {host}\r\nOrigin: {}\r\n\
         Content-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\n\r\n",
        app.address
    );
    stream.write_all(head.as_bytes()).await.unwrap();
    for chunk in big.as_bytes().chunks(16 * 1024) {
        let framed = [format!("{:x}\r\n", chunk.len()).as_bytes(), chunk, b"\r\n"].concat();
        if stream.write_all(&framed).await.is_err() {
            break;
        }
    }
    let _ = stream.write_all(b"0\r\n\r\n").await;
    let mut answer = Vec::new();
    let _ = stream.read_to_end(&mut answer).await;
    let answer = String::from_utf8_lossy(&answer);
    assert!(
        answer.starts_with("HTTP/1.1 413"),
        "{}",
        &answer[..answer.len().min(300)]
    );
    assert!(
        answer
            .to_ascii_lowercase()
            .contains("x-content-type-options: nosniff")
    );
    assert!(answer.contains(&t(Lang::Nl, "edge-too-large-title")));
}
