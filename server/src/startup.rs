//! Builds the application: database, migrations, router, listener. The binary and the
//! integration tests both go through [`Application::build`].

use std::{net::SocketAddr, time::Duration};

use anyhow::Context;
use app::{App, shell, shell::QuickExitSetting};
use axum::{Router, extract::FromRef, middleware, response::IntoResponse, routing::get};
use leptos::prelude::*;
use leptos_axum::{LeptosRoutes, file_and_error_handler_with_context, generate_route_list};
use sea_orm::DatabaseConnection;
use tokio::net::TcpListener;
use tower_http::{
    compression::CompressionLayer,
    limit::RequestBodyLimitLayer,
    timeout::TimeoutLayer,
    trace::{DefaultOnResponse, TraceLayer},
};
use tower_sessions::{Expiry, SessionManagerLayer, cookie::SameSite};
use tracing::Level;

use crate::{
    config::Settings,
    db, security,
    session_store::{DbSessionStore, delete_expired_periodically},
};

/// Public request bodies are small by design: hashes and answers, never files.
const MAX_REQUEST_BYTES: usize = 128 * 1024;

#[derive(Clone, FromRef)]
pub struct AppState {
    pub leptos_options: LeptosOptions,
    pub db: DatabaseConnection,
}

pub struct Application {
    listener: TcpListener,
    router: Router,
    db: DatabaseConnection,
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

        let state = AppState {
            leptos_options: leptos_options.clone(),
            db: db.clone(),
        };
        let quick_exit = QuickExitSetting(settings.quick_exit_url.clone());
        let db_for_context = db.clone();
        let context = move || {
            provide_context(quick_exit.clone());
            provide_context(db_for_context.clone());
        };
        let routes = generate_route_list(App);
        let router = Router::new()
            .route("/health", get(|| async { "ok" }))
            .leptos_routes_with_context(&state, routes, context.clone(), {
                let options = leptos_options.clone();
                move || shell(options.clone())
            })
            .fallback(file_and_error_handler_with_context::<AppState, _>(context, shell))
            .with_state(state)
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
                    .on_response(DefaultOnResponse::new().level(Level::INFO)),
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
        axum::serve(self.listener, self.router)
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
