//! Builds the application: database, migrations, router, listener. The binary and the
//! integration tests both go through [`Application::build`].

use std::{net::SocketAddr, sync::Arc, time::Duration};

use anyhow::Context;
use app::{
    abuse::Limits, db::Db, jobs::NewJob, report::ReportKeys, shell::QuickExitSetting,
    ssr::AppContext, staff::routes::OIDC_CALLBACK,
};
use axum::{Router, middleware};
use leptos::prelude::*;
use sea_orm::DatabaseConnection;
use tokio::net::TcpListener;
use tower_http::{
    compression::CompressionLayer, limit::RequestBodyLimitLayer, timeout::TimeoutLayer,
};
use tower_sessions::{Expiry, SessionManagerLayer, cookie::SameSite};

use crate::{
    clients::oidc::OidcLogin,
    config::Settings,
    db,
    jobs::Runner,
    middleware::{access_log, client_key, edge, security, trailing_slash},
    routes::{self, forms::MAX_REQUEST_BYTES},
    session_store::DbSessionStore,
    state::{AppState, LeptosContext},
};

/// How often each instance looks for due jobs.
const JOB_POLL: Duration = Duration::from_secs(1);

pub struct Application {
    listener: TcpListener,
    router: Router,
    db: DatabaseConnection,
    store: Db,
    jobs: Runner,
    index: crate::hash_index::HashIndex,
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

        let reports = db::writer(&db, &settings.database_url).await?;
        // One write path: on SQLite the report writer's single connection takes every write.
        let store = Db::new(
            db.clone(),
            reports.connection().clone(),
            settings.clock.clone(),
            settings.audit_key(),
        );
        let keys = ReportKeys::derive(settings.secret_key.expose());
        let app_context = AppContext {
            db: store.clone(),
            reports,
            limits: Limits::new(settings.reports_per_client, keys.work, keys.reshow),
            keys,
            exits: Default::default(),
        };
        let store_for_sessions = DbSessionStore::new(store.clone());
        let sessions = SessionManagerLayer::new(store_for_sessions)
            .with_name("portal_session")
            .with_http_only(true)
            .with_same_site(SameSite::Lax)
            .with_secure(settings.secure_cookies)
            // No expiry date: the cookie goes when the browser closes. Staff sign-in sets its
            // own inactivity limit on its sessions.
            .with_expiry(Expiry::OnSessionEnd);

