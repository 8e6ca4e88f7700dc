//! Builds the application: database, migrations, router, listener. The binary and the
//! integration tests both go through [`Application::build`].

use std::{
    net::SocketAddr,
    sync::{Arc, LazyLock},
    time::Duration,
};

use anyhow::Context;
use app::{
    App,
    abuse::{ClientHasher, Limits},
    report::{ReportKeys, intake::Intake},
    shell,
    shell::QuickExitSetting,
    staff::routes::{OIDC_CALLBACK, SIGN_IN, SIGN_OUT},
};
use axum::{
    Router,
    extract::FromRef,
    middleware,
    response::IntoResponse,
    routing::{get, post},
};
use leptos::prelude::*;
use leptos_axum::{
    AxumRouteListing, LeptosRoutes, file_and_error_handler_with_context, generate_route_list,
};
use sea_orm::DatabaseConnection;
use tokio::net::TcpListener;
use tower_http::{
    compression::CompressionLayer, limit::RequestBodyLimitLayer, timeout::TimeoutLayer,
    trace::TraceLayer,
};
use tower_sessions::{Expiry, SessionManagerLayer, cookie::SameSite};

use crate::{
    config::Settings,
    db,
    oidc::OidcLogin,
    public_forms, retention, security,
    session_store::{DbSessionStore, delete_expired_periodically},
    staff_routes,
};

/// Public request bodies are small by design: hashes and answers, never files.
pub const MAX_REQUEST_BYTES: usize = 128 * 1024;

/// What every page and server function gets in its Leptos context.
pub type LeptosContext = Arc<dyn Fn() + Send + Sync>;

#[derive(Clone, FromRef)]
pub struct AppState {
    pub leptos_options: LeptosOptions,
    pub db: DatabaseConnection,
    pub intake: Intake,
    pub context: LeptosContext,
    /// Staff sign-in; `None` when no identity provider is configured (development only).
    pub oidc: Option<Arc<OidcLogin>>,
}

pub struct Application {
    listener: TcpListener,
    router: Router,
    db: DatabaseConnection,
}

/// The app's routes, listed once per process. Listing renders the app with every `Resource`
/// held back by a process-wide flag in leptos_server, and a resource whose first poll falls
/// inside any listing never loads (leptos-rs/leptos#4773): a second listing while pages render
/// (another `Application` in the same process, as the integration tests start) left those
/// pages hanging until the request timeout answered 408. Listed once, before the first
/// application serves, nothing renders during it.
pub fn routes() -> Vec<AxumRouteListing> {
    static ROUTES: LazyLock<Vec<AxumRouteListing>> = LazyLock::new(|| generate_route_list(App));
    ROUTES.clone()
}

