//! The summary as one self-contained HTML document: inline CSS and SVG
//! charts, no script and no URL, a print stylesheet for A4 and Letter.

use std::fmt::Write;

use super::Section;
use super::chart::{self, Embed};
use super::model::{Count, Summary};
use super::text::{Apostrophe, avg, escape, long, pct, who};

fn text_block(text: &str) -> String {
    text.split("\n\n")
        .filter(|p| !p.trim().is_empty())
        .map(|p| {
            format!(
                "<p>{}</p>",
                escape(p, Apostrophe::Escape).replace('\n', "<br>")
            )
        })
        .collect()
}

fn count_list(out: &mut String, title: &str, items: &[Count]) {
    let _ = write!(
        out,
        "<div class=\"counts\"><h3>{}</h3>",
        escape(title, Apostrophe::Escape)
    );
    if items.is_empty() {
        out.push_str("<p class=\"muted\">None chosen.</p></div>");
        return;
    }
    out.push_str("<ul>");
    for c in items {
        let _ = write!(
            out,
            "<li>{} <span class=\"n\">{}</span></li>",
            escape(c.label, Apostrophe::Escape),
            c.count
        );
    }
    out.push_str("</ul></div>");
}

const STYLE: &str = "
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { font: 16px/1.5 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; color: #1a1a1a; background: #fff; margin: 0; }
main { max-width: 46rem; margin: 0 auto; padding: 1rem; }
h1 { font-size: 1.6rem; margin: 0.5rem 0 0.25rem; }
h2 { font-size: 1.25rem; margin: 2rem 0 0.5rem; border-bottom: 2px solid #1f3b73; padding-bottom: 0.2rem; }
h3 { font-size: 1rem; margin: 1rem 0 0.25rem; }
p.meta { color: #444; margin: 0; }
.muted { color: #555; }
.key { background: #f3f4f7; border-left: 4px solid #1f3b73; padding: 0.5rem 1rem; margin: 1rem 0; }
table { border-collapse: collapse; width: 100%; margin: 0.5rem 0; }
.scroll { overflow-x: auto; }
td, th, li, p { overflow-wrap: break-word; }
.scroll table { min-width: 36rem; }
th, td { text-align: left; padding: 0.35rem 0.5rem; border-bottom: 1px solid #ddd; vertical-align: top; }
th { font-weight: 600; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
figure { margin: 1rem 0; }
figure svg { width: 100%; height: auto; display: block; }
.counts ul { list-style: none; padding: 0; margin: 0; }
.counts li { display: flex; justify-content: space-between; border-bottom: 1px solid #eee; padding: 0.2rem 0; }
.counts .n { font-variant-numeric: tabular-nums; font-weight: 600; }
.grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(14rem, 1fr)); gap: 0 1.5rem; }
ul.findings li { margin: 0.3rem 0; }
.note { border-left: 3px solid #ccc; padding-left: 0.75rem; margin: 0.5rem 0 1rem; }
.note h3 { margin: 0; font-size: 0.95rem; color: #333; }
footer { margin-top: 2rem; color: #555; font-size: 0.85rem; }
@media (max-width: 30rem) {
  body { font-size: 15px; }
  main { padding: 0.75rem; }
  th, td { padding: 0.3rem 0.25rem; }
}
@page { margin: 16mm 14mm; }
@media print {
  body { font-size: 10.5pt; }
  main { max-width: none; padding: 0; }
  h2 { break-after: avoid; page-break-after: avoid; }
  h3 { break-after: avoid; page-break-after: avoid; }
  figure, table, .key, .note, .counts, li { break-inside: avoid; page-break-inside: avoid; }
  section { break-inside: auto; }
}
";

/// The summary as one self-contained HTML document.
pub fn render_html(s: &Summary) -> String {
    let mut out = String::new();
    let title = format!("Tandem summary, {} to {}", long(s.from), long(s.to));
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"referrer\" content=\"no-referrer\">\n<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<main>\n",
        escape(&title, Apostrophe::Escape)
    );
    let _ = write!(
        out,
        "<header>\n<h1>Tandem summary</h1>\n<p class=\"meta\">{} to {} · made on {}</p>\n\
         <p class=\"meta\">Kept by one partner in their own journal; the partner's moves are as this person saw them.</p>\n</header>\n",
        long(s.from),
        long(s.to),
        long(s.made_on)
    );
    out.push_str(
        "<aside class=\"key\">\n<h2 style=\"border:0;margin-top:0.25rem\">About the pursue–withdraw cycle</h2>\n\
         <p>Under stress one partner tends to move toward the other, wanting to talk it through now (pursuing), \
         while the other tends to pull back to calm down, go quiet or put the talk off (withdrawing). \
         Each move feeds the other: the more one reaches, the more the other retreats, and the more one retreats, \
         the more the other reaches. Neither move is wrong; both are ways of coping.</p>\n\
         <p>A <strong>cycle day</strong> is a day when one pursued while the other withdrew. \
         <strong>Intensity</strong> is how heated the hardest moment of the day got, from 0 to 10. \
         A <strong>hard moment</strong> is a day rated 3 or more, or one with a repair answer; \
         <strong>repair</strong> is whether the two found their way back.</p>\n</aside>\n",
    );

    for section in &s.sections {
        let _ = write!(
            out,
            "<section id=\"{}\">\n<h2>{}</h2>\n",
            section.code(),
            escape(section.title(), Apostrophe::Escape)
        );
        match section {
            Section::Overview => overview_html(&mut out, s),
            Section::Patterns => patterns_html(&mut out, s),
            Section::Feelings => feelings_html(&mut out, s),
            Section::Skills => skills_html(&mut out, s),
            Section::Reflections => reflections_html(&mut out, s),
            Section::ReflectionNotes => reflection_notes_html(&mut out, s),
            Section::Notes => notes_html(&mut out, s),
            Section::Closeness => closeness_html(&mut out, s),
        }
        out.push_str("</section>\n");
    }
    let _ = write!(
        out,
        "<footer>Made with Tandem on {}. Sections in this summary: {}.</footer>\n</main>\n</body>\n</html>\n",
        long(s.made_on),
        s.sections
            .iter()
            .map(|x| x.title())
            .collect::<Vec<_>>()
            .join(", ")
    );
    out
}

fn row(out: &mut String, label: &str, value: &str) {
    let _ = write!(
        out,
        "<tr><th scope=\"row\">{}</th><td class=\"num\">{}</td></tr>",
        escape(label, Apostrophe::Escape),
        escape(value, Apostrophe::Escape)
    );
}

fn overview_html(out: &mut String, s: &Summary) {
    let Some(o) = &s.overview else { return };
    out.push_str("<table>");
    row(
        out,
        "Days logged",
        &format!("{} of {}", o.days_logged, o.days_in_range),
    );
    row(out, "Average mood (1–5)", &avg(o.mood_average, ""));
    row(
        out,
        "Cycle days",
        &format!(
            "{} ({} a week)",
            o.cycle_days,
            avg(o.cycle_days_per_week, "")
        ),
    );
    row(
        out,
        "Average intensity of the hardest moment (0–10)",
        &avg(o.intensity_average, ""),
    );
    row(out, "Days with a hard moment", &o.hard_days.to_string());
    row(out, "Reconnected after a hard moment", &pct(o.repair_rate));
    row(
        out,
        "Days I pursued / withdrew",
        &format!("{} / {}", o.i_pursued, o.i_withdrew),
    );
    row(
        out,
        "Days my partner pursued / withdrew (as I saw it)",
        &format!("{} / {}", o.partner_pursued, o.partner_withdrew),
    );
    row(
        out,
        "Days I couldn't tell what my partner did",
        &o.partner_unknown.to_string(),
    );
    out.push_str("</table>\n");
}

fn patterns_html(out: &mut String, s: &Summary) {
    let Some(p) = &s.patterns else { return };
    for svg in [
        chart::moves_chart(&p.pattern, Embed::Inline),
        chart::mood_chart(&p.pattern, Embed::Inline),
        chart::cycle_chart(&p.pattern, Embed::Inline),
    ] {
        let _ = writeln!(out, "<figure>{svg}</figure>");
    }
    out.push_str("<h3>Findings</h3>");
    if p.findings.is_empty() {
        out.push_str("<p class=\"muted\">Too few days logged for findings.</p>");
    } else {
        out.push_str("<ul class=\"findings\">");
        for f in &p.findings {
            let _ = write!(out, "<li>{}</li>", escape(&f.text, Apostrophe::Escape));
        }
        out.push_str("</ul>");
    }
    out.push_str("<p class=\"muted\">Findings describe what was logged; they do not say why it happened.</p>\n");
}

fn feelings_html(out: &mut String, s: &Summary) {
    let Some(f) = &s.feelings else { return };
    out.push_str(
        "<p class=\"muted\">Days each was chosen, most often first.</p><div class=\"grid\">",
    );
    count_list(out, "Feelings when pursuing", &f.pursuing_feelings);
    count_list(out, "Feelings when withdrawing", &f.withdrawing_feelings);
    count_list(out, "Other feelings", &f.other_feelings);
    count_list(out, "Pursuing behaviours", &f.pursuing_behaviours);
    count_list(out, "Withdrawing behaviours", &f.withdrawing_behaviours);
    out.push_str("</div>\n");
}

fn skills_html(out: &mut String, s: &Summary) {
    let Some(k) = &s.skills else { return };
    out.push_str("<div class=\"grid\">");
    count_list(out, "Skills practised (days)", &k.skills);
    out.push_str("<div class=\"counts\"><h3>How hard moments ended</h3><ul>");
    for (label, n) in [
        ("Reconnected", k.repair.reconnected),
        ("Partly", k.repair.partly),
        ("Not yet", k.repair.not_yet),
        ("No answer", k.repair.unanswered),
    ] {
        let _ = write!(out, "<li>{label} <span class=\"n\">{n}</span></li>");
    }
    let _ = writeln!(
        out,
        "</ul><p>{} days with a hard moment; reconnected after {}.</p></div></div>",
        k.hard_days,
        pct(k.repair_rate)
    );
}

fn reflections_html(out: &mut String, s: &Summary) {
    let Some(rs) = &s.reflections else { return };
    if rs.is_empty() {
        out.push_str("<p class=\"muted\">No weekly reflections in this range.</p>\n");
        return;
    }
    out.push_str(
        "<div class=\"scroll\"><table><thead><tr><th scope=\"col\">Week of</th><th scope=\"col\">Brought up concerns</th>\
         <th scope=\"col\">Shut down</th><th scope=\"col\">Hard talks (1 safe – 5 overwhelming)</th>\
         <th scope=\"col\">Felt chased</th></tr></thead><tbody>",
    );
    for r in rs {
        let _ = write!(
            out,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td class=\"num\">{}</td><td>{}</td></tr>",
            long(r.week_start),
            who(r.raises_concerns),
            who(r.shuts_down),
            r.talk_safety
                .map(|v| v.to_string())
                .unwrap_or_else(|| "—".to_string()),
            who(r.felt_chased)
        );
    }
    out.push_str("</tbody></table></div>\n");
}

fn reflection_notes_html(out: &mut String, s: &Summary) {
    let Some(rs) = &s.reflection_notes else {
        return;
    };
    if rs.is_empty() {
        out.push_str("<p class=\"muted\">No written answers in this range.</p>\n");
    }
    for r in rs {
        let _ = write!(
            out,
            "<div class=\"note\"><h3>Week of {}</h3>",
            long(r.week_start)
        );
        if !r.needing_space.is_empty() {
            let _ = write!(
                out,
                "<p><em>When one of us needed space:</em></p>{}",
                text_block(&r.needing_space)
            );
        }
        if !r.note.is_empty() {
            out.push_str(&text_block(&r.note));
        }
        out.push_str("</div>\n");
    }
}

fn notes_html(out: &mut String, s: &Summary) {
    let Some(ns) = &s.notes else { return };
    if ns.is_empty() {
        out.push_str("<p class=\"muted\">No notes in this range.</p>\n");
    }
    for n in ns {
        let _ = writeln!(
            out,
            "<div class=\"note\"><h3>{}</h3>{}</div>",
            n.date.format("%A %-d %B %Y"),
            text_block(&n.note)
        );
    }
}

fn closeness_html(out: &mut String, s: &Summary) {
    let Some(c) = &s.closeness else { return };
    let _ = write!(
        out,
        "<p>{} days with an answer; average closeness {}.</p>",
        c.days_answered,
        avg(c.rating_average, " out of 5")
    );
    count_list(out, "How closeness felt (days)", &c.words);
    out.push('\n');
}
