// Mirrors tests/kotlin/android/SessionTest.kt: the session over a real
// journal file (no file, create, lock, unlock by each method, close) and the
// state a screen follows through all of it; and that the store makes every
// core call off the main actor.

import Foundation
import XCTest

@testable import TandemKit

final class SessionTests: XCTestCase {
    private var temp: TempJournal!
    private let deviceKey = Data((0..<32).map { UInt8(truncatingIfNeeded: $0 * 7 + 3) })

    override func setUpWithError() throws {
        temp = try TempJournal()
    }

    override func tearDown() {
        temp.close()
    }

    private func makeStore() -> JournalStore {
        JournalStore(path: temp.path, kdfIterations: testKdf)
    }

    func testWithNoFileTheStateIsNoJournalAndNothingIsCreatedByLooking() async throws {
        let store = makeStore()
        let first = await store.state
        XCTAssertEqual(first, .noJournal)
        XCTAssertFalse(store.journalExists)
        let refreshed = await store.refresh(deviceKeyHeld: true)
        XCTAssertEqual(refreshed, .noJournal)
        XCTAssertFalse(FileManager.default.fileExists(atPath: temp.path))
        let error = await caughtAsync { _ = try await store.today() }
        XCTAssertEqual(error as? JournalError, .Closed)
    }

    func testCreatingUnlocksAndReturnsACodeOfFourteenGroupsOfFour() async throws {
        let store = makeStore()
        let code = try await store.create(deviceKey: nil, passphrase: testPassphrase)
        XCTAssertTrue(store.journalExists)
        let state = await store.state
        XCTAssertEqual(state, .unlocked)
        // 256 bits and a 24-bit checksum in base32: 56 characters, grouped by four.
        let groups = code.split(separator: "-", omittingEmptySubsequences: false)
        XCTAssertEqual(groups.count, 14)
        XCTAssertTrue(groups.allSatisfy { $0.count == 4 })
        let methods = try await store.unlockMethods()
        XCTAssertEqual(methods, [.passphrase, .recovery])
    }

    func testCreatingWhereAJournalExistsThrowsAndLeavesTheStateLocked() async throws {
        _ = try temp.journal()
        let store = makeStore()
        let before = await store.state
        XCTAssertEqual(before, .locked(methods: [.passphrase, .recovery]))
        let error = await caughtAsync {
            _ = try await store.create(deviceKey: nil, passphrase: testPassphrase)
        }
        XCTAssertEqual(error as? JournalError, .AlreadyExists)
        let after = await store.state
        XCTAssertEqual(after, .locked(methods: [.passphrase, .recovery]))
    }

    func testLockingOffersTheJournalsOwnMethodsAndAWrongPassphraseStaysLockedWithItsSentence() async throws {
        let store = makeStore()
        _ = try await store.create(deviceKey: nil, passphrase: testPassphrase)
        let locked = try await store.lock()
        XCTAssertEqual(locked, .locked(methods: [.passphrase, .recovery]))
        let lockedCall = await caughtAsync { _ = try await store.today() }
        XCTAssertEqual(lockedCall as? JournalError, .Locked)

        let refused = await sentence { _ = try await store.unlock(passphrase: "not the passphrase") }
        XCTAssertEqual(refused, "That didn't unlock the journal. Check it and try again.")
        let still = await store.state
        XCTAssertEqual(
            still,
            .locked(methods: [.passphrase, .recovery], message: "That didn't unlock the journal. Check it and try again."))

        let unlocked = try await store.unlock(passphrase: testPassphrase)
        XCTAssertEqual(unlocked, .unlocked)
        _ = try await store.today()
    }

