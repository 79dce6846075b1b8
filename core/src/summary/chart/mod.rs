//! Charts of the pattern as SVG, drawn from the same series the phones draw:
//! stacked moves per week (me and my partner side by side), the mood line,
//! and cycle days with their trend. The output is deterministic, carries a
//! `<title>`, a `<desc>` and text labels for screen readers, uses no
//! external resource, and stays readable in greyscale print: every fill
//! differs in lightness, and "both" is hatched.
//!
//! - `frame`: the size of a chart, its axes and legend, the `<svg>` element.
//! - `labels`: titles and descriptions ([`ChartText`]), the moves legend.
//! - `moves`: [`moves_chart`], the stacked bars.
//! - `lines`: [`mood_chart`], [`cycle_chart`] and their [`trend_line`].
//! - here: [`Embed`], the fills, and [`all_charts`] stacking the three.

mod frame;
mod labels;
mod lines;
mod moves;

use crate::num;
use std::fmt::Write;

use crate::insights::Pattern;
use crate::summary::text::{Apostrophe, escape};
use frame::{H, W};
use labels::range_text;
pub use labels::{
    ChartText, MOVES_LEGEND, MovesLegend, cycle_text, cycle_values, mood_text, moves_text,
};
pub use lines::{cycle_chart, mood_chart, trend_line};
pub use moves::moves_chart;

/// Whether the SVG stands alone (a `.svg` file, with its XML namespace) or
/// sits inside an HTML document (no namespace, so no URL at all).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Embed {
    /// A file of its own.
    Standalone,
    /// Inline in HTML.
    Inline,
}

/// Fills for the moves, darkest to lightest so greyscale keeps them apart.
pub const PURSUED_FILL: &str = "#1f3b73";
/// Fill for "withdrew".
pub const WITHDREW_FILL: &str = "#e8a33d";
/// Fill for "neither".
pub const NEITHER_FILL: &str = "#e6e6e6";
/// Fill for "couldn't tell".
pub const UNKNOWN_FILL: &str = "#ffffff";
/// Line colour for series.
pub const LINE: &str = "#1f3b73";

/// The three charts stacked in one SVG: moves, mood, cycle days.
pub fn all_charts(p: &Pattern, embed: Embed) -> String {
    let ns = match embed {
        Embed::Standalone => " xmlns=\"http://www.w3.org/2000/svg\"",
        Embed::Inline => "",
    };
    let mut out = String::new();
    let _ = writeln!(
        out,
        "<svg{ns} viewBox=\"0 0 {W} {}\" width=\"{W}\" height=\"{}\" role=\"group\" aria-labelledby=\"all-title\">\n<title id=\"all-title\">The pattern over {}</title>",
        3.0 * H,
        3.0 * H,
        escape(&range_text(p), Apostrophe::Keep)
    );
    for (i, chart) in [
        moves_chart(p, Embed::Inline),
        mood_chart(p, Embed::Inline),
        cycle_chart(p, Embed::Inline),
    ]
    .into_iter()
    .enumerate()
    {
        let _ = writeln!(
            out,
            "<g transform=\"translate(0 {:.1})\">\n{chart}</g>",
            num::count_f64(i) * H
        );
    }
    out.push_str("</svg>\n");
    out
}
