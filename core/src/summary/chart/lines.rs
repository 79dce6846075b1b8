//! The line charts: mood, and cycle days with their trend, both broken
//! where a week has no check-ins.

use crate::num;
use crate::rules;
use std::fmt::Write;

use super::frame::{Frame, INK, Key};
use super::labels::{cycle_text, cycle_values, mood_text};
use super::{Embed, LINE};
use crate::insights::{Pattern, WeekPoint};
use crate::summary::text::long;

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
    let max = *rules::MOOD_AXIS.end();
    f.y_axis(&[1.0, 2.0, 3.0, 4.0, 5.0], max, "mood");
    line(&mut f, &values, max, "average mood", &p.points);
    f.x_axis(&p.points);
    f.finish()
}

/// Least-squares line through (week index, value) for weeks with a value;
/// `None` with fewer than two such weeks.
pub fn trend_line(values: &[Option<f64>]) -> Option<(f64, f64)> {
    let pts: Vec<(f64, f64)> = values
        .iter()
        .enumerate()
        .filter_map(|(i, v)| v.map(|v| (num::count_f64(i), v)))
        .collect();
    if pts.len() < 2 {
        return None;
    }
    let n = num::count_f64(pts.len());
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
    let max = *rules::DAYS_AXIS.end();
    f.y_axis(&[0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0], max, "cycle days");
    if let Some((a, b)) = trend {
        let weeks = u32::try_from(p.points.len()).unwrap_or(u32::MAX);
        let (first, last) = rules::trend_ends(a, b, weeks);
        let _ = writeln!(
            f.out,
            "<line class=\"trend\" x1=\"{:.1}\" y1=\"{:.1}\" x2=\"{:.1}\" y2=\"{:.1}\" stroke=\"{INK}\" stroke-width=\"1.5\" stroke-dasharray=\"6 4\"/>",
            f.x_center(0),
            f.y(first, max),
            f.x_center(p.points.len().saturating_sub(1)),
            f.y(last, max)
        );
    }
    line(&mut f, &values, max, "cycle days", &p.points);
    f.x_axis(&p.points);
    f.legend(&[
        (Key::Line { dashed: false }, "cycle days"),
        (Key::Line { dashed: true }, "trend"),
    ]);
    f.finish()
}
