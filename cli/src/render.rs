//! How entries read in a terminal.

use std::fmt::Write;

use tandem_core::{CheckIn, Reflection, Saved, VocabKind, vocabulary};

fn labels<T: Copy>(items: &[T], label: impl Fn(T) -> &'static str) -> String {
    if items.is_empty() {
        "—".to_string()
    } else {
        items
            .iter()
            .map(|i| label(*i))
            .collect::<Vec<_>>()
            .join("; ")
    }
}

fn or_dash<T>(v: Option<T>, f: impl FnOnce(T) -> String) -> String {
    v.map(f).unwrap_or_else(|| "—".to_string())
}

fn indent(text: &str) -> String {
    text.lines().map(|l| format!("  {l}\n")).collect()
}

/// A check-in in full.
pub fn checkin(s: &Saved<CheckIn>) -> String {
    let c = &s.value;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}  (revision {})",
        c.date.format("%A %-d %B %Y"),
        s.revision
    );
    let mut row = |k: &str, v: String| {
        let _ = writeln!(out, "{k:<12}{v}");
    };
    row("Mood", format!("{}/5", c.mood));
    row("Me", c.my_move.label().to_string());
    row("Partner", c.partner_move.label().to_string());
    row("Intensity", or_dash(c.intensity, |i| format!("{i}/10")));
    row("Behaviours", labels(&c.behaviours, |b| b.label()));
    row("Feelings", labels(&c.feelings, |f| f.label()));
    row("Skills", labels(&c.skills, |s| s.label()));
    row("Repair", or_dash(c.repair, |r| r.label().to_string()));
    if let Some(cl) = &c.closeness {
        let rating = or_dash(cl.rating, |r| format!("{r}/5"));
        row(
            "Closeness",
            format!("{rating}  {}", labels(&cl.words, |w| w.label())),
        );
    }
    if !c.note.is_empty() {
        out.push_str("Note\n");
        out.push_str(&indent(&c.note));
    }
    out
}

/// A check-in as one line of a list.
pub fn checkin_line(s: &Saved<CheckIn>) -> String {
    let c = &s.value;
    format!(
        "{}  mood {}  me {:<9} partner {:<9} intensity {:<3} repair {:<12}{}",
        c.date,
        c.mood,
        c.my_move.code(),
        c.partner_move.code(),
        or_dash(c.intensity, |i| i.to_string()),
        or_dash(c.repair, |r| r.code().to_string()),
        if c.note.is_empty() { "" } else { "  (note)" }
    )
    .trim_end()
    .to_string()
}

/// A reflection in full.
pub fn reflection(s: &Saved<Reflection>) -> String {
    let r = &s.value;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "Week of {}  (revision {})",
        r.week_start.format("%-d %B %Y"),
        s.revision
    );
    let who = |w: Option<tandem_core::Who>| or_dash(w, |w| w.label().to_string());
    let _ = writeln!(
        out,
        "Who brought up concerns:       {}",
        who(r.raises_concerns)
    );
    let _ = writeln!(out, "Who shut down or walked away:  {}", who(r.shuts_down));
    let _ = writeln!(
        out,
        "Hard talks felt (1 safe … 5 overwhelming):  {}",
        or_dash(r.talk_safety, |s| s.to_string())
    );
    let _ = writeln!(out, "Who felt chased or cornered:   {}", who(r.felt_chased));
    if !r.needing_space.is_empty() {
        out.push_str("When one of us needed space:\n");
        out.push_str(&indent(&r.needing_space));
    }
    if !r.note.is_empty() {
        out.push_str("Note:\n");
        out.push_str(&indent(&r.note));
    }
    out
}

/// The whole vocabulary, grouped by kind.
pub fn vocab() -> String {
    let all = vocabulary();
    let mut out = String::new();
    for kind in VocabKind::ALL {
        let _ = writeln!(out, "{}:", kind.code());
        for e in all.iter().filter(|e| e.kind == *kind) {
            let side = e
                .side
                .map(|s| format!("  ({})", s.code()))
                .unwrap_or_default();
            let _ = writeln!(out, "  {:<20}{}{}", e.code, e.label, side);
        }
    }
    out
}

use tandem_core::insights::{BySide, Finding, Pattern, WeekSummary};

fn avg(v: Option<f64>) -> String {
    v.map(|v| format!("{v:.1}"))
        .unwrap_or_else(|| "—".to_string())
}

fn percent(v: Option<f64>) -> String {
    v.map(|v| format!("{:.0}%", v * 100.0))
        .unwrap_or_else(|| "—".to_string())
}

fn side_list<T: Copy>(by: &BySide<T>, label: impl Fn(T) -> &'static str) -> String {
    let part = |name: &str, items: &[(T, u32)]| {
        (!items.is_empty()).then(|| {
            let list: Vec<String> = items
                .iter()
                .map(|(v, n)| format!("{} ({n})", label(*v)))
                .collect();
            format!("{name}: {}", list.join(", "))
        })
    };
    let parts: Vec<String> = [
        part("pursuing side", &by.pursuing),
        part("withdrawing side", &by.withdrawing),
        part("other", &by.neither),
    ]
    .into_iter()
    .flatten()
    .collect();
    if parts.is_empty() {
        "—".to_string()
    } else {
        parts.join("; ")
    }
}

