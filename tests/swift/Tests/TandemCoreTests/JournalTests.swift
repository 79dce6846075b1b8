// Mirrors tests/kotlin/JournalTest.kt against the Swift bindings. Expected
// numbers are the hand-worked ones of core/tests/insights.rs (journal A).

import Foundation
import XCTest

@testable import TandemCore

private let testKdf: UInt32 = 1_000
private let passphrase = "correct horse battery"

private func ci(
    _ date: String, _ mood: UInt8, _ me: Move, _ partner: PartnerMove,
    _ intensity: UInt8? = nil, _ repair: Repair? = nil,
    skills: [Skill] = [], feelings: [Feeling] = [], behaviours: [Behaviour] = []
) -> CheckIn {
    CheckIn(
        date: date, mood: mood, myMove: me, partnerMove: partner, behaviours: behaviours,
        feelings: feelings, intensity: intensity, skills: skills, repair: repair,
        closeness: nil, note: "")
}

/// Journal A: four Monday weeks around the turn of 2026/2027, the third empty.
private func journalA() -> [CheckIn] {
    [
        ci("2026-12-21", 2, .pursued, .withdrew, 7, .notYet,
           feelings: [.anxious, .rejected], behaviours: [.askToTalk, .seekReassurance]),
        ci("2026-12-22", 3, .pursued, .withdrew, 5, .partly,
           skills: [.regulate], feelings: [.anxious], behaviours: [.askToTalk]),
        ci("2026-12-24", 4, .neither, .neither, 1, nil, feelings: [.calm]),
        ci("2026-12-26", 1, .withdrew, .pursued, 8, .reconnected,
           skills: [.breakAndReturn, .regulate], feelings: [.overwhelmed], behaviours: [.needSpace]),
        ci("2026-12-27", 5, .both, .unknown, nil, nil, feelings: [.connected, .anxious]),
        ci("2026-12-30", 3, .pursued, .withdrew, 4, .reconnected, skills: [.slowDown, .speakSoftly]),
        ci("2026-12-31", 4, .neither, .both, 0, nil),
        ci("2027-01-02", 4, .pursued, .neither, 2, nil),
        ci("2027-01-03", 2, .pursued, .withdrew, 6, .notYet),
        ci("2027-01-12", 3, .pursued, .unknown, 5, .reconnected),
        ci("2027-01-14", 4, .neither, .unknown, nil, nil),
    ]
}

