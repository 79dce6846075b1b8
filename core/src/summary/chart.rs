//! Charts of the pattern as SVG, drawn from the same series the phones draw:
//! stacked moves per week (me and my partner side by side), the mood line,
//! and cycle days with their trend. The output is deterministic, carries a
//! `<title>`, a `<desc>` and text labels for screen readers, uses no
//! external resource, and stays readable in greyscale print: every fill
//! differs in lightness, and "both" is hatched.

use std::fmt::Write;

use chrono::NaiveDate;

use crate::insights::{Pattern, WeekPoint};

/// Whether the SVG stands alone (a `.svg` file, with its XML namespace) or
/// sits inside an HTML document (no namespace, so no URL at all).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Embed {
    /// A file of its own.
    Standalone,
    /// Inline in HTML.
    Inline,
}

const W: f64 = 640.0;
const H: f64 = 260.0;
const LEFT: f64 = 44.0;
const RIGHT: f64 = 16.0;
const TOP: f64 = 16.0;
const BOTTOM: f64 = 64.0;

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
const INK: &str = "#222222";
const GRID: &str = "#bbbbbb";

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn short(d: NaiveDate) -> String {
    d.format("%-d %b").to_string()
}

fn long(d: NaiveDate) -> String {
    d.format("%-d %B %Y").to_string()
}

/// What a legend entry shows beside its label.
enum Key {
    /// A filled square.
    Fill(&'static str),
    /// A short line, solid or dashed.
    Line { dashed: bool },
}

struct Frame {
    out: String,
    weeks: usize,
    /// The value at the bottom of the plot (1 for mood, else 0).
    lo: f64,
}

impl Frame {
    fn new(id: &str, title: &str, desc: &str, embed: Embed, weeks: usize) -> Self {
        let ns = match embed {
            Embed::Standalone => " xmlns=\"http://www.w3.org/2000/svg\"",
            Embed::Inline => "",
        };
        let mut out = String::new();
        let _ = write!(
            out,
            "<svg{ns} class=\"tandem-chart\" viewBox=\"0 0 {W} {H}\" width=\"{W}\" height=\"{H}\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" font-family=\"sans-serif\" font-size=\"11\">\n\
             <title id=\"{id}-title\">{}</title>\n<desc id=\"{id}-desc\">{}</desc>\n",
            esc(title),
            esc(desc)
        );
        Frame {
            out,
            weeks,
            lo: 0.0,
        }
    }

    fn slot(&self) -> f64 {
        (W - LEFT - RIGHT) / self.weeks.max(1) as f64
    }

    fn x_center(&self, i: usize) -> f64 {
        LEFT + self.slot() * (i as f64 + 0.5)
    }

    fn y(&self, v: f64, max: f64) -> f64 {
        let plot = H - TOP - BOTTOM;
        H - BOTTOM - plot * ((v - self.lo) / (max - self.lo).max(1e-9))
    }

    /// Horizontal grid lines with their values on the left axis.
    fn y_axis(&mut self, ticks: &[f64], max: f64, label: &str) {
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
            esc(label)
        );
    }

    /// Week labels under the plot, thinned so they never overlap.
    fn x_axis(&mut self, points: &[WeekPoint]) {
        let every = (points.len() as f64 / 12.0).ceil().max(1.0) as usize;
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
                    esc(&short(p.week_start))
                );
            }
        }
        let _ = writeln!(self.out, "</g>");
    }

    fn legend(&mut self, items: &[(Key, &str)]) {
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
                esc(label)
            );
            x += 14.0 + 6.5 * label.chars().count() as f64 + 14.0;
        }
        let _ = writeln!(self.out, "</g>");
    }

    fn finish(mut self) -> String {
        self.out.push_str("</svg>\n");
        self.out
    }
}

fn range_text(p: &Pattern) -> String {
    match (p.points.first(), p.points.last()) {
        (Some(a), Some(b)) => format!(
            "the {} weeks from {} to the week of {}",
            p.points.len(),
            long(a.week_start),
            long(b.week_start)
        ),
        _ => "no weeks".to_string(),
    }
}