    func testAColdStartOpensTheFileByDeviceKeyAndByARecoveryCodeTypedLoosely() async throws {
        let code = try await makeStore().create(deviceKey: deviceKey, passphrase: nil)

        let cold = makeStore()
        let offered = await cold.refresh(deviceKeyHeld: true)
        // The file has no passphrase wrap, so none is offered.
        XCTAssertEqual(offered, .locked(methods: [.device, .recovery]))
        let opened = try await cold.unlock(deviceKey: deviceKey)
        XCTAssertEqual(opened, .unlocked)
        let methods = try await cold.unlockMethods()
        XCTAssertEqual(methods, [.device, .recovery])

        let byCode = makeStore()
        let offeredWithoutKey = await byCode.refresh(deviceKeyHeld: false)
        // The Keychain lost the key (say, a new face enrolled): only the code is left.
        XCTAssertEqual(offeredWithoutKey, .locked(methods: [.recovery]))
        // As a person might type it: lower case, spaces for dashes.
        let typed = code.lowercased().replacingOccurrences(of: "-", with: " ")
        let state = try await byCode.unlock(recoveryCode: typed)
        XCTAssertEqual(state, .unlocked)
    }

    func testAWrongDeviceKeyIsRefusedWithTheWrongKeySentence() async throws {
        _ = try await makeStore().create(deviceKey: deviceKey, passphrase: nil)
        let cold = makeStore()
        var other = deviceKey
        other[other.startIndex] = other[other.startIndex] &+ 1
        let refused = await sentence { _ = try await cold.unlock(deviceKey: other) }
        XCTAssertEqual(refused, "That didn't unlock the journal. Check it and try again.")
        let state = await cold.state
        XCTAssertEqual(
            state,
            .locked(methods: [.passphrase, .recovery], message: "That didn't unlock the journal. Check it and try again."))
    }

    func testClosingDropsTheJournalAndLaterCallsFailAsLocked() async throws {
        let store = makeStore()
        _ = try await store.create(deviceKey: nil, passphrase: testPassphrase)
        let closed = await store.close(deviceKeyHeld: false)
        XCTAssertEqual(closed, .locked(methods: [.passphrase, .recovery]))
        let error = await caughtAsync { _ = try await store.today() }
        XCTAssertEqual(error as? JournalError, .Locked)
        let state = try await store.unlock(passphrase: testPassphrase)
        XCTAssertEqual(state, .unlocked)
    }

    func testAnAddedDeviceKeyOpensTheJournalOnTheNextColdStart() async throws {
        let store = makeStore()
        _ = try await store.create(deviceKey: nil, passphrase: testPassphrase)
        try await store.setDeviceKey(deviceKey)
        let cold = makeStore()
        let state = try await cold.unlock(deviceKey: deviceKey)
        XCTAssertEqual(state, .unlocked)
    }

    func testAColdStartOnAFileThatIsNotAJournalSaysSo() async throws {
        try Data("a shopping list, not a journal".utf8).write(to: URL(fileURLWithPath: temp.path))
        let cold = makeStore()
        let state = await cold.refresh(deviceKeyHeld: false)
        XCTAssertEqual(state, .locked(methods: [.passphrase, .recovery], message: "That file isn't a Tandem journal."))
    }

    func testTheStatesStreamHoldsTheLatestStateForASlowReader() async throws {
        let store = makeStore()
        var states = store.states.makeAsyncIterator()
        let first = await states.next()
        XCTAssertEqual(first, .noJournal)
        _ = try await store.create(deviceKey: nil, passphrase: testPassphrase)
        _ = try await store.lock()
        // Unlocked, then locked: a reader that was away sees only the newest.
        let latest = await states.next()
        XCTAssertEqual(latest, .locked(methods: [.passphrase, .recovery]))
    }