/// A week's summary.
pub fn week(w: &WeekSummary, streak: u32) -> String {
    let mut out = String::new();
    let end = tandem_core::day::week_end(w.week_start);
    let _ = writeln!(
        out,
        "Week of {} to {}",
        w.week_start.format("%A %-d %B %Y"),
        end.format("%A %-d %B")
    );
    let mut row = |k: &str, v: String| {
        let _ = writeln!(out, "{k:<17}{v}");
    };
    row("Days logged", format!("{} of 7", w.days_logged));
    row("Mood", format!("{} average (1–5)", avg(w.mood_average)));
    let m = w.my_moves;
    row(
        "My moves",
        format!(
            "pursued {} · withdrew {} · both {} · neither {}",
            m.pursued, m.withdrew, m.both, m.neither
        ),
    );
    let p = w.partner_moves;
    row(
        "Partner's moves",
        format!(
            "pursued {} · withdrew {} · both {} · neither {} · couldn't tell {}",
            p.pursued, p.withdrew, p.both, p.neither, p.unknown
        ),
    );
    row(
        "Cycle days",
        format!("{} (one pursued while the other withdrew)", w.cycle_days),
    );
    row(
        "Intensity",
        format!(
            "{} average of the hardest moment (0–10)",
            avg(w.intensity_average)
        ),
    );
    let r = w.repair;
    row(
        "Hard moments",
        format!(
            "{} {}: reconnected {} · partly {} · not yet {} · no answer {}",
            w.hard_days,
            if w.hard_days == 1 { "day" } else { "days" },
            r.reconnected,
            r.partly,
            r.not_yet,
            r.unanswered
        ),
    );
    row("Repair rate", percent(w.repair_rate));
    let skills: Vec<String> = w
        .skills
        .iter()
        .filter(|(_, n)| *n > 0)
        .map(|(s, n)| format!("{} ×{n}", s.label()))
        .collect();
    row(
        "Skills",
        if skills.is_empty() {
            "—".to_string()
        } else {
            skills.join(" · ")
        },
    );
    row("Feelings", side_list(&w.top_feelings, |f| f.label()));
    row("Behaviours", side_list(&w.top_behaviours, |b| b.label()));
    row("Streak", format!("{streak} days in a row up to today"));
    out
}

/// Block characters for the stacked moves: one character a day.
const PURSUED: char = '█';
const WITHDREW: char = '▒';
const BOTH: char = '▚';
const NEITHER: char = '░';
const UNKNOWN: char = '·';

/// The pattern as a terminal chart, one line a week, then the findings.
pub fn pattern(p: &Pattern, findings: &[Finding]) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "Week of      Me       Partner   Mood  Cycle days  Intensity  Repair\n\
         ───────────  ───────  ───────  ────  ──────────  ─────────  ──────"
    );
    for w in &p.points {
        let label = w.week_start.format("%-d %b %Y").to_string();
        match (w.my_moves, w.partner_moves) {
            (Some(m), Some(t)) => {
                let mut me = String::new();
                for (n, c) in [
                    (m.pursued, PURSUED),
                    (m.withdrew, WITHDREW),
                    (m.both, BOTH),
                    (m.neither, NEITHER),
                ] {
                    me.extend(std::iter::repeat_n(c, n as usize));
                }
                let mut them = String::new();
                for (n, c) in [
                    (t.pursued, PURSUED),
                    (t.withdrew, WITHDREW),
                    (t.both, BOTH),
                    (t.neither, NEITHER),
                    (t.unknown, UNKNOWN),
                ] {
                    them.extend(std::iter::repeat_n(c, n as usize));
                }
                let cycle = w.cycle_days.unwrap_or(0);
                let cycle_bar: String = std::iter::repeat_n('■', cycle as usize).collect();
                let _ = writeln!(
                    out,
                    "{label:<11}  {me:<7}  {them:<7}  {:>4}  {cycle_bar:<7} {cycle:>2}  {:>9}  {:>6}",
                    avg(w.mood),
                    avg(w.intensity),
                    percent(w.repair_rate)
                );
            }
            _ => {
                let _ = writeln!(out, "{label:<11}  (no check-ins)");
            }
        }
    }
    let _ = writeln!(
        out,
        "\n{PURSUED} pursued  {WITHDREW} withdrew  {BOTH} both  {NEITHER} neither  {UNKNOWN} couldn't tell   (one mark a day)"
    );
    if findings.is_empty() {
        out.push_str("\nToo few days logged yet for findings.\n");
    } else {
        out.push('\n');
        for f in findings {
            let _ = writeln!(out, "• {}", f.text);
        }
    }
    out
}
