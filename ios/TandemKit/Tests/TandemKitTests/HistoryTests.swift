// Mirrors tests/kotlin/android/HistoryTest.kt: the history list over a real
// journal, the core's weeks newest first, with headings and rows labelled as
// worked out by hand for these days (23 November 2026 is a Monday).

import Foundation
import XCTest

@testable import TandemKit

final class HistoryTests: XCTestCase {
    private var temp: TempJournal!

    override func setUpWithError() throws {
        temp = try TempJournal()
    }

    override func tearDown() {
        temp.close()
    }

    /// A store over the five days and one reflection every test here reads.
    private func filled() async throws -> JournalStore {
        let store = try await temp.store(today: "2027-01-01")
        for checkin in [
            checkIn("2026-11-23", 2, .pursued, .withdrew),
            checkIn("2026-11-25", 4, .neither, .neither),
            checkIn("2026-12-01", 3, .withdrew, .pursued),
            checkIn("2026-12-29", 5, .both, .unknown),
            checkIn("2027-01-01", 3, .pursued, .both),
        ] {
            _ = try await store.save(checkin)
        }
        var reflection = ReflectionDraft(weekStart: "2026-11-25")
        reflection.raisesConcerns = .me
        _ = try await store.save(reflection)
        return store
    }

    private func rows(_ section: HistorySection) -> [String] {
        section.rows.map { "\($0.dayLabel) | \($0.moveLabel) | \($0.mood)" }
    }

    func testDayAndWeekLabelsReadAsWorkedOutByHand() {
        XCTAssertEqual(DateLabels.day("2026-11-23"), "23 Nov")
        XCTAssertEqual(DateLabels.day("2027-01-01"), "1 Jan")
        // English month abbreviations as the core's charts write them, not en-GB's "Sept".
        XCTAssertEqual(DateLabels.day("2026-09-07"), "7 Sep")
        XCTAssertEqual(DateLabels.weekday("2026-11-23"), "Mon 23 Nov")
        XCTAssertEqual(DateLabels.weekday("2027-01-01"), "Fri 1 Jan")
        XCTAssertEqual(DateLabels.range("2026-11-23", "2026-11-29"), "23–29 Nov 2026")
        XCTAssertEqual(DateLabels.range("2026-11-30", "2026-12-06"), "30 Nov – 6 Dec 2026")
        XCTAssertEqual(DateLabels.range("2026-12-28", "2027-01-03"), "28 Dec 2026 – 3 Jan 2027")
        // Not a day: shown as it came rather than guessed at.
        XCTAssertEqual(DateLabels.day("2026-02-30"), "2026-02-30")
    }

    func testMondayWeeksAreListedNewestFirstWithRowsByDayAndTheWeeksReflection() async throws {
        let store = try await filled()
        let sections = try await store.history(from: nil, to: nil)
        XCTAssertEqual(
            sections.map { $0.title },
            ["28 Dec 2026 – 3 Jan 2027", "30 Nov – 6 Dec 2026", "23–29 Nov 2026"])
        XCTAssertEqual(
            rows(sections[0]),
            [
                "Tue 29 Dec | Both, at different moments | 5",
                "Fri 1 Jan | I pursued: reached out, pressed to talk it through | 3",
            ])
        XCTAssertEqual(rows(sections[1]), ["Tue 1 Dec | I withdrew: pulled back, went quiet, needed space | 3"])
        XCTAssertEqual(
            rows(sections[2]),
            [
                "Mon 23 Nov | I pursued: reached out, pressed to talk it through | 2",
                "Wed 25 Nov | Neither: no chasing, no retreating | 4",
            ])
        XCTAssertEqual(sections[2].rows.map { $0.date }, ["2026-11-23", "2026-11-25"])
        XCTAssertEqual(sections[2].rows.map { $0.move }, [.pursued, .neither])
        XCTAssertEqual(sections[2].reflection?.raisesConcerns, .me)
        XCTAssertEqual(sections[2].reflection?.weekStart, "2026-11-23")
        XCTAssertNil(sections[0].reflection)
        XCTAssertEqual(sections[0].firstDay, "2026-12-28")
        XCTAssertEqual(sections[0].lastDay, "2027-01-03")
        XCTAssertEqual(sections.map { $0.id }, ["2026-12-28", "2026-11-30", "2026-11-23"])
    }

    func testSundayWeeksRegroupTheSameDays() async throws {
        let store = try await filled()
        try await store.setWeekStart(.sunday)
        let sections = try await store.history(from: nil, to: nil)
        // Sunday 27 Dec – Saturday 2 Jan, Sunday 29 Nov – Saturday 5 Dec, Sunday 22 – Saturday 28 Nov.
        XCTAssertEqual(
            sections.map { $0.title },
            ["27 Dec 2026 – 2 Jan 2027", "29 Nov – 5 Dec 2026", "22–28 Nov 2026"])
        XCTAssertEqual(sections.map { $0.rows.count }, [2, 1, 2])
        // The reflection is kept under its Monday, 23 Nov, which falls in the Sunday week of 22 Nov.
        XCTAssertEqual(sections[2].reflection?.raisesConcerns, .me)
    }

    func testARangeIsWidenedToWholeWeeks() async throws {
        let store = try await filled()
        // 2 Dec is in the week of 30 Nov (which holds 1 Dec); 30 Dec in the week to 3 Jan (which holds 1 Jan).
        let sections = try await store.history(from: "2026-12-02", to: "2026-12-30")
        XCTAssertEqual(sections.map { $0.title }, ["28 Dec 2026 – 3 Jan 2027", "30 Nov – 6 Dec 2026"])
        XCTAssertEqual(sections.map { $0.rows.count }, [2, 1])
    }

    func testALockedJournalGivesTheLockedSentence() async throws {
        let store = try await filled()
        _ = try await store.lock()
        let refused = await sentence { _ = try await store.history(from: nil, to: nil) }
        XCTAssertEqual(refused, "The journal is locked. Unlock it to go on.")
    }
}
