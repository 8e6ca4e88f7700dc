//! Exchanges between hotlines (`portal hash-list import` and `export`), and the synthetic
//! list sandbox keys see.

use std::collections::BTreeMap;

use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, PaginatorTrait, QueryFilter};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::{
    EntrySource, EntryStatus, HashList,
    entity::entry,
    store::{Hashes, NewEntry, insert_entry},
};

/// One line of an exchange file. `portal hash` output lines with `list` and `status` added
/// are accepted too (their other fields are ignored, `dihedral` is kept).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExchangeLine {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pdq: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pdq_quality: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub md5: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sha256: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dihedral: Option<Vec<String>>,
    pub list: String,
    pub status: String,
}

/// Why a line was refused (the summary counts each).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Refusal {
    /// Not a JSON object of the expected shape.
    BadJson,
    /// No MD5, SHA-256 or PDQ.
    NoHash,
    /// A hash that is not hex of its length.
    BadHash,
    /// PDQ quality outside 0-100.
    BadQuality,
    UnknownList,
    /// Only `analyst_confirmed` and `self_reported` can be imported.
    BadStatus,
}

/// The summary line `import` ends with.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ImportSummary {
    pub added: u64,
    pub merged: u64,
    pub refused: u64,
    /// How many lines were refused for each reason.
    pub reasons: BTreeMap<Refusal, u64>,
    /// The first refused lines' numbers (from 1), at most 100.
    pub refused_lines: Vec<u64>,
}

fn hex_of(value: &Option<String>, len: usize) -> Result<Option<String>, Refusal> {
    match value.as_deref().map(str::trim) {
        None | Some("") => Ok(None),
        Some(hex) if hex.len() == len && hex.bytes().all(|b| b.is_ascii_hexdigit()) => {
            Ok(Some(hex.to_ascii_lowercase()))
        }
        Some(_) => Err(Refusal::BadHash),
    }
}

/// A line checked: the entry it would make.
pub fn check(line: &str) -> Result<(HashList, EntryStatus, Hashes), Refusal> {
    let line: ExchangeLine = serde_json::from_str(line).map_err(|_| Refusal::BadJson)?;
    let list = HashList::parse(&line.list).ok_or(Refusal::UnknownList)?;
    let status = match EntryStatus::parse(&line.status) {
        Some(status @ (EntryStatus::AnalystConfirmed | EntryStatus::SelfReported)) => status,
        _ => return Err(Refusal::BadStatus),
    };
    let md5 = hex_of(&line.md5, 32)?;
    let sha256 = hex_of(&line.sha256, 64)?;
    let pdq = hex_of(&line.pdq, 64)?;
    let quality = match line.pdq_quality {
        None => None,
        Some(q @ 0..=100) => Some(q as i32),
        Some(_) => return Err(Refusal::BadQuality),
    };
    let dihedral = match line.dihedral {
        Some(variants) if pdq.is_some() && variants.len() == 8 => {
            let variants = variants
                .iter()
                .map(|v| hex_of(&Some(v.clone()), 64).and_then(|v| v.ok_or(Refusal::BadHash)))
                .collect::<Result<Vec<String>, Refusal>>()?;
            Some(serde_json::to_string(&variants).unwrap_or_default())
        }
        Some(variants) if !variants.is_empty() => return Err(Refusal::BadHash),
        _ => None,
    };
    if md5.is_none() && sha256.is_none() && pdq.is_none() {
        return Err(Refusal::NoHash);
    }
    Ok((
        list,
        status,
        Hashes {
            md5,
            sha256,
            pdq_quality: quality.filter(|_| pdq.is_some()),
            pdq,
            dihedral,
            video_frames: None,
        },
    ))
}

/// An entry on `list` that already has one of these exact hash values.
async fn existing(
    db: &impl ConnectionTrait,
    list: HashList,
    hashes: &Hashes,
) -> Result<Option<entry::Model>, DbErr> {
    for (column, value) in [
        (entry::Column::Sha256, &hashes.sha256),
        (entry::Column::Md5, &hashes.md5),
        (entry::Column::Pdq, &hashes.pdq),
    ] {
        let Some(value) = value else { continue };
        let found = entry::Entity::find()
            .filter(column.eq(value.clone()))
            .filter(entry::Column::List.eq(list))
            .filter(entry::Column::Synthetic.eq(false))
            .filter(entry::Column::Status.ne(EntryStatus::Withdrawn))
            .one(db)
            .await?;
        if found.is_some() {
            return Ok(found);
        }
    }
    Ok(None)
}

/// Imports one line (number `number`, from 1) into `summary`. A line whose hash is already
/// on its list is merged: a confirmation raises a self-reported entry to confirmed.
pub async fn import_line(
    db: &impl ConnectionTrait,
    line: &str,
    number: u64,
    organisation: Option<i64>,
    now: i64,
    summary: &mut ImportSummary,
) -> Result<(), DbErr> {
    if line.trim().is_empty() {
        return Ok(());
    }
    let (list, status, hashes) = match check(line) {
        Ok(checked) => checked,
        Err(refusal) => {
            summary.refused += 1;
            *summary.reasons.entry(refusal).or_default() += 1;
            if summary.refused_lines.len() < 100 {
                summary.refused_lines.push(number);
            }
            return Ok(());
        }
    };
    match existing(db, list, &hashes).await? {
        Some(found) => {
            if status == EntryStatus::AnalystConfirmed && found.status == EntryStatus::SelfReported
            {
                super::store::decide(
                    db,
                    &found.public_id,
                    super::store::Decision::Confirm,
                    organisation.or(found.confirmed_by),
                    now,
                )
                .await?;
            }
            summary.merged += 1;
        }
        None => {
            let confirmed_by = organisation.filter(|_| status == EntryStatus::AnalystConfirmed);
            let spread =
                rand::Rng::random_range(&mut rand::rng(), 0..=super::store::ADD_SPREAD_SECONDS);
            insert_entry(
                db,
                NewEntry {
                    report: None,
                    list,
                    status,
                    hashes,
                    synthetic: false,
                    source: EntrySource::Import,
                    confirmed_by,
                },
                now,
                now + spread,
            )
            .await?;
            summary.added += 1;
        }
    }
    Ok(())
}

