// Mirrors tests/kotlin/android/SettingsModelTest.kt: the reminder in
// platform preferences, the week start in the journal, and the passphrase
// set, changed and removed through the core.

import Foundation
import XCTest

@testable import TandemKit

final class SettingsModelTests: XCTestCase {
    private var temps: [TempJournal] = []

    override func tearDown() {
        temps.forEach { $0.close() }
        temps = []
    }

    private func makeStore(deviceKey: Data? = nil) async throws -> JournalStore {
        let temp = try TempJournal(deviceKey: deviceKey)
        temps.append(temp)
        return try await temp.store(today: "2026-11-25")
    }

    func testTheReminderIsKeptInThePlatformsPreferencesNotTheJournal() async throws {
        let prefs = InMemoryReminderPrefs()
        let store = try await makeStore()
        let model = SettingsModel(store: store, prefs: prefs)
        XCTAssertEqual(model.reminder(), ReminderSetting(on: false, hour: 20, minute: 0))
        await model.setReminderOn(true)
        await model.setReminderTime(hour: 21, minute: 30)
        XCTAssertEqual(prefs.load(), ReminderSetting(on: true, hour: 21, minute: 30))
        let state = try await model.load()
        XCTAssertEqual(state.reminder, prefs.load())
        await model.setReminderOn(false)
        XCTAssertEqual(prefs.load(), ReminderSetting(on: false, hour: 21, minute: 30))
        // An impossible time changes nothing.
        let kept = await model.setReminderTime(hour: 24, minute: 0)
        XCTAssertEqual(kept, ReminderSetting(on: false, hour: 21, minute: 30))
        // A model made later reads what the preferences hold.
        let other = try await makeStore()
        let later = SettingsModel(store: other, prefs: prefs)
        XCTAssertEqual(later.reminder(), prefs.load())
    }

    func testTheWeekStartIsSavedInTheJournalAndChangesItsWeeks() async throws {
        let store = try await makeStore()
        let model = SettingsModel(store: store, prefs: InMemoryReminderPrefs())
        let loaded = try await model.load()
        XCTAssertEqual(loaded.weekStart, .monday)
        let changed = try await model.setWeekStart(.sunday)
        XCTAssertEqual(changed.weekStart, .sunday)
        let settings = try await store.settings()
        XCTAssertEqual(settings.weekStart, .sunday)
        // Wednesday 25 Nov 2026 is now in the week of Sunday 22 Nov.
        let week = try await store.weekOf(day: "2026-11-25")
        XCTAssertEqual(week.from, "2026-11-22")
        XCTAssertEqual(weekStartLabel(.sunday), "Sunday")
        XCTAssertEqual(weekStartLabel(.monday), "Monday")
    }

    func testAChangedPassphraseMustBeTypedTwiceAlikeAndThenOpensTheJournal() async throws {
        let store = try await makeStore()
        let model = SettingsModel(store: store, prefs: InMemoryReminderPrefs())
        let loaded = try await model.load()
        XCTAssertTrue(loaded.hasPassphrase)

        let differ = await sentence { _ = try await model.setPassphrase("a new passphrase", repeated: "a new passphrse") }
        XCTAssertEqual(differ, ModelText.passphrasesDiffer)
        let short = await sentence { _ = try await model.setPassphrase("short", repeated: "short") }
        XCTAssertEqual(short, "The passphrase must be at least 6 characters.")

        _ = try await model.setPassphrase("a new passphrase", repeated: "a new passphrase")
        _ = try await store.lock()
        let old = await caughtAsync { _ = try await store.unlock(passphrase: testPassphrase) }
        XCTAssertEqual(old as? JournalError, .WrongKey)
        let state = try await store.unlock(passphrase: "a new passphrase")
        XCTAssertEqual(state, .unlocked)
    }

    func testRemovingThePassphraseIsRefusedWithoutADeviceKeyToOpenTheJournal() async throws {
        let store = try await makeStore(deviceKey: nil)
        let model = SettingsModel(store: store, prefs: InMemoryReminderPrefs())
        let refused = await sentence { _ = try await model.removePassphrase() }
        XCTAssertEqual(refused, "The passphrase cannot be removed: this journal has no device key to open it.")
        let state = try await model.load()
        XCTAssertTrue(state.hasPassphrase)
    }

    func testRemovingThePassphraseWithADeviceKeyLeavesDeviceAndRecovery() async throws {
        let store = try await makeStore(deviceKey: Data(repeating: 9, count: 32))
        let model = SettingsModel(store: store, prefs: InMemoryReminderPrefs())
        let removed = try await model.removePassphrase()
        XCTAssertEqual(removed.methods, [.device, .recovery])
        XCTAssertFalse(removed.hasPassphrase)
        // And set again from nothing.
        let again = try await model.setPassphrase("back again", repeated: "back again")
        XCTAssertTrue(again.hasPassphrase)
    }
}
