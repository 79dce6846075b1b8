//! The words of the charts: each chart's title and description (the SVG's
//! `<title>` and `<desc>`, and the phones' chart labels) and the legend of
//! the moves chart.

use super::lines::trend_line;
use crate::insights::Pattern;
use crate::num;
use crate::summary::text::long;

/// "the 4 weeks from … to the week of …": the weeks a chart covers.
pub(super) fn range_text(p: &Pattern) -> String {
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

/// How many weeks have no check-ins, in a sentence.
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
            (slope * num::count_f64(p.points.len().saturating_sub(1))).abs()
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
