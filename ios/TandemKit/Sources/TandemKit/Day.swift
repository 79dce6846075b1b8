import Foundation
import TandemCore

/// Calendar days as the core's ISO `YYYY-MM-DD` strings, to and from `DateComponents` and `Date`.
///
/// Days are read and written in the Gregorian calendar at UTC with the POSIX
/// locale, so a day never shifts with the phone's zone or settings. The
/// abbreviations are fixed English ones, as the core's charts write them
/// (chrono's "%b"): en_GB's own "MMM" became "Sept" in recent CLDR.
public enum Day {
    /// Abbreviated month names, January first.
    public static let monthAbbreviations = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ]
    /// Abbreviated weekday names, Sunday first (Calendar's `weekday` 1...7).
    public static let weekdayAbbreviations = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]

    /// The Gregorian calendar at UTC with the POSIX locale, in which day strings are read and written.
    public static var calendar: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.locale = Locale(identifier: "en_US_POSIX")
        calendar.timeZone = utc
        return calendar
    }

    /// UTC; the initialiser cannot fail for an offset of zero.
    static var utc: TimeZone { TimeZone(secondsFromGMT: 0) ?? TimeZone.current }

    /// Year, month and day of an ISO day, or nil when it is not a real `YYYY-MM-DD` day.
    public static func components(of day: NaiveDate) -> DateComponents? {
        let bytes = Array(day.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else {
            return nil
        }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for byte in bytes[range] {
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let dayOfMonth = number(8..<10),
              year >= 1, (1...12).contains(month), dayOfMonth >= 1
        else { return nil }
        // Round-trip through the calendar to refuse days such as 2026-02-30.
        let cal = calendar
        let wanted = DateComponents(year: year, month: month, day: dayOfMonth)
        guard let date = cal.date(from: wanted) else { return nil }
        let back = cal.dateComponents([.year, .month, .day], from: date)
        guard back.year == year, back.month == month, back.day == dayOfMonth else { return nil }
        return wanted
    }

    /// The ISO day of year, month and day components, or nil when they do not name a real day.
    public static func iso(_ components: DateComponents) -> NaiveDate? {
        guard let year = components.year, let month = components.month, let day = components.day,
              (1...9999).contains(year)
        else { return nil }
        let text = pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2)
        return Day.components(of: text) == nil ? nil : text
    }

    /// Midnight UTC at the start of an ISO day, or nil when it is not a real day.
    public static func date(_ day: NaiveDate) -> Date? {
        components(of: day).flatMap { calendar.date(from: $0) }
    }

    /// The ISO day an instant falls on in a time zone (the user's local day).
    public static func iso(_ date: Date, in timeZone: TimeZone) -> NaiveDate {
        var local = calendar
        local.timeZone = timeZone
        let parts = local.dateComponents([.year, .month, .day], from: date)
        return pad(parts.year ?? 1970, 4) + "-" + pad(parts.month ?? 1, 2) + "-" + pad(parts.day ?? 1, 2)
    }

    /// The day `days` after (or before, when negative) an ISO day, or nil when it is not a real day.
    public static func adding(_ days: Int, to day: NaiveDate) -> NaiveDate? {
        let cal = calendar
        guard let start = date(day), let moved = cal.date(byAdding: .day, value: days, to: start) else {
            return nil
        }
        return iso(moved, in: utc)
    }

    /// Calendar's weekday of an ISO day (1 Sunday ... 7 Saturday), or nil when it is not a real day.
    public static func weekday(of day: NaiveDate) -> Int? {
        date(day).map { calendar.component(.weekday, from: $0) }
    }

    /// Zero-pads a non-negative number to `width` digits.
    private static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
