import Foundation

/// The daily reminder's timing and its fixed words (nothing personal: it shows on a locked screen).
///
/// Times are computed in the zone handed in, from local dates and times, so
/// a reminder at 20:00 stays at 20:00 on the wall clock across midnight and
/// daylight-saving changes. A time skipped by a spring-forward gap moves
/// later by the gap's length (01:30 in London on its spring day fires at
/// 02:30 BST); a time repeated by an autumn overlap fires at its first occurrence.
public struct ReminderSchedule: Sendable, Equatable {
    /// The notification's title.
    public static let title = "Time for your Tandem check-in"
    /// The notification's text.
    public static let text = "A minute for how today went."

    /// Hour of the day, 0...23.
    public var hour: Int
    /// Minute of the hour, 0...59.
    public var minute: Int

    /// A reminder at `hour`:`minute` local time.
    public init(hour: Int, minute: Int) {
        self.hour = hour
        self.minute = minute
    }

    /// A reminder at the time of a stored setting.
    public init(_ setting: ReminderSetting) {
        self.init(hour: setting.hour, minute: setting.minute)
    }

    /// Whether hour and minute name a time of day.
    public var isValid: Bool {
        (0...23).contains(hour) && (0...59).contains(minute)
    }

    /// Hour and minute alone, for a repeating calendar trigger (`UNCalendarNotificationTrigger`).
    public var triggerComponents: DateComponents {
        DateComponents(hour: hour, minute: minute)
    }

    /// The next instant strictly after `now` at this time of day in `timeZone`; nil if the time is invalid.
    public func nextFire(after now: Date, in timeZone: TimeZone) -> Date? {
        guard isValid else { return nil }
        let calendar = Self.calendar(in: timeZone)
        return calendar.nextDate(
            after: now,
            matching: DateComponents(hour: hour, minute: minute, second: 0),
            matchingPolicy: .nextTimePreservingSmallerComponents,
            repeatedTimePolicy: .first,
            direction: .forward
        )
    }

    /// The local date and time of the next reminder after `now` in `timeZone`; nil if the time is invalid.
    public func nextFireComponents(after now: Date, in timeZone: TimeZone) -> DateComponents? {
        guard let fire = nextFire(after: now, in: timeZone) else { return nil }
        var parts = Self.calendar(in: timeZone)
            .dateComponents([.year, .month, .day, .hour, .minute], from: fire)
        parts.timeZone = timeZone
        return parts
    }

    /// Seconds from `now` to the next reminder in `timeZone`; nil if the time is invalid.
    public func delay(from now: Date, in timeZone: TimeZone) -> TimeInterval? {
        nextFire(after: now, in: timeZone).map { $0.timeIntervalSince(now) }
    }

    /// The Gregorian calendar in the zone the reminder is scheduled in.
    private static func calendar(in timeZone: TimeZone) -> Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.locale = Locale(identifier: "en_US_POSIX")
        calendar.timeZone = timeZone
        return calendar
    }
}
