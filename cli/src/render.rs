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
