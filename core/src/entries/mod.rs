//! The entry kinds and their rules: daily check-ins, weekly reflections,
//! the settings record and the vocabulary they are written in.

pub mod checkin;
pub mod reflection;
pub mod settings;
pub mod vocab;
