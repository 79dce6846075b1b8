//! Week summaries, pattern series, trend and findings as records. Every
//! number is the core's; a week without a check-in stays a gap (`null` /
//! `nil`), never a zero.

use chrono::NaiveDate;
use tandem_core::insights as ti;
use tandem_core::summary::chart;

use crate::vocab::{Behaviour, Feeling, FindingKind, Skill, WeekStart};

/// How often I made each move.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct MoveCounts {
    /// Days I pursued.
    pub pursued: u32,
    /// Days I withdrew.
    pub withdrew: u32,
    /// Days I did both.
    pub both: u32,
    /// Days I did neither.
    pub neither: u32,
}

impl From<ti::MoveCounts> for MoveCounts {
    fn from(m: ti::MoveCounts) -> Self {
        MoveCounts {
            pursued: m.pursued,
            withdrew: m.withdrew,
            both: m.both,
            neither: m.neither,
        }
    }
}

/// How often my partner made each move, as I saw it.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct PartnerMoveCounts {
    /// Days my partner pursued.
    pub pursued: u32,
    /// Days my partner withdrew.
    pub withdrew: u32,
    /// Days my partner did both.
    pub both: u32,
    /// Days my partner did neither.
    pub neither: u32,
    /// Days I couldn't tell.
    pub unknown: u32,
}

impl From<ti::PartnerMoveCounts> for PartnerMoveCounts {
    fn from(m: ti::PartnerMoveCounts) -> Self {
        PartnerMoveCounts {
            pursued: m.pursued,
            withdrew: m.withdrew,
            both: m.both,
            neither: m.neither,
            unknown: m.unknown,
        }
    }
}

/// How hard moments ended.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct RepairCounts {
    /// We reconnected.
    pub reconnected: u32,
    /// Partly.
    pub partly: u32,
    /// Not yet.
    pub not_yet: u32,
    /// Hard days without a repair answer.
    pub unanswered: u32,
}

impl From<ti::RepairCounts> for RepairCounts {
    fn from(r: ti::RepairCounts) -> Self {
        RepairCounts {
            reconnected: r.reconnected,
            partly: r.partly,
            not_yet: r.not_yet,
            unanswered: r.unanswered,
        }
    }
}

/// A feeling and how many days it was chosen.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct FeelingCount {
    /// The feeling.
    pub feeling: Feeling,
    /// Days it was chosen.
    pub count: u32,
}

/// A behaviour and how many days it was chosen.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct BehaviourCount {
    /// The behaviour.
    pub behaviour: Behaviour,
    /// Days it was chosen.
    pub count: u32,
}

/// A skill and how many days it was practised.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct SkillCount {
    /// The skill.
    pub skill: Skill,
    /// Days it was practised.
    pub count: u32,
}

/// The most chosen feelings, by side of the cycle.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct TopFeelings {
    /// Pursuing-side feelings.
    pub pursuing: Vec<FeelingCount>,
    /// Withdrawing-side feelings.
    pub withdrawing: Vec<FeelingCount>,
    /// Feelings on neither side.
    pub neither: Vec<FeelingCount>,
}

/// The most chosen behaviours, by side of the cycle.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct TopBehaviours {
    /// Pursuing behaviours.
    pub pursuing: Vec<BehaviourCount>,
    /// Withdrawing behaviours.
    pub withdrawing: Vec<BehaviourCount>,
    /// Behaviours on neither side.
    pub neither: Vec<BehaviourCount>,
}

fn feelings(list: Vec<(tandem_core::Feeling, u32)>) -> Vec<FeelingCount> {
    list.into_iter()
        .map(|(f, count)| FeelingCount {
            feeling: f.into(),
            count,
        })
        .collect()
}

fn behaviours(list: Vec<(tandem_core::Behaviour, u32)>) -> Vec<BehaviourCount> {
    list.into_iter()
        .map(|(b, count)| BehaviourCount {
            behaviour: b.into(),
            count,
        })
        .collect()
}

