import Foundation
import TandemKit

/// The reminder setting in `UserDefaults` (not journal content, and needed
/// while the journal is locked). Saving also schedules or cancels the
/// notification to match, as TandemKit's `ReminderPrefs` asks; the settings
/// screen asks for notification permission before turning it on.
final class ReminderDefaults: ReminderPrefs, @unchecked Sendable {
    // UserDefaults is documented thread-safe and the keys are constants,
    // which is what makes this class safe to share.
    private let defaults: UserDefaults
    private static let onKey = "reminder.on"
    private static let hourKey = "reminder.hour"
    private static let minuteKey = "reminder.minute"

    init(defaults: UserDefaults = .standard) {
        self.defaults = defaults
    }

    func load() -> ReminderSetting {
        let standard = ReminderSetting()
        guard defaults.object(forKey: Self.onKey) != nil else { return standard }
        let hour = defaults.object(forKey: Self.hourKey) as? Int ?? standard.hour
        let minute = defaults.object(forKey: Self.minuteKey) as? Int ?? standard.minute
        let valid = ReminderSchedule(hour: hour, minute: minute).isValid
        return ReminderSetting(
            on: defaults.bool(forKey: Self.onKey),
            hour: valid ? hour : standard.hour,
            minute: valid ? minute : standard.minute)
    }

    func save(_ setting: ReminderSetting) {
        defaults.set(setting.on, forKey: Self.onKey)
        defaults.set(setting.hour, forKey: Self.hourKey)
        defaults.set(setting.minute, forKey: Self.minuteKey)
        Task { @MainActor in
            await Reminders.apply(setting)
        }
    }
}
