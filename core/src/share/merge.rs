//! The one merge rule, for every kind and every import: entries are
//! compared only with the journal's entry by the same author for the same
//! natural key; then by id and revision, save time, and id.

use std::collections::HashMap;

use crate::entries::{Author, Entry, RecordId, Saved};
use crate::error::Result;
use crate::share::ImportReport;
use crate::share::read::Path;

/// What happens to one entry of the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Outcome {
    Added,
    Updated,
    Unchanged,
    KeptLocal,
}

/// The merge rule for one entry of the file against the journal's entry for
/// the same day or week.
fn outcome<T>(local: Option<&Saved<T>>, incoming: &Saved<T>) -> Outcome {
    let Some(local) = local else {
        return Outcome::Added;
    };
    if local.id == incoming.id && local.revision == incoming.revision {
        return Outcome::Unchanged;
    }
    let rank = |s: &Saved<T>| (s.revision, s.saved_at, s.id.0);
    if rank(incoming) > rank(local) {
        Outcome::Updated
    } else {
        Outcome::KeptLocal
    }
}

/// Decides every entry of one list (each with its index in the file's
/// list, for messages); returns those to write. An id the journal already
/// uses for another author, day or week is refused: writing it would tie
/// two entries to one record.
pub(super) fn merge<T: Entry>(
    local: &[Saved<T>],
    incoming: Vec<(usize, Saved<T>)>,
    report: &mut ImportReport,
) -> Result<Vec<Saved<T>>> {
    let by_key: HashMap<(Author, String), &Saved<T>> = local
        .iter()
        .map(|s| ((s.author, s.value.key()), s))
        .collect();
    let key_of_id: HashMap<RecordId, (Author, String)> = local
        .iter()
        .map(|s| (s.id, (s.author, s.value.key())))
        .collect();
    let root = Path::Root;
    let list = root.field(T::LIST);
    let mut out = Vec::new();
    for (i, saved) in incoming {
        let key = (saved.author, saved.value.key());
        if key_of_id.get(&saved.id).is_some_and(|k| *k != key) {
            return Err(list.item(i).field("id").fail(format!(
                "the journal already holds this id for another {}",
                T::KEY_NAME
            )));
        }
        match outcome(by_key.get(&key).copied(), &saved) {
            Outcome::Added => {
                report.added += 1;
                out.push(saved);
            }
            Outcome::Updated => {
                report.updated += 1;
                out.push(saved);
            }
            Outcome::Unchanged => report.unchanged += 1,
            Outcome::KeptLocal => report.kept_newer_local += 1,
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::crypto::ID_LEN;

    fn saved(id: u8, revision: u32, saved_at: &str) -> Saved<()> {
        Saved {
            id: RecordId([id; ID_LEN]),
            revision,
            saved_at: saved_at.parse().unwrap(),
            author: Author::Me,
            value: (),
        }
    }

    #[test]
    fn the_merge_rule_orders_by_revision_then_save_time_then_id() {
        let local = saved(1, 3, "2026-03-01T10:00:00Z");
        // No local entry: added.
        assert_eq!(outcome(None, &local), Outcome::Added);
        // Same id and revision: unchanged, whatever the save time says.
        assert_eq!(
            outcome(Some(&local), &saved(1, 3, "2030-01-01T00:00:00Z")),
            Outcome::Unchanged
        );
        // Higher revision wins even when saved earlier; lower loses.
        assert_eq!(
            outcome(Some(&local), &saved(1, 4, "2020-01-01T00:00:00Z")),
            Outcome::Updated
        );
        assert_eq!(
            outcome(Some(&local), &saved(9, 2, "2030-01-01T00:00:00Z")),
            Outcome::KeptLocal
        );
        // Equal revisions: the later save wins.
        assert_eq!(
            outcome(Some(&local), &saved(0, 3, "2026-03-01T10:00:01Z")),
            Outcome::Updated
        );
        assert_eq!(
            outcome(Some(&local), &saved(9, 3, "2026-03-01T09:59:59Z")),
            Outcome::KeptLocal
        );
        // Equal revisions and save times: the greater id wins.
        assert_eq!(
            outcome(Some(&local), &saved(2, 3, "2026-03-01T10:00:00Z")),
            Outcome::Updated
        );
        assert_eq!(
            outcome(Some(&local), &saved(0, 3, "2026-03-01T10:00:00Z")),
            Outcome::KeptLocal
        );
    }
}
