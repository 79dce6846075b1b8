// Mirrors tests/kotlin/android/SummaryRequestTest.kt: defaults from the
// core, switches, the core's refusals, and the document it makes.

import Foundation
import XCTest

@testable import TandemKit

final class SummaryRequestTests: XCTestCase {
    private var temp: TempJournal!

    override func setUpWithError() throws {
        temp = try TempJournal()
    }

    override func tearDown() {
        temp.close()
    }

    private func filled() async throws -> JournalStore {
        let store = try await temp.store(today: "2026-11-25")
        _ = try await store.save(checkIn("2026-11-24", 3, .pursued, .withdrew, note: "a walk by the river"))
        return store
    }

    func testTheSectionsComeInDocumentOrderWithThePrivateOnesOff() {
        let request = SummaryRequest(range: DateRange(from: "2026-11-01", to: "2026-11-25"))
        XCTAssertEqual(
            request.switches,
            [
                SectionSwitch(section: .overview, title: "Overview", on: true),
                SectionSwitch(section: .patterns, title: "The pattern week by week", on: true),
                SectionSwitch(section: .feelings, title: "Feelings and behaviours", on: true),
                SectionSwitch(section: .skills, title: "Skills and repair", on: true),
                SectionSwitch(section: .reflections, title: "Weekly reflections", on: true),
                SectionSwitch(section: .reflectionNotes, title: "Reflections in their own words", on: false),
                SectionSwitch(section: .notes, title: "Daily notes", on: false),
                SectionSwitch(section: .closeness, title: "Closeness", on: false),
            ])
    }

    func testTheRequestStartsOverTwelveWeeksToTodayWithTheDefaultSectionsOn() async throws {
        let store = try await filled()
        let request = try await store.summaryRequest()
        // Wednesday 25 Nov 2026 is in the week of Monday 23 Nov; eleven weeks
        // (77 days) before that Monday is Monday 7 Sep.
        XCTAssertEqual(request.range, DateRange(from: "2026-09-07", to: "2026-11-25"))
        XCTAssertEqual(request.sections, [.overview, .patterns, .feelings, .skills, .reflections])
        XCTAssertTrue(request.canProduce)
    }

    func testTogglingASectionChangesOnlyThatSwitch() {
        let request = SummaryRequest.initial(
            range: DateRange(from: "2026-11-01", to: "2026-11-25"), choices: summarySections())
        var withNotes = request
        withNotes.toggle(.notes)
        withNotes.toggle(.overview)
        XCTAssertEqual(withNotes.sections, [.patterns, .feelings, .skills, .reflections, .notes])
        XCTAssertTrue(withNotes.isOn(.notes))
        XCTAssertFalse(withNotes.isOn(.overview))
        withNotes.toggle(.notes)
        withNotes.toggle(.overview)
        XCTAssertEqual(withNotes, request)
    }

    func testTheDocumentHoldsTheRangeAndOnlyTheSectionsSwitchedOn() async throws {
        let store = try await filled()
        var request = try await store.summaryRequest()
        let html = try await store.summaryHtml(request)
        XCTAssertTrue(html.hasPrefix("<!DOCTYPE html>"))
        XCTAssertTrue(html.contains("<title>Tandem summary, 7 September 2026 to 25 November 2026</title>"))
        XCTAssertTrue(html.contains("<h2>Overview</h2>"))
        XCTAssertFalse(html.contains("<h2>Daily notes</h2>"))
        XCTAssertFalse(html.contains("a walk by the river"))

        request.toggle(.notes)
        let withNotes = try await store.summaryHtml(request)
        XCTAssertTrue(withNotes.contains("<h2>Daily notes</h2>"))
        XCTAssertTrue(withNotes.contains("a walk by the river"))
    }

    func testAReversedRangeIsRefusedWithTheCoresSentence() async throws {
        let store = try await filled()
        let request = try await store.summaryRequest()
            .withRange(from: "2026-11-25", to: "2026-11-01")
        XCTAssertFalse(request.canProduce)
        let refused = await sentence { _ = try await store.summaryHtml(request) }
        XCTAssertEqual(refused, "The start of the range is after the end of the range.")
    }

    func testNoSectionOnIsRefusedBeforeTheCoreIsAsked() async throws {
        let real = try temp.journal()
        try real.setToday(today: "2026-11-25")
        let journal = ThreadRecordingJournal(real)
        let store = JournalStore(path: temp.path, kdfIterations: testKdf, opened: journal)
        var request = try await store.summaryRequest()
        for section in request.sections {
            request.toggle(section)
        }
        XCTAssertEqual(request.sections, [])
        XCTAssertFalse(request.canProduce)
        let refused = await caughtAsync { _ = try await store.summaryHtml(request) }
        XCTAssertEqual(refused as? TandemKitError, .noSection)
        XCTAssertEqual(refused.map { Messages.message(for: $0) }, ModelText.noSection)
        // Only the default range was asked for; the core would refuse too,
        // with the sentence the table gives for the sections field.
        XCTAssertEqual(journal.calls.map { $0.name }, ["defaultSummaryRange"])
        let core = caught { _ = try real.summaryHtml(range: request.range, sections: []) }
        XCTAssertEqual(core.map { Messages.message(for: $0) }, "The summary must name at least one section.")
    }
}
