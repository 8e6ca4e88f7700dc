//! Keeping IANA's RDAP bootstrap files fresh (RFC 9224): new address blocks and TLDs move
//! between registries a few times a year. The shipped copy is the fallback; a fetched set
//! is stored (so every instance, and the next start, uses it) and swapped into the
//! resolver. Not used when an operator named their own files (`PORTAL_RDAP_BOOTSTRAP`).

use app::{
    db::Db,
    hosting::{
        bootstrap::{self, Bootstrap},
        store,
    },
};

use super::{Done, Failed};
use crate::clients::hosting::Resolver;

/// Where IANA publishes the files.
pub const IANA: &str = "https://data.iana.org/rdap/";
/// IANA asks clients to fetch at most daily; a week is plenty for what moves.
pub const REFRESH_EVERY_SECONDS: i64 = 7 * 86_400;
/// After a failed fetch (IANA unreachable), try again the next day.
const RETRY_AFTER_SECONDS: i64 = 86_400;

/// Fetches the four files from `base`, stores them and uses them, unless they are older than
/// what the portal has. A failed fetch keeps what it has and tries again tomorrow.
pub async fn refresh(db: Db, resolver: Resolver, base: String) -> Result<Done, Failed> {
    if !resolver.uses_iana() {
        // Queued before an operator named their own files: theirs stand.
        return Ok(Done::Finished);
    }
    let now = db.now();
    let (fetched, files) = match resolver.fetch_bootstrap(&base).await {
        Ok(fetched) => fetched,
        Err(error) => {
            tracing::warn!(%error, "rdap bootstrap: fetch failed; keeping the current files");
            return Ok(Done::Again(now + RETRY_AFTER_SECONDS));
        }
    };
    // Never back to an older set than the one in use (a stale mirror, a replayed answer).
    let fetched_publication = bootstrap::newest_publication(files.iter().map(|(_, t)| t.as_str()));
    let current = current_publication(&db)
        .await
        .map_err(|_| Failed("database"))?;
    if fetched_publication < current {
        tracing::warn!(
            fetched = %fetched_publication,
            current = %current,
            "rdap bootstrap: the fetched files are older than ours; kept ours"
        );
        return Ok(Done::Again(now + REFRESH_EVERY_SECONDS));
    }
    let txn = db.begin().await.map_err(|_| Failed("database"))?;
    store::save_bootstrap(&txn, &files, now)
        .await
        .map_err(|_| Failed("database"))?;
    txn.commit().await.map_err(|_| Failed("database"))?;
    resolver.use_bootstrap(fetched);
    tracing::info!(publication = %fetched_publication, "rdap bootstrap: refreshed");
    Ok(Done::Again(now + REFRESH_EVERY_SECONDS))
}

/// The publication of the newest set the portal has: the shipped one or the stored one.
async fn current_publication(db: &Db) -> Result<String, sea_orm::DbErr> {
    let shipped = bootstrap::newest_publication(bootstrap::SHIPPED.iter().map(|(_, t)| *t));
    let stored = match store::stored_bootstrap(db.read()).await? {
        Some((files, _)) => bootstrap::newest_publication(files.iter().map(|(_, t)| t.as_str())),
        None => String::new(),
    };
    Ok(shipped.max(stored))
}

/// On start: the stored copy, when it is newer than the shipped one, replaces it.
pub async fn use_stored(db: &Db, resolver: &Resolver) -> Result<(), sea_orm::DbErr> {
    let Some((files, _)) = store::stored_bootstrap(db.read()).await? else {
        return Ok(());
    };
    let shipped = bootstrap::newest_publication(bootstrap::SHIPPED.iter().map(|(_, t)| *t));
    let stored = bootstrap::newest_publication(files.iter().map(|(_, t)| t.as_str()));
    if stored <= shipped {
        return Ok(());
    }
    match Bootstrap::from_files(&files) {
        Ok(parsed) => {
            resolver.use_bootstrap(parsed);
            tracing::info!(publication = %stored, "rdap bootstrap: using the stored copy");
        }
        Err(error) => tracing::warn!(%error, "rdap bootstrap: the stored copy does not parse"),
    }
    Ok(())
}
