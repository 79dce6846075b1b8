// Mirrors tests/kotlin/android/WeekViewTest.kt: the week view's charts over
// two hand-worked journals: journal B of core/tests/common/journals.rs (eight
// Monday weeks with findings of every kind, worked out by hand in
// core/tests/insights.rs) and a short journal whose trend line runs off both
// ends of the axis.

import Foundation
import XCTest

@testable import TandemKit

/// Journal B: 5 Jan – 1 Mar 2026, the cycle easing in the last four weeks.
private func journalB() -> [CheckIn] {
    let skill: [Skill] = [.regulate]
    func pw(_ date: NaiveDate, _ mood: UInt8, _ intensity: UInt8, _ repair: Repair?, _ skills: [Skill] = []) -> CheckIn {
        checkIn(date, mood, .pursued, .withdrew, intensity, repair, skills: skills)
    }
    func calm(_ date: NaiveDate, _ mood: UInt8, _ intensity: UInt8) -> CheckIn {
        checkIn(date, mood, .neither, .neither, intensity)
    }
    return [
        // Before: 5 cycle days of 7; repairs R (skill), N, N, N, P (skill).
        pw("2026-01-05", 2, 8, .reconnected, skill),
        pw("2026-01-08", 2, 7, .notYet),
        pw("2026-01-13", 2, 8, .notYet),
        calm("2026-01-16", 3, 2),
        pw("2026-01-20", 2, 7, .notYet),
        calm("2026-01-27", 3, 2),
        pw("2026-01-30", 3, 8, .partly, skill),
        // Recent: 2 cycle days of 7; repairs R (skill), R (skill), P.
        pw("2026-02-02", 4, 5, .reconnected, skill),
        pw("2026-02-05", 4, 5, .reconnected, skill),
        calm("2026-02-10", 3, 1),
        calm("2026-02-14", 4, 1),
        calm("2026-02-18", 4, 2),
        checkIn("2026-02-24", 3, .neither, .both, 2),
        checkIn("2026-03-01", 4, .both, .neither, 5, .partly),
    ]
}

final class WeekViewTests: XCTestCase {
    private var temp: TempJournal!

    override func setUpWithError() throws {
        temp = try TempJournal()
    }

    override func tearDown() {
        temp.close()
    }

    private func loaded(_ checkIns: [CheckIn], today: NaiveDate, weeks: UInt32) async throws -> WeekView {
        let store = try await temp.store(today: today)
        for checkin in checkIns {
            _ = try await store.save(checkin)
        }
        return try await store.weekView(day: today, weeks: weeks)
    }

    /// One person's stacked bar in one week: (move, label, days), bottom first.
    private func bar(_ view: WeekView, week: Int, _ person: Person) -> [MoveSegment] {
        view.moves.segments.filter { $0.weekIndex == week && $0.person == person }.sorted { $0.order < $1.order }
    }