/// The confirmed entries on `lists` as exchange lines, in the order of their random ids
/// (nothing in the order says which came together).
pub async fn export(
    db: &impl ConnectionTrait,
    lists: &[HashList],
) -> Result<Vec<ExchangeLine>, DbErr> {
    use sea_orm::QueryOrder;
    Ok(entry::Entity::find()
        .filter(entry::Column::Status.eq(EntryStatus::AnalystConfirmed))
        .filter(entry::Column::Synthetic.eq(false))
        .filter(entry::Column::List.is_in(lists.iter().copied()))
        .order_by_asc(entry::Column::PublicId)
        .all(db)
        .await?
        .into_iter()
        .map(|row| ExchangeLine {
            pdq: row.pdq,
            pdq_quality: row.pdq_quality.map(i64::from),
            md5: row.md5,
            sha256: row.sha256,
            dihedral: row
                .dihedral
                .as_deref()
                .and_then(|d| serde_json::from_str(d).ok()),
            list: row.list.as_str().to_owned(),
            status: row.status.as_str().to_owned(),
        })
        .collect())
}

/// Synthetic entries per list.
pub const SANDBOX_PER_LIST: u32 = 100;

/// The `n`-th synthetic entry of `list` (documented in the README, so an integration can
/// test against known values): MD5-sized, SHA-256 and PDQ values are SHA-256 digests of
/// `sandbox:<list>:<n>:<kind>`, cut to length; PDQ quality 100.
pub fn sandbox_hashes(list: HashList, n: u32) -> Hashes {
    let digest = |kind: &str| {
        crate::token::hex(&Sha256::digest(
            format!("sandbox:{}:{n}:{kind}", list.as_str()).as_bytes(),
        ))
    };
    Hashes {
        md5: Some(digest("md5")[..32].to_owned()),
        sha256: Some(digest("sha256")),
        pdq: Some(digest("pdq")),
        pdq_quality: Some(100),
        dihedral: None,
        video_frames: None,
    }
}

/// Fills the synthetic list on first start; how many entries were added.
pub async fn ensure_sandbox(db: &impl ConnectionTrait, now: i64) -> Result<u64, DbErr> {
    let have = entry::Entity::find()
        .filter(entry::Column::Synthetic.eq(true))
        .count(db)
        .await?;
    if have > 0 {
        return Ok(0);
    }
    let mut added = 0;
    for list in HashList::ALL {
        for n in 0..SANDBOX_PER_LIST {
            // Every fifth confirmed, the rest self-reported, as on a real list.
            let status = if n % 5 == 0 {
                EntryStatus::AnalystConfirmed
            } else {
                EntryStatus::SelfReported
            };
            insert_entry(
                db,
                NewEntry {
                    report: None,
                    list,
                    status,
                    hashes: sandbox_hashes(list, n),
                    synthetic: true,
                    source: EntrySource::Sandbox,
                    confirmed_by: None,
                },
                now,
                now,
            )
            .await?;
            added += 1;
        }
    }
    Ok(added)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_checked_and_portal_hash_output_is_accepted() {
        let hash_line = r#"{"file":"a.png","kind":"image","md5":"D41D8CD98F00B204E9800998ECF8427E","sha256":null,"pdq":"f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22","pdq_quality":100,"dihedral":null,"list":"ncii","status":"analyst_confirmed"}"#;
        let (list, status, hashes) = check(hash_line).unwrap();
        assert_eq!(list, HashList::Ncii);
        assert_eq!(status, EntryStatus::AnalystConfirmed);
        assert_eq!(
            hashes.md5.as_deref(),
            Some("d41d8cd98f00b204e9800998ecf8427e")
        );
        assert_eq!(hashes.pdq_quality, Some(100));
        for (line, refusal) in [
            ("not json", Refusal::BadJson),
            (
                r#"{"list":"csam","status":"self_reported"}"#,
                Refusal::NoHash,
            ),
            (
                r#"{"md5":"abc","list":"csam","status":"self_reported"}"#,
                Refusal::BadHash,
            ),
            (
                r#"{"md5":"d41d8cd98f00b204e9800998ecf8427e","list":"adult","status":"self_reported"}"#,
                Refusal::UnknownList,
            ),
            (
                r#"{"md5":"d41d8cd98f00b204e9800998ecf8427e","list":"csam","status":"withdrawn"}"#,
                Refusal::BadStatus,
            ),
            (
                r#"{"pdq":"f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22","pdq_quality":101,"list":"csam","status":"self_reported"}"#,
                Refusal::BadQuality,
            ),
        ] {
            assert_eq!(check(line).unwrap_err(), refusal, "{line}");
        }
    }

    #[test]
    fn sandbox_values_are_fixed_and_differ_per_list() {
        let a = sandbox_hashes(HashList::Csam, 0);
        assert_eq!(a, sandbox_hashes(HashList::Csam, 0));
        assert_ne!(a.sha256, sandbox_hashes(HashList::Ncii, 0).sha256);
        assert_eq!(a.md5.as_ref().unwrap().len(), 32);
        assert_eq!(a.pdq.as_ref().unwrap().len(), 64);
    }
}
