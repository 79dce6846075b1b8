// Mirrors tests/kotlin/android/CheckInDraftTest.kt: the check-in form's
// pickers from choices() grouped by side, the draft's toggles and
// conversions, and loading and saving it through the store.

import Foundation
import XCTest

@testable import TandemKit

/// A plain value with a side, for grouping without the core's lists.
private struct Tagged: Hashable {
    let name: String
    let side: Side?
}

final class CheckInDraftTests: XCTestCase {
    private var temp: TempJournal!

    override func setUpWithError() throws {
        temp = try TempJournal()
    }

    override func tearDown() {
        temp.close()
    }

    func testBehavioursAndFeelingsAreGroupedPursuingWithdrawingNeitherInTheVocabularysOrder() {
        let form = CheckInForm.from(choices())
        // The lists of core/src/vocab.rs, written out by hand.
        XCTAssertEqual(form.behaviours.map { $0.side }, [.pursuing, .withdrawing])
        XCTAssertEqual(
            form.behaviours.map { $0.items.map { $0.value } },
            [
                [.raiseConcern, .processTogether, .askToTalk, .seekReassurance, .anxiousUnresolved, .pressedHarder],
                [.shutDown, .avoidFight, .delayTopic, .changeSubject, .needSpace, .walkAway],
            ])
        XCTAssertEqual(form.feelings.map { $0.side }, [.pursuing, .withdrawing, nil])
        XCTAssertEqual(
            form.feelings.map { $0.items.map { $0.value } },
            [
                [.anxious, .rejected, .unheard, .alone, .chasing, .tooMuch, .unimportant],
                [.overwhelmed, .pressured, .criticised, .afraidWrongThing, .cantGetItRight, .trapped, .exhausted],
                [.calm, .connected, .heard, .hopeful],
            ])
        XCTAssertEqual(form.behaviours[0].items[2].label, "Asked if we could talk")
        XCTAssertEqual(form.feelings[0].items[5].label, "Like I'm \"too much\"")
        XCTAssertEqual(form.moves.map { $0.value }, [.pursued, .withdrew, .both, .neither])
        XCTAssertEqual(form.partnerMoves.last?.label, "I couldn't tell")
        XCTAssertEqual(form.repairs.map { $0.label }, ["We reconnected", "Partly", "Not yet"])
    }

    func testGroupingBySideReordersAMixedListAndLeavesOutEmptySides() {
        let mixed = [
            Tagged(name: "a", side: .withdrawing), Tagged(name: "b", side: nil),
            Tagged(name: "c", side: .pursuing), Tagged(name: "d", side: .withdrawing),
        ]
        XCTAssertEqual(
            groupBySide(mixed) { $0.side },
            [
                SideGroup(side: .pursuing, items: [mixed[2]]),
                SideGroup(side: .withdrawing, items: [mixed[0], mixed[3]]),
                SideGroup(side: nil, items: [mixed[1]]),
            ])
        let neither = [Tagged(name: "x", side: nil)]
        XCTAssertEqual(groupBySide(neither) { $0.side }, [SideGroup(side: nil, items: neither)])
        XCTAssertEqual(groupBySide(mixed) { $0.side }.map { $0.id }, ["pursuing", "withdrawing", "neither"])
    }

    func testTogglingTwiceTakesAValueBackOutAndSetsSaveInTheCoresOrder() throws {
        var draft = CheckInDraft.empty("2026-11-25")
        draft.mood = 3
        draft.myMove = .pursued
        draft.partnerMove = .withdrew
        draft.toggle(Behaviour.seekReassurance)
        draft.toggle(Behaviour.askToTalk)
        draft.toggle(Feeling.calm)
        draft.toggle(Feeling.calm)
        draft.toggle(Skill.breakAndReturn)
        draft.toggle(Skill.slowDown)
        XCTAssertEqual(draft.behaviours, [.seekReassurance, .askToTalk])
        XCTAssertEqual(draft.feelings, [])
        let checkin = try draft.toCheckIn()
        XCTAssertEqual(checkin.behaviours, [.askToTalk, .seekReassurance])
        XCTAssertEqual(checkin.skills, [.slowDown, .breakAndReturn])
        XCTAssertNil(checkin.closeness)
        XCTAssertNil(checkin.intensity)
    }

    func testADraftWithoutMoodOrBothMovesCannotBecomeACheckIn() {
        let empty = CheckInDraft.empty("2026-11-25")
        XCTAssertFalse(empty.canSave)
        var partial = empty
        partial.mood = 3
        partial.myMove = .both
        XCTAssertFalse(partial.canSave)
        var complete = partial
        complete.partnerMove = .unknown
        XCTAssertTrue(complete.canSave)
        XCTAssertEqual(caught { _ = try empty.toCheckIn() } as? TandemKitError, .checkInIncomplete)
        XCTAssertEqual(caught { _ = try partial.toCheckIn() } as? TandemKitError, .checkInIncomplete)
    }