fn gaps_text(p: &Pattern) -> String {
    match p.points.iter().filter(|w| w.days_logged == 0).count() {
        0 => "Every week has check-ins.".to_string(),
        1 => "One week has no check-ins and is left blank.".to_string(),
        n => format!("{n} weeks have no check-ins and are left blank."),
    }
}

/// A chart's title and the description a screen reader speaks for it; the
/// SVG's `<title>` and `<desc>`, and the phones' chart labels.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChartText {
    /// Short heading.
    pub title: &'static str,
    /// What the chart shows, its range and its gaps, in sentences.
    pub description: String,
}

/// The short names of the moves in a chart's legend (the pickers' labels
/// are whole sentences).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MovesLegend {
    /// Pursued.
    pub pursued: &'static str,
    /// Withdrew.
    pub withdrew: &'static str,
    /// Both.
    pub both: &'static str,
    /// Neither.
    pub neither: &'static str,
    /// The partner's move, when I couldn't tell.
    pub unknown: &'static str,
}

/// The legend of the moves chart, in the SVG and on the phones.
pub const MOVES_LEGEND: MovesLegend = MovesLegend {
    pursued: "pursued",
    withdrew: "withdrew",
    both: "both",
    neither: "neither",
    unknown: "couldn't tell",
};

/// Title and description of the moves chart.
pub fn moves_text(p: &Pattern) -> ChartText {
    ChartText {
        title: "Pursue and withdraw, week by week",
        description: format!(
            "For {}, two stacked bars per week: on the left how often you pursued, withdrew, did both or neither; on the right the same for your partner as you saw it, with days you couldn't tell. {}",
            range_text(p),
            gaps_text(p)
        ),
    }
}

/// Title and description of the mood line.
pub fn mood_text(p: &Pattern) -> ChartText {
    ChartText {
        title: "Mood, week by week",
        description: format!(
            "Average mood per week, from 1 (very low) to 5 (very good), for {}. {}",
            range_text(p),
            gaps_text(p)
        ),
    }
}

/// The values of the cycle-days series, a gap where a week has no check-ins.
pub fn cycle_values(p: &Pattern) -> Vec<Option<f64>> {
    p.points
        .iter()
        .map(|w| w.cycle_days.map(f64::from))
        .collect()
}

/// Title and description of the cycle-days chart, with its trend in words.
pub fn cycle_text(p: &Pattern) -> ChartText {
    let trend_text = match trend_line(&cycle_values(p)) {
        Some((_, slope)) if slope.abs() < 0.05 => "The trend line is about flat.".to_string(),
        Some((_, slope)) => format!(
            "The trend line {} by about {:.1} cycle days a week over the period.",
            if slope < 0.0 { "falls" } else { "rises" },
            (slope * (p.points.len().saturating_sub(1)) as f64).abs()
        ),
        None => "There are too few weeks for a trend line.".to_string(),
    };
    ChartText {
        title: "Cycle days, week by week",
        description: format!(
            "Cycle days per week (days when one of you pursued while the other withdrew), 0 to 7, for {}. {trend_text} {}",
            range_text(p),
            gaps_text(p)
        ),
    }
}

