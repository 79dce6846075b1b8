import Foundation
import TandemCore

/// Whose moves a bar shows.
public enum Person: String, Sendable, Hashable, CaseIterable {
    /// The user.
    case me
    /// The user's partner, as the user saw it.
    case partner
}

/// One stacked piece of a week's moves bar: the days one person made one move.
public struct MoveSegment: Hashable, Identifiable, Sendable {
    /// The week's first day.
    public let weekStart: NaiveDate
    /// The week's position on the chart, 0 for the oldest.
    public let weekIndex: Int
    /// The week's axis label ("23 Nov").
    public let weekLabel: String
    /// Whose bar this piece belongs to.
    public let person: Person
    /// The move (for me, never `.unknown`).
    public let move: PartnerMove
    /// The move's short name in the chart legend, from the core.
    public let label: String
    /// Position in the stack, 0 at the bottom: pursued, withdrew, both, neither, unknown.
    public let order: Int
    /// Height in days, 0 to 7.
    public let days: Int

    /// A stable id for the chart: week, person and move.
    public var id: String { "\(weekStart)/\(person.rawValue)/\(order)" }
}

/// One entry of the moves legend: a move and its short name from the core.
public struct LegendEntry: Hashable, Sendable {
    /// The move (my moves use the first four).
    public let move: PartnerMove
    /// Its name in the legend ("pursued" … "couldn't tell").
    public let name: String
}

/// The moves chart: per week two stacked bars, me and my partner, heights in days.
public struct MovesChart: Equatable, Sendable {
    /// The y axis: 0 to 7 days.
    public static let yDomain: ClosedRange<Double> = CoreScales.days

    /// The chart's heading, from the core.
    public let title: String
    /// The chart's description from the core followed by the role findings.
    public let accessibilityText: String
    /// Every bar piece, oldest week first; weeks with nothing logged have none.
    public let segments: [MoveSegment]
    /// The legend, bottom of the stack first: pursued, withdrew, both, neither, couldn't tell.
    public let legend: [LegendEntry]
}

/// One week on the mood line: the mean mood, or nil for a gap.
public struct MoodPoint: Sendable, Hashable, Identifiable {
    /// The week's first day.
    public let weekStart: NaiveDate
    /// The week's position on the chart, 0 for the oldest.
    public let weekIndex: Int
    /// The week's axis label ("23 Nov").
    public let weekLabel: String
    /// The week's mean mood, 1 to 5; nil when nothing was logged.
    public let mood: Double?
    /// Which unbroken stretch of the line the point is on, so that a gap breaks the line (a `series` in Swift Charts).
    public let run: Int

    /// A stable id for the chart: the week.
    public var id: NaiveDate { weekStart }
}

/// The mood chart: per week the mean mood, gaps where nothing was logged.
public struct MoodChart: Sendable, Equatable {
    /// The y axis: mood 1 to 5.
    public static let yDomain: ClosedRange<Double> = CoreScales.mood

    /// The chart's heading, from the core.
    public let title: String
    /// The chart's description from the core followed by the mood findings.
    public let accessibilityText: String
    /// One point per week, oldest first.
    public let points: [MoodPoint]
}

/// One week on the cycle-days line: the count, or nil for a gap.
public struct CyclePoint: Sendable, Hashable, Identifiable {
    /// The week's first day.
    public let weekStart: NaiveDate
    /// The week's position on the chart, 0 for the oldest.
    public let weekIndex: Int
    /// The week's axis label ("23 Nov").
    public let weekLabel: String
    /// Cycle days that week, 0 to 7; nil when nothing was logged.
    public let days: Int?
    /// Which unbroken stretch of the line the point is on.
    public let run: Int

    /// A stable id for the chart: the week.
    public var id: NaiveDate { weekStart }
}

/// One end of the cycle-days trend line.
public struct TrendPoint: Sendable, Hashable {
    /// The week's position on the chart.
    public let weekIndex: Int
    /// The week's axis label ("23 Nov").
    public let weekLabel: String
    /// The line's value there, clamped to the days axis.
    public let value: Double
}

