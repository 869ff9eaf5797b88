//! Brings what the first store format kept in `localStorage` (store version 1: one entry per
//! piece of work, entries kept aside, questionnaires opened from a file) into the work store.
//!
//! Each entry is copied, read back from the work store and compared with what was read from
//! `localStorage`; only when they match is the old entry removed. A reload at any point loses
//! nothing (the old entry is still there until its copy is proven) and duplicates nothing
//! (copies are written under the same keys, so copying again overwrites, and a work store copy
//! with a newer revision is never overwritten by an older entry).

use mhsw::store;

use super::database::{self, Save};
use super::storage::{self, StoreError};

/// What the migration did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Migrated {
    /// Entries brought over and removed from `localStorage`.
    pub moved: usize,
    /// Entries left where they were, with why.
    pub left: Vec<String>,
}

/// Why an entry was left in `localStorage`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NotMoved {
    /// The work store refused the copy or could not be read.
    Store(StoreError),
    /// The copy was written but could not be found afterwards.
    Missing,
    /// The copy read back differently from the entry.
    Differs,
}

impl std::fmt::Display for NotMoved {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            NotMoved::Store(error) => write!(f, "{error}"),
            NotMoved::Missing => f.write_str("its copy could not be found after writing it"),
            NotMoved::Differs => {
                f.write_str("its copy did not read back the same, so the original was kept")
            }
        }
    }
}

impl From<StoreError> for NotMoved {
    fn from(error: StoreError) -> Self {
        NotMoved::Store(error)
    }
}

/// The `localStorage` keys of the first store format's entries still to be brought over (of
/// work, entries kept aside and questionnaires opened from a file): none on nearly every
/// start, which then never downloads the code that reads that format
/// ([`crate::later::migrate_old_entries`]).
pub fn keys_to_move() -> Vec<String> {
    [
        storage::LEGACY_WORK_PREFIX,
        storage::LEGACY_ASIDE_PREFIX,
        storage::LEGACY_DEFINITION_PREFIX,
    ]
    .into_iter()
    .flat_map(storage::keys_with_prefix)
    .collect()
}

/// Brings every entry of the first store format over. Runs before the work store is read.
pub async fn from_local_storage() -> Migrated {
    let mut migrated = Migrated::default();
    for key in storage::keys_with_prefix(storage::LEGACY_WORK_PREFIX) {
        let Some(text) = storage::legacy_text(&key) else {
            continue;
        };
        let outcome = match store::read_version_1(&text) {
            Ok((work, meta)) => move_work(work, meta).await,
            Err(reason) => keep_aside(&key, &text, &reason).await,
        };
        record(&mut migrated, &key, outcome);
    }
    for key in storage::keys_with_prefix(storage::LEGACY_ASIDE_PREFIX) {
        let Some(text) = storage::legacy_text(&key) else {
            continue;
        };
        let reason = store::read_version_1(&text)
            .err()
            .unwrap_or(store::Damage::KeptEarlier {});
        let outcome = keep_aside(&key, &text, &reason).await;
        record(&mut migrated, &key, outcome);
    }
    for key in storage::keys_with_prefix(storage::LEGACY_DEFINITION_PREFIX) {
        let Some(text) = storage::legacy_text(&key) else {
            continue;
        };
        let name = &key[storage::LEGACY_DEFINITION_PREFIX.len()..];
        let outcome = move_document(name, &text).await;
        record(&mut migrated, &key, outcome);
    }
    migrated
}

fn record(migrated: &mut Migrated, key: &str, outcome: Result<(), NotMoved>) {
    match outcome {
        Ok(()) => {
            storage::remove_legacy(key);
            migrated.moved += 1;
        }
        Err(why) => migrated.left.push(format!("{key}: {why}")),
    }
}

async fn move_work(mut work: mhsw::work::Work, meta: store::Meta) -> Result<(), NotMoved> {
    let id = work.id.clone();
    let stored = database::load_one(&id).await.ok().flatten();
    // A copy already in the work store with this revision or a newer one wins: it was brought
    // over before (and perhaps changed since) by a migration that was interrupted.
    let already = stored
        .as_ref()
        .is_some_and(|s| s.meta.revision >= meta.revision);
    if !already {
        // Written with the entry's own revision, so the copy is the entry, not a new save.
        let write_meta = store::Meta {
            revision: meta.revision.max(1),
            ..meta.clone()
        };
        let (head, responses) = store::split(&mut work, &write_meta);
        database::save(Save {
            id: &id,
            revision: write_meta.revision,
            head,
            responses,
        })
        .await?;
        let read_back = database::load_one(&id).await?.ok_or(NotMoved::Missing)?;
        if read_back.work != work || !read_back.damaged.is_empty() {
            return Err(NotMoved::Differs);
        }
    }
    Ok(())
}

async fn keep_aside(key: &str, text: &str, reason: &store::Damage) -> Result<(), NotMoved> {
    let aside_key = format!("{key}:{}", store::checksum(text));
    database::put_aside(&aside_key, key, text, reason).await?;
    let back = database::set_aside_entries().await?;
    if back.iter().any(|e| e.key == aside_key && e.text == text) {
        Ok(())
    } else {
        Err(NotMoved::Differs)
    }
}

async fn move_document(name: &str, text: &str) -> Result<(), NotMoved> {
    database::put_document(name, text).await?;
    let back = database::documents().await?;
    if back.iter().any(|(n, t)| n == name && t == text) {
        Ok(())
    } else {
        Err(NotMoved::Differs)
    }
}
