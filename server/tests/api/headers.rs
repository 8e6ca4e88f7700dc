use crate::helpers::{backends, spawn_app};

fn script_nonces(html: &str) -> Vec<String> {
    html.match_indices("nonce=\"")
        .map(|(i, m)| {
            let rest = &html[i + m.len()..];
            rest[..rest.find('"').expect("closing quote")].to_owned()
        })
        .collect()
}

#[tokio::test]
async fn pages_carry_a_strict_content_security_policy_with_a_fresh_nonce() {
    let app = spawn_app(backends()[0]).await;
    let mut seen = Vec::new();
    for _ in 0..2 {
        let response = app.get("/").await;
        let csp = response.headers()["content-security-policy"]
            .to_str()
            .unwrap()
            .to_owned();
        let html = response.text().await.unwrap();
        let script_src = csp
            .split(';')
            .map(str::trim)
            .find(|d| d.starts_with("script-src"))
            .expect("a script-src directive");
        assert!(!script_src.contains("unsafe-inline"), "{csp}");
        assert!(
            !csp.contains("http:") && !csp.contains("https:"),
            "no third-party origins: {csp}"
        );
        assert!(csp.contains("frame-ancestors 'none'"), "{csp}");
        // Workers come from the portal's own files only; nothing makes one from a blob.
        assert!(csp.contains("worker-src 'self';"), "{csp}");
        let nonces = script_nonces(&html);
        assert!(!nonces.is_empty(), "inline scripts carry the nonce");
        for nonce in &nonces {
            assert!(
                script_src.contains(&format!("'nonce-{nonce}'")),
                "{nonce} not in {csp}"
            );
        }
        // Every inline <script> must carry a nonce, or the browser refuses it.
        assert_eq!(html.matches("<script").count(), nonces.len(), "{html}");
        seen.push(nonces[0].clone());
    }
    assert_ne!(seen[0], seen[1], "each response has its own nonce");
}

#[tokio::test]
async fn every_response_carries_the_security_headers() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        for path in [
            "/",
            "/nl/report",
            "/health",
            "/does-not-exist",
            "/pkg/missing.js",
        ] {
            let response = app.get(path).await;
            let h = response.headers();
            assert_eq!(h["referrer-policy"], "same-origin", "{path}");
            assert_eq!(h["x-content-type-options"], "nosniff", "{path}");
            assert_eq!(h["cache-control"], "no-store", "{path}");
            let csp = h["content-security-policy"].to_str().unwrap();
            assert!(csp.contains("frame-ancestors 'none'"), "{path}: {csp}");
            assert!(h.get("set-cookie").is_none(), "{path}");
        }
    }
}

#[tokio::test]
async fn pages_are_compressed_for_browsers_that_accept_it() {
    let app = spawn_app(backends()[0]).await;
    let response = app.get_with("/", "accept-encoding", "br").await;
    assert_eq!(response.headers()["content-encoding"], "br");
}
