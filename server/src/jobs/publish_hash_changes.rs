//! The hash list's publishing, every [`EVERY_SECONDS`]: entries are made for the files of new
//! reports, the changes that are due go out as one batch in random order, and each platform
//! with a webhook on a list the batch touched gets a `send_webhook` job, in the same
//! transaction. A withdrawal is due at once, so it reaches the feed and the webhooks within a
//! minute; a new entry is due at a random moment within three batches.

use app::{
    db::Db,
    hash_list::{platform, store},
    jobs::{NewJob, enqueue_many, kind},
};

use super::{Done, Failed};

/// How often a batch is published unless `PORTAL_HASH_PUBLISH_SECONDS` says otherwise.
pub const EVERY_SECONDS: i64 = 30;
/// Files made into entries per run at most (the rest wait for the next).
const COLLECT: u64 = 2_000;
/// Webhook deliveries are tried this often before they are left dead.
const WEBHOOK_ATTEMPTS: i32 = 8;

/// One delivery: the published changes `from..=to` for `platform`.
#[derive(Debug, Clone, Copy, serde::Serialize, serde::Deserialize)]
pub struct WebhookJob {
    pub platform: i64,
    pub from: i64,
    pub to: i64,
}

pub async fn run(db: Db, every: i64) -> Result<Done, Failed> {
    match run_once(&db, 3 * every).await {
        Ok(Some(published)) => {
            tracing::info!(changes = published.count, "hash list: published a batch")
        }
        Ok(None) => {}
        Err(error) => {
            tracing::warn!(%error, "hash list: could not publish");
            return Err(Failed("database"));
        }
    }
    Ok(Done::Again(db.now() + every))
}

/// One run, new entries spread over `spread` seconds; the batch published, if any.
pub async fn run_once(db: &Db, spread: i64) -> Result<Option<store::Published>, sea_orm::DbErr> {
    let now = db.now();
    let txn = db.begin().await?;
    store::lock_for_publishing(&txn).await?;
    store::collect(&txn, now, COLLECT, spread).await?;
    let published = store::publish_due(&txn, now).await?;
    if let Some(published) = &published {
        let jobs: Vec<NewJob> = platform::subscribed(&txn, &published.touched)
            .await?
            .into_iter()
            .map(|p| NewJob {
                max_attempts: WEBHOOK_ATTEMPTS,
                ..NewJob::new(
                    kind::SEND_WEBHOOK,
                    WebhookJob {
                        platform: p.id,
                        from: published.first_seq,
                        to: published.last_seq,
                    },
                    now,
                )
            })
            .collect();
        enqueue_many(&txn, jobs, now).await?;
    }
    txn.commit().await?;
    Ok(published)
}
