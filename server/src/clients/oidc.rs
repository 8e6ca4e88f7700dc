//! Staff sign-in with OpenID Connect: authorization code flow with PKCE against the
//! organisation's identity provider, found through its discovery document.
//!
//! The ID token's signature (keys from the provider's JWKS), issuer, audience, expiry and
//! nonce are all checked by `openidconnect`'s verifier before anyone is let in. The provider's
//! metadata and keys are fetched on first use and again after an hour (key rotation), so the
//! portal starts even while the provider is down.

use std::{
    sync::Arc,
    time::{Duration, Instant},
};

use app::staff::service::Identity;
use openidconnect::{
    AuthorizationCode, ClientId, ClientSecret, CsrfToken, EndpointMaybeSet, EndpointNotSet,
    EndpointSet, IssuerUrl, Nonce, PkceCodeChallenge, PkceCodeVerifier, RedirectUrl, Scope,
    TokenResponse,
    core::{CoreAuthenticationFlow, CoreClient, CoreIdToken, CoreProviderMetadata},
};
use secrecy::ExposeSecret;
use serde::{Deserialize, Serialize};
use tokio::sync::Mutex;

use crate::config::OidcSettings;

type DiscoveredClient = CoreClient<
    EndpointSet,
    EndpointNotSet,
    EndpointNotSet,
    EndpointNotSet,
    EndpointMaybeSet,
    EndpointMaybeSet,
>;

/// How long discovered metadata and keys are trusted before they are fetched again.
const REDISCOVER_AFTER: Duration = Duration::from_secs(3600);

#[derive(Debug, thiserror::Error)]
pub enum OidcError {
    #[error("the identity provider could not be discovered: {0}")]
    Discovery(String),
    #[error("the provider's token endpoint is missing")]
    NoTokenEndpoint,
    #[error("exchanging the authorization code failed: {0}")]
    Exchange(String),
    #[error("the token response carried no ID token")]
    NoIdToken,
    #[error("the ID token was refused: {0}")]
    InvalidIdToken(String),
    #[error("bad configuration: {0}")]
    Config(String),
}

/// What the session keeps between sending someone to the provider and their return.
/// Server-side only (in the session store), never in a URL or cookie.
#[derive(Clone, Serialize, Deserialize)]
pub struct PendingSignIn {
    pub state: String,
    pub nonce: String,
    pub pkce_verifier: String,
    pub started_at: i64,
}

impl std::fmt::Debug for PendingSignIn {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("PendingSignIn(<redacted>)")
    }
}

/// The portal's client at the organisation's identity provider.
pub struct OidcLogin {
    settings: OidcSettings,
    redirect_url: RedirectUrl,
    http: reqwest::Client,
    discovered: Mutex<Option<(Instant, Arc<DiscoveredClient>)>>,
}

impl OidcLogin {
    /// `callback_url` is the full address of `/staff/oidc/callback` as the browser sees it.
    pub fn new(settings: OidcSettings, callback_url: &str) -> Result<Self, OidcError> {
        let redirect_url = RedirectUrl::new(callback_url.to_owned())
            .map_err(|e| OidcError::Config(e.to_string()))?;
        let http = reqwest::Client::builder()
            // Following redirects opens the client up to SSRF vulnerabilities.
            .redirect(reqwest::redirect::Policy::none())
            .timeout(Duration::from_secs(10))
            .build()
            .map_err(|e| OidcError::Config(e.to_string()))?;
        Ok(OidcLogin {
            settings,
            redirect_url,
            http,
            discovered: Mutex::new(None),
        })
    }