    /// Restore check folders in the temporary directory (none is left behind).
    private func restoreCheckLeftovers() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: FileManager.default.temporaryDirectory.path)
            .filter { $0.hasPrefix(JournalStore.restoreCheckPrefix) }
    }

    func testARestoreRefusedOverAnOpenJournalLeavesItOpenAsItWas() async throws {
        let store = makeStore()
        _ = try await store.create(deviceKey: nil, passphrase: testPassphrase)
        try await store.setToday("2026-11-25")
        _ = try await store.save(checkIn("2026-11-24", 3, .pursued, .withdrew))
        let backup = temp.dir.appendingPathComponent("journal.tandembackup").path
        try await store.backup(to: backup)
        // Written after the backup: kept by a refused restore, gone after a real one.
        _ = try await store.save(checkIn("2026-11-25", 4, .neither, .neither))

        let wrong = await sentence {
            _ = try await store.restore(
                from: backup, unlock: .passphrase(passphrase: "not the passphrase"), deviceKey: nil, replace: true)
        }
        XCTAssertEqual(wrong, "That didn't unlock the journal. Check it and try again.")
        let afterWrong = await store.state
        XCTAssertEqual(afterWrong, .unlocked)
        let kept = try await store.checkin(day: "2026-11-25")
        XCTAssertNotNil(kept)

        let unconfirmed = await caughtAsync {
            _ = try await store.restore(
                from: backup, unlock: .passphrase(passphrase: testPassphrase), deviceKey: nil, replace: false)
        }
        XCTAssertEqual(unconfirmed as? JournalError, .WouldReplace)
        let afterUnconfirmed = await store.state
        XCTAssertEqual(afterUnconfirmed, .unlocked)
        XCTAssertEqual(try restoreCheckLeftovers(), [])

        let restored = try await store.restore(
            from: backup, unlock: .passphrase(passphrase: testPassphrase), deviceKey: nil, replace: true)
        XCTAssertEqual(restored, .unlocked)
        let gone = try await store.checkin(day: "2026-11-25")
        XCTAssertNil(gone)
        let back = try await store.checkin(day: "2026-11-24")
        XCTAssertEqual(back?.checkin.mood, 3)
        XCTAssertEqual(try restoreCheckLeftovers(), [])
    }

    func testARestoreOnAPhoneWithoutAJournalOpensItByItsRecoveryCode() async throws {
        let source = try TempJournal()
        defer { source.close() }
        let code = try source.recoveryCode()
        let backup = source.dir.appendingPathComponent("journal.tandembackup").path
        try source.journal().backup(dest: backup)

        let store = makeStore()
        let refused = await sentence {
            _ = try await store.restore(
                from: backup, unlock: .passphrase(passphrase: "not the passphrase"), deviceKey: nil, replace: false)
        }
        XCTAssertEqual(refused, "That didn't unlock the journal. Check it and try again.")
        let before = await store.state
        XCTAssertEqual(before, .noJournal)

        let state = try await store.restore(
            from: backup, unlock: .recoveryCode(code: code), deviceKey: deviceKey, replace: false)
        XCTAssertEqual(state, .unlocked)
        let methods = try await store.unlockMethods()
        XCTAssertEqual(methods, [.device, .passphrase, .recovery])
    }

    func testEveryCoreCallRunsOffTheMainActor() async throws {
        let real = try temp.journal()
        try real.setToday(today: "2026-11-25")
        let journal = ThreadRecordingJournal(real)
        let store = JournalStore(path: temp.path, kdfIterations: testKdf, opened: journal)
        try await Self.useEachScreen(of: store)

        let calls = journal.calls
        XCTAssertEqual(
            calls.map { $0.name },
            [
                "checkin", "saveCheckin", "insights", "weekSummary", "history", "defaultSummaryRange", "summaryHtml",
                "reflection", "weekOf", "saveReflection", "settings", "setSettings", "settings", "unlockMethods",
            ])
        XCTAssertEqual(calls.filter { $0.onMain }.map { $0.name }, [])
    }

    /// What the screens ask of the store, asked from the main actor as the
    /// app's views do. (A helper, not a `@MainActor` test: XCTest's test
    /// discovery on Linux calls test methods from a nonisolated context.)
    @MainActor
    private static func useEachScreen(of store: JournalStore) async throws {
        var draft = try await store.loadCheckIn(day: "2026-11-25")
        draft.mood = 5
        draft.myMove = .neither
        draft.partnerMove = .neither
        _ = try await store.save(draft)
        _ = try await store.weekView(day: "2026-11-25")
        _ = try await store.history(from: nil, to: nil)
        let request = try await store.summaryRequest()
        _ = try await store.summaryHtml(request)
        var reflection = try await store.loadReflection(day: "2026-11-25")
        reflection.talkSafety = 2
        _ = try await store.save(reflection)
        let settings = SettingsModel(store: store, prefs: InMemoryReminderPrefs())
        _ = try await settings.setWeekStart(.sunday)
    }
}
