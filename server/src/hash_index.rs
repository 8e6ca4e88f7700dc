//! The hash list's PDQ hashes in memory, for `POST /api/v1/match`: the exact radius index of
//! `pdq_index`, built from the database at start and then following the `hash_change` table,
//! so an entry added or withdrawn on any instance is matchable or gone here within
//! [`FOLLOW_EVERY`] (MD5 and SHA-256 are looked up in the database, which indexes them).

use std::{
    collections::{BTreeSet, HashMap},
    sync::{Arc, RwLock},
    time::Duration,
};

use app::{
    db::Db,
    hash_list::{EntryStatus, HashList, store},
};
use pdq_index::{Code, Index};
use sea_orm::DbErr;

/// How often the index looks for changes written by any instance.
pub const FOLLOW_EVERY: Duration = Duration::from_millis(250);
/// Change ids below the newest one seen that are read again: on PostgreSQL a transaction
/// can commit after a later one took a higher id, so a poll may see id 12 before id 11.
/// Applying a change twice is harmless (the entry is read as it is now).
const LOOKBACK: i64 = 256;
/// Entries read per page when the index is built.
const PAGE: u64 = 20_000;

/// What a match answers about an entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Slot {
    pub public_id: Arc<str>,
    pub list: HashList,
    pub status: EntryStatus,
    pub quality: Option<i32>,
    pub synthetic: bool,
    codes: Vec<Code>,
}

/// One entry found near a query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub distance: u32,
    pub slot: Slot,
}

#[derive(Default)]
struct Inner {
    index: Option<Index>,
    slots: HashMap<u32, Slot>,
    /// The newest change id applied, and the ids applied within the lookback.
    followed: i64,
    applied: BTreeSet<i64>,
}

/// The index, shared by every request of this instance.
#[derive(Clone, Default)]
pub struct HashIndex {
    inner: Arc<RwLock<Inner>>,
}

impl HashIndex {
    /// Builds the index from the entries on the list now.
    pub async fn load(db: &Db) -> Result<HashIndex, DbErr> {
        // Where to follow from is read first: a change written while the pages are read is
        // applied once more by the first follow, which is harmless.
        let followed = store::last_written(db.read()).await?;
        let mut slots = HashMap::new();
        let mut after = 0;
        loop {
            let page = store::indexable(db.read(), after, PAGE).await?;
            let Some(last) = page.last() else { break };
            after = last.id;
            for entry in page {
                if let Some((id, slot)) = slot_of(entry) {
                    slots.insert(id, slot);
                }
            }
        }
        let entries = slots
            .iter()
            .flat_map(|(&id, slot)| slot.codes.iter().map(move |&code| (id, code)))
            .collect();
        let index = HashIndex::default();
        {
            let mut inner = index.write();
            inner.index = Some(Index::build(entries));
            inner.slots = slots;
            inner.followed = followed;
        }
        Ok(index)
    }

