//! Staff sign-in through a real OpenID provider: invited people get in with their role,
//! others are refused with a clear message, sign-out ends the session, and forged, expired
//! or foreign ID tokens are refused.

use app::{
    audit::store as audit,
    staff::{
        Role,
        service::{self, Invitee},
    },
};
use openidconnect::{
    Audience, EmptyAdditionalClaims, EndUserEmail, IssuerUrl, JsonWebKeyId, Nonce, StandardClaims,
    SubjectIdentifier,
    core::{CoreIdToken, CoreIdTokenClaims, CoreJwsSigningAlgorithm, CoreRsaPrivateSigningKey},
};
use server::{clients::oidc::OidcLogin, config::OidcSettings};

use crate::{
    helpers::backends,
    identity_provider::{
        Browser, CLIENT_ID, CLIENT_SECRET, csrf_in, issuer, oidc_dir, spawn_app_with_provider,
    },
};

#[tokio::test]
async fn an_invited_analyst_signs_in_and_out_and_an_uninvited_person_is_refused() {
    for backend in backends() {
        let app = spawn_app_with_provider(backend).await;

        let stranger = Browser::new(&app);
        let (url, body) = stranger.sign_in("stranger@example.test").await;
        assert!(
            url.ends_with("/staff?sign-in=refused"),
            "{backend:?}: {url}"
        );
        assert!(body.contains("has not been invited"), "{body}");
        assert!(!body.contains("Signed in as"));

        service::invite(
            &app.store,
            None,
            Invitee::email("Analyst.One@example.test").unwrap(),
            Role::Analyst,
            None,
        )
        .await
        .expect("invite");
        let analyst = Browser::new(&app);
        let (url, body) = analyst.sign_in("analyst.one@example.test").await;
        assert!(url.ends_with("/staff"), "{backend:?}: {url}");
        assert!(
            body.contains("Signed in as analyst one (Analyst)"),
            "{body}"
        );

        // A second sign-in finds the account, not the (used) invitation.
        let again = Browser::new(&app);
        let (_, again_body) = again.sign_in("analyst.one@example.test").await;
        assert!(again_body.contains("Signed in as analyst one (Analyst)"));
        assert_ne!(
            csrf_in(&again_body),
            csrf_in(&body),
            "one form token per session"
        );

        // Without the form token, sign-out is refused; with it, the session is gone.
        let refused = analyst.post("/staff/sign-out", &[("csrf", "wrong")]).await;
        assert_eq!(refused.status(), 403);
        let signed_out = analyst
            .post("/staff/sign-out", &[("csrf", &csrf_in(&body))])
            .await;
        assert!(
            signed_out
                .url()
                .as_str()
                .ends_with("/staff?sign-in=signed-out")
        );
        let body = signed_out.text().await.unwrap();
        assert!(body.contains("You are signed out."), "{body}");
        assert!(!body.contains("Signed in as"));
        assert_eq!(analyst.post("/api/staff/home", &[]).await.status(), 401);

        let chain = audit::verify(&app.db, app.store.audit_key()).await.unwrap();
        assert!(chain.is_intact(), "{backend:?}: {chain:?}");
        let actions: Vec<String> = audit::recent(&app.db, 50)
            .await
            .unwrap()
            .into_iter()
            .rev()
            .map(|e| e.action)
            .collect();
        assert_eq!(
            actions,
            [
                "staff.sign_in_refused",
                "staff.invited",
                "staff.account_created",
                "staff.signed_in",
                "staff.signed_in",
                "staff.signed_out",
            ],
            "{backend:?}"
        );
    }
}

#[tokio::test]
async fn without_an_identity_provider_nobody_can_sign_in() {
    let app = crate::helpers::spawn_app(backends()[0]).await;
    let response = app.get("/staff/sign-in").await;
    assert_eq!(response.status(), 303);
    assert_eq!(response.headers()["location"], "/staff?sign-in=unavailable");
}

/// Each start keeps a pending sign-in (a session row): one client cannot fill the table.
#[tokio::test]
async fn sign_in_starts_are_limited_per_client_and_say_so() {
    let app = spawn_app_with_provider(backends()[0]).await;
    let mut to_provider = 0;
    let mut busy = 0;
    for _ in 0..25 {
        let response = app.get("/staff/sign-in").await;
        assert_eq!(response.status(), 303);
        match response.headers()["location"].to_str().unwrap() {
            "/staff?sign-in=busy" => busy += 1,
            location => {
                assert!(location.starts_with(&issuer()), "{location}");
                to_provider += 1;
            }
        }
    }
    assert_eq!((to_provider, busy), (20, 5));
    assert_eq!(
        server::session_store::count(&app.db).await.unwrap(),
        20,
        "no row for a refused start"
    );
    let page = app.get("/staff?sign-in=busy").await.text().await.unwrap();
    assert!(page.contains("Too many sign-ins were started"), "{page}");
}

