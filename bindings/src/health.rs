//! What a journal's health check and its salvage export give the shells.

/// What `Journal.health()` found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Record)]
pub struct Health {
    /// SQLite's own check of the file's pages and indexes passed.
    pub file_whole: bool,
    /// The tables and indexes are the ones Tandem made, and nothing else.
    pub schema_as_made: bool,
    /// The rows are the ones the journal last wrote: none put back from
    /// another time.
    pub rows_in_step: bool,
    /// Records (of every kind) that open and sit under their own tag.
    pub sound: u32,
    /// Records that do not: altered, damaged, or moved from another row.
    pub damaged: u32,
}

/// What `Journal.exportSoundJson()` gives: the export of every record that
/// opens, and how many were left out.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct SoundExport {
    /// The export document (unencrypted: the same schema as `exportJson`).
    pub json: String,
    /// Records that could not be read and are not in it.
    pub left_out: u32,
}
