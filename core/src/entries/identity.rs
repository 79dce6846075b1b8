//! The journal's identity: a random id made when the journal is, kept
//! sealed like every record, and written into exports so that an import
//! can tell a file of this journal from one of another journal.

use serde::{Deserialize, Serialize};

use crate::entries::{Entry, RecordId, Table, table};

/// A journal's random id. Says nothing about the journal's owner or content.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(into = "String", try_from = "String")]
pub struct JournalId(pub RecordId);

impl std::fmt::Display for JournalId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

impl From<JournalId> for String {
    fn from(id: JournalId) -> String {
        id.to_string()
    }
}

impl TryFrom<String> for JournalId {
    type Error = &'static str;
    fn try_from(hex: String) -> Result<Self, Self::Error> {
        RecordId::from_hex(&hex)
            .map(JournalId)
            .ok_or("a journal id is 32 hexadecimal digits")
    }
}

/// The identity record's natural key.
pub(crate) const IDENTITY_KEY: &str = "journal";

/// The one identity record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Identity {
    /// The journal's id.
    pub journal_id: JournalId,
}

impl Entry for Identity {
    const TABLE: Table = table!(4, "identity");
    const LIST: &'static str = "journal_id";
    const KEY_FIELD: &'static str = "journal_id";
    const KEY_NAME: &'static str = "record";
    const COUNTS_AS_ENTRY: bool = false;
    fn key(&self) -> String {
        IDENTITY_KEY.to_string()
    }
}
