//! The summary as a JSON document (see `docs/summary-schema.md`).

use super::model::Summary;

/// The summary as JSON (see `docs/summary-schema.md`).
pub fn to_json(summary: &Summary) -> String {
    // Every field is a plain number, string, date or list: serialising
    // cannot fail, but an empty object beats a panic if it ever did.
    serde_json::to_string_pretty(summary).unwrap_or_else(|_| "{}".to_string())
}