/// Stacked bars of moves per week: my bar and my partner's side by side,
/// each stacked pursued / withdrew / both / neither (and couldn't tell).
pub fn moves_chart(p: &Pattern, embed: Embed) -> String {
    let text = moves_text(p);
    let mut f = Frame::new(
        "moves",
        text.title,
        &text.description,
        embed,
        p.points.len(),
    );
    f.out.push_str(
        "<defs><pattern id=\"moves-both\" width=\"4\" height=\"4\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">\
         <rect width=\"4\" height=\"4\" fill=\"#ffffff\"/><rect width=\"2\" height=\"4\" fill=\"#1f3b73\"/></pattern></defs>\n",
    );
    let max = 7.0;
    f.y_axis(&[0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0], max, "days");
    let bar = (f.slot() * 0.36).min(18.0);
    for (i, w) in p.points.iter().enumerate() {
        let cx = f.x_center(i);
        let _ = writeln!(f.out, "<g class=\"week\" data-week=\"{}\">", w.week_start);
        match (w.my_moves, w.partner_moves) {
            (Some(me), Some(them)) => {
                let _ = writeln!(
                    f.out,
                    "<title>Week of {}: you pursued {}, withdrew {}, both {}, neither {}; your partner pursued {}, withdrew {}, both {}, neither {}, couldn't tell {}.</title>",
                    long(w.week_start),
                    me.pursued,
                    me.withdrew,
                    me.both,
                    me.neither,
                    them.pursued,
                    them.withdrew,
                    them.both,
                    them.neither,
                    them.unknown
                );
                let mine = [
                    (me.pursued, PURSUED_FILL),
                    (me.withdrew, WITHDREW_FILL),
                    (me.both, "url(#moves-both)"),
                    (me.neither, NEITHER_FILL),
                ];
                let theirs = [
                    (them.pursued, PURSUED_FILL),
                    (them.withdrew, WITHDREW_FILL),
                    (them.both, "url(#moves-both)"),
                    (them.neither, NEITHER_FILL),
                    (them.unknown, UNKNOWN_FILL),
                ];
                for (x, stack) in [(cx - bar - 1.0, &mine[..]), (cx + 1.0, &theirs[..])] {
                    let mut base = 0.0;
                    for (n, fill) in stack {
                        if *n == 0 {
                            continue;
                        }
                        let top = base + f64::from(*n);
                        let (y0, y1) = (f.y(top, max), f.y(base, max));
                        let _ = writeln!(
                            f.out,
                            "<rect x=\"{x:.1}\" y=\"{y0:.1}\" width=\"{bar:.1}\" height=\"{:.1}\" fill=\"{fill}\" stroke=\"{INK}\" stroke-width=\"0.5\"/>",
                            y1 - y0
                        );
                        base = top;
                    }
                }
                // Name the two bars only where there is room to read it.
                if f.slot() >= 30.0 {
                    let _ = writeln!(
                        f.out,
                        "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"8\" text-anchor=\"middle\" fill=\"{INK}\">me</text><text x=\"{:.1}\" y=\"{:.1}\" font-size=\"8\" text-anchor=\"middle\" fill=\"{INK}\">p</text>",
                        cx - bar / 2.0 - 1.0,
                        H - BOTTOM + 26.0,
                        cx + bar / 2.0 + 1.0,
                        H - BOTTOM + 26.0
                    );
                }
            }
            _ => {
                let _ = writeln!(
                    f.out,
                    "<title>Week of {}: no check-ins.</title><text x=\"{cx:.1}\" y=\"{:.1}\" font-size=\"14\" text-anchor=\"middle\" fill=\"{INK}\">–</text>",
                    long(w.week_start),
                    H - BOTTOM - 4.0
                );
            }
        }
        let _ = writeln!(f.out, "</g>");
    }
    f.x_axis(&p.points);
    let names = MOVES_LEGEND;
    f.legend(&[
        (Key::Fill(PURSUED_FILL), names.pursued),
        (Key::Fill(WITHDREW_FILL), names.withdrew),
        (Key::Fill("url(#moves-both)"), names.both),
        (Key::Fill(NEITHER_FILL), names.neither),
        (Key::Fill(UNKNOWN_FILL), names.unknown),
    ]);
    f.finish()
}

