import Foundation
import TandemKit

/// Converts between the core's ISO days and the `Date`s that SwiftUI's date
/// pickers use, in the phone's time zone (a day string means that day on
/// the wall calendar, wherever the phone is).
enum LocalDay {
    /// Noon of `day` in the phone's zone (noon keeps daylight-saving
    /// changes from moving it to another day), or nil for a malformed day.
    static func date(_ day: NaiveDate) -> Date? {
        guard var parts = Day.components(of: day) else { return nil }
        parts.hour = 12
        return gregorian.date(from: parts)
    }

    /// The Gregorian calendar in the phone's zone (ISO days are Gregorian,
    /// whatever calendar the phone shows).
    private static var gregorian: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .current
        return calendar
    }

    /// The ISO day a `Date` falls on in the phone's zone.
    static func day(_ date: Date) -> NaiveDate {
        Day.iso(date, in: .current)
    }
}
