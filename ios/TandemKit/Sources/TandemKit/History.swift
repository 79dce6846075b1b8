import Foundation
import TandemCore

/// One check-in in the history list: its day ("Mon 23 Nov"), my move's label and the mood; opening it edits `date`.
public struct HistoryRow: Hashable, Identifiable, Sendable {
    /// The day of the check-in.
    public let date: NaiveDate
    /// The row's label ("Mon 23 Nov").
    public let dayLabel: String
    /// What I did.
    public let move: Move
    /// What I did, labelled by the core's `choices()`.
    public let moveLabel: String
    /// The day's mood, 1 to 5.
    public let mood: UInt8

    /// A stable id for lists: the day.
    public var id: NaiveDate { date }
}

/// One week of history: its heading ("23–29 Nov 2026"), its check-ins by day, and its reflection if any.
public struct HistorySection: Hashable, Identifiable, Sendable {
    /// The week's first day.
    public let firstDay: NaiveDate
    /// The week's last day.
    public let lastDay: NaiveDate
    /// The week's heading ("23–29 Nov 2026", "30 Nov – 6 Dec 2026", "28 Dec 2026 – 3 Jan 2027").
    public let title: String
    /// The week's check-ins, in the core's order (by day).
    public let rows: [HistoryRow]
    /// The week's reflection, when there is one.
    public let reflection: Reflection?

    /// A stable id for lists: the week's first day.
    public var id: NaiveDate { firstDay }

    /// The section of one core history week, move labels from `choices`.
    public static func from(_ week: HistoryWeek, choices: Choices = TandemCore.choices()) -> HistorySection {
        HistorySection(
            firstDay: week.firstDay,
            lastDay: week.lastDay,
            title: DateLabels.range(week.firstDay, week.lastDay),
            rows: week.checkins.map { saved in
                let checkin = saved.checkin
                return HistoryRow(
                    date: checkin.date,
                    dayLabel: DateLabels.weekday(checkin.date),
                    move: checkin.myMove,
                    moveLabel: choices.moves.first { $0.value == checkin.myMove }?.label ?? "",
                    mood: checkin.mood)
            },
            reflection: week.reflections.first?.reflection)
    }
}

/// Maps the core's `history(from:to:)` weeks to titled sections.
public enum History {
    /// One section per week, newest first as the core returns them; move labels from `choices()`.
    public static func sections(
        _ weeks: [HistoryWeek], choices: Choices = TandemCore.choices()
    ) -> [HistorySection] {
        weeks.map { HistorySection.from($0, choices: choices) }
    }
}
