import Foundation
import Observation
import SwiftUI
import TandemKit

/// The app's state on the main actor: which screen shows, the session, the
/// create flow, locking, the device key, the reminder, restore. Every core
/// call is awaited on the `JournalStore` actor; this object only publishes
/// what comes back. It holds no journal content: screens load what they
/// show and drop it when the journal locks and they leave the hierarchy.
@MainActor
@Observable
final class AppModel {
    /// What the root view shows.
    enum Screen: Equatable {
        /// Reading the state at launch.
        case starting
        /// The journal's folder could not be made (the sentence says why).
        case unavailable(String)
        /// The create flow (welcome, passphrase, recovery code).
        case firstRun
        /// The unlock screen with the ways on offer, and the store's
        /// sentence when the file itself could not be read.
        case locked([UnlockMethod], String?)
        /// The open journal: the tabs.
        case journal
    }

    /// The tabs of the open journal.
    enum Tab: Hashable {
        case today, week, history, summary, settings
    }

    /// A backup the person picked in the Files app, copied into scratch,
    /// waiting for the passphrase or recovery code that opens it.
    struct RestoreRequest: Identifiable {
        let id = UUID()
        /// The scratch copy the core reads.
        let file: URL
        /// Whether it replaces an open journal (asked to confirm first).
        let replacing: Bool
    }

    /// The Face ID / Touch ID prompt's line.
    static let unlockReason = "Unlock your Tandem journal"

    let store: JournalStore
    let settings: SettingsModel
    let reminderPreferences: ReminderDefaults
    /// The core's pickers, read once.
    let checkInForm = CheckInForm()
    let reflectionForm = ReflectionForm()

    /// The session as the store last published it; nil until read.
    private(set) var session: SessionState?
    /// The create flow's state; kept here so a lock mid-flow does not lose
    /// the recovery code before it is confirmed.
    var firstRun = FirstRun()
    /// The sensor this phone offers now.
    private(set) var biometry: Biometry = .unavailable
    /// Whether the Keychain holds a device key.
    private(set) var deviceKeyStored = false
    /// The unlock screen's last sentence.
    var unlockMessage: String?
    /// The create flow's sentence for what `FirstRun` does not know about
    /// (no passphrase on a phone without Face ID or Touch ID).
    private(set) var createMessage: String?
    /// A core call the screens wait on (unlock, create, restore).
    private(set) var busy = false
    /// The open tab.
    var tab: Tab = .today
    /// Bumped on every save, delete, import or settings change, so screens
    /// showing entries load again.
    private(set) var changes = 0
    /// The restore waiting for its key, shown as a sheet over any screen.
    var restoreRequest: RestoreRequest?

    private let keychain = DeviceKeychain()
    private let shield = PrivacyShield()
    @ObservationIgnored private var lockTimer = LockTimer()
    @ObservationIgnored private var promptedSinceLock = false
    @ObservationIgnored private var watcher: Task<Void, Never>?
    @ObservationIgnored private var started = false
    private let startupFailure: String?

    init() {
        let preferences = ReminderDefaults()
        let path: String
        var failure: String?
        do {
            path = try JournalFiles.journal().path
        } catch {
            // Application Support could not be made: nothing can be stored.
            // The store gets a path it never uses; the screen says why.
            path = FileManager.default.temporaryDirectory.appendingPathComponent("unavailable").path
            failure = "Tandem couldn't set up its storage on this phone. Check there's space and open the app again."
        }
        let store = JournalStore(path: path)
        self.store = store
        self.reminderPreferences = preferences
        self.settings = SettingsModel(store: store, prefs: preferences)
        self.startupFailure = failure
    }

    /// What the root view shows now.
    var screen: Screen {
        if let startupFailure { return .unavailable(startupFailure) }
        guard let session else { return .starting }
        switch session {
        case .noJournal:
            return .firstRun
        case .locked(let methods, let message):
            return .locked(methods, message)
        case .unlocked:
            // The journal is open once created; the flow still has to show
            // the recovery code and have it typed back.
            switch firstRun.step {
            case .passphrase, .showCode, .confirmCode: return .firstRun
            case .welcome, .done: return .journal
            }
        }
    }

    /// Whether Face ID / Touch ID can open the journal now.
    var canUseBiometrics: Bool {
        biometry != .unavailable && deviceKeyStored
    }

    // MARK: Launch and scene

    /// Reads the session, watches it, and puts the reminder back in place.
    func start() async {
        guard !started, startupFailure == nil else { return }
        started = true
        JournalFiles.clearScratch()
        // A restore check's scratch copy left by a run stopped halfway.
        JournalStore.removeRestoreLeftovers()
        JournalFiles.protectJournal()
        refreshDeviceState()
        let states = store.states
        watcher = Task { [weak self] in
            for await state in states {
                self?.apply(state)
            }
        }
        apply(await store.refresh(deviceKeyHeld: deviceKeyStored))
        await restoreReminder()
    }

