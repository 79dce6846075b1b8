//! The SVG charts: real XML, one group per week, accessible text, no
//! external resources, greyscale-safe fills, and golden files for journal A.

mod common;

use chrono::NaiveDate;
use common::journals::journal_a;
use tandem_core::WeekStart;
use tandem_core::insights::{self, Pattern};
use tandem_core::summary::chart::{self, Embed};

fn pattern_a() -> Pattern {
    let weeks = insights::week_starts(
        "2027-01-14".parse::<NaiveDate>().unwrap(),
        4,
        WeekStart::Monday,
    );
    insights::pattern(&journal_a(), &weeks, WeekStart::Monday)
}

fn all_charts(p: &Pattern, embed: Embed) -> Vec<(&'static str, String)> {
    vec![
        ("moves", chart::moves_chart(p, embed)),
        ("mood", chart::mood_chart(p, embed)),
        ("cycle", chart::cycle_chart(p, embed)),
    ]
}

fn weeks_in(doc: &roxmltree::Document<'_>) -> Vec<String> {
    doc.descendants()
        .filter(|n| n.has_tag_name("g") && n.attribute("class") == Some("week"))
        .map(|n| n.attribute("data-week").unwrap_or_default().to_string())
        .collect()
}

#[test]
fn every_chart_is_well_formed_xml_with_a_title_and_description_first() {
    let p = pattern_a();
    for embed in [Embed::Standalone, Embed::Inline] {
        for (name, svg) in all_charts(&p, embed) {
            let doc = roxmltree::Document::parse(&svg).unwrap_or_else(|e| panic!("{name}: {e}"));
            let root = doc.root_element();
            assert_eq!(root.tag_name().name(), "svg");
            assert_eq!(root.attribute("role"), Some("img"));
            let kids: Vec<_> = root.children().filter(|n| n.is_element()).collect();
            assert_eq!(kids[0].tag_name().name(), "title", "{name}");
            assert_eq!(kids[1].tag_name().name(), "desc", "{name}");
            assert!(
                kids[1]
                    .text()
                    .unwrap_or_default()
                    .contains("21 December 2026"),
                "{name}"
            );
            assert!(
                kids[1]
                    .text()
                    .unwrap_or_default()
                    .contains("One week has no check-ins"),
                "{name}"
            );
            // Labels are real text, readable by screen readers.
            assert!(
                doc.descendants()
                    .any(|n| n.has_tag_name("text") && n.text() == Some("21 Dec")),
                "{name}"
            );
        }
    }
}

#[test]
fn every_chart_holds_one_week_group_per_week_gaps_included() {
    let p = pattern_a();
    for (name, svg) in all_charts(&p, Embed::Standalone) {
        let doc = roxmltree::Document::parse(&svg).unwrap();
        assert_eq!(
            weeks_in(&doc),
            ["2026-12-21", "2026-12-28", "2027-01-04", "2027-01-11"],
            "{name}"
        );
    }
    // Twelve weeks asked, twelve groups, even with nothing logged in most.
    let weeks = insights::week_starts("2027-01-14".parse().unwrap(), 12, WeekStart::Monday);
    let p12 = insights::pattern(&journal_a(), &weeks, WeekStart::Monday);
    let doc_svg = chart::moves_chart(&p12, Embed::Standalone);
    let doc = roxmltree::Document::parse(&doc_svg).unwrap();
    assert_eq!(weeks_in(&doc).len(), 12);
}

#[test]
fn stacked_bars_are_as_tall_as_the_days_logged() {
    // The plot is 180 units tall for 7 days, so one day is 180/7 units.
    let svg = chart::moves_chart(&pattern_a(), Embed::Standalone);
    let doc = roxmltree::Document::parse(&svg).unwrap();
    let week = doc
        .descendants()
        .find(|n| n.attribute("data-week") == Some("2026-12-21"))
        .unwrap();
    let rects: Vec<(f64, f64)> = week
        .children()
        .filter(|n| n.has_tag_name("rect"))
        .map(|n| {
            (
                n.attribute("x").unwrap().parse().unwrap(),
                n.attribute("height").unwrap().parse().unwrap(),
            )
        })
        .collect();
    let first_x = rects[0].0;
    let (mine, theirs): (Vec<_>, Vec<_>) = rects.iter().partition(|r| r.0 == first_x);
    let total = |v: &[&(f64, f64)]| v.iter().map(|r| r.1).sum::<f64>();
    let day = 180.0 / 7.0;
    // Five days logged: my bar has 4 segments (2 pursued, 1 withdrew, 1 both,
    // 1 neither), my partner's 4 (1, 2, 1 neither, 1 couldn't tell).
    assert_eq!(mine.len(), 4);
    assert_eq!(theirs.len(), 4);
    assert!((total(&mine) - 5.0 * day).abs() < 0.3, "{}", total(&mine));
    assert!(
        (total(&theirs) - 5.0 * day).abs() < 0.3,
        "{}",
        total(&theirs)
    );
    assert!((mine[0].1 - 2.0 * day).abs() < 0.1, "two days pursued");
}

