//! Text helpers the HTML document and the SVG charts share: the one escaper,
//! the date formats, and the numbers written out in words.

use chrono::NaiveDate;

use crate::entries::vocab::Who;

/// What [`escape`] does with an apostrophe.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Apostrophe {
    /// Written as `&#39;`: the HTML document.
    Escape,
    /// Left as it is: the SVG charts, whose text and double-quoted
    /// attributes never need it escaped (the golden files keep it as is).
    Keep,
}

/// `s` with `&`, `<`, `>` and `"` (and `'` unless kept) as entities, safe
/// in element text and in double-quoted attributes.
pub(crate) fn escape(s: &str, apostrophe: Apostrophe) -> String {
    let mut out = String::with_capacity(s.len());
    for ch in s.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' if apostrophe == Apostrophe::Escape => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// "21 December 2026".
pub(crate) fn long(d: NaiveDate) -> String {
    d.format("%-d %B %Y").to_string()
}

/// "21 Dec".
pub(crate) fn short(d: NaiveDate) -> String {
    d.format("%-d %b").to_string()
}

/// A mean to one decimal with its scale ("3.5 out of 5"), or "not enough data".
pub(crate) fn avg(v: Option<f64>, scale: &str) -> String {
    v.map(|v| format!("{v:.1}{scale}"))
        .unwrap_or_else(|| "not enough data".to_string())
}

/// A share as a whole percentage ("67%"), or "not enough data".
pub(crate) fn pct(v: Option<f64>) -> String {
    v.map(|v| format!("{:.0}%", v * 100.0))
        .unwrap_or_else(|| "not enough data".to_string())
}

/// The label of an answer about who, or a dash when there is none.
pub(crate) fn who(w: Option<Who>) -> &'static str {
    w.map(Who::label).unwrap_or("—")
}