    /// Locks after more than a minute in the background and keeps the
    /// privacy cover up whenever the scene is not active (and until a due
    /// lock has happened, so no frame of the journal shows on return).
    func scenePhaseChanged(to phase: ScenePhase) {
        switch phase {
        case .active:
            refreshDeviceState()
            let due = lockTimer.foregrounded(at: ContinuousClock.now)
            if due, session == .unlocked {
                Task {
                    await lock()
                    shield.hide()
                }
            } else {
                shield.hide()
            }
        case .inactive:
            // The Face ID sheet makes the scene inactive: the unlock screen
            // has nothing to hide and must stay visible behind it.
            if needsCover { shield.show() }
        case .background:
            if needsCover { shield.show() }
            lockTimer.backgrounded(at: ContinuousClock.now)
        @unknown default:
            shield.show()
        }
    }

    /// Every screen but the unlock screen and the launch shows something of
    /// the journal or the recovery code.
    private var needsCover: Bool {
        switch screen {
        case .locked, .starting, .unavailable: return false
        case .firstRun, .journal: return true
        }
    }

    private func refreshDeviceState() {
        biometry = Biometry.current()
        deviceKeyStored = keychain.exists()
    }

    private func apply(_ state: SessionState) {
        if case .locked = state, session == .unlocked {
            promptedSinceLock = false
        }
        session = state
    }

    // MARK: Unlock and lock

    /// Shows the Face ID / Touch ID prompt once per lock, when the unlock
    /// screen appears in an active scene.
    func promptBiometricsOnce(sceneActive: Bool) async {
        guard sceneActive, !promptedSinceLock, canUseBiometrics, !busy else { return }
        promptedSinceLock = true
        await unlockWithBiometrics()
    }

    /// Reads the device key (the system prompt) and opens the journal with it.
    func unlockWithBiometrics() async {
        guard !busy else { return }
        busy = true
        defer { busy = false }
        do {
            let key = try await keychain.read(reason: Self.unlockReason)
            apply(try await store.unlock(deviceKey: key))
            unlockMessage = nil
        } catch let error as DeviceKeyError {
            if error == .missing {
                // Invalidated by a change to the enrolled faces or fingers:
                // the item may linger, unreadable. Drop it so a new one is
                // stored after the next passphrase or recovery-code unlock.
                keychain.delete()
                deviceKeyStored = false
            }
            unlockMessage = error == .cancelled ? nil : error.message
        } catch JournalError.WrongKey {
            // The Keychain holds a key for another journal (a reinstall or
            // a restore elsewhere): drop it; the passphrase opens this one
            // and a new key is stored after.
            keychain.delete()
            deviceKeyStored = false
            unlockMessage = "This phone's unlock key doesn't open this journal. Use your passphrase or recovery code."
        } catch {
            unlockMessage = Messages.message(for: error)
        }
    }

    /// Opens the journal with the passphrase as typed.
    @discardableResult
    func unlock(passphrase: String) async -> Bool {
        await unlock(.passphrase(passphrase: passphrase))
    }

    /// Opens the journal with the recovery code as typed.
    @discardableResult
    func unlock(recoveryCode: String) async -> Bool {
        await unlock(.recoveryCode(code: recoveryCode))
    }

    private func unlock(_ method: Unlock) async -> Bool {
        guard !busy else { return false }
        busy = true
        defer { busy = false }
        do {
            apply(try await store.unlock(method))
            unlockMessage = nil
        } catch {
            unlockMessage = Messages.message(for: error)
            return false
        }
        await renewDeviceKeyIfNeeded()
        return true
    }

    /// After a passphrase or recovery-code unlock: when Face ID / Touch ID
    /// is set up but no key is stored (the enrolled faces or fingers
    /// changed, or the journal came from a backup), stores a new key and
    /// wraps the journal's key under it, so the next unlock is biometric.
    private func renewDeviceKeyIfNeeded() async {
        refreshDeviceState()
        guard biometry != .unavailable, !deviceKeyStored else { return }
        do {
            let key = try DeviceKeychain.newKey()
            try keychain.store(key)
            do {
                try await store.setDeviceKey(key)
                deviceKeyStored = true
            } catch {
                keychain.delete()
            }
        } catch {
            // Biometric unlock stays off; the passphrase keeps working.
        }
    }

