//! The therapist summary at the boundary: the range and the sections cross
//! in, the HTML document or its JSON comes back as a string (the JSON is
//! documented in `docs/summary-schema.md`).

use chrono::NaiveDate;
use tandem_core::summary::Section as CoreSection;

use crate::vocab::Section;

/// A range of days, both ends included.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct DateRange {
    /// First day.
    pub from: NaiveDate,
    /// Last day.
    pub to: NaiveDate,
}

/// The sections a summary holds unless the user picks otherwise (all but
/// the private ones), in document order.
#[uniffi::export]
pub fn default_summary_sections() -> Vec<Section> {
    CoreSection::DEFAULT.iter().map(|&s| s.into()).collect()
}

/// A section the user can pick for the summary.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct SectionChoice {
    /// The section.
    pub value: Section,
    /// Its heading in the document, to label the switch.
    pub title: String,
    /// Whether it is picked unless the user changes it (the private
    /// sections, the person's own words, are not).
    pub default_on: bool,
}

/// Every section, in document order, with its heading and default.
#[uniffi::export]
pub fn summary_sections() -> Vec<SectionChoice> {
    CoreSection::ALL
        .iter()
        .map(|&s| SectionChoice {
            value: s.into(),
            title: s.title().to_string(),
            default_on: CoreSection::DEFAULT.contains(&s),
        })
        .collect()
}

/// The core's sections for the ones picked.
pub(crate) fn core_sections(sections: Vec<Section>) -> Vec<CoreSection> {
    sections.into_iter().map(Into::into).collect()
}