impl Application {
    pub async fn build(settings: Settings) -> anyhow::Result<Self> {
        let db = db::connect(&settings).await?;
        db::migrate(&db).await?;

        let mut leptos_options = leptos::config::get_configuration(None)
            .context("cannot read the Leptos configuration")?
            .leptos_options;
        let listener = TcpListener::bind(settings.listen)
            .await
            .with_context(|| format!("cannot listen on {}", settings.listen))?;
        leptos_options.site_addr = listener.local_addr()?;

        let store = DbSessionStore::new(db.clone());
        tokio::spawn(delete_expired_periodically(
            store.clone(),
            Duration::from_secs(600),
        ));
        let sessions = SessionManagerLayer::new(store)
            .with_name("portal_session")
            .with_http_only(true)
            .with_same_site(SameSite::Lax)
            .with_secure(settings.secure_cookies)
            // No expiry date: the cookie goes when the browser closes. Staff sign-in sets its
            // own inactivity limit on its sessions.
            .with_expiry(Expiry::OnSessionEnd);

        let intake = Intake {
            db: db.clone(),
            writer: db::writer(&db, &settings.database_url).await?,
            keys: ReportKeys::derive(settings.secret_key.expose()),
            limits: Limits::new(settings.reports_per_client),
        };
        tokio::spawn(retention::delete_closed_periodically(
            intake.writer.connection().clone(),
            settings.retention_days,
        ));
        let quick_exit = QuickExitSetting(settings.quick_exit_url.clone());
        let intake_for_context = intake.clone();
        let db_for_context = db.clone();
        let context: LeptosContext = Arc::new(move || {
            // Leptos has just made this response's nonce: the security middleware writes
            // the page's CSP with it.
            app::shell::record_page_nonce();
            provide_context(quick_exit.clone());
            provide_context(intake_for_context.clone());
            provide_context(db_for_context.clone());
        });
        let public_url = settings
            .public_url
            .clone()
            .unwrap_or_else(|| format!("http://{}", leptos_options.site_addr));
        let oidc = match settings.oidc.clone() {
            Some(oidc) => Some(Arc::new(
                OidcLogin::new(oidc, &format!("{public_url}{OIDC_CALLBACK}"))
                    .context("cannot set up staff sign-in")?,
            )),
            None => {
                tracing::warn!("no PORTAL_OIDC_ISSUER set: staff cannot sign in");
                None
            }
        };
        let state = AppState {
            leptos_options: leptos_options.clone(),
            db: db.clone(),
            intake,
            context: context.clone(),
            oidc,
        };
        let leptos_context = move || context();
        let routes = routes();
        let client_hasher = (
            Arc::new(ClientHasher::default()),
            settings.client_ip_header.clone(),
        );
        let router = Router::new()
            .route("/health", get(|| async { "ok" }))
            .leptos_routes_with_context(&state, routes, leptos_context.clone(), {
                let options = leptos_options.clone();
                move || shell(options.clone())
            });
        // The plain-form posts of the public pages (no JavaScript needed).
        let router = ["", "/{lang}"].iter().fold(router, |router, prefix| {
            router
                .route(&format!("{prefix}/report"), post(public_forms::report))
                .route(
                    &format!("{prefix}/follow-up"),
                    post(public_forms::follow_up),
                )
                .route(&format!("{prefix}/staff/admin"), post(staff_routes::admin))
                .route(
                    &format!("{prefix}/staff/cases/{{id}}"),
                    post(staff_routes::case),
                )
        });
        // Staff sign-in and sign-out (see app::staff::routes).
        let router = router
            .route(SIGN_IN, get(staff_routes::sign_in))
            .route(OIDC_CALLBACK, get(staff_routes::callback))
            .route(SIGN_OUT, post(staff_routes::sign_out));
        let router = router
            .fallback(file_and_error_handler_with_context::<AppState, _>(leptos_context, shell))
            .with_state(state)
            .layer(middleware::from_fn_with_state(client_hasher, public_forms::client_key))
            .layer(sessions)
            .layer(middleware::from_fn(redirect_trailing_slash))
            .layer(middleware::from_fn(security::same_origin_writes))
            .layer(middleware::from_fn_with_state(settings.secure_cookies, security::headers))
            .layer(CompressionLayer::new())
            .layer(RequestBodyLimitLayer::new(MAX_REQUEST_BYTES))
            .layer(TimeoutLayer::with_status_code(
                http::StatusCode::REQUEST_TIMEOUT,
                Duration::from_secs(30),
            ))
            // Method, path, status and latency only: never the client's address, headers or
            // query string (see telemetry.rs).
            .layer(
                TraceLayer::new_for_http()
                    .make_span_with(|request: &http::Request<_>| {
                        tracing::info_span!("request", method = %request.method(), path = request.uri().path())
                    })
                    .on_request(())
                    .on_response(log_response),
            );
        Ok(Application {
            listener,
            router,
            db,
        })
    }

    pub fn local_addr(&self) -> SocketAddr {
        self.listener
            .local_addr()
            .expect("a bound listener has an address")
    }

    pub fn db(&self) -> &DatabaseConnection {
        &self.db
    }

    /// Serves until SIGINT or SIGTERM, then finishes the requests under way.
    pub async fn run_until_stopped(self) -> anyhow::Result<()> {
        tracing::info!(address = %self.local_addr(), "portal is listening");
        // The peer address feeds only the in-memory rate-limit hash (public_forms::client_key).
        let service = self
            .router
            .into_make_service_with_connect_info::<SocketAddr>();
        axum::serve(self.listener, service)
            .with_graceful_shutdown(shutdown_signal())
            .await
            .context("server error")?;
        self.db.close_by_ref().await.ok();
        tracing::info!("portal stopped");
        Ok(())
    }
}

/// `/nl/` and `/nl/help/` lead to `/nl` and `/nl/help`: one address per page, so the router
/// on the server and in the browser always agree.
/// Answers slower than this are logged as warnings: something waited that should not have
/// (a page that hit the 30 s timeout is answered 408 with no body).
const SLOW_ANSWER: Duration = Duration::from_secs(5);

/// The access log line: status and latency, in the request's span (method and path).
fn log_response<B>(response: &http::Response<B>, latency: Duration, _span: &tracing::Span) {
    let status = response.status().as_u16();
    let latency_ms = latency.as_millis();
    if latency >= SLOW_ANSWER || status == http::StatusCode::REQUEST_TIMEOUT {
        tracing::warn!(status, latency_ms, "slow answer");
    } else {
        tracing::info!(status, latency_ms, "answered");
    }
}

async fn redirect_trailing_slash(
    request: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    let path = request.uri().path();
    if path.len() > 1 && path.ends_with('/') && request.method() == http::Method::GET {
        let trimmed = path.trim_end_matches('/');
        let target = match request.uri().query() {
            Some(query) => format!("{}?{query}", if trimmed.is_empty() { "/" } else { trimmed }),
            None => (if trimmed.is_empty() { "/" } else { trimmed }).to_owned(),
        };
        return axum::response::Redirect::permanent(&target).into_response();
    }
    next.run(request).await
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    tracing::info!("shutting down");
}
