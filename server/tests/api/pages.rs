use crate::helpers::{backends, spawn_app};

/// Every public page's addresses, from the router (`server::routes::pages`).
fn public_paths() -> Vec<String> {
    let paths: Vec<String> = server::routes::pages()
        .into_iter()
        .filter(|page| page.access == server::routes::Access::Public)
        .flat_map(|page| page.examples)
        .collect();
    assert!(paths.len() >= 6, "{paths:?}");
    paths
}

#[tokio::test]
async fn the_home_page_is_english_by_default() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        let response = app.get("/").await;
        assert_eq!(response.status(), 200, "{backend:?}");
        let html = response.text().await.unwrap();
        assert!(html.contains(r#"<html lang="en" dir="ltr""#), "{html}");
        assert!(html.contains("Report images and get them removed"));
    }
}

#[tokio::test]
async fn a_dutch_browser_gets_dutch() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        let html = app
            .get_with("/", "accept-language", "nl-NL,nl;q=0.9,en;q=0.8")
            .await
            .text()
            .await
            .unwrap();
        assert!(
            html.contains(r#"<html lang="nl" dir="ltr""#),
            "{backend:?}: {html}"
        );
        assert!(html.contains("Beelden melden en laten verwijderen"));
        assert!(html.contains("Snel weg"));
    }
}

#[tokio::test]
async fn the_language_in_the_path_wins_over_the_browser() {
    let app = spawn_app(backends()[0]).await;
    let html = app
        .get_with("/en/help", "accept-language", "nl")
        .await
        .text()
        .await
        .unwrap();
    assert!(html.contains(r#"lang="en""#));
    assert!(html.contains("Get help now"));
    let html = app.get("/nl/help").await.text().await.unwrap();
    assert!(html.contains(r#"lang="nl""#));
    assert!(html.contains("Nu hulp krijgen"));
}

#[tokio::test]
async fn links_keep_the_language_of_the_path() {
    let app = spawn_app(backends()[0]).await;
    let html = app.get("/nl").await.text().await.unwrap();
    assert!(html.contains(r#"href="/nl/report""#), "{html}");
    assert!(
        html.contains(r#"href="/en""#),
        "the switch leads to the same page in English"
    );
}

#[tokio::test]
async fn every_public_page_has_a_quick_exit_and_sets_no_cookie() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        for prefix in ["", "/en", "/nl"] {
            for path in public_paths() {
                let url = match (prefix, path.as_str()) {
                    ("", path) => path.to_owned(),
                    (prefix, "/") => prefix.to_owned(),
                    (prefix, path) => format!("{prefix}{path}"),
                };
                let response = app.get(&url).await;
                assert_eq!(response.status(), 200, "{backend:?} {url}");
                assert!(
                    response.headers().get("set-cookie").is_none(),
                    "{url} set a cookie"
                );
                assert_eq!(response.headers()["cache-control"], "no-store", "{url}");
                let html = response.text().await.unwrap();
                assert!(html.contains("data-quick-exit"), "{url} has no quick exit");
                assert!(html.contains("<footer"), "{url} has no privacy footer");
            }
        }
    }
}

#[tokio::test]
async fn quick_exit_goes_to_a_weather_page_in_the_visitors_language() {
    let app = spawn_app(backends()[0]).await;
    let en = app.get("/").await.text().await.unwrap();
    assert!(en.contains(r#"href="https://www.bbc.com/weather""#));
    let nl = app.get("/nl").await.text().await.unwrap();
    assert!(nl.contains(r#"href="https://www.buienradar.nl/""#));
}

#[tokio::test]
async fn unknown_pages_are_404_in_the_right_language() {
    let app = spawn_app(backends()[0]).await;
    for (path, text) in [
        ("/no-such-page", "Page not found"),
        ("/nl/bestaat-niet", "Pagina niet gevonden"),
        ("/xx/report", "Page not found"),
    ] {
        let response = app.get(path).await;
        assert_eq!(response.status(), 404, "{path}");
        assert!(response.headers().get("set-cookie").is_none());
        let html = response.text().await.unwrap();
        assert!(html.contains(text), "{path}: {html}");
        assert!(html.contains("data-quick-exit"), "{path}");
    }
}

#[tokio::test]
async fn a_trailing_slash_leads_to_the_one_address_of_the_page() {
    let app = spawn_app(backends()[0]).await;
    for (from, to) in [
        ("/nl/", "/nl"),
        ("/nl/help/", "/nl/help"),
        ("/report/?a=1", "/report?a=1"),
    ] {
        let response = app.get(from).await;
        assert_eq!(response.status(), 308, "{from}");
        assert_eq!(response.headers()["location"], to, "{from}");
    }
}

#[tokio::test]
async fn the_health_check_answers_for_the_database_and_the_writer() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        let response = app.get("/health").await;
        assert_eq!(response.status(), 200);
        let body: serde_json::Value = response.json().await.unwrap();
        assert_eq!(
            body,
            serde_json::json!({"status": "ok", "database": "ok", "writer": "ok"}),
            "{backend:?}"
        );
        // The database gone (closed under the portal): a 503 that says so.
        app.db.clone().close().await.unwrap();
        app.store.write().clone().close().await.ok();
        let response = app.get("/health").await;
        assert_eq!(response.status(), 503, "{backend:?}");
        let body: serde_json::Value = response.json().await.unwrap();
        assert_eq!(body["database"], "down", "{backend:?}");
    }
}
