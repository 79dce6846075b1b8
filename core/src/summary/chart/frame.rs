//! The frame every chart is drawn in: its size, the axes, the legend, and
//! the SVG element with its title and description.

use crate::num;
use std::fmt::Write;

use super::{Embed, LINE};
use crate::insights::WeekPoint;
use crate::summary::text::{Apostrophe, escape, short};

/// Width of one chart.
pub(super) const W: f64 = 640.0;
/// Height of one chart.
pub(super) const H: f64 = 260.0;
const LEFT: f64 = 44.0;
const RIGHT: f64 = 16.0;
const TOP: f64 = 16.0;
/// Room under the plot for the week labels and the legend.
pub(super) const BOTTOM: f64 = 64.0;

/// Text, outlines and the trend line.
pub(super) const INK: &str = "#222222";
const GRID: &str = "#bbbbbb";

/// What a legend entry shows beside its label.
pub(super) enum Key {
    /// A filled square.
    Fill(&'static str),
    /// A short line, solid or dashed.
    Line { dashed: bool },
}

/// One chart being drawn: the SVG so far and the scale of its axes.
pub(super) struct Frame {
    /// The SVG written so far.
    pub(super) out: String,
    /// Weeks along the x axis.
    weeks: usize,
    /// The value at the bottom of the plot (1 for mood, else 0).
    pub(super) lo: f64,
}

impl Frame {
    pub(super) fn new(id: &str, title: &str, desc: &str, embed: Embed, weeks: usize) -> Self {
        let ns = match embed {
            Embed::Standalone => " xmlns=\"http://www.w3.org/2000/svg\"",
            Embed::Inline => "",
        };
        let mut out = String::new();
        let _ = write!(
            out,
            "<svg{ns} class=\"tandem-chart\" viewBox=\"0 0 {W} {H}\" width=\"{W}\" height=\"{H}\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" font-family=\"sans-serif\" font-size=\"11\">\n\
             <title id=\"{id}-title\">{}</title>\n<desc id=\"{id}-desc\">{}</desc>\n",
            escape(title, Apostrophe::Keep),
            escape(desc, Apostrophe::Keep)
        );
        Frame {
            out,
            weeks,
            lo: 0.0,
        }
    }

    pub(super) fn slot(&self) -> f64 {
        (W - LEFT - RIGHT) / num::count_f64(self.weeks.max(1))
    }

    pub(super) fn x_center(&self, i: usize) -> f64 {
        LEFT + self.slot() * (num::count_f64(i) + 0.5)
    }

    pub(super) fn y(&self, v: f64, max: f64) -> f64 {
        let plot = H - TOP - BOTTOM;
        H - BOTTOM - plot * ((v - self.lo) / (max - self.lo).max(1e-9))
    }

    /// Horizontal grid lines with their values on the left axis.
    pub(super) fn y_axis(&mut self, ticks: &[f64], max: f64, label: &str) {
        let _ = writeln!(self.out, "<g class=\"axis\" fill=\"{INK}\">");
        for t in ticks {
            let y = self.y(*t, max);
            let _ = writeln!(
                self.out,
                "<line x1=\"{LEFT}\" x2=\"{:.1}\" y1=\"{y:.1}\" y2=\"{y:.1}\" stroke=\"{GRID}\" stroke-width=\"0.5\"/><text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\">{t}</text>",
                W - RIGHT,
                LEFT - 6.0,
                y + 4.0
            );
        }
        let _ = writeln!(
            self.out,
            "<text x=\"12\" y=\"{:.1}\" transform=\"rotate(-90 12 {:.1})\" text-anchor=\"middle\">{}</text>\n</g>",
            (TOP + H - BOTTOM) / 2.0,
            (TOP + H - BOTTOM) / 2.0,
            escape(label, Apostrophe::Keep)
        );
    }

    /// Week labels under the plot, thinned so they never overlap.
    pub(super) fn x_axis(&mut self, points: &[WeekPoint]) {
        let every = num::ceil_steps(num::count_f64(points.len()) / 12.0, points.len().max(1));
        let _ = writeln!(
            self.out,
            "<g class=\"weeks\" fill=\"{INK}\" text-anchor=\"middle\">"
        );
        for (i, p) in points.iter().enumerate() {
            if i % every == 0 {
                let _ = writeln!(
                    self.out,
                    "<text x=\"{:.1}\" y=\"{:.1}\">{}</text>",
                    self.x_center(i),
                    H - BOTTOM + 14.0,
                    escape(&short(p.week_start), Apostrophe::Keep)
                );
            }
        }
        let _ = writeln!(self.out, "</g>");
    }

    pub(super) fn legend(&mut self, items: &[(Key, &str)]) {
        let _ = writeln!(self.out, "<g class=\"legend\" fill=\"{INK}\">");
        let mut x = LEFT;
        let y = H - 22.0;
        for (key, label) in items {
            match key {
                Key::Fill(fill) => {
                    let _ = write!(
                        self.out,
                        "<rect x=\"{x:.1}\" y=\"{:.1}\" width=\"10\" height=\"10\" fill=\"{fill}\" stroke=\"{INK}\" stroke-width=\"0.5\"/>",
                        y - 9.0
                    );
                }
                Key::Line { dashed } => {
                    let dash = if *dashed {
                        " stroke-dasharray=\"4 2\""
                    } else {
                        ""
                    };
                    let _ = write!(
                        self.out,
                        "<line x1=\"{x:.1}\" x2=\"{:.1}\" y1=\"{:.1}\" y2=\"{:.1}\" stroke=\"{LINE}\" stroke-width=\"2\"{dash}/>",
                        x + 10.0,
                        y - 4.0,
                        y - 4.0
                    );
                }
            }
            let _ = writeln!(
                self.out,
                "<text x=\"{:.1}\" y=\"{y:.1}\">{}</text>",
                x + 14.0,
                escape(label, Apostrophe::Keep)
            );
            x += 14.0 + 6.5 * num::count_f64(label.chars().count()) + 14.0;
        }
        let _ = writeln!(self.out, "</g>");
    }

    pub(super) fn finish(mut self) -> String {
        self.out.push_str("</svg>\n");
        self.out
    }
}
