import Foundation
import TandemCore

/// The daily reminder: whether it is on and at what local time of day.
///
/// It lives in platform preferences, not in the journal: it is not journal
/// content, and the reminder must be scheduled while the journal is locked.
public struct ReminderSetting: Sendable, Equatable, Codable {
    /// 20:00: the evening, when the day can be looked back on.
    public static let defaultHour = 20
    /// On the hour.
    public static let defaultMinute = 0

    /// Whether the daily reminder is on.
    public var on: Bool
    /// Hour of the day, 0...23.
    public var hour: Int
    /// Minute of the hour, 0...59.
    public var minute: Int

    /// A setting; by default off, at 20:00.
    public init(on: Bool = false, hour: Int = ReminderSetting.defaultHour, minute: Int = ReminderSetting.defaultMinute) {
        self.on = on
        self.hour = hour
        self.minute = minute
    }

    /// When the reminder fires, as a schedule.
    public var schedule: ReminderSchedule {
        ReminderSchedule(hour: hour, minute: minute)
    }
}

/// Where the platform keeps the reminder setting (iOS: `UserDefaults`); saving also (re)schedules or cancels it.
public protocol ReminderPrefs: Sendable {
    /// The stored setting, or the default when none was saved.
    func load() -> ReminderSetting
    /// Stores `setting` and schedules the reminder to match.
    func save(_ setting: ReminderSetting)
}

/// Keeps the reminder setting in memory: for previews and tests.
public final class InMemoryReminderPrefs: ReminderPrefs, @unchecked Sendable {
    // Guarded by `lock`, which is why this class can be shared between threads.
    private let lock = NSLock()
    private var setting: ReminderSetting

    /// Prefs holding `setting`.
    public init(_ setting: ReminderSetting = ReminderSetting()) {
        self.setting = setting
    }

    /// The setting held.
    public func load() -> ReminderSetting {
        lock.lock()
        defer { lock.unlock() }
        return setting
    }

    /// Holds `setting`.
    public func save(_ setting: ReminderSetting) {
        lock.lock()
        defer { lock.unlock() }
        self.setting = setting
    }
}

/// The day name for a week start, in English ("Monday"), for its picker.
public func weekStartLabel(_ weekStart: WeekStart) -> String {
    switch weekStart {
    case .monday: return "Monday"
    case .sunday: return "Sunday"
    }
}

/// What the settings screen shows: the reminder, the journal's week start, and its unlock methods.
public struct SettingsState: Equatable, Sendable {
    /// The reminder's on/off and time.
    public var reminder: ReminderSetting
    /// The first day of the week, from the journal's sealed settings.
    public var weekStart: WeekStart
    /// The ways the journal opens.
    public var methods: [UnlockMethod]

    /// A state with the given values.
    public init(reminder: ReminderSetting, weekStart: WeekStart, methods: [UnlockMethod]) {
        self.reminder = reminder
        self.weekStart = weekStart
        self.methods = methods
    }

    /// Whether the journal has a passphrase (to offer change and remove, or set).
    public var hasPassphrase: Bool {
        methods.contains(.passphrase)
    }
}

/// The settings of the store's journal (week start, passphrase) and of the reminder kept in `prefs`.
///
/// Journal calls go through the `JournalStore` actor; a refusal is thrown for
/// `Messages.message(for:)`, and the journal is left as it was.
public actor SettingsModel {
    private let store: JournalStore
    private let prefs: any ReminderPrefs

    /// A model over the store's journal and the platform's reminder prefs.
    public init(store: JournalStore, prefs: any ReminderPrefs) {
        self.store = store
        self.prefs = prefs
    }

    /// The reminder setting alone; it needs no unlocked journal.
    public nonisolated func reminder() -> ReminderSetting {
        prefs.load()
    }

    /// Reads the reminder from the prefs and the week start and unlock methods from the journal.
    public func load() async throws -> SettingsState {
        let settings = try await store.settings()
        let methods = try await store.unlockMethods()
        return SettingsState(reminder: prefs.load(), weekStart: settings.weekStart, methods: methods)
    }

    /// Turns the reminder on or off, keeping its time; returns the stored setting.
    @discardableResult
    public func setReminderOn(_ on: Bool) -> ReminderSetting {
        var setting = prefs.load()
        setting.on = on
        prefs.save(setting)
        return setting
    }

    /// Sets the reminder's time of day, keeping whether it is on; an impossible time changes nothing.
    @discardableResult
    public func setReminderTime(hour: Int, minute: Int) -> ReminderSetting {
        var setting = prefs.load()
        guard ReminderSchedule(hour: hour, minute: minute).isValid else { return setting }
        setting.hour = hour
        setting.minute = minute
        prefs.save(setting)
        return setting
    }

    /// Saves the first day of the week in the journal.
    public func setWeekStart(_ weekStart: WeekStart) async throws -> SettingsState {
        try await store.setWeekStart(weekStart)
        return try await load()
    }

    /// Sets the passphrase, or changes it when there is one; it must equal `repeated` (the core checks its length).
    public func setPassphrase(_ passphrase: String, repeated: String) async throws -> SettingsState {
        guard passphrase == repeated else { throw TandemKitError.passphrasesDiffer }
        try await store.setPassphrase(passphrase)
        return try await load()
    }

    /// Removes the passphrase; the core refuses when no device key could open the journal then.
    public func removePassphrase() async throws -> SettingsState {
        try await store.setPassphrase(nil)
        return try await load()
    }
}
