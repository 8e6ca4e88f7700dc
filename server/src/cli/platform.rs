//! `portal platform ...`: platform clients of the hash-list API. `create` prints the new key
//! on its last line (shown only then; the portal keeps its SHA-256); `webhook` prints a new
//! signing secret the same way. Every change is audited.

use anyhow::{Context, bail};
use app::{
    audit::{
        AuditAction,
        store::{Actor, NewEvent, append},
    },
    hash_list::{
        HashList, Scope, join, platform,
        service::{self, By},
    },
    report::ReportKeys,
};
use serde_json::json;

use crate::{config::Settings, db};

#[derive(clap::Subcommand)]
pub enum PlatformCommand {
    /// Create a platform client and print its key (on the last line, shown only now).
    Create {
        name: String,
        /// What it may do: read (feed, snapshot, webhook), match, feedback.
        #[arg(long, default_value = "read,match,feedback")]
        scopes: String,
        /// The lists it sees: csam, ncii, ai (default: every list).
        #[arg(long)]
        lists: Option<String>,
        /// A sandbox key: it sees only the synthetic list.
        #[arg(long)]
        sandbox: bool,
        /// Requests a minute before it is answered 429.
        #[arg(long)]
        per_minute: Option<u32>,
    },
    /// One line per platform: name, key hint, scopes, lists, revoked, webhook, use in 30 days.
    List,
    /// Revoke a platform's key: every call with it is refused from now on.
    Revoke { name: String },
    /// Set the platform's webhook; prints the signing secret when one is made (the first
    /// time, or with --rotate; the old one still signs for a day).
    Webhook {
        name: String,
        url: String,
        #[arg(long)]
        rotate: bool,
    },
}

pub async fn run(command: PlatformCommand) -> anyhow::Result<()> {
    let settings = Settings::from_env()?;
    let db = db::connect(&settings).await?;
    db::migrate(&db).await?;
    let store = settings.store(&db);
    let now = store.now();
    match command {
        PlatformCommand::Create {
            name,
            scopes,
            lists,
            sandbox,
            per_minute,
        } => {
            let Some(scopes) = Scope::parse_set(&scopes) else {
                bail!("--scopes takes read, match and feedback, separated by commas");
            };
            let lists = match lists {
                None => HashList::ALL.to_vec(),
                Some(lists) => HashList::parse_set(&lists)
                    .context("--lists takes csam, ncii and ai, separated by commas")?,
            };
            let created = service::create_platform(
                &store,
                By::Cli,
                platform::NewPlatform {
                    sandbox,
                    per_minute,
                    ..platform::NewPlatform::new(&name, &scopes, &lists)
                },
            )
            .await
            .map_err(|error| anyhow::anyhow!("{error}"))?;
            println!(
                "created {:?}: scopes {}, lists {}{}; the key is shown only now:",
                created.platform.name,
                join(&scopes),
                join(&lists),
                if sandbox { ", sandbox" } else { "" }
            );
            println!("{}", created.key);
        }
        PlatformCommand::List => {
            let from_day = crate::routes::platform::day(now) - 30;
            for p in platform::all(store.read()).await? {
                let usage: serde_json::Map<String, serde_json::Value> =
                    platform::usage_since(store.read(), p.id, from_day)
                        .await?
                        .into_iter()
                        .map(|(endpoint, calls, items)| {
                            (endpoint, json!({"calls": calls, "items": items}))
                        })
                        .collect();
                println!(
                    "{}",
                    json!({
                        "name": p.name,
                        "key_hint": p.key_hint,
                        "scopes": join(&p.scopes),
                        "lists": join(&p.lists),
                        "sandbox": p.sandbox,
                        "per_minute": p.per_minute,
                        "created_at": app::time::rfc3339(p.created_at),
                        "revoked_at": p.revoked_at.map(app::time::rfc3339),
                        "webhook": p.webhook_url,
                        "usage_30_days": usage,
                    })
                );
            }
        }
        PlatformCommand::Revoke { name } => {
            let Some(found) = platform::find_by_name(store.read(), &name).await? else {
                bail!("no platform {name:?} (see `portal platform list`)");
            };
            if !service::revoke_platform(&store, By::Cli, found.id)
                .await
                .map_err(|error| anyhow::anyhow!("{error}"))?
            {
                println!("{name:?} was revoked already");
                return Ok(());
            }
            println!("revoked {name:?}: its key is refused from now on");
        }
        PlatformCommand::Webhook { name, url, rotate } => {
            let Some(found) = platform::find_by_name(store.read(), &name).await? else {
                bail!("no platform {name:?} (see `portal platform list`)");
            };
            let keys = ReportKeys::derive(settings.secret_key.expose());
            let txn = store.begin().await?;
            let secret = platform::set_webhook(&txn, &keys, found.id, &url, rotate, now)
                .await
                .map_err(|error| anyhow::anyhow!("{error}"))?;
            append(
                &txn,
                store.audit_key(),
                now,
                NewEvent::new(Actor::cli(), AuditAction::PlatformWebhookSet)
                    .target(found.name)
                    .detail(format!("rotated={}", secret.is_some())),
            )
            .await?;
            txn.commit().await?;
            match secret {
                Some(secret) => {
                    println!(
                        "webhook set; deliveries are signed with this secret, shown only now:"
                    );
                    println!("{secret}");
                }
                None => println!("webhook set; the signing secret is unchanged"),
            }
        }
    }
    Ok(())
}
