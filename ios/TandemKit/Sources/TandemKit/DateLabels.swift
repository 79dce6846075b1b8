import Foundation
import TandemCore

/// Day and week labels in English, as the core's own charts and summary write them: "23 Nov", "Mon 23 Nov", "23–29 Nov 2026".
public enum DateLabels {
    /// A day as a chart's week label: "23 Nov"; the input as is when it is not a real day.
    public static func day(_ day: NaiveDate) -> String {
        guard let parts = Day.components(of: day), let d = parts.day, let m = parts.month else { return day }
        return "\(d) \(Day.monthAbbreviations[m - 1])"
    }

    /// A day as a history row: "Mon 23 Nov"; the input as is when it is not a real day.
    public static func weekday(_ day: NaiveDate) -> String {
        guard let weekday = Day.weekday(of: day) else { return day }
        return "\(Day.weekdayAbbreviations[weekday - 1]) \(Self.day(day))"
    }

    /// A range of days as a heading: "23–29 Nov 2026" within a month, "30 Nov – 6 Dec 2026" across months, "28 Dec 2026 – 3 Jan 2027" across years.
    public static func range(_ first: NaiveDate, _ last: NaiveDate) -> String {
        guard let a = Day.components(of: first), let b = Day.components(of: last),
              let firstYear = a.year, let firstMonth = a.month, let firstDay = a.day,
              let lastYear = b.year, let lastMonth = b.month
        else { return "\(first) – \(last)" }
        let end = "\(day(last)) \(lastYear)"
        if firstYear != lastYear {
            return "\(day(first)) \(firstYear) – \(end)"
        }
        if firstMonth != lastMonth {
            return "\(day(first)) – \(end)"
        }
        return "\(firstDay)–\(end)"
    }
}