        // The periodic jobs exist once (whichever instance enqueues first), and every
        // instance runs whatever is due.
        for kind in [
            app::jobs::kind::DELETE_CLOSED_REPORTS,
            app::jobs::kind::DELETE_EXPIRED_SESSIONS,
            app::jobs::kind::ANCHOR_AUDIT_HEAD,
            app::jobs::kind::REFRESH_HOSTING,
            app::jobs::kind::PUBLISH_HASH_CHANGES,
        ] {
            app::jobs::enqueue(
                store.write(),
                NewJob::singleton(kind, store.now()),
                store.now(),
            )
            .await
            .context("cannot schedule the periodic jobs")?;
        }
        let resolver = crate::clients::hosting::Resolver::new(&settings.hosting)
            .await
            .context(
                "cannot set up hosting resolution (PORTAL_DNS_SERVERS, PORTAL_RDAP_BOOTSTRAP)",
            )?;
        let seeded = app::hosting::directory::seed(&store, store.now())
            .await
            .context("cannot seed the provider directory")?;
        if seeded != Default::default() {
            tracing::info!(
                added = seeded.added,
                updated = seeded.updated,
                "provider directory seeded"
            );
            // Stored resolutions follow the new seed, as they follow an edit.
            app::jobs::enqueue(
                store.write(),
                NewJob::new(
                    app::jobs::kind::REMATCH_PROVIDERS,
                    serde_json::Value::Null,
                    store.now(),
                ),
                store.now(),
            )
            .await
            .context("cannot schedule the periodic jobs")?;
        }
        if resolver.uses_iana() {
            crate::jobs::rdap_bootstrap::use_stored(&store, &resolver)
                .await
                .context("cannot read the stored RDAP bootstrap files")?;
            app::jobs::enqueue(
                store.write(),
                NewJob::singleton(app::jobs::kind::REFRESH_RDAP_BOOTSTRAP, store.now()),
                store.now(),
            )
            .await
            .context("cannot schedule the periodic jobs")?;
        }
        let notices = &settings.notices;
        app::notice::service::configure(app::notice::service::NoticeDefaults {
            notifier: app::notice::Notifier {
                name: notices.notifier_name.clone(),
                domain: notices
                    .from
                    .rsplit_once('@')
                    .map(|(_, domain)| domain.to_owned())
                    .unwrap_or_default(),
                mailbox: notices.from.clone(),
            },
            deadline_hours: app::notice::service::DEFAULT_DEADLINE_HOURS,
        });
        let mailer = match &notices.smtp_url {
            Some(url) => Some(crate::clients::smtp::Mailer::new(
                url,
                &notices.from,
                &notices.notifier_name,
                // Well within a job's lease, so a slow server never lets a second instance
                // take the same notice over while the first still sends it.
                Duration::from_secs((settings.job_lease_seconds / 3).clamp(1, 60) as u64),
            )?),
            None => {
                tracing::warn!("no PORTAL_SMTP_URL set: notices wait in the outbox");
                None
            }
        };
        let sandbox = app::hash_list::transfer::ensure_sandbox(store.write(), store.now())
            .await
            .context("cannot fill the sandbox hash list")?;
        if sandbox > 0 {
            tracing::info!(entries = sandbox, "sandbox hash list filled");
        }
        let outbound = resolver.outbound();
        let jobs = Runner::new(store.clone())
            .with_lease(settings.job_lease_seconds)
            .with_portal_jobs(settings.retention_days)
            .with_hosting_jobs(resolver, settings.hosting.max_age_seconds)
            .with_notice_jobs(mailer)
            .with_hash_list_jobs(
                app_context.keys.clone(),
                outbound,
                settings.hash_publish_seconds,
            );
        tokio::spawn(jobs.clone().run_periodically(JOB_POLL));
        let index = crate::hash_index::HashIndex::load(&store)
            .await
            .context("cannot build the hash list's index")?;
        tracing::info!(
            entries = index.len(),
            index_bytes = index.index_bytes(),
            "hash list index built"
        );
        tokio::spawn(index.clone().follow_forever(store.clone()));
        let api = crate::routes::platform::ApiState {
            db: store.clone(),
            index: index.clone(),
            keys: app_context.keys.clone(),
            limits: Arc::default(),
            usage: Default::default(),
        };
        tokio::spawn(api.usage.clone().flush_forever(store.clone()));
        let quick_exit = QuickExitSetting(settings.quick_exit_url.clone());
        let app_for_context = app_context.clone();
        let context: LeptosContext = Arc::new(move || {
            // Leptos has just made this response's nonce: the security middleware writes
            // the page's CSP with it.
            app::shell::record_page_nonce();
            provide_context(quick_exit.clone());
            provide_context(app_for_context.clone());
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
            app: app_context,
            context: context.clone(),
            oidc,
            quick_exit: QuickExitSetting(settings.quick_exit_url.clone()),
        };
        let client_keys = client_key::ClientKeys::new(settings.client_ip.clone());
        let router = routes::router(state)
            .layer(middleware::from_fn_with_state(
                client_keys,
                client_key::client_key,
            ))
            .layer(sessions);
        let router = edge(router, &settings);
        // The platform API has its own stack (routes::platform); only the security headers
        // and the access log are shared.
        let api = Router::new()
            .nest("/api/v1", crate::routes::platform::router(api))
            .layer(middleware::from_fn_with_state(
                settings.secure_cookies,
                security::headers,
            ))
            .layer(access_log::layer());
        let router = api.merge(router);
        Ok(Application {
            listener,
            router,
            db,
            store,
            jobs,
            index,
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

    /// The database as the application's use cases write to it (its one write path and clock).
    pub fn store(&self) -> &Db {
        &self.store
    }

    /// This instance's PDQ index of the hash list (tests follow the database with it).
    pub fn hash_index(&self) -> &crate::hash_index::HashIndex {
        &self.index
    }

    /// This instance's job runner (tests run due jobs with it after moving the clock).
    pub fn jobs(&self) -> &Runner {
        &self.jobs
    }

    /// Serves until SIGINT or SIGTERM, then finishes the requests under way.
    pub async fn run_until_stopped(self) -> anyhow::Result<()> {
        tracing::info!(address = %self.local_addr(), "portal is listening");
        // The peer address feeds only the in-memory rate-limit hash (middleware::client_key).
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

/// Everything between the routes (with their sessions) and the network, outermost last:
/// whatever the layers inside answer (a refused cross-site post, a body too large, a request
/// too slow, a handler that panicked) passes the edge's pages and then the security headers.
pub fn edge(router: Router, settings: &Settings) -> Router {
    let quick_exit = QuickExitSetting(settings.quick_exit_url.clone());
    router
        .layer(middleware::from_fn(trailing_slash::redirect_trailing_slash))
        .layer(middleware::from_fn_with_state(
            quick_exit.clone(),
            security::same_origin_writes,
        ))
        .layer(CompressionLayer::new())
        .layer(RequestBodyLimitLayer::new(MAX_REQUEST_BYTES))
        .layer(TimeoutLayer::with_status_code(
            http::StatusCode::REQUEST_TIMEOUT,
            Duration::from_secs(30),
        ))
        // A panic in a handler is a 500 for that request, not a dropped connection.
        .layer(tower_http::catch_panic::CatchPanicLayer::new())
        .layer(middleware::from_fn_with_state(quick_exit, edge::pages))
        .layer(middleware::from_fn_with_state(
            settings.secure_cookies,
            security::headers,
        ))
        .layer(access_log::layer())
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
