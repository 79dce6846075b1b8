// Shared by the model-layer tests (mirroring tests/kotlin/android/Fixtures.kt):
// a real journal in a temp dir with a low PBKDF2 count, check-in builders,
// and a journal that records where the store's core calls ran.

import Foundation
import XCTest

@testable import TandemKit

/// A low PBKDF2 count: 600,000 rounds per unlock would make the suite slow.
let testKdf: UInt32 = 1_000

/// The passphrase the fixtures create journals with.
let testPassphrase = "correct horse battery"

/// A temp dir with a path for a journal; `journal()` creates one there on first use.
final class TempJournal {
    /// The temp dir, removed by `close()`.
    let dir: URL
    /// The journal file's path.
    let path: String

    private let deviceKey: Data?
    private let passphrase: String?
    private var created: NewJournal?

    init(deviceKey: Data? = nil, passphrase: String? = testPassphrase) throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("tandem-kit-" + UUID().uuidString)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        path = dir.appendingPathComponent("journal.tandem").path
        self.deviceKey = deviceKey
        self.passphrase = passphrase
    }

    /// The journal, created unlocked on first use.
    func journal() throws -> Journal {
        try made().journal
    }

    /// The recovery code shown at creation.
    func recoveryCode() throws -> String {
        try made().recoveryCode
    }

    /// A store over a journal it creates here, unlocked, with its today pinned.
    func store(today: NaiveDate? = nil) async throws -> JournalStore {
        let store = JournalStore(path: path, kdfIterations: testKdf)
        _ = try await store.create(deviceKey: deviceKey, passphrase: passphrase)
        if let today {
            try await store.setToday(today)
        }
        return store
    }

    func close() {
        created?.journal.closeFile()
        try? FileManager.default.removeItem(at: dir)
    }

    private func made() throws -> NewJournal {
        if let created {
            return created
        }
        let new = try createJournal(path: path, deviceKey: deviceKey, passphrase: passphrase, kdfIterations: testKdf)
        created = new
        return new
    }
}

/// A check-in with the fields the tests need, the rest empty.
func checkIn(
    _ date: NaiveDate, _ mood: UInt8, _ me: Move, _ partner: PartnerMove,
    _ intensity: UInt8? = nil, _ repair: Repair? = nil,
    skills: [Skill] = [], feelings: [Feeling] = [], behaviours: [Behaviour] = [], note: String = ""
) -> CheckIn {
    CheckIn(
        date: date, mood: mood, myMove: me, partnerMove: partner, behaviours: behaviours,
        feelings: feelings, intensity: intensity, skills: skills, repair: repair,
        closeness: nil, note: note)
}

/// The error `body` throws, or nil.
func caught(_ body: () throws -> Void) -> (any Error)? {
    do {
        try body()
        return nil
    } catch {
        return error
    }
}

/// The error `body` throws, or nil.
func caughtAsync(_ body: () async throws -> Void) async -> (any Error)? {
    do {
        try await body()
        return nil
    } catch {
        return error
    }
}

/// The screen's sentence for what `body` throws, or nil when it throws nothing.
func sentence(_ body: () async throws -> Void) async -> String? {
    await caughtAsync(body).map { Messages.message(for: $0) }
}

/// A journal that records, for every call the store makes, its name and
/// whether it ran on the main thread, and hands it on to the real journal.
final class ThreadRecordingJournal: Journal, @unchecked Sendable {
    // `recorded` is guarded by `guardLock`: the store calls from its own executor.
    private let guardLock = NSLock()
    private var recorded: [(name: String, onMain: Bool)] = []
    private let real: Journal

    init(_ real: Journal) {
        self.real = real
        super.init(noHandle: Journal.NoHandle())
    }

    required init(unsafeFromHandle handle: UInt64) {
        fatalError("a recording journal wraps a real one")
    }

    /// The calls so far, in order.
    var calls: [(name: String, onMain: Bool)] {
        guardLock.lock()
        defer { guardLock.unlock() }
        return recorded
    }

    private func record<T>(_ name: String, _ call: () throws -> T) rethrows -> T {
        let onMain = Thread.isMainThread
        guardLock.lock()
        recorded.append((name: name, onMain: onMain))
        guardLock.unlock()
        return try call()
    }