#[tokio::test]
async fn a_callback_without_a_pending_sign_in_is_refused() {
    let app = spawn_app_with_provider(backends()[0]).await;
    let response = app
        .get("/staff/oidc/callback?code=made-up&state=made-up")
        .await;
    assert_eq!(response.status(), 303);
    assert_eq!(response.headers()["location"], "/staff?sign-in=failed");
}

fn key(file: &str) -> CoreRsaPrivateSigningKey {
    let pem = std::fs::read_to_string(oidc_dir().join(file)).expect("test key");
    CoreRsaPrivateSigningKey::from_pem(&pem, Some(JsonWebKeyId::new("portal-test-key".into())))
        .expect("PKCS#1 key")
}

struct Token {
    issuer: String,
    audience: String,
    nonce: String,
    expires_in: chrono::Duration,
    key_file: &'static str,
}

impl Token {
    fn valid() -> Self {
        Token {
            issuer: issuer(),
            audience: CLIENT_ID.to_owned(),
            nonce: "the-nonce".to_owned(),
            expires_in: chrono::Duration::minutes(5),
            key_file: "test-signing-key.pem",
        }
    }

    fn sign(&self) -> String {
        let now = chrono::Utc::now();
        let claims = CoreIdTokenClaims::new(
            IssuerUrl::new(self.issuer.clone()).unwrap(),
            vec![Audience::new(self.audience.clone())],
            now + self.expires_in,
            now - chrono::Duration::minutes(10),
            StandardClaims::new(SubjectIdentifier::new("sub-admin".into()))
                .set_email(Some(EndUserEmail::new("admin@example.test".into())))
                .set_email_verified(Some(true)),
            EmptyAdditionalClaims {},
        )
        .set_nonce(Some(Nonce::new(self.nonce.clone())));
        CoreIdToken::new(
            claims,
            &key(self.key_file),
            CoreJwsSigningAlgorithm::RsaSsaPkcs1V15Sha256,
            None,
            None,
        )
        .expect("signs")
        .to_string()
    }
}

#[tokio::test]
async fn expired_tampered_foreign_or_misaddressed_id_tokens_are_refused() {
    let login = OidcLogin::new(
        OidcSettings {
            issuer_url: issuer(),
            client_id: CLIENT_ID.to_owned(),
            client_secret: Some(CLIENT_SECRET.to_owned().into()),
        },
        "http://127.0.0.1:9/staff/oidc/callback",
    )
    .unwrap();
    let verify = |token: String, nonce: &'static str| {
        let login = &login;
        async move { login.verify_id_token(&token, nonce).await }
    };

    // The provider's own key, its issuer, our audience, the right nonce: accepted.
    let identity = verify(Token::valid().sign(), "the-nonce")
        .await
        .expect("a valid token passes");
    assert_eq!(identity.subject, "sub-admin");
    assert_eq!(
        identity.verified_email.as_deref(),
        Some("admin@example.test")
    );

    let expired = Token {
        expires_in: chrono::Duration::minutes(-5),
        ..Token::valid()
    };
    assert!(
        verify(expired.sign(), "the-nonce").await.is_err(),
        "expired"
    );

    let foreign_key = Token {
        key_file: "unrelated-key.pem",
        ..Token::valid()
    };
    assert!(
        verify(foreign_key.sign(), "the-nonce").await.is_err(),
        "foreign key"
    );

    let other_audience = Token {
        audience: "someone-else".into(),
        ..Token::valid()
    };
    assert!(
        verify(other_audience.sign(), "the-nonce").await.is_err(),
        "audience"
    );

    let other_issuer = Token {
        issuer: "http://127.0.0.1:1".into(),
        ..Token::valid()
    };
    assert!(
        verify(other_issuer.sign(), "the-nonce").await.is_err(),
        "issuer"
    );

    assert!(
        verify(Token::valid().sign(), "another-nonce")
            .await
            .is_err(),
        "nonce"
    );

    // The payload changed after signing (another subject), signature kept.
    let valid = Token::valid().sign();
    let mut parts: Vec<String> = valid.split('.').map(str::to_owned).collect();
    use base64::Engine;
    let engine = base64::engine::general_purpose::URL_SAFE_NO_PAD;
    let payload = String::from_utf8(engine.decode(&parts[1]).unwrap()).unwrap();
    parts[1] = engine.encode(payload.replace("sub-admin", "sub-mallory"));
    assert!(
        verify(parts.join("."), "the-nonce").await.is_err(),
        "tampered"
    );
}
