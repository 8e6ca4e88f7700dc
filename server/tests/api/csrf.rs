use crate::helpers::{backends, spawn_app};

#[tokio::test]
async fn a_state_changing_request_from_another_site_is_refused() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        let response = app
            .client
            .post(format!("{}/api/anything", app.address))
            .header("origin", "https://evil.example")
            .header("sec-fetch-site", "cross-site")
            .body("x=1")
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 403, "{backend:?}");
    }
}

#[tokio::test]
async fn a_request_from_the_portal_itself_gets_through() {
    let app = spawn_app(backends()[0]).await;
    let origin = app.address.clone();
    let response = app
        .client
        .post(format!("{}/", app.address))
        .header("origin", origin)
        .header("sec-fetch-site", "same-origin")
        .send()
        .await
        .unwrap();
    // Past the CSRF check; `/` does not take POST.
    assert_ne!(response.status(), 403);
}

#[tokio::test]
async fn oversized_request_bodies_are_refused() {
    let app = spawn_app(backends()[0]).await;
    let response = app
        .client
        .post(format!("{}/api/anything", app.address))
        .body(vec![b'a'; 512 * 1024])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 413);
}