/// The cycle-days chart: per week the count, gaps where nothing was logged, and the trend line.
public struct CycleChart: Sendable, Equatable {
    /// The y axis: 0 to 7 days.
    public static let yDomain: ClosedRange<Double> = CoreScales.days

    /// The chart's heading, from the core.
    public let title: String
    /// The chart's description from the core followed by the cycle, intensity, repair and skills findings.
    public let accessibilityText: String
    /// One point per week, oldest first.
    public let points: [CyclePoint]
    /// The trend line's two ends (first and last week), or empty when there are too few weeks for one.
    public let trend: [TrendPoint]
}

/// The week view: the three charts as values Swift Charts plots, the findings, and the chosen week in numbers.
///
/// Every number, title and description comes from the core's insights; this
/// only lays them out per week and names the bars with the core's chart legend.
public struct WeekView: Equatable, Sendable {
    /// The first day of the chosen week.
    public let weekStart: NaiveDate
    /// The chosen week in numbers.
    public let week: WeekSummary
    /// What stands out over the charted weeks, in the core's words.
    public let findings: [Finding]
    /// Moves, me and my partner.
    public let moves: MovesChart
    /// The mood line.
    public let mood: MoodChart
    /// Cycle days with their trend.
    public let cycle: CycleChart

    /// Finding kinds read out after each chart's description.
    public static let movesKinds: [FindingKind] = [.roles]
    /// Finding kinds read out after the mood chart's description.
    public static let moodKinds: [FindingKind] = [.mood]
    /// Finding kinds read out after the cycle chart's description.
    public static let cycleKinds: [FindingKind] = [.cycleDays, .intensity, .repair, .skills]

    /// The view from `insights(lastDay:weeks:)` and `weekSummary(day:)`.
    public init(insights: Insights, week: WeekSummary) {
        let points = insights.pattern.points
        let charts = insights.charts
        weekStart = week.weekStart
        self.week = week
        findings = insights.findings

        moves = MovesChart(
            title: charts.moves.title,
            accessibilityText: Self.accessibilityText(charts.moves, insights.findings, Self.movesKinds),
            segments: Self.moveSegments(points, Self.legend(charts.movesLegend)),
            legend: Self.legend(charts.movesLegend))

        let moodRuns = Self.runs(points.map { $0.mood != nil })
        mood = MoodChart(
            title: charts.mood.title,
            accessibilityText: Self.accessibilityText(charts.mood, insights.findings, Self.moodKinds),
            points: points.enumerated().map { i, p in
                MoodPoint(
                    weekStart: p.weekStart, weekIndex: i, weekLabel: DateLabels.day(p.weekStart),
                    mood: p.mood, run: moodRuns[i])
            })

        let cycleRuns = Self.runs(points.map { $0.cycleDays != nil })
        cycle = CycleChart(
            title: charts.cycle.title,
            accessibilityText: Self.accessibilityText(charts.cycle, insights.findings, Self.cycleKinds),
            points: points.enumerated().map { i, p in
                CyclePoint(
                    weekStart: p.weekStart, weekIndex: i, weekLabel: DateLabels.day(p.weekStart),
                    days: p.cycleDays.map { Int($0) }, run: cycleRuns[i])
            },
            trend: Self.trendEnds(charts.cycleTrend, points))
    }

    /// The view of `insights` and `week` (same as the initialiser).
    public static func from(_ insights: Insights, week: WeekSummary) -> WeekView {
        WeekView(insights: insights, week: week)
    }

    /// The legend entries in stack order, named by the core.
    static func legend(_ names: MovesLegend) -> [LegendEntry] {
        [
            LegendEntry(move: .pursued, name: names.pursued),
            LegendEntry(move: .withdrew, name: names.withdrew),
            LegendEntry(move: .both, name: names.both),
            LegendEntry(move: .neither, name: names.neither),
            LegendEntry(move: .unknown, name: names.unknown),
        ]
    }