    func testASavedCheckInComesBackAsTheSameDraftAndTheSameCheckIn() throws {
        let full = CheckIn(
            date: "2026-11-24",
            mood: 2,
            myMove: .withdrew,
            partnerMove: .pursued,
            behaviours: [.shutDown, .needSpace],
            feelings: [.overwhelmed],
            intensity: 0,
            skills: [.regulate],
            repair: .partly,
            closeness: Closeness(rating: 4, words: [.warm, .tense]),
            note: "a long walk")
        var draft = CheckInDraft.from(full)
        XCTAssertEqual(draft.intensity, 0) // zero is a rating, not "unset"
        XCTAssertEqual(draft.closenessRating, 4)
        XCTAssertEqual(try draft.toCheckIn(), full)
        // Only words, no rating: the section is kept.
        draft.closenessRating = nil
        XCTAssertEqual(try draft.toCheckIn().closeness, Closeness(rating: nil, words: [.warm, .tense]))
    }

    func testTheEditorLoadsTodayEmptySavesItAndLoadsItBackForEditing() async throws {
        let store = try await temp.store(today: "2026-11-25")
        let today = try await store.today()
        var draft = try await store.loadCheckIn(day: today)
        XCTAssertEqual(draft, CheckInDraft.empty("2026-11-25"))
        let none = try await store.checkin(day: today)
        XCTAssertNil(none)

        draft.mood = 4
        draft.myMove = .pursued
        draft.partnerMove = .withdrew
        draft.intensity = 6
        draft.note = "talked"
        draft.toggle(Behaviour.askToTalk)
        let first = try await store.save(draft)
        XCTAssertEqual(first.revision, 1)
        XCTAssertEqual(
            first.checkin,
            checkIn("2026-11-25", 4, .pursued, .withdrew, 6, behaviours: [.askToTalk], note: "talked"))

        var again = try await store.loadCheckIn(day: "2026-11-25")
        XCTAssertEqual(again.intensity, 6)
        again.intensity = nil
        let second = try await store.save(again)
        XCTAssertEqual(second.revision, 2)
        let stored = try await store.checkin(day: "2026-11-25")
        XCTAssertNotNil(stored)
        XCTAssertNil(stored?.checkin.intensity)
    }

    func testARefusedSaveKeepsTheDraftAndShowsTheCoresSentence() async throws {
        let store = try await temp.store(today: "2026-11-25")
        var draft = try await store.loadCheckIn(day: "2026-11-25")
        draft.mood = 3
        draft.myMove = .neither
        draft.partnerMove = .neither
        draft.intensity = 11
        let before = draft
        let refused = await sentence { _ = try await store.save(draft) }
        XCTAssertEqual(refused, "How heated it got must be from 0 to 10.")
        XCTAssertEqual(draft, before)
        let none = try await store.checkin(day: "2026-11-25")
        XCTAssertNil(none)
    }

    func testAnIncompleteDraftIsNotSentAndSaysWhatIsMissing() async throws {
        let store = try await temp.store(today: "2026-11-25")
        var draft = try await store.loadCheckIn(day: "2026-11-25")
        draft.mood = 3
        let refused = await sentence { _ = try await store.save(draft) }
        XCTAssertEqual(refused, ModelText.checkInIncomplete)
        let none = try await store.checkin(day: "2026-11-25")
        XCTAssertNil(none)
    }

    func testADayLaterThanTomorrowIsRefusedByTheCoreWithTheDaysSentence() async throws {
        let store = try await temp.store(today: "2026-11-25")
        var draft = try await store.loadCheckIn(day: "2026-11-27")
        draft.mood = 3
        draft.myMove = .neither
        draft.partnerMove = .neither
        let refused = await sentence { _ = try await store.save(draft) }
        XCTAssertEqual(refused, "The day is later than tomorrow.")
    }

    func testDeletingTheLoadedDayLeavesAnEmptyDraftAndNoEntry() async throws {
        let store = try await temp.store(today: "2026-11-25")
        _ = try await store.save(checkIn("2026-11-24", 2, .pursued, .withdrew))
        try await store.deleteCheckIn(day: "2026-11-24")
        let reloaded = try await store.loadCheckIn(day: "2026-11-24")
        XCTAssertEqual(reloaded, CheckInDraft.empty("2026-11-24"))
        let none = try await store.checkin(day: "2026-11-24")
        XCTAssertNil(none)
        let twice = await sentence { try await store.deleteCheckIn(day: "2026-11-24") }
        XCTAssertEqual(twice, "There's no entry for that day.")
    }

    func testALockedJournalGivesTheLockedSentenceOnLoad() async throws {
        let store = try await temp.store(today: "2026-11-25")
        _ = try await store.lock()
        let refused = await sentence { _ = try await store.loadCheckIn(day: "2026-11-25") }
        XCTAssertEqual(refused, "The journal is locked. Unlock it to go on.")
    }
}