#[test]
fn no_chart_reaches_outside_itself() {
    for embed in [Embed::Standalone, Embed::Inline] {
        for (name, svg) in all_charts(&pattern_a(), embed) {
            let without_ns = svg.replace(" xmlns=\"http://www.w3.org/2000/svg\"", "");
            assert!(!without_ns.contains("http"), "{name}");
            assert!(!without_ns.contains("//"), "{name}");
            assert!(!svg.contains("<script"), "{name}");
            assert!(!svg.contains("href"), "{name}");
            assert!(!svg.contains("<image"), "{name}");
            if embed == Embed::Inline {
                assert!(!svg.contains("http"), "{name}");
            }
        }
    }
}

fn luminance(hex: &str) -> f64 {
    let c = |i: usize| {
        let v = f64::from(u8::from_str_radix(&hex[i..i + 2], 16).unwrap()) / 255.0;
        if v <= 0.04045 {
            v / 12.92
        } else {
            ((v + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * c(1) + 0.7152 * c(3) + 0.0722 * c(5)
}

#[test]
fn move_fills_stay_apart_in_greyscale() {
    // Relative luminance (WCAG), which is what a greyscale print keeps.
    let fills = [
        chart::PURSUED_FILL,
        chart::WITHDREW_FILL,
        chart::NEITHER_FILL,
        chart::UNKNOWN_FILL,
    ];
    for (i, a) in fills.iter().enumerate() {
        for b in &fills[i + 1..] {
            let gap = (luminance(a) - luminance(b)).abs();
            assert!(
                gap >= 0.15,
                "{a} and {b} differ by only {gap:.2} in luminance"
            );
        }
    }
    // "Both" is hatched rather than a flat fill of its own.
    let svg = chart::moves_chart(&pattern_a(), Embed::Standalone);
    assert!(svg.contains("<pattern id=\"moves-both\""));
}

#[test]
fn the_trend_line_is_the_least_squares_fit_worked_by_hand() {
    // Cycle days 3, 2, gap, 0 at weeks 0, 1, 3: mean x 4/3, mean y 5/3,
    // Sxx = 42/9, Sxy = -42/9, so slope -1 and intercept 5/3 + 4/3 = 3.
    let (a, b) = chart::trend_line(&[Some(3.0), Some(2.0), None, Some(0.0)]).unwrap();
    assert!(
        (a - 3.0).abs() < 1e-12 && (b + 1.0).abs() < 1e-12,
        "{a} {b}"
    );
    assert_eq!(chart::trend_line(&[None, Some(2.0), None]), None);
    let svg = chart::cycle_chart(&pattern_a(), Embed::Standalone);
    assert!(svg.contains("The trend line falls by about 3.0 cycle days a week over the period."));
}

#[test]
fn charts_match_their_golden_files_and_are_deterministic() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden");
    for (name, svg) in all_charts(&pattern_a(), Embed::Standalone) {
        assert_eq!(
            svg,
            all_charts(&pattern_a(), Embed::Standalone)
                .into_iter()
                .find(|c| c.0 == name)
                .unwrap()
                .1
        );
        let path = dir.join(format!("{name}-journal-a.svg"));
        if std::env::var_os("TANDEM_UPDATE_GOLDEN").is_some() {
            std::fs::write(&path, &svg).unwrap();
        }
        let golden = std::fs::read_to_string(&path).unwrap_or_else(|_| {
            panic!(
                "{} is missing; run with TANDEM_UPDATE_GOLDEN=1 and review it",
                path.display()
            )
        });
        assert_eq!(svg, golden, "{name} differs from its golden file");
    }
}

#[test]
fn the_texts_the_phones_read_are_the_titles_and_descriptions_the_svgs_carry() {
    let p = pattern_a();
    let texts = [
        chart::moves_text(&p),
        chart::mood_text(&p),
        chart::cycle_text(&p),
    ];
    for ((name, svg), text) in all_charts(&p, Embed::Standalone).into_iter().zip(texts) {
        let doc = roxmltree::Document::parse(&svg).unwrap();
        let find = |tag: &str| {
            doc.descendants()
                .find(|n| n.has_tag_name(tag))
                .and_then(|n| n.text())
                .unwrap_or_default()
                .to_string()
        };
        assert_eq!(find("title"), text.title, "{name}");
        assert_eq!(find("desc"), text.description, "{name}");
    }
    // Journal A's cycle days by week: 3, 2, empty, 0; the trend worked in
    // the_trend_line_is_the_least_squares_fit_worked_by_hand falls.
    let cycle = chart::cycle_text(&p).description;
    assert!(cycle.contains("The trend line falls"), "{cycle}");
    assert!(cycle.contains("One week has no check-ins"), "{cycle}");
}