    func testJournalBsChartsHoldTheHandWorkedWeeks() async throws {
        let view = try await loaded(journalB(), today: "2026-03-01", weeks: 8)
        let starts = [
            "2026-01-05", "2026-01-12", "2026-01-19", "2026-01-26",
            "2026-02-02", "2026-02-09", "2026-02-16", "2026-02-23",
        ]
        let labels = ["5 Jan", "12 Jan", "19 Jan", "26 Jan", "2 Feb", "9 Feb", "16 Feb", "23 Feb"]
        XCTAssertEqual(view.mood.points.map { $0.weekStart }, starts)
        XCTAssertEqual(view.mood.points.map { $0.weekLabel }, labels)
        XCTAssertEqual(view.cycle.points.map { $0.weekLabel }, labels)
        XCTAssertEqual(view.moves.segments.filter { $0.person == .me && $0.order == 0 }.map { $0.weekLabel }, labels)
        // Moods by week: (2+2)/2, (2+3)/2, 2, (3+3)/2, (4+4)/2, (3+4)/2, 4, (3+4)/2.
        XCTAssertEqual(view.mood.points.map { $0.mood }, [2.0, 2.5, 2.0, 3.0, 4.0, 3.5, 4.0, 3.5])
        XCTAssertEqual(view.mood.points.map { $0.run }, [0, 0, 0, 0, 0, 0, 0, 0])
        // Days one pursued while the other withdrew.
        XCTAssertEqual(view.cycle.points.map { $0.days }, [2, 1, 1, 1, 2, 0, 0, 0])
        // Least squares through (i, 2 1 1 1 2 0 0 0): mean i 3.5, mean y 7/8; Sxx = 42,
        // Sxy = -10.5, so slope -0.25 and intercept 0.875 + 0.25 * 3.5 = 1.75; at i = 7: 0.
        let trend = view.cycle.trend
        XCTAssertEqual(trend.map { $0.weekIndex }, [0, 7])
        XCTAssertEqual(trend.map { $0.weekLabel }, ["5 Jan", "23 Feb"])
        XCTAssertEqual(trend.first?.value ?? .nan, 1.75, accuracy: 1e-9)
        XCTAssertEqual(trend.last?.value ?? .nan, 0.0, accuracy: 1e-9)
        // The last week: 24 Feb neither / both, 1 Mar both / neither.
        let me = bar(view, week: 7, .me)
        let partner = bar(view, week: 7, .partner)
        XCTAssertEqual(me.map { $0.days }, [0, 0, 1, 1])
        XCTAssertEqual(partner.map { $0.days }, [0, 0, 1, 1, 0])
        XCTAssertEqual(me.map { $0.move }, [.pursued, .withdrew, .both, .neither])
        XCTAssertEqual(partner.map { $0.move }, [.pursued, .withdrew, .both, .neither, .unknown])
        // The legend names of the core's SVG moves chart.
        XCTAssertEqual(me.map { $0.label }, ["pursued", "withdrew", "both", "neither"])
        XCTAssertEqual(partner.map { $0.label }, ["pursued", "withdrew", "both", "neither", "couldn't tell"])
        XCTAssertEqual(view.moves.legend.map { $0.move }, [.pursued, .withdrew, .both, .neither, .unknown])
        XCTAssertEqual(view.moves.legend.map { $0.name }, partner.map { $0.label })
        XCTAssertEqual(view.week.weekStart, "2026-02-23")
        XCTAssertEqual(view.weekStart, "2026-02-23")
        XCTAssertEqual(view.week.daysLogged, 2)
        XCTAssertEqual(MovesChart.yDomain, 0...7)
        XCTAssertEqual(MoodChart.yDomain, 1...5)
        XCTAssertEqual(CycleChart.yDomain, 0...7)
    }

    func testEachChartIsSpokenAsItsDescriptionThenItsOwnKindsOfFinding() async throws {
        let view = try await loaded(journalB(), today: "2026-03-01", weeks: 8)
        // The sentences worked out by hand in core/tests/insights.rs for the same weeks.
        let cycle = "Cycle days fell from 5.0 to 2.0 a week over the last four weeks, against the four before (n = 7 and 7 days logged)."
        let intensity = "The hardest moment of the day fell from 6.0 to 3.0 out of 10 (n = 7 and 7 days rated)."
        let repair = "Reconnecting after a hard moment rose from 20% to 67% (n = 5 and 3 hard days)."
        let mood = "Mood rose from 2.4 to 3.7 out of 5 (n = 7 and 7 days logged)."
        let roles = "Of 14 days logged, you pursued on 8 and your partner on 1: you did more often. You withdrew on 1 and your partner on 8: your partner did more often, as you saw it."
        let skills = "On hard days when you practised a skill you reconnected 75% of the time (n = 4); on hard days without one, 0% (n = 4)."
        let range = "the 8 weeks from 5 January 2026 to the week of 23 February 2026"

        XCTAssertEqual(view.moves.title, "Pursue and withdraw, week by week")
        XCTAssertEqual(
            view.moves.accessibilityText,
            "For \(range), two stacked bars per week: on the left how often you pursued, withdrew, did both or neither; "
                + "on the right the same for your partner as you saw it, with days you couldn't tell. "
                + "Every week has check-ins. \(roles)")
        XCTAssertEqual(view.mood.title, "Mood, week by week")
        XCTAssertEqual(
            view.mood.accessibilityText,
            "Average mood per week, from 1 (very low) to 5 (very good), for \(range). Every week has check-ins. \(mood)")
        XCTAssertEqual(view.cycle.title, "Cycle days, week by week")
        // The trend in words: a slope of -0.25 over 7 steps falls by 1.75, shown to one place.
        XCTAssertEqual(
            view.cycle.accessibilityText,
            "Cycle days per week (days when one of you pursued while the other withdrew), 0 to 7, for \(range). "
                + "The trend line falls by about 1.8 cycle days a week over the period. Every week has check-ins. "
                + "\(cycle) \(intensity) \(repair) \(skills)")
        XCTAssertEqual(view.findings.map { $0.text }, [cycle, intensity, repair, mood, roles, skills])
    }