/// One week in numbers.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct WeekSummary {
    /// The week's first day.
    pub week_start: NaiveDate,
    /// Days with a check-in.
    pub days_logged: u32,
    /// Mean mood; `None` with no check-in.
    pub mood_average: Option<f64>,
    /// My moves.
    pub my_moves: MoveCounts,
    /// My partner's moves, as I saw them.
    pub partner_moves: PartnerMoveCounts,
    /// Days one pursued while the other withdrew.
    pub cycle_days: u32,
    /// Mean intensity of the days that rated it.
    pub intensity_average: Option<f64>,
    /// Days with a hard moment.
    pub hard_days: u32,
    /// How hard moments ended.
    pub repair: RepairCounts,
    /// Reconnected over answered hard days.
    pub repair_rate: Option<f64>,
    /// Skills practised and on how many days.
    pub skills: Vec<SkillCount>,
    /// Most chosen feelings.
    pub top_feelings: TopFeelings,
    /// Most chosen behaviours.
    pub top_behaviours: TopBehaviours,
}

impl From<ti::WeekSummary> for WeekSummary {
    fn from(w: ti::WeekSummary) -> Self {
        WeekSummary {
            week_start: w.week_start,
            days_logged: w.days_logged,
            mood_average: w.mood_average,
            my_moves: w.my_moves.into(),
            partner_moves: w.partner_moves.into(),
            cycle_days: w.cycle_days,
            intensity_average: w.intensity_average,
            hard_days: w.hard_days,
            repair: w.repair.into(),
            repair_rate: w.repair_rate,
            skills: w
                .skills
                .into_iter()
                .map(|(s, count)| SkillCount {
                    skill: s.into(),
                    count,
                })
                .collect(),
            top_feelings: TopFeelings {
                pursuing: feelings(w.top_feelings.pursuing),
                withdrawing: feelings(w.top_feelings.withdrawing),
                neither: feelings(w.top_feelings.neither),
            },
            top_behaviours: TopBehaviours {
                pursuing: behaviours(w.top_behaviours.pursuing),
                withdrawing: behaviours(w.top_behaviours.withdrawing),
                neither: behaviours(w.top_behaviours.neither),
            },
        }
    }
}

/// One week of the pattern series; every value `None` for an empty week.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct WeekPoint {
    /// The week's first day.
    pub week_start: NaiveDate,
    /// Days with a check-in.
    pub days_logged: u32,
    /// My moves.
    pub my_moves: Option<MoveCounts>,
    /// My partner's moves.
    pub partner_moves: Option<PartnerMoveCounts>,
    /// Mean mood.
    pub mood: Option<f64>,
    /// Cycle days.
    pub cycle_days: Option<u32>,
    /// Mean intensity.
    pub intensity: Option<f64>,
    /// Repair rate.
    pub repair_rate: Option<f64>,
}

/// Series ready to draw, one point a week, oldest first.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct Pattern {
    /// The first day of the journal's weeks.
    pub week_start: WeekStart,
    /// One point per week.
    pub points: Vec<WeekPoint>,
}

impl From<ti::Pattern> for Pattern {
    fn from(p: ti::Pattern) -> Self {
        Pattern {
            week_start: p.week_start.into(),
            points: p
                .points
                .into_iter()
                .map(|w| WeekPoint {
                    week_start: w.week_start,
                    days_logged: w.days_logged,
                    my_moves: w.my_moves.map(Into::into),
                    partner_moves: w.partner_moves.map(Into::into),
                    mood: w.mood,
                    cycle_days: w.cycle_days,
                    intensity: w.intensity,
                    repair_rate: w.repair_rate,
                })
                .collect(),
        }
    }
}

/// Four weeks (or the range) in numbers, for the trend.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct Window {
    /// First day of the window.
    pub first_day: NaiveDate,
    /// Last day of the window.
    pub last_day: NaiveDate,
    /// Days with a check-in.
    pub days_logged: u32,
    /// Cycle days per seven days logged.
    pub cycle_days_per_week: Option<f64>,
    /// Mean intensity.
    pub intensity: Option<f64>,
    /// Days that rated intensity.
    pub intensity_days: u32,
    /// Repair rate.
    pub repair_rate: Option<f64>,
    /// Answered hard days.
    pub repair_days: u32,
    /// Mean mood.
    pub mood: Option<f64>,
}

