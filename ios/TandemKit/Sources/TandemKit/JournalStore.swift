import Foundation
import TandemCore

/// Where the session stands: no journal file yet, a journal waiting to be unlocked, or an open journal.
public enum SessionState: Equatable, Sendable {
    /// No journal file exists at the store's path: show the create flow.
    case noJournal
    /// A journal exists and is locked: `methods` are the ways to offer, `message` the sentence of the last failure, if any.
    ///
    /// The methods are the journal's own, read from the file without a key
    /// (less the device key when the Keychain no longer holds one); until the
    /// file has been read (`refresh(deviceKeyHeld:)`), the ones any journal may offer.
    case locked(methods: [UnlockMethod], message: String? = nil)
    /// The journal is open and unlocked.
    case unlocked
}

/// Owns the journal and runs every core call off the main actor.
///
/// The platform layer hands in the file's path (Application Support, with
/// the backup exclusion). Results are plain values for a `@MainActor`
/// observable in the app to publish; session changes also arrive on
/// `states`. Core calls block (an unlock derives a key for a moment), which
/// is why they run here on the actor's executor and never on the main actor.
public actor JournalStore {
    /// Weeks the week view covers when none is asked for: the summary's default range, enough to see a trend.
    public static let defaultWeeks: UInt32 = CoreScales.defaultWeeks

    /// The journal file's path.
    public nonisolated let path: String
    /// Every session change for one reader (the app's observable); the newest is kept when it lags.
    public nonisolated let states: AsyncStream<SessionState>

    private let kdfIterations: UInt32?
    private let continuation: AsyncStream<SessionState>.Continuation
    // Kept while locked: the core reads the unlock methods of a locked
    // journal, and unlocking it again needs no second open of the file.
    private var journal: Journal?
    private var knownMethods: [UnlockMethod]?
    private var deviceKeyHeld = false
    private var message: String?

    /// A store for the journal at `path`; `kdfIterations` is for tests only (the app leaves the core's default).
    public init(path: String, kdfIterations: UInt32? = nil) {
        self.init(path: path, kdfIterations: kdfIterations, opened: nil)
    }

    /// A store over a journal already open at `path` (tests hand in one that records its calls).
    ///
    /// Makes no core call itself, so that it can run on any thread; with a
    /// journal handed in, `states` starts at the first change.
    init(path: String, kdfIterations: UInt32?, opened: Journal?) {
        self.path = path
        self.kdfIterations = kdfIterations
        let (stream, continuation) = AsyncStream.makeStream(
            of: SessionState.self, bufferingPolicy: .bufferingNewest(1))
        self.states = stream
        self.continuation = continuation
        self.journal = opened
        if opened == nil {
            continuation.yield(
                FileManager.default.fileExists(atPath: path)
                    ? .locked(methods: Self.coldMethods(deviceKeyHeld: false)) : .noJournal)
        }
    }

    deinit {
        journal?.closeFile()
        continuation.finish()
    }

    /// Whether a journal file exists at the path.
    public nonisolated var journalExists: Bool {
        FileManager.default.fileExists(atPath: path)
    }

    /// The session as it stands now.
    public var state: SessionState {
        let locked = SessionState.locked(
            methods: knownMethods ?? Self.coldMethods(deviceKeyHeld: deviceKeyHeld), message: message)
        guard let journal else {
            return journalExists ? locked : .noJournal
        }
        // A journal that cannot even say whether it is locked is treated as locked.
        return (try? journal.isLocked()) == false ? .unlocked : locked
    }

    /// Reads the state afresh from the disk, for a cold start; `deviceKeyHeld` says whether the Keychain holds a device key.
    ///
    /// A file that cannot be read (not a journal, from a newer version …)
    /// stays locked with the sentence saying why.
    @discardableResult
    public func refresh(deviceKeyHeld: Bool) -> SessionState {
        readMethods(deviceKeyHeld: deviceKeyHeld)
        return publish()
    }

    // MARK: Session

    /// Creates the journal with a device key, a passphrase, or both; returns the recovery code to show once.
    public func create(deviceKey: Data?, passphrase: String?) throws -> String {
        let made = try createJournal(
            path: path, deviceKey: deviceKey, passphrase: passphrase, kdfIterations: kdfIterations)
        replaceJournal(with: made.journal)
        message = nil
        publish()
        return made.recoveryCode
    }

    /// Unlocks the journal with one method, opening the file first when it is not open.
    ///
    /// A refusal (`WrongKey`, say) is thrown, and the state stays locked
    /// with the same methods on offer and the refusal's sentence.
    @discardableResult
    public func unlock(_ unlock: Unlock) throws -> SessionState {
        if state == .unlocked {
            return .unlocked
        }
        do {
            if let journal {
                try journal.unlock(unlock: unlock)
            } else {
                let opened = try Journal.open(path: path, unlock: unlock)
                replaceJournal(with: opened)
            }
        } catch {
            message = Messages.message(for: error)
            publish()
            throw error
        }
        message = nil
        return publish()
    }

    /// Unlocks with the 32-byte key from the Keychain.
    @discardableResult
    public func unlock(deviceKey: Data) throws -> SessionState {
        try unlock(.deviceKey(key: deviceKey))
    }

    /// Unlocks with the passphrase as typed.
    @discardableResult
    public func unlock(passphrase: String) throws -> SessionState {
        try unlock(.passphrase(passphrase: passphrase))
    }

    /// Unlocks with the recovery code as typed (case, spaces and dashes do not matter).
    @discardableResult
    public func unlock(recoveryCode: String) throws -> SessionState {
        try unlock(.recoveryCode(code: recoveryCode))
    }

    /// Opens (or unlocks) the journal with one method; the same as `unlock(_:)`.
    @discardableResult
    public func `open`(_ unlock: Unlock) throws -> SessionState {
        try self.unlock(unlock)
    }

    /// Drops the keys from memory; the state becomes locked with the journal's own methods.
    @discardableResult
    public func lock() throws -> SessionState {
        if let journal {
            try journal.lock()
            knownMethods = try journal.unlockMethods()
        }
        message = nil
        return publish()
    }

    /// Closes the file and wipes the keys (before a restore, or on sign-off); the state is read afresh from the disk.
    @discardableResult
    public func close(deviceKeyHeld: Bool) -> SessionState {
        journal?.closeFile()
        journal = nil
        return refresh(deviceKeyHeld: deviceKeyHeld)
    }

    /// The unlock methods the journal has.
    public func unlockMethods() throws -> [UnlockMethod] {
        let methods = try requireJournal().unlockMethods()
        knownMethods = methods
        return methods
    }

    /// Pins the journal's today (tests, or a zone the app knows better); nil goes back to the clock.
    public func setToday(_ day: NaiveDate?) throws {
        try requireJournal().setToday(today: day)
    }

    /// The user's local today by the journal's clock.
    public func today() throws -> NaiveDate {
        try requireJournal().today()
    }

    /// Days logged back from today (or yesterday when today has none yet).
    public func streak() throws -> UInt32 {
        try requireJournal().streak()
    }

    // MARK: Check-ins and reflections

    /// The saved check-in for a day, if there is one.
    public func checkin(day: NaiveDate) throws -> SavedCheckIn? {
        try requireJournal().checkin(day: day)
    }

    /// The form for a day: its saved check-in to edit, or an empty one.
    public func loadCheckIn(day: NaiveDate) throws -> CheckInDraft {
        if let saved = try requireJournal().checkin(day: day) {
            return CheckInDraft.from(saved)
        }
        return CheckInDraft(date: day)
    }

    /// Saves a form through the core, which validates it; a refusal throws and leaves the draft as it was.
    @discardableResult
    public func save(_ draft: CheckInDraft) throws -> SavedCheckIn {
        let checkin = try draft.toCheckIn()
        return try save(checkin)
    }

    /// Saves a check-in for its day, replacing any earlier one.
    @discardableResult
    public func save(_ checkin: CheckIn) throws -> SavedCheckIn {
        try requireJournal().saveCheckin(checkin: checkin)
    }

    /// Deletes one day's check-in.
    public func deleteCheckIn(day: NaiveDate) throws {
        try requireJournal().deleteCheckin(day: day)
    }

    /// The saved reflection for the week holding `day`, if there is one.
    public func reflection(day: NaiveDate) throws -> SavedReflection? {
        try requireJournal().reflection(day: day)
    }

    /// The reflection form for the week holding `day`: the saved one to edit, or an empty one.
    public func loadReflection(day: NaiveDate) throws -> ReflectionDraft {
        let journal = try requireJournal()
        if let saved = try journal.reflection(day: day) {
            return ReflectionDraft.from(saved)
        }
        let week = try journal.weekOf(day: day)
        return ReflectionDraft(weekStart: week.from)
    }

    /// Saves a reflection form through the core, which validates it.
    @discardableResult
    public func save(_ draft: ReflectionDraft) throws -> SavedReflection {
        try requireJournal().saveReflection(reflection: draft.toReflection())
    }

    /// Deletes the reflection for the week holding `day`.
    public func deleteReflection(day: NaiveDate) throws {
        try requireJournal().deleteReflection(day: day)
    }

    // MARK: Insights, history, summary

    /// The first and last day of the week holding `day`.
    public func weekOf(day: NaiveDate) throws -> DateRange {
        try requireJournal().weekOf(day: day)
    }

    /// Pattern, trend, findings and chart texts for `weeks` weeks ending with `lastDay`'s.
    public func insights(lastDay: NaiveDate, weeks: UInt32) throws -> Insights {
        try requireJournal().insights(lastDay: lastDay, weeks: weeks)
    }

    /// The week holding `day`, in numbers.
    public func weekSummary(day: NaiveDate) throws -> WeekSummary {
        try requireJournal().weekSummary(day: day)
    }

    /// The week view for the week holding `day`, with `weeks` weeks of charts ending there.
    public func weekView(day: NaiveDate, weeks: UInt32 = JournalStore.defaultWeeks) throws -> WeekView {
        let journal = try requireJournal()
        let insights = try journal.insights(lastDay: day, weeks: weeks)
        let week = try journal.weekSummary(day: day)
        return WeekView(insights: insights, week: week)
    }

    /// History from `from` to `to` (either end open) as titled week sections, newest first.
    public func history(from: NaiveDate?, to: NaiveDate?) throws -> [HistorySection] {
        let weeks = try requireJournal().history(from: from, to: to)
        return History.sections(weeks)
    }

    /// A summary request over the default range (the last twelve weeks) with the default sections on.
    public func summaryRequest() throws -> SummaryRequest {
        let range = try requireJournal().defaultSummaryRange()
        return SummaryRequest(range: range)
    }

    /// The therapist summary as one HTML document; no section on is refused here (`noSection`), a reversed range by the core.
    public func summaryHtml(_ request: SummaryRequest) throws -> String {
        let sections = request.sections
        guard !sections.isEmpty else { throw TandemKitError.noSection }
        return try requireJournal().summaryHtml(range: request.range, sections: sections)
    }

    // MARK: Settings, keys, files

    /// The journal's sealed settings.
    public func settings() throws -> Settings {
        try requireJournal().settings()
    }

    /// Sets the day weeks start on.
    public func setWeekStart(_ weekStart: WeekStart) throws {
        let journal = try requireJournal()
        var settings = try journal.settings()
        settings.weekStart = weekStart
        try journal.setSettings(settings: settings)
    }

    /// Sets, changes or (with nil) removes the passphrase.
    public func setPassphrase(_ passphrase: String?) throws {
        let journal = try requireJournal()
        try journal.setPassphrase(passphrase: passphrase)
        knownMethods = try journal.unlockMethods()
    }

    /// Adds or replaces the device-key wrap (a new Keychain key).
    public func setDeviceKey(_ key: Data) throws {
        let journal = try requireJournal()
        try journal.setDeviceKey(key: key)
        knownMethods = try journal.unlockMethods()
    }

    /// The whole journal as the JSON export (plaintext: for the share sheet or file picker only).
    public func exportJson() throws -> String {
        try requireJournal().exportJson()
    }

    /// Imports an export, merging by record id and revision.
    public func importJson(_ json: String) throws -> ImportReport {
        try requireJournal().importJson(json: json)
    }

    /// Writes an encrypted backup to `destination`, a new file.
    public func backup(to destination: String) throws {
        try requireJournal().backup(dest: destination)
    }

    /// Restores the backup at `backup` onto this store's path and keeps the restored journal open, unlocked.
    ///
    /// As on Android: over an open journal, the core first checks the
    /// backup (`checkBackup`) in a scratch folder in the temporary directory:
    /// that `unlock` opens it and that it is whole; a refusal there (`WrongKey`,
    /// `NotABackup`, `Corrupt` …) is thrown and leaves the open journal as it
    /// was, still open and unlocked. So does `WouldReplace`, thrown before
    /// anything is closed when `replace` is false and the open journal holds
    /// entries. Only then is the open journal closed, the backup restored
    /// onto the path (with a wrap under `deviceKey`, if given) and the
    /// restored journal kept. The scratch folder is deleted in every case.
    /// A failure after the close leaves the state read afresh from the disk
    /// (locked), with the failure's sentence.
    @discardableResult
    public func restore(
        from backup: String, unlock: Unlock, deviceKey: Data?, replace: Bool
    ) throws -> SessionState {
        if let journal {
            if !replace, try Self.holdsEntries(journal) {
                throw JournalError.WouldReplace
            }
            try Self.checkRestore(from: backup, unlock: unlock)
            // The core replaces the file under any journal open on it: close it first.
            journal.closeFile()
            self.journal = nil
        }
        let restored: Journal
        do {
            restored = try restoreJournal(
                backup: backup, target: path, unlock: unlock, deviceKey: deviceKey, replace: replace)
        } catch {
            readMethods(deviceKeyHeld: deviceKeyHeld)
            if message == nil {
                message = Messages.message(for: error)
            }
            publish()
            throw error
        }
        replaceJournal(with: restored)
        message = nil
        return publish()
    }

    /// Removes scratch folders that a restore check left behind when the app was stopped halfway; call it at launch, before any restore.
    public static func removeRestoreLeftovers() {
        let fileManager = FileManager.default
        let temporary = fileManager.temporaryDirectory
        guard let names = try? fileManager.contentsOfDirectory(atPath: temporary.path) else { return }
        for name in names where name.hasPrefix(restoreCheckPrefix) {
            try? fileManager.removeItem(at: temporary.appendingPathComponent(name, isDirectory: true))
        }
    }

    // MARK: Private

    /// The start of the name of a restore check's scratch folder in the temporary directory.
    static let restoreCheckPrefix = "tandem-restore-check-"

    /// Has the core check the backup in a new scratch folder in the
    /// temporary directory: throws what restoring it for real would (a wrong
    /// key, a damaged backup, not a backup), touching nothing of this store.
    /// The core removes its copy; the folder goes whatever happens.
    static func checkRestore(from backup: String, unlock: Unlock) throws {
        let fileManager = FileManager.default
        let folder = fileManager.temporaryDirectory
            .appendingPathComponent(restoreCheckPrefix + UUID().uuidString, isDirectory: true)
        defer { try? fileManager.removeItem(at: folder) }
        try fileManager.createDirectory(at: folder, withIntermediateDirectories: true)
        try checkBackup(backup: backup, scratchDir: folder.path, unlock: unlock)
    }

    /// Whether an open journal holds entries, by the core's count (which a
    /// restore without `replace` refuses to replace); a locked one is left
    /// for the core to judge.
    private static func holdsEntries(_ journal: Journal) throws -> Bool {
        guard (try? journal.isLocked()) == false else { return false }
        return try journal.holdsEntries()
    }

    /// Reads the unlock methods to offer and the sentence for an unreadable file, without publishing.
    private func readMethods(deviceKeyHeld: Bool) {
        self.deviceKeyHeld = deviceKeyHeld
        message = nil
        if let journal {
            knownMethods = try? journal.unlockMethods()
        } else if journalExists {
            do {
                knownMethods = try unlockMethodsAt(path: path).filter { deviceKeyHeld || $0 != .device }
            } catch {
                knownMethods = Self.coldMethods(deviceKeyHeld: false)
                message = Messages.message(for: error)
            }
        } else {
            knownMethods = nil
        }
    }

    /// The open journal, or the error a screen would get from a closed one.
    private func requireJournal() throws -> Journal {
        if let journal {
            return journal
        }
        throw journalExists ? JournalError.Locked : JournalError.Closed
    }

    /// Takes `opened` as the journal, closing any other, and remembers its unlock methods.
    private func replaceJournal(with opened: Journal) {
        if let journal, journal !== opened {
            journal.closeFile()
        }
        journal = opened
        knownMethods = try? opened.unlockMethods()
    }

    /// The methods to offer before the file has been opened in this run.
    private static func coldMethods(deviceKeyHeld: Bool) -> [UnlockMethod] {
        deviceKeyHeld ? [.device, .passphrase, .recovery] : [.passphrase, .recovery]
    }

    /// Sends the current state to `states` and returns it.
    @discardableResult
    private func publish() -> SessionState {
        let current = state
        continuation.yield(current)
        return current
    }
}