    func testATrendLineRunningOffTheAxisHasItsEndsClampedToZeroAndSeven() async throws {
        // Four Monday weeks to 1 Mar 2026: empty, 9–15 Feb every day a cycle day,
        // 18 Feb a calm day, empty.
        let cycleWeek = ["2026-02-09", "2026-02-10", "2026-02-11", "2026-02-12", "2026-02-13", "2026-02-14", "2026-02-15"]
            .map { checkIn($0, 3, .pursued, .withdrew) }
        let view = try await loaded(
            cycleWeek + [checkIn("2026-02-18", 5, .neither, .neither)], today: "2026-03-01", weeks: 4)
        XCTAssertEqual(view.cycle.points.map { $0.days }, [nil, 7, 0, nil])
        XCTAssertEqual(view.mood.points.map { $0.mood }, [nil, 3.0, 5.0, nil])
        // Through (1, 7) and (2, 0): slope -7, intercept 14; at i = 0: 14, at i = 3: 14 - 21 = -7.
        XCTAssertEqual(
            view.cycle.trend,
            [TrendPoint(weekIndex: 0, weekLabel: "2 Feb", value: 7), TrendPoint(weekIndex: 3, weekLabel: "23 Feb", value: 0)])
        XCTAssertEqual(bar(view, week: 0, .me), [])
        XCTAssertEqual(bar(view, week: 0, .partner), [])
        XCTAssertEqual(bar(view, week: 1, .me).map { "\($0.move):\($0.days)" }, ["pursued:7", "withdrew:0", "both:0", "neither:0"])
        XCTAssertEqual(
            bar(view, week: 1, .partner).map { "\($0.move):\($0.days)" },
            ["pursued:0", "withdrew:7", "both:0", "neither:0", "unknown:0"])
        XCTAssertTrue(view.moves.accessibilityText.contains("2 weeks have no check-ins and are left blank."))
    }

    func testUnderTwoWeeksWithDataThereIsNoTrendLine() async throws {
        let view = try await loaded([checkIn("2026-02-25", 3, .pursued, .withdrew)], today: "2026-03-01", weeks: 4)
        XCTAssertEqual(view.cycle.trend, [])
        XCTAssertEqual(view.cycle.points.map { $0.days }, [nil, nil, nil, 1])
    }

    func testAGapBreaksALineIntoRunsForTheChart() {
        XCTAssertEqual(WeekView.runs([true, false, true, true, false, true]), [0, 0, 1, 1, 1, 2])
        XCTAssertEqual(WeekView.runs([false, false, true]), [0, 0, 1])
        XCTAssertEqual(WeekView.runs([]), [])
    }

    func testTheStoreShowsTwelveWeeksByDefaultAndReportsALockedJournal() async throws {
        let store = try await temp.store(today: "2026-03-01")
        let view = try await store.weekView(day: "2026-03-01")
        XCTAssertEqual(JournalStore.defaultWeeks, 12)
        XCTAssertEqual(view.mood.points.count, 12)
        _ = try await store.lock()
        let refused = await sentence { _ = try await store.weekView(day: "2026-03-01") }
        XCTAssertEqual(refused, "The journal is locked. Unlock it to go on.")
    }
}
