//! The sections a summary can hold: their codes, headings and parsing.

use serde::Serialize;

use crate::error::{Result, invalid};

/// The parts a summary can hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Section {
    /// Days logged, mood, cycle days, intensity, repair, who pursued and who withdrew.
    Overview,
    /// The charts week by week, with the findings.
    Patterns,
    /// Feelings and behaviours most often chosen, by side of the cycle.
    Feelings,
    /// Skills practised and how hard moments ended.
    Skills,
    /// The weekly reflection's structured answers.
    Reflections,
    /// The weekly reflection's free text (private unless picked).
    ReflectionNotes,
    /// Daily notes (private unless picked).
    Notes,
    /// Physical and sexual closeness (private unless picked).
    Closeness,
}

impl Section {
    /// Every section, in document order.
    pub const ALL: &'static [Section] = &[
        Section::Overview,
        Section::Patterns,
        Section::Feelings,
        Section::Skills,
        Section::Reflections,
        Section::ReflectionNotes,
        Section::Notes,
        Section::Closeness,
    ];

    /// The sections a summary holds unless the user picks otherwise: all
    /// but the private ones.
    pub const DEFAULT: &'static [Section] = &[
        Section::Overview,
        Section::Patterns,
        Section::Feelings,
        Section::Skills,
        Section::Reflections,
    ];

    /// Stable code of the section.
    pub fn code(self) -> &'static str {
        match self {
            Section::Overview => "overview",
            Section::Patterns => "patterns",
            Section::Feelings => "feelings",
            Section::Skills => "skills",
            Section::Reflections => "reflections",
            Section::ReflectionNotes => "reflection_notes",
            Section::Notes => "notes",
            Section::Closeness => "closeness",
        }
    }

    /// The heading the section has in the document.
    pub fn title(self) -> &'static str {
        match self {
            Section::Overview => "Overview",
            Section::Patterns => "The pattern week by week",
            Section::Feelings => "Feelings and behaviours",
            Section::Skills => "Skills and repair",
            Section::Reflections => "Weekly reflections",
            Section::ReflectionNotes => "Reflections in their own words",
            Section::Notes => "Daily notes",
            Section::Closeness => "Closeness",
        }
    }

    /// Looks a section up by its code.
    pub fn from_code(code: &str) -> Option<Self> {
        Section::ALL
            .iter()
            .copied()
            .find(|s| s.code() == code.trim())
    }

    /// Parses a comma-separated list of codes, naming the field on failure.
    pub fn parse_list(text: &str) -> Result<Vec<Section>> {
        let mut out = Vec::new();
        for part in text.split(',').filter(|p| !p.trim().is_empty()) {
            let s = Section::from_code(part).ok_or_else(|| {
                invalid(
                    crate::error::Field::Sections,
                    "holds a name that is not a section",
                )
            })?;
            if !out.contains(&s) {
                out.push(s);
            }
        }
        if out.is_empty() {
            return Err(invalid(
                crate::error::Field::Sections,
                "must name at least one section",
            ));
        }
        Ok(out)
    }
}