    override func backup(dest: String) throws { try record("backup") { try real.backup(dest: dest) } }
    override func checkin(day: NaiveDate) throws -> SavedCheckIn? { try record("checkin") { try real.checkin(day: day) } }
    override func checkins(from: NaiveDate?, to: NaiveDate?) throws -> [SavedCheckIn] {
        try record("checkins") { try real.checkins(from: from, to: to) }
    }
    override func closeFile() { record("closeFile") { real.closeFile() } }
    override func defaultSummaryRange() throws -> DateRange {
        try record("defaultSummaryRange") { try real.defaultSummaryRange() }
    }
    override func deleteCheckin(day: NaiveDate) throws { try record("deleteCheckin") { try real.deleteCheckin(day: day) } }
    override func deleteReflection(day: NaiveDate) throws {
        try record("deleteReflection") { try real.deleteReflection(day: day) }
    }
    override func exportJson() throws -> String { try record("exportJson") { try real.exportJson() } }
    override func history(from: NaiveDate?, to: NaiveDate?) throws -> [HistoryWeek] {
        try record("history") { try real.history(from: from, to: to) }
    }
    override func importJson(json: String) throws -> ImportReport {
        try record("importJson") { try real.importJson(json: json) }
    }
    override func insights(lastDay: NaiveDate, weeks: UInt32) throws -> Insights {
        try record("insights") { try real.insights(lastDay: lastDay, weeks: weeks) }
    }
    override func isLocked() throws -> Bool { try record("isLocked") { try real.isLocked() } }
    override func lock() throws { try record("lock") { try real.lock() } }
    override func pattern(lastDay: NaiveDate, weeks: UInt32) throws -> Pattern {
        try record("pattern") { try real.pattern(lastDay: lastDay, weeks: weeks) }
    }
    override func patternBetween(from: NaiveDate, to: NaiveDate) throws -> Pattern {
        try record("patternBetween") { try real.patternBetween(from: from, to: to) }
    }
    override func reflection(day: NaiveDate) throws -> SavedReflection? {
        try record("reflection") { try real.reflection(day: day) }
    }
    override func reflections(from: NaiveDate?, to: NaiveDate?) throws -> [SavedReflection] {
        try record("reflections") { try real.reflections(from: from, to: to) }
    }
    override func saveCheckin(checkin: CheckIn) throws -> SavedCheckIn {
        try record("saveCheckin") { try real.saveCheckin(checkin: checkin) }
    }
    override func saveCheckins(checkins: [CheckIn]) throws -> [SavedCheckIn] {
        try record("saveCheckins") { try real.saveCheckins(checkins: checkins) }
    }
    override func saveReflection(reflection: Reflection) throws -> SavedReflection {
        try record("saveReflection") { try real.saveReflection(reflection: reflection) }
    }
    override func setDeviceKey(key: Data) throws { try record("setDeviceKey") { try real.setDeviceKey(key: key) } }
    override func setKdfIterations(iterations: UInt32) throws {
        try record("setKdfIterations") { try real.setKdfIterations(iterations: iterations) }
    }
    override func setPassphrase(passphrase: String?) throws {
        try record("setPassphrase") { try real.setPassphrase(passphrase: passphrase) }
    }
    override func setSettings(settings: Settings) throws {
        try record("setSettings") { try real.setSettings(settings: settings) }
    }
    override func setToday(today: NaiveDate?) throws { try record("setToday") { try real.setToday(today: today) } }
    override func settings() throws -> Settings { try record("settings") { try real.settings() } }
    override func streak() throws -> UInt32 { try record("streak") { try real.streak() } }
    override func summaryHtml(range: DateRange, sections: [Section]) throws -> String {
        try record("summaryHtml") { try real.summaryHtml(range: range, sections: sections) }
    }
    override func summaryJson(range: DateRange, sections: [Section]) throws -> String {
        try record("summaryJson") { try real.summaryJson(range: range, sections: sections) }
    }
    override func today() throws -> NaiveDate { try record("today") { try real.today() } }
    override func unlock(unlock: Unlock) throws { try record("unlock") { try real.unlock(unlock: unlock) } }
    override func unlockMethods() throws -> [UnlockMethod] { try record("unlockMethods") { try real.unlockMethods() } }
    override func weekOf(day: NaiveDate) throws -> DateRange { try record("weekOf") { try real.weekOf(day: day) } }
    override func weekSummary(day: NaiveDate) throws -> WeekSummary {
        try record("weekSummary") { try real.weekSummary(day: day) }
    }
}