impl From<ti::Window> for Window {
    fn from(w: ti::Window) -> Self {
        Window {
            first_day: w.first_day,
            last_day: w.last_day,
            days_logged: w.days_logged,
            cycle_days_per_week: w.cycle_days_per_week,
            intensity: w.intensity,
            intensity_days: w.intensity_days,
            repair_rate: w.repair_rate,
            repair_days: w.repair_days,
            mood: w.mood,
        }
    }
}

/// The last four weeks against the four before.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct Trend {
    /// The four weeks before.
    pub before: Window,
    /// The last four weeks.
    pub recent: Window,
}

/// One plain-language finding, with its n.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Finding {
    /// What it is about.
    pub kind: FindingKind,
    /// The sentence.
    pub text: String,
}

/// Pattern, trend and findings together, for the week view.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct Insights {
    /// The series.
    pub pattern: Pattern,
    /// The trend.
    pub trend: Trend,
    /// The findings.
    pub findings: Vec<Finding>,
    /// The charts' headings, screen-reader descriptions and cycle trend.
    pub charts: ChartTexts,
}

impl From<ti::Insights> for Insights {
    fn from(i: ti::Insights) -> Self {
        let charts = ChartTexts::of(&i.pattern);
        Insights {
            charts,
            pattern: i.pattern.into(),
            trend: Trend {
                before: i.trend.before.into(),
                recent: i.trend.recent.into(),
            },
            findings: i
                .findings
                .into_iter()
                .map(|f| Finding {
                    kind: f.kind.into(),
                    text: f.text,
                })
                .collect(),
        }
    }
}

/// A chart's heading and what a screen reader says for it.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ChartText {
    /// Short heading.
    pub title: String,
    /// The chart in sentences: what it shows, its range, its gaps.
    pub description: String,
}

impl From<chart::ChartText> for ChartText {
    fn from(t: chart::ChartText) -> Self {
        ChartText {
            title: t.title.to_string(),
            description: t.description,
        }
    }
}

/// Short names of the moves for a chart legend, as the core's SVG has them.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct MovesLegend {
    /// Pursued.
    pub pursued: String,
    /// Withdrew.
    pub withdrew: String,
    /// Both.
    pub both: String,
    /// Neither.
    pub neither: String,
    /// The partner's move, when I couldn't tell.
    pub unknown: String,
}

/// A straight line through the weeks: `value = intercept + slope * i` at
/// week index `i` (0 for the oldest point).
#[derive(Debug, Clone, Copy, PartialEq, uniffi::Record)]
pub struct TrendLine {
    /// The value at the first week.
    pub intercept: f64,
    /// The change per week.
    pub slope: f64,
}

/// The three charts' words and the cycle-days trend, as the SVG charts
/// carry them: the phones draw the same series with the same labels.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct ChartTexts {
    /// Stacked moves, me and my partner.
    pub moves: ChartText,
    /// The moves chart's legend names.
    pub moves_legend: MovesLegend,
    /// The mood line.
    pub mood: ChartText,
    /// Cycle days with their trend.
    pub cycle: ChartText,
    /// The least-squares trend of cycle days; `None` under two weeks with data.
    pub cycle_trend: Option<TrendLine>,
}

impl ChartTexts {
    fn of(p: &ti::Pattern) -> Self {
        ChartTexts {
            moves: chart::moves_text(p).into(),
            moves_legend: MovesLegend {
                pursued: chart::MOVES_LEGEND.pursued.to_string(),
                withdrew: chart::MOVES_LEGEND.withdrew.to_string(),
                both: chart::MOVES_LEGEND.both.to_string(),
                neither: chart::MOVES_LEGEND.neither.to_string(),
                unknown: chart::MOVES_LEGEND.unknown.to_string(),
            },
            mood: chart::mood_text(p).into(),
            cycle: chart::cycle_text(p).into(),
            cycle_trend: chart::trend_line(&chart::cycle_values(p))
                .map(|(intercept, slope)| TrendLine { intercept, slope }),
        }
    }
}
