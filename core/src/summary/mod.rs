//! The therapist summary: for a date range and the sections the user picks,
//! one model rendered two ways — a self-contained HTML document (inline CSS
//! and SVG charts, no script, no URL of any kind, a print stylesheet for A4
//! and Letter, readable on a phone) and a JSON document with a schema
//! version (`docs/summary-schema.md`). Daily notes, the reflections' free
//! text and the closeness section appear only when picked.
//!
//! - `section`: [`Section`], the parts a summary can hold, their codes and headings.
//! - `model`: [`Summary`] and the figures of each section, [`SCHEMA_VERSION`].
//! - `build`: [`build`] and [`default_range`], and `Journal::summary`.
//! - `html`: [`render_html`], the HTML document and its stylesheet.
//! - `json`: [`to_json`].
//! - `text`: the one HTML/SVG escaper, date and number formats.
//! - [`chart`]: the SVG charts of the pattern.

mod build;
pub mod chart;
mod html;
mod json;
mod model;
mod section;
mod text;

pub use build::{build, default_range};
pub use html::render_html;
pub use json::to_json;
pub use model::{
    ClosenessSection, Count, DayNote, FeelingsSection, Overview, Patterns, ReflectionAnswers,
    ReflectionText, SCHEMA_VERSION, SkillsSection, Summary,
};
pub use section::Section;
