// Mirrors tests/kotlin/android/ReflectionDraftTest.kt: the draft's
// conversions and the store's week, save, refusal and reload.

import Foundation
import XCTest

@testable import TandemKit

final class ReflectionDraftTests: XCTestCase {
    private var temp: TempJournal!

    override func setUpWithError() throws {
        temp = try TempJournal()
    }

    override func tearDown() {
        temp.close()
    }

    func testAReflectionComesBackAsTheSameDraftAndTheSameReflection() {
        let reflection = Reflection(
            weekStart: "2026-11-23", raisesConcerns: .me, shutsDown: .partner, talkSafety: 4,
            feltChased: .both, needingSpace: "they go for a run", note: "")
        let draft = ReflectionDraft.from(reflection)
        XCTAssertEqual(draft.talkSafety, 4)
        XCTAssertEqual(draft.toReflection(), reflection)
        XCTAssertEqual(ReflectionDraft.empty("2026-11-23").toReflection(), Reflection(weekStart: "2026-11-23"))
    }

    func testTheWhoChoicesComeFromTheCoreInItsOrder() {
        XCTAssertEqual(
            ReflectionForm.from(choices()).whos.map { "\($0.value):\($0.label)" },
            ["me:Me", "partner:My partner", "both:Both of us", "neither:Neither of us"])
    }

    func testAReflectionSavedFromAWednesdayIsKeptUnderItsMondayAndLoadsBackFromAnyDayOfTheWeek() async throws {
        let store = try await temp.store(today: "2026-11-25")
        // Wednesday 25 November 2026: its Monday week is 23–29 November.
        let week = try await store.weekOf(day: "2026-11-25")
        XCTAssertEqual(week, DateRange(from: "2026-11-23", to: "2026-11-29"))
        var draft = try await store.loadReflection(day: "2026-11-25")
        XCTAssertEqual(draft, ReflectionDraft(weekStart: "2026-11-23"))
        let none = try await store.reflection(day: "2026-11-25")
        XCTAssertNil(none)

        draft.raisesConcerns = .me
        draft.talkSafety = 2
        draft.needingSpace = "a walk, then we talk"
        let saved = try await store.save(draft)
        XCTAssertEqual(saved.revision, 1)

        let again = try await store.loadReflection(day: "2026-11-29")
        XCTAssertEqual(again.weekStart, "2026-11-23")
        XCTAssertEqual(again.raisesConcerns, .me)
        XCTAssertEqual(again.talkSafety, 2)
        XCTAssertEqual(again.needingSpace, "a walk, then we talk")
    }

    func testWithSundayWeeksTheEditorShowsTheSundayWeek() async throws {
        let store = try await temp.store(today: "2026-11-25")
        try await store.setWeekStart(.sunday)
        // Sunday 22 to Saturday 28 November 2026.
        let week = try await store.weekOf(day: "2026-11-25")
        XCTAssertEqual(week, DateRange(from: "2026-11-22", to: "2026-11-28"))
        let draft = try await store.loadReflection(day: "2026-11-25")
        XCTAssertEqual(draft.weekStart, "2026-11-22")
    }

    func testARefusedSaveKeepsTheDraftAndShowsTheCoresSentence() async throws {
        let store = try await temp.store(today: "2026-11-25")
        var draft = try await store.loadReflection(day: "2026-11-25")
        draft.talkSafety = 6
        draft.note = "kept"
        let before = draft
        let refused = await sentence { _ = try await store.save(draft) }
        XCTAssertEqual(refused, "How safe talking felt must be from 1 (safe) to 5 (overwhelming).")
        XCTAssertEqual(draft, before)
        let none = try await store.reflection(day: "2026-11-25")
        XCTAssertNil(none)
    }
}