    fn write(&self) -> std::sync::RwLockWriteGuard<'_, Inner> {
        self.inner.write().unwrap_or_else(|e| e.into_inner())
    }

    fn read(&self) -> std::sync::RwLockReadGuard<'_, Inner> {
        self.inner.read().unwrap_or_else(|e| e.into_inner())
    }

    /// Entries in the index.
    pub fn len(&self) -> usize {
        self.read().slots.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Bytes the PDQ index itself holds (codes, tables, ids).
    pub fn index_bytes(&self) -> usize {
        self.read().index.as_ref().map_or(0, Index::heap_bytes)
    }

    /// Applies the changes written since the last call; how many entries it touched.
    pub async fn follow(&self, db: &Db) -> Result<usize, DbErr> {
        let from = self.read().followed - LOOKBACK;
        let written = store::written_since(db.read(), from, 5_000).await?;
        let fresh: Vec<(i64, i64)> = {
            let inner = self.read();
            written
                .into_iter()
                .filter(|(id, _)| !inner.applied.contains(id))
                .collect()
        };
        if fresh.is_empty() {
            return Ok(0);
        }
        let mut entry_ids: Vec<i64> = fresh.iter().map(|(_, entry)| *entry).collect();
        entry_ids.sort_unstable();
        entry_ids.dedup();
        let now = store::entries_now(db.read(), &entry_ids).await?;
        let mut inner = self.write();
        let Inner {
            index,
            slots,
            followed,
            applied,
        } = &mut *inner;
        let index = index.get_or_insert_with(|| Index::build(Vec::new()));
        let mut seen: HashMap<i64, Option<(u32, Slot)>> =
            entry_ids.iter().map(|&id| (id, None)).collect();
        for entry in now {
            let id = entry.id;
            seen.insert(id, slot_of(entry));
        }
        for (entry_id, slot) in seen {
            let Ok(key) = u32::try_from(entry_id) else {
                continue;
            };
            if let Some(old) = slots.remove(&key) {
                for code in &old.codes {
                    index.remove(key, code);
                }
            }
            if let Some((key, slot)) = slot {
                for &code in &slot.codes {
                    index.insert(key, code);
                }
                slots.insert(key, slot);
            }
        }
        for (id, _) in &fresh {
            applied.insert(*id);
            *followed = (*followed).max(*id);
        }
        let keep_from = *followed - LOOKBACK;
        *applied = applied.split_off(&keep_from);
        // Inserts go to a delta searched linearly: fold it in once it is large enough to
        // cost more than a rebuild amortises.
        if index.delta_len() > 4096.max(index.len() / 16) {
            index.compact();
        }
        Ok(entry_ids.len())
    }

    /// Follows the database for as long as the server runs.
    pub async fn follow_forever(self, db: Db) {
        let mut tick = tokio::time::interval(FOLLOW_EVERY);
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            tick.tick().await;
            if let Err(error) = self.follow(&db).await {
                tracing::warn!(%error, "hash index: could not read changes");
            }
        }
    }

    /// Every entry with a code within `radius` of one of `queries`, once each at its nearest
    /// distance, that `sees` admits; nearest first, ties by public id.
    pub fn search(
        &self,
        queries: &[Code],
        radius: u32,
        sees: impl Fn(&Slot) -> bool,
    ) -> Vec<Found> {
        let inner = self.read();
        let Some(index) = inner.index.as_ref() else {
            return Vec::new();
        };
        let mut nearest: HashMap<u32, u32> = HashMap::new();
        for query in queries {
            for found in index.search(query, radius) {
                let best = nearest.entry(found.id).or_insert(found.distance);
                *best = (*best).min(found.distance);
            }
        }
        let mut out: Vec<Found> = nearest
            .into_iter()
            .filter_map(|(id, distance)| {
                let slot = inner.slots.get(&id)?;
                sees(slot).then(|| Found {
                    distance,
                    slot: slot.clone(),
                })
            })
            .collect();
        out.sort_by(|a, b| (a.distance, &a.slot.public_id).cmp(&(b.distance, &b.slot.public_id)));
        out
    }

    /// For each query code (a video's frames), whether any entry `sees` admits is within
    /// `radius`.
    pub fn any_within(
        &self,
        queries: &[Code],
        radius: u32,
        sees: impl Fn(&Slot) -> bool,
    ) -> Vec<bool> {
        let inner = self.read();
        let Some(index) = inner.index.as_ref() else {
            return vec![false; queries.len()];
        };
        queries
            .iter()
            .map(|query| {
                index
                    .search(query, radius)
                    .iter()
                    .any(|m| inner.slots.get(&m.id).is_some_and(&sees))
            })
            .collect()
    }
}

fn slot_of(entry: store::Indexed) -> Option<(u32, Slot)> {
    if entry.status == EntryStatus::Withdrawn {
        return None;
    }
    let codes: Vec<Code> = entry
        .codes
        .iter()
        .filter_map(|hex| Code::from_hex(hex))
        .collect();
    if codes.is_empty() {
        return None;
    }
    let id = u32::try_from(entry.id).ok()?;
    Some((
        id,
        Slot {
            public_id: entry.public_id.into(),
            list: entry.list,
            status: entry.status,
            quality: entry.quality,
            synthetic: entry.synthetic,
            codes,
        },
    ))
}