    /// A chart's description followed by the texts of the findings of the given kinds, joined by spaces.
    public static func accessibilityText(
        _ chart: ChartText, _ findings: [Finding], _ kinds: [FindingKind]
    ) -> String {
        let texts = findings.filter { kinds.contains($0.kind) }.map(\.text)
        return ([chart.description] + texts).joined(separator: " ")
    }

    /// The trend line's ends at the first and last week, clamped to the days axis by the core; empty without a line.
    public static func trendEnds(_ line: TrendLine?, _ points: [WeekPoint]) -> [TrendPoint] {
        guard let line, let first = points.first, let last = points.last else { return [] }
        let ends = TandemCore.trendEnds(
            intercept: line.intercept, slope: line.slope, weeks: UInt32(clamping: points.count))
        return [
            TrendPoint(weekIndex: 0, weekLabel: DateLabels.day(first.weekStart), value: ends.first),
            TrendPoint(
                weekIndex: points.count - 1, weekLabel: DateLabels.day(last.weekStart), value: ends.last),
        ]
    }

    /// Run numbers for a line with gaps: each stretch of present values gets the next number.
    static func runs(_ present: [Bool]) -> [Int] {
        var run = 0
        var previous = true
        return present.map { isPresent in
            if isPresent && !previous {
                run += 1
            }
            previous = isPresent
            return run
        }
    }

    /// The stacked pieces of every week's two bars, named by `legend` (in stack order).
    static func moveSegments(_ points: [WeekPoint], _ legend: [LegendEntry]) -> [MoveSegment] {
        func name(_ order: Int) -> String {
            order < legend.count ? legend[order].name : ""
        }
        var segments: [MoveSegment] = []
        for (i, point) in points.enumerated() {
            let weekLabel = DateLabels.day(point.weekStart)
            func add(_ person: Person, _ move: PartnerMove, _ label: String, _ order: Int, _ days: UInt32) {
                segments.append(MoveSegment(
                    weekStart: point.weekStart, weekIndex: i, weekLabel: weekLabel, person: person,
                    move: move, label: label, order: order, days: Int(days)))
            }
            if let me = point.myMoves {
                add(.me, .pursued, name(0), 0, me.pursued)
                add(.me, .withdrew, name(1), 1, me.withdrew)
                add(.me, .both, name(2), 2, me.both)
                add(.me, .neither, name(3), 3, me.neither)
            }
            if let partner = point.partnerMoves {
                add(.partner, .pursued, name(0), 0, partner.pursued)
                add(.partner, .withdrew, name(1), 1, partner.withdrew)
                add(.partner, .both, name(2), 2, partner.both)
                add(.partner, .neither, name(3), 3, partner.neither)
                add(.partner, .unknown, name(4), 4, partner.unknown)
            }
        }
        return segments
    }
}

/// The core's scales and chart axes, read once: the model restates none of them.
public enum CoreScales {
    private static let scales = TandemCore.scales()
    /// The days axis of the moves and cycle-days charts.
    public static let days: ClosedRange<Double> = scales.daysAxisMin...scales.daysAxisMax
    /// The mood chart's axis.
    public static let mood: ClosedRange<Double> = scales.moodAxisMin...scales.moodAxisMax
    /// Mood answers.
    public static let moods: ClosedRange<UInt8> = scales.mood.min...scales.mood.max
    /// How heated it got.
    public static let intensities: ClosedRange<UInt8> = scales.intensity.min...scales.intensity.max
    /// The closeness rating.
    public static let closenessRatings: ClosedRange<UInt8> = scales.closeness.min...scales.closeness.max
    /// How safe hard talks felt.
    public static let talkSafety: ClosedRange<UInt8> = scales.talkSafety.min...scales.talkSafety.max
    /// Weeks the charts show unless asked otherwise.
    public static let defaultWeeks: UInt32 = scales.defaultWeeks
}
