//! The moves chart: per week, my bar and my partner's side by side, each
//! stacked pursued / withdrew / both / neither (and couldn't tell).

use std::fmt::Write;

use super::frame::{BOTTOM, Frame, H, INK, Key};
use super::labels::{MOVES_LEGEND, moves_text};
use super::{Embed, NEITHER_FILL, PURSUED_FILL, UNKNOWN_FILL, WITHDREW_FILL};
use crate::insights::{MoveCounts, PartnerMoveCounts, Pattern, WeekPoint};
use crate::summary::text::long;

/// The hatched fill of "both", defined once in the chart's `<defs>`.
const BOTH_FILL: &str = "url(#moves-both)";
/// The top of the scale: a week has seven days.
const MAX: f64 = *crate::rules::DAYS_AXIS.end();

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
    f.y_axis(&[0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0], MAX, "days");
    let bar = (f.slot() * 0.36).min(18.0);
    for (i, w) in p.points.iter().enumerate() {
        week(&mut f, i, w, bar);
    }
    f.x_axis(&p.points);
    let names = MOVES_LEGEND;
    f.legend(&[
        (Key::Fill(PURSUED_FILL), names.pursued),
        (Key::Fill(WITHDREW_FILL), names.withdrew),
        (Key::Fill(BOTH_FILL), names.both),
        (Key::Fill(NEITHER_FILL), names.neither),
        (Key::Fill(UNKNOWN_FILL), names.unknown),
    ]);
    f.finish()
}

/// One week's group: the two bars `bar` wide around the week's centre, or
/// a dash when nothing was logged.
fn week(f: &mut Frame, i: usize, w: &WeekPoint, bar: f64) {
    let cx = f.x_center(i);
    let _ = writeln!(f.out, "<g class=\"week\" data-week=\"{}\">", w.week_start);
    match (w.my_moves, w.partner_moves) {
        (Some(me), Some(them)) => {
            week_title(f, w, &me, &them);
            let mine = [
                (me.pursued, PURSUED_FILL),
                (me.withdrew, WITHDREW_FILL),
                (me.both, BOTH_FILL),
                (me.neither, NEITHER_FILL),
            ];
            let theirs = [
                (them.pursued, PURSUED_FILL),
                (them.withdrew, WITHDREW_FILL),
                (them.both, BOTH_FILL),
                (them.neither, NEITHER_FILL),
                (them.unknown, UNKNOWN_FILL),
            ];
            stack(f, cx - bar - 1.0, bar, &mine);
            stack(f, cx + 1.0, bar, &theirs);
            bar_names(f, cx, bar);
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

/// The week's figures in words, for a screen reader and a hover.
fn week_title(f: &mut Frame, w: &WeekPoint, me: &MoveCounts, them: &PartnerMoveCounts) {
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
}

/// One bar at `x`, its days stacked from the bottom; empty parts are left out.
fn stack(f: &mut Frame, x: f64, bar: f64, parts: &[(u32, &str)]) {
    let mut base = 0.0;
    for (n, fill) in parts {
        if *n == 0 {
            continue;
        }
        let top = base + f64::from(*n);
        let (y0, y1) = (f.y(top, MAX), f.y(base, MAX));
        let _ = writeln!(
            f.out,
            "<rect x=\"{x:.1}\" y=\"{y0:.1}\" width=\"{bar:.1}\" height=\"{:.1}\" fill=\"{fill}\" stroke=\"{INK}\" stroke-width=\"0.5\"/>",
            y1 - y0
        );
        base = top;
    }
}

/// "me" and "p" under the two bars, only where there is room to read them.
fn bar_names(f: &mut Frame, cx: f64, bar: f64) {
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