final class JournalTests: XCTestCase {
    var dir: URL!
    var path: String { dir.appendingPathComponent("journal.tandem").path }

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: dir)
    }

    private func create() throws -> NewJournal {
        try createJournal(path: path, deviceKey: nil, passphrase: passphrase, kdfIterations: testKdf)
    }

    func testCheckInsSavedBeforeLockAreReadBackAfterReopeningByPassphraseAndByRecoveryCode() throws {
        let made = try create()
        let journal = made.journal
        try journal.setToday(today: "2026-03-10")
        let first = try journal.saveCheckin(checkin: ci("2026-03-09", 2, .pursued, .withdrew, 6, .partly))
        XCTAssertEqual(first.revision, 1)
        try journal.lock()
        XCTAssertTrue(try journal.isLocked())
        XCTAssertThrowsError(try journal.checkins(from: nil, to: nil)) { e in
            XCTAssertEqual(e as? JournalError, .Locked)
        }
        journal.closeFile()

        let byPassphrase = try Journal.open(path: path, unlock: .passphrase(passphrase: passphrase))
        XCTAssertEqual(try byPassphrase.checkins(from: nil, to: nil).map { $0.checkin.date }, ["2026-03-09"])
        byPassphrase.closeFile()
        let typed = made.recoveryCode.lowercased().replacingOccurrences(of: "-", with: " ")
        let byCode = try Journal.open(path: path, unlock: .recoveryCode(code: typed))
        XCTAssertEqual(try byCode.checkin(day: "2026-03-09")?.checkin.intensity, 6)
    }

    func testLockedJournalRefusesAllButItsUnlockMethodsAndUnlocksAgainWithThePassphrase() throws {
        let journal = try create().journal
        try journal.lock()
        // Locked, it answers only how it opens: not even today's date.
        XCTAssertThrowsError(try journal.today()) { e in XCTAssertEqual(e as? JournalError, .Locked) }
        XCTAssertThrowsError(try journal.settings()) { e in XCTAssertEqual(e as? JournalError, .Locked) }
        XCTAssertEqual(try journal.unlockMethods(), [.passphrase, .recovery])
        try journal.unlock(unlock: .passphrase(passphrase: passphrase))
        XCTAssertFalse(try journal.isLocked())
        XCTAssertEqual(try journal.checkins(from: nil, to: nil), [])
        journal.closeFile()
    }

    func testAPartnersExportIsRefusedUntilNamedAndThenKeptApartFromMyOwnEntries() throws {
        let partner = try create().journal
        try partner.setToday(today: "2027-01-14")
        _ = try partner.saveCheckin(checkin: ci("2027-01-12", 2, .pursued, .withdrew, nil, nil))
        let theirs = try partner.exportJson()
        partner.closeFile()
        let minePath = dir.appendingPathComponent("mine.tandem").path
        let me = try createJournal(
            path: minePath, deviceKey: nil, passphrase: passphrase, kdfIterations: testKdf
        ).journal
        try me.setToday(today: "2027-01-14")
        _ = try me.saveCheckin(checkin: ci("2027-01-12", 5, .neither, .neither, nil, nil))
        XCTAssertThrowsError(try me.importJson(json: theirs)) { e in
            XCTAssertEqual(e as? JournalError, .FromAnotherJournal)
        }
        let report = try me.importJsonAs(json: theirs, how: .partner)
        XCTAssertEqual(report.added, 1)
        XCTAssertEqual(try me.checkins(from: nil, to: nil).map { $0.checkin.mood }, [5])
        let theirsHere = try me.checkinsBy(author: .partner, from: nil, to: nil)
        XCTAssertEqual(theirsHere.map { $0.checkin.mood }, [2])
        XCTAssertEqual(theirsHere.first?.author, .partner)
        XCTAssertTrue(try me.holdsEntries())
        XCTAssertEqual(try me.journalId().count, 32)
    }

    func testRekeyLeavesOnlyTheNewPassphraseAndTheNewRecoveryCode() throws {
        let made = try create()
        try made.journal.setToday(today: "2026-03-10")
        _ = try made.journal.saveCheckin(checkin: ci("2026-03-09", 2, .pursued, .withdrew, 6, .partly))
        let code = try made.journal.rekey(passphrase: "a brand new passphrase", deviceKey: nil)
        XCTAssertNotEqual(code, made.recoveryCode)
        made.journal.closeFile()
        for old in [Unlock.passphrase(passphrase: passphrase), .recoveryCode(code: made.recoveryCode)] {
            XCTAssertThrowsError(try Journal.open(path: path, unlock: old)) { e in
                XCTAssertEqual(e as? JournalError, .WrongKey)
            }
        }
        let byCode = try Journal.open(path: path, unlock: .recoveryCode(code: code))
        XCTAssertEqual(try byCode.checkin(day: "2026-03-09")?.checkin.intensity, 6)
        let renewed = try byCode.renewRecoveryCode()
        byCode.closeFile()
        XCTAssertThrowsError(try Journal.open(path: path, unlock: .recoveryCode(code: code)))
        XCTAssertNoThrow(try Journal.open(path: path, unlock: .recoveryCode(code: renewed)).closeFile())
        XCTAssertNoThrow(try Journal.open(path: path, unlock: .passphrase(passphrase: "a brand new passphrase")).closeFile())
    }

    func testWrongPassphraseRaisesWrongKey() throws {
        try create().journal.closeFile()
        XCTAssertThrowsError(try Journal.open(path: path, unlock: .passphrase(passphrase: "not the passphrase"))) { e in
            XCTAssertEqual(e as? JournalError, .WrongKey)
        }
    }

    func testMoodOutOfRangeRaisesInvalidInputNamingTheMoodField() throws {
        let journal = try create().journal
        try journal.setToday(today: "2026-03-10")
        XCTAssertThrowsError(try journal.saveCheckin(checkin: ci("2026-03-10", 9, .neither, .neither))) { e in
            guard case let .InvalidInput(field, _) = e as? JournalError else {
                return XCTFail("expected InvalidInput, got \(e)")
            }
            XCTAssertEqual(field, .mood)
        }
    }

    func testJournalASeriesOverFourWeeksKeepsTheEmptyWeekAsAGap() throws {
        let journal = try create().journal
        try journal.setToday(today: "2027-01-14")
        _ = try journal.saveCheckins(checkins: journalA())
        let p = try journal.pattern(lastDay: "2027-01-14", weeks: 4)
        XCTAssertEqual(p.points.map { $0.weekStart }, ["2026-12-21", "2026-12-28", "2027-01-04", "2027-01-11"])
        XCTAssertEqual(p.points.map { $0.mood }, [3.0, 3.25, nil, 3.5])
        XCTAssertEqual(p.points.map { $0.cycleDays }, [3, 2, nil, 0])
        XCTAssertEqual(p.points.map { $0.intensity }, [5.25, 3.0, nil, 5.0])
        XCTAssertEqual(p.points.map { $0.repairRate }, [1.0 / 3.0, 0.5, nil, 1.0])
        XCTAssertEqual(p.points[1].myMoves, MoveCounts(pursued: 3, withdrew: 0, both: 0, neither: 1))
    }

    func testSummaryHtmlComesBackWithItsRange() throws {
        let journal = try create().journal
        try journal.setToday(today: "2027-01-14")
        _ = try journal.saveCheckins(checkins: journalA())
        let html = try journal.summaryHtml(
            range: DateRange(from: "2026-12-21", to: "2027-01-14"), sections: defaultSummarySections())
        XCTAssertTrue(html.lowercased().hasPrefix("<!doctype html>"))
        XCTAssertTrue(html.contains("<svg"))
        let json = try journal.summaryJson(range: DateRange(from: "2026-12-21", to: "2027-01-14"), sections: [.overview])
        XCTAssertTrue(json.contains("\"from\": \"2026-12-21\""))
    }

    func testReflectionSavedOnAWednesdayIsReadBackForItsMonday() throws {
        let journal = try create().journal
        try journal.setToday(today: "2026-03-12")
        let saved = try journal.saveReflection(reflection: Reflection(
            weekStart: "2026-03-11", raisesConcerns: .me, shutsDown: .partner, talkSafety: 4,
            feltChased: .partner, needingSpace: "They leave the room and I follow", note: ""))
        XCTAssertEqual(saved.reflection.weekStart, "2026-03-09")
        XCTAssertEqual(try journal.reflection(day: "2026-03-15")?.reflection.shutsDown, .partner)
    }

    func testVocabularyServesEveryMoveWithALabel() {
        let moves = vocabulary().filter { $0.kind == .move }
        XCTAssertEqual(moves.map { $0.code }, ["pursued", "withdrew", "both", "neither"])
        XCTAssertEqual(moves.first?.side, .pursuing)
    }

    func testChoicesCarryTheEnumsWithTheVocabularyLabelsInTheSameOrder() {
        let c = choices()
        XCTAssertEqual(c.moves.map { $0.value }, [.pursued, .withdrew, .both, .neither])
        XCTAssertEqual(c.moves.map { $0.label }, vocabulary().filter { $0.kind == .move }.map { $0.label })
        XCTAssertEqual(c.partnerMoves.last?.value, .unknown)
        XCTAssertEqual(
            c.behaviours.map { $0.side },
            Array(repeating: Side.pursuing, count: 6) + Array(repeating: Side.withdrawing, count: 6))
        XCTAssertEqual(c.repairs.map { $0.value }, [.reconnected, .partly, .notYet])
        XCTAssertEqual(c.feelings.count, 18)
    }

    func testSummarySectionsAreOnByDefaultExceptThePrivateOnes() {
        let sections = summarySections()
        XCTAssertEqual(sections.filter { $0.defaultOn }.map { $0.value }, defaultSummarySections())
        XCTAssertEqual(sections.filter { !$0.defaultOn }.map { $0.value }, [.reflectionNotes, .notes, .closeness])
    }

    func testHistoryListsJournalAByWeekNewestFirstWithoutTheEmptyWeek() throws {
        let journal = try create().journal
        try journal.setToday(today: "2027-01-14")
        _ = try journal.saveCheckins(checkins: journalA())
        let weeks = try journal.history(from: nil, to: nil)
        XCTAssertEqual(weeks.map { $0.firstDay }, ["2027-01-11", "2026-12-28", "2026-12-21"])
        XCTAssertEqual(weeks.map { $0.checkins.count }, [2, 4, 5])
        XCTAssertEqual(try journal.weekOf(day: "2027-01-01"), DateRange(from: "2026-12-28", to: "2027-01-03"))
        try journal.setSettings(settings: Settings(weekStart: .sunday))
        XCTAssertEqual(try journal.history(from: nil, to: nil).map { $0.checkins.count }, [2, 1, 4, 4])
    }

    func testInsightsCarryTheChartTextsAndTheCycleTrend() throws {
        let journal = try create().journal
        try journal.setToday(today: "2027-01-14")
        _ = try journal.saveCheckins(checkins: journalA())
        let charts = try journal.insights(lastDay: "2027-01-14", weeks: 4).charts
        XCTAssertEqual(charts.cycle.title, "Cycle days, week by week")
        // Cycle days 3, 2, gap, 0 at weeks 0, 1, 3: least squares gives 3 - 1 * i.
        let trend = try XCTUnwrap(charts.cycleTrend)
        XCTAssertEqual(trend.intercept, 3.0, accuracy: 1e-9)
        XCTAssertEqual(trend.slope, -1.0, accuracy: 1e-9)
    }

    func testEightThreadsSavingAndReadingAtOnceLoseNoWrite() throws {
        let journal = try create().journal
        try journal.setToday(today: "2026-12-31")
        let threads = 8, perThread = 25
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyy-MM-dd"
        formatter.timeZone = TimeZone(identifier: "UTC")
        let base = formatter.date(from: "2026-01-01")!
        let days = (0..<(threads * perThread)).map { formatter.string(from: base.addingTimeInterval(Double($0) * 86_400)) }
        let errors = LockedErrors()
        DispatchQueue.concurrentPerform(iterations: threads) { t in
            for i in 0..<perThread {
                let date = days[t * perThread + i]
                do {
                    _ = try journal.saveCheckin(checkin: ci(date, UInt8(1 + i % 5), .pursued, .withdrew, UInt8(i % 11)))
                    XCTAssertNotNil(try journal.checkin(day: date))
                    _ = try journal.checkins(from: days[0], to: date)
                } catch {
                    errors.append(error)
                }
            }
        }
        XCTAssertTrue(errors.all.isEmpty, "\(errors.all)")
        XCTAssertEqual(try journal.checkins(from: nil, to: nil).map { $0.checkin.date }, days)
    }
}

/// The errors the threads of a test met, appended under a lock.
private final class LockedErrors: @unchecked Sendable {
    // `errors` is guarded by `lock`.
    private let lock = NSLock()
    private var errors: [any Error] = []

    func append(_ error: any Error) {
        lock.lock()
        defer { lock.unlock() }
        errors.append(error)
    }

    var all: [any Error] {
        lock.lock()
        defer { lock.unlock() }
        return errors
    }
}