    async fn client(&self) -> Result<Arc<DiscoveredClient>, OidcError> {
        let mut cached = self.discovered.lock().await;
        if let Some((at, client)) = cached.as_ref()
            && at.elapsed() < REDISCOVER_AFTER
        {
            return Ok(client.clone());
        }
        let issuer = IssuerUrl::new(self.settings.issuer_url.clone())
            .map_err(|e| OidcError::Config(e.to_string()))?;
        // Checks that the document names the configured issuer, and fetches its keys.
        let metadata = CoreProviderMetadata::discover_async(issuer, &self.http)
            .await
            .map_err(|e| OidcError::Discovery(error_chain(&e)))?;
        let client = Arc::new(
            CoreClient::from_provider_metadata(
                metadata,
                ClientId::new(self.settings.client_id.clone()),
                self.settings
                    .client_secret
                    .as_ref()
                    .map(|s| ClientSecret::new(s.expose_secret().to_owned())),
            )
            .set_redirect_uri(self.redirect_url.clone()),
        );
        *cached = Some((Instant::now(), client.clone()));
        Ok(client)
    }

    /// Where to send the browser, and what to remember until it comes back.
    /// `now`: when the sign-in starts (unix seconds); it must come back within minutes.
    pub async fn start(&self, now: i64) -> Result<(String, PendingSignIn), OidcError> {
        let client = self.client().await?;
        let (challenge, verifier) = PkceCodeChallenge::new_random_sha256();
        let (url, state, nonce) = client
            .authorize_url(
                CoreAuthenticationFlow::AuthorizationCode,
                CsrfToken::new_random,
                Nonce::new_random,
            )
            .add_scope(Scope::new("email".to_owned()))
            .add_scope(Scope::new("profile".to_owned()))
            .set_pkce_challenge(challenge)
            .url();
        Ok((
            url.to_string(),
            PendingSignIn {
                state: state.secret().clone(),
                nonce: nonce.secret().clone(),
                pkce_verifier: verifier.secret().clone(),
                started_at: now,
            },
        ))
    }

    /// Exchanges the code (with the PKCE verifier) and verifies the ID token.
    pub async fn finish(
        &self,
        code: String,
        pending: PendingSignIn,
    ) -> Result<Identity, OidcError> {
        let client = self.client().await?;
        let response = client
            .exchange_code(AuthorizationCode::new(code))
            .map_err(|_| OidcError::NoTokenEndpoint)?
            .set_pkce_verifier(PkceCodeVerifier::new(pending.pkce_verifier))
            .request_async(&self.http)
            .await
            .map_err(|e| OidcError::Exchange(error_chain(&e)))?;
        let id_token = response.id_token().ok_or(OidcError::NoIdToken)?;
        verify(&client, id_token, &Nonce::new(pending.nonce))
    }

    /// Verifies a raw ID token as [`finish`](Self::finish) does. For tests of refused tokens.
    pub async fn verify_id_token(&self, raw: &str, nonce: &str) -> Result<Identity, OidcError> {
        let client = self.client().await?;
        let token: CoreIdToken = raw
            .parse()
            .map_err(|e: serde_json::Error| OidcError::InvalidIdToken(e.to_string()))?;
        verify(&client, &token, &Nonce::new(nonce.to_owned()))
    }
}

fn verify(
    client: &DiscoveredClient,
    token: &CoreIdToken,
    nonce: &Nonce,
) -> Result<Identity, OidcError> {
    let claims = token
        .claims(&client.id_token_verifier(), nonce)
        .map_err(|e| OidcError::InvalidIdToken(e.to_string()))?;
    let verified_email = claims
        .email()
        .filter(|_| claims.email_verified() == Some(true))
        .map(|e| e.as_str().to_lowercase());
    let name = claims
        .name()
        .and_then(|n| n.get(None))
        .map(|n| n.as_str().to_owned());
    Ok(Identity {
        issuer: claims.issuer().as_str().to_owned(),
        subject: claims.subject().as_str().to_owned(),
        verified_email,
        name,
    })
}

fn error_chain(error: &dyn std::error::Error) -> String {
    let mut text = error.to_string();
    let mut source = error.source();
    while let Some(inner) = source {
        text.push_str(": ");
        text.push_str(&inner.to_string());
        source = inner.source();
    }
    text
}