/// Runs of consecutive weeks that have a value, for lines broken at gaps.
fn runs(values: &[Option<f64>]) -> Vec<Vec<(usize, f64)>> {
    let mut out: Vec<Vec<(usize, f64)>> = Vec::new();
    let mut current = Vec::new();
    for (i, v) in values.iter().enumerate() {
        match v {
            Some(v) => current.push((i, *v)),
            None if !current.is_empty() => out.push(std::mem::take(&mut current)),
            None => {}
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

fn line(f: &mut Frame, values: &[Option<f64>], max: f64, what: &str, points: &[WeekPoint]) {
    for run in runs(values) {
        let pts: Vec<String> = run
            .iter()
            .map(|(i, v)| format!("{:.1},{:.1}", f.x_center(*i), f.y(*v, max)))
            .collect();
        let _ = writeln!(
            f.out,
            "<polyline points=\"{}\" fill=\"none\" stroke=\"{LINE}\" stroke-width=\"2\"/>",
            pts.join(" ")
        );
    }
    for (i, (v, w)) in values.iter().zip(points).enumerate() {
        let _ = writeln!(f.out, "<g class=\"week\" data-week=\"{}\">", w.week_start);
        match v {
            Some(v) => {
                let _ = writeln!(
                    f.out,
                    "<title>Week of {}: {what} {v:.1}.</title><circle cx=\"{:.1}\" cy=\"{:.1}\" r=\"3\" fill=\"{LINE}\"/>",
                    long(w.week_start),
                    f.x_center(i),
                    f.y(*v, max)
                );
            }
            None => {
                let _ = writeln!(
                    f.out,
                    "<title>Week of {}: no check-ins.</title>",
                    long(w.week_start)
                );
            }
        }
        let _ = writeln!(f.out, "</g>");
    }
}

/// The mood line, 1 to 5, broken where a week has no check-ins.
pub fn mood_chart(p: &Pattern, embed: Embed) -> String {
    let values: Vec<Option<f64>> = p.points.iter().map(|w| w.mood).collect();
    let text = mood_text(p);
    let mut f = Frame::new("mood", text.title, &text.description, embed, p.points.len());
    f.lo = 1.0;
    f.y_axis(&[1.0, 2.0, 3.0, 4.0, 5.0], 5.0, "mood");
    line(&mut f, &values, 5.0, "average mood", &p.points);
    f.x_axis(&p.points);
    f.finish()
}

/// Least-squares line through (week index, value) for weeks with a value;
/// `None` with fewer than two such weeks.
pub fn trend_line(values: &[Option<f64>]) -> Option<(f64, f64)> {
    let pts: Vec<(f64, f64)> = values
        .iter()
        .enumerate()
        .filter_map(|(i, v)| v.map(|v| (i as f64, v)))
        .collect();
    if pts.len() < 2 {
        return None;
    }
    let n = pts.len() as f64;
    let mx = pts.iter().map(|p| p.0).sum::<f64>() / n;
    let my = pts.iter().map(|p| p.1).sum::<f64>() / n;
    let sxx: f64 = pts.iter().map(|p| (p.0 - mx).powi(2)).sum();
    let sxy: f64 = pts.iter().map(|p| (p.0 - mx) * (p.1 - my)).sum();
    let slope = sxy / sxx;
    Some((my - slope * mx, slope))
}

/// Cycle days per week (0 to 7) with a dashed least-squares trend line.
pub fn cycle_chart(p: &Pattern, embed: Embed) -> String {
    let values = cycle_values(p);
    let trend = trend_line(&values);
    let text = cycle_text(p);
    let mut f = Frame::new(
        "cycle",
        text.title,
        &text.description,
        embed,
        p.points.len(),
    );
    f.y_axis(&[0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0], 7.0, "cycle days");
    if let Some((a, b)) = trend {
        let last = p.points.len().saturating_sub(1) as f64;
        let _ = writeln!(
            f.out,
            "<line class=\"trend\" x1=\"{:.1}\" y1=\"{:.1}\" x2=\"{:.1}\" y2=\"{:.1}\" stroke=\"{INK}\" stroke-width=\"1.5\" stroke-dasharray=\"6 4\"/>",
            f.x_center(0),
            f.y(a.clamp(0.0, 7.0), 7.0),
            f.x_center(p.points.len().saturating_sub(1)),
            f.y((a + b * last).clamp(0.0, 7.0), 7.0)
        );
    }
    line(&mut f, &values, 7.0, "cycle days", &p.points);
    f.x_axis(&p.points);
    f.legend(&[
        (Key::Line { dashed: false }, "cycle days"),
        (Key::Line { dashed: true }, "trend"),
    ]);
    f.finish()
}

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
        esc(&range_text(p))
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
            i as f64 * H
        );
    }
    out.push_str("</svg>\n");
    out
}