    /// Drops the keys from memory and shows the unlock screen. If the core
    /// cannot lock, the file is closed instead (which wipes them too). A
    /// lock the person asked for does not prompt for Face ID straight away.
    func lock(byHand: Bool = false) async {
        do {
            apply(try await store.lock())
        } catch {
            apply(await store.close(deviceKeyHeld: keychain.exists()))
        }
        promptedSinceLock = byHand
        JournalFiles.clearScratch()
    }

    // MARK: Create

    /// Whether the flow may go on without a passphrase: only when a device
    /// key guarded by Face ID / Touch ID can open the journal instead.
    var passphraseRequired: Bool {
        biometry == .unavailable
    }

    /// Makes the journal with a new device key (when biometrics are set up)
    /// and the chosen passphrase, and moves the flow to the recovery code.
    func createJournal() async {
        guard !busy else { return }
        // Nil when the two typings differ; the flow holds the sentence.
        guard let creation = firstRun.create() else { return }
        let passphrase = creation.passphrase
        refreshDeviceState()
        busy = true
        defer { busy = false }
        // The key goes into the Keychain first, so a journal never has a
        // device wrap that no Keychain item opens.
        var deviceKey: Data?
        if biometry != .unavailable {
            do {
                let key = try DeviceKeychain.newKey()
                try keychain.store(key)
                deviceKey = key
            } catch {
                deviceKey = nil
            }
        }
        if deviceKey == nil {
            // A key a reinstall left behind opens nothing here.
            keychain.delete()
        }
        if deviceKey == nil && passphrase == nil {
            createMessage = "Choose a passphrase: without Face ID or Touch ID on this phone, it's what opens your journal."
            return
        }
        createMessage = nil
        do {
            let code = try await store.create(deviceKey: deviceKey, passphrase: passphrase)
            firstRun.created(recoveryCode: code)
            deviceKeyStored = deviceKey != nil
            JournalFiles.protectJournal()
            // The flow's steps decide the screen; the store's state follows.
            apply(await store.state)
        } catch {
            if deviceKey != nil { keychain.delete() }
            firstRun.failed(error)
        }
    }

    /// The code was typed back: the flow ends and the journal opens.
    func confirmRecoveryCode() {
        firstRun.confirm()
    }

    // MARK: Restore

    /// Copies a picked backup into scratch and asks for its key.
    func beginRestore(from picked: URL, replacing: Bool) async -> String? {
        do {
            let copy = try await Task.detached(priority: .userInitiated) {
                try PickedFile.copyIn(picked)
            }.value
            restoreRequest = RestoreRequest(file: copy, replacing: replacing)
            return nil
        } catch {
            return "The file couldn't be read. Try again, or pick another file."
        }
    }

    /// Restores the backup with its passphrase or recovery code, with a new
    /// device key for this phone. Returns the sentence to show on failure.
    /// A restore over an open journal has been confirmed by then, so it
    /// replaces it; the store first checks the backup in a scratch copy, so
    /// a mistyped passphrase or code (or a file that is not a backup) leaves
    /// the open journal as it was, still unlocked, and the sheet stays up
    /// with the sentence.
    func restore(_ request: RestoreRequest, unlock method: Unlock) async -> String? {
        guard !busy else { return nil }
        busy = true
        defer { busy = false }
        refreshDeviceState()
        let newKey: Data? = biometry != .unavailable ? (try? DeviceKeychain.newKey()) : nil
        do {
            apply(try await store.restore(
                from: request.file.path, unlock: method, deviceKey: newKey, replace: request.replacing))
        } catch {
            return Messages.message(for: error)
        }
        // The journal now opens with the new key only; the old Keychain
        // item belonged to the journal that was replaced.
        if let newKey {
            do {
                try keychain.store(newKey)
                deviceKeyStored = true
            } catch {
                keychain.delete()
                deviceKeyStored = false
            }
        } else {
            keychain.delete()
            deviceKeyStored = false
        }
        JournalFiles.protectJournal()
        JournalFiles.discard(request.file)
        restoreRequest = nil
        // A restore from the welcome step skips the create flow.
        if firstRun.step == .welcome { firstRun = FirstRun() }
        entriesChanged()
        return nil
    }

    /// Leaves the restore without changing anything.
    func cancelRestore() {
        if let request = restoreRequest {
            JournalFiles.discard(request.file)
        }
        restoreRequest = nil
    }

    // MARK: Entries and settings

    /// Screens that show entries load again.
    func entriesChanged() {
        changes += 1
    }

    /// After a passphrase change: the unlock methods changed.
    func keysChanged() {
        refreshDeviceState()
    }

    // MARK: Reminder

    /// Puts the reminder back in place at launch (the system may have
    /// dropped it, or permission changed in Settings), or removes it.
    private func restoreReminder() async {
        await Reminders.apply(reminderPreferences.load())
    }
}
