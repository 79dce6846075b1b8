import Charts
import SwiftUI
import TandemKit

/// The week view's three charts, drawn from TandemKit's chart models. Each
/// chart is one VoiceOver element: its title, then the core's description
/// followed by the matching findings; an audio graph comes with it.

/// The colours of the moves; their names come from the core, in the
/// chart's `legend` (the pick-list labels are whole sentences).
enum MoveLegend {
    static func color(_ move: PartnerMove) -> Color {
        switch move {
        case .pursued: Theme.pursued
        case .withdrew: Theme.withdrew
        case .both: Theme.both
        case .neither: Theme.neither
        case .unknown: Theme.unknown
        }
    }
}

/// Every nth week label, so a dozen weeks do not crowd the axis.
private func axisLabels(_ labels: [String]) -> [String] {
    guard labels.count > 4 else { return labels }
    let step = Int((Double(labels.count) / 4).rounded(.up))
    return labels.enumerated().filter { $0.offset % step == 0 }.map(\.element)
}

/// A mark at every whole value of `domain` (the core's axis), for the y axis.
private func wholeMarks(_ domain: ClosedRange<Double>) -> [Double] {
    Array(stride(from: domain.lowerBound.rounded(.up), through: domain.upperBound, by: 1))
}

/// The chart's frame height, growing with the text size so axis labels keep room.
private struct ChartHeight: ViewModifier {
    @ScaledMetric(relativeTo: .caption) private var height: CGFloat = 220

    func body(content: Content) -> some View {
        content.frame(height: height)
    }
}

/// What the three charts share: the title above the chart (hidden from
/// VoiceOver, which hears it as the element's label), and the whole as one
/// VoiceOver element whose value is the core's description and findings,
/// with its audio graph.
private struct WeekChartFrame<Content: View, Descriptor: AXChartDescriptorRepresentable>: View {
    let title: String
    let accessibilityText: String
    let descriptor: Descriptor
    @ViewBuilder var content: Content

    var body: some View {
        VStack(alignment: .leading, spacing: 8) {
            Text(title)
                .font(.headline)
                .accessibilityHidden(true)
            content
        }
        .accessibilityElement(children: .ignore)
        .accessibilityLabel(title)
        .accessibilityValue(accessibilityText)
        .accessibilityChartDescriptor(descriptor)
    }
}

extension View {
    /// The axes every week chart has: the weeks along x (every nth one
    /// labelled), `yDomain` up the side marked at `yMarks`, and the height.
    fileprivate func weekAxes(_ weekLabels: [String], yDomain: ClosedRange<Double>, yMarks: [Double]) -> some View {
        chartXScale(domain: weekLabels)
            .chartYScale(domain: yDomain)
            .chartXAxis {
                AxisMarks(values: axisLabels(weekLabels))
            }
            .chartYAxis {
                AxisMarks(values: yMarks)
            }
            .modifier(ChartHeight())
    }
}

/// Stacked bars per week: my moves and my partner's side by side.
struct MovesChartView: View {
    let chart: MovesChart
    let weekLabels: [String]

    var body: some View {
        WeekChartFrame(
            title: chart.title, accessibilityText: chart.accessibilityText,
            descriptor: MovesDescriptor(chart: chart, weekLabels: weekLabels)
        ) {
            Chart(chart.segments) { segment in
                BarMark(
                    x: .value("Week", segment.weekLabel),
                    y: .value("Days", Double(segment.days))
                )
                .foregroundStyle(by: .value("Move", segment.label))
                .position(by: .value("Whose", segment.person == .me ? "Me" : "Partner"))
            }
            .chartForegroundStyleScale(
                domain: chart.legend.map(\.name), range: chart.legend.map { MoveLegend.color($0.move) })
            .chartLegend(position: .bottom, alignment: .leading)
            .weekAxes(weekLabels, yDomain: MovesChart.yDomain, yMarks: wholeMarks(MovesChart.yDomain))
            Text("For each week, the left bar is you and the right bar is your partner, as you saw them. Heights are days.")
                .font(.caption)
                .foregroundStyle(.secondary)
                .accessibilityHidden(true)
        }
    }
}

/// The mean mood per week, broken where a week has no check-ins.
struct MoodChartView: View {
    let chart: MoodChart
    let weekLabels: [String]

    var body: some View {
        WeekChartFrame(
            title: chart.title, accessibilityText: chart.accessibilityText,
            descriptor: MoodDescriptor(chart: chart)
        ) {
            Chart {
                ForEach(chart.points.filter { $0.mood != nil }) { point in
                    LineMark(
                        x: .value("Week", point.weekLabel),
                        y: .value("Mood", point.mood ?? 0),
                        series: .value("Stretch", point.run)
                    )
                    .foregroundStyle(Theme.line)
                    PointMark(
                        x: .value("Week", point.weekLabel),
                        y: .value("Mood", point.mood ?? 0)
                    )
                    .foregroundStyle(Theme.line)
                }
            }
            .weekAxes(weekLabels, yDomain: MoodChart.yDomain, yMarks: wholeMarks(MoodChart.yDomain))
        }
    }
}

/// Cycle days per week as bars, with the core's trend line.
struct CycleChartView: View {
    let chart: CycleChart
    let weekLabels: [String]

    var body: some View {
        WeekChartFrame(
            title: chart.title, accessibilityText: chart.accessibilityText,
            descriptor: CycleDescriptor(chart: chart)
        ) {
            Chart {
                ForEach(chart.points.filter { $0.days != nil }) { point in
                    BarMark(
                        x: .value("Week", point.weekLabel),
                        y: .value("Cycle days", Double(point.days ?? 0))
                    )
                    .foregroundStyle(Theme.line.opacity(0.75))
                }
                ForEach(chart.trend, id: \.weekIndex) { end in
                    LineMark(
                        x: .value("Week", end.weekLabel),
                        y: .value("Trend", end.value),
                        series: .value("Line", "Trend")
                    )
                    .foregroundStyle(Theme.trend)
                    .lineStyle(StrokeStyle(lineWidth: 2, dash: [6, 4]))
                }
            }
            .weekAxes(weekLabels, yDomain: CycleChart.yDomain, yMarks: wholeMarks(CycleChart.yDomain))
            if !chart.trend.isEmpty {
                Label("Dashed line: the trend", systemImage: "line.diagonal")
                    .font(.caption)
                    .foregroundStyle(.secondary)
                    .accessibilityHidden(true)
            }
        }
    }
}

// MARK: Audio graphs

private struct MovesDescriptor: AXChartDescriptorRepresentable {
    let chart: MovesChart
    let weekLabels: [String]

    func makeChartDescriptor() -> AXChartDescriptor {
        let xAxis = AXCategoricalDataAxisDescriptor(title: "Week", categoryOrder: weekLabels)
        let yAxis = AXNumericDataAxisDescriptor(
            title: "Days", range: MovesChart.yDomain, gridlinePositions: []
        ) { value in "\(Int(value)) days" }
        var series: [AXDataSeriesDescriptor] = []
        for person in Person.allCases {
            for entry in chart.legend {
                let points = chart.segments
                    .filter { $0.person == person && $0.move == entry.move }
                    .map { AXDataPoint(x: $0.weekLabel, y: Double($0.days)) }
                guard !points.isEmpty else { continue }
                let whose = person == .me ? "You" : "Partner"
                series.append(AXDataSeriesDescriptor(
                    name: "\(whose): \(entry.name)", isContinuous: false, dataPoints: points))
            }
        }
        return AXChartDescriptor(
            title: chart.title, summary: chart.accessibilityText,
            xAxis: xAxis, yAxis: yAxis, additionalAxes: [], series: series)
    }
}

private struct MoodDescriptor: AXChartDescriptorRepresentable {
    let chart: MoodChart

    func makeChartDescriptor() -> AXChartDescriptor {
        let xAxis = AXCategoricalDataAxisDescriptor(
            title: "Week", categoryOrder: chart.points.map(\.weekLabel))
        let yAxis = AXNumericDataAxisDescriptor(
            title: "Mood", range: MoodChart.yDomain, gridlinePositions: []
        ) { value in "\(String(format: "%.1f", value)) of \(CheckInForm.moods.upperBound)" }
        let points = chart.points.compactMap { point in
            point.mood.map { AXDataPoint(x: point.weekLabel, y: $0) }
        }
        let series = AXDataSeriesDescriptor(name: "Average mood", isContinuous: true, dataPoints: points)
        return AXChartDescriptor(
            title: chart.title, summary: chart.accessibilityText,
            xAxis: xAxis, yAxis: yAxis, additionalAxes: [], series: [series])
    }
}

private struct CycleDescriptor: AXChartDescriptorRepresentable {
    let chart: CycleChart

    func makeChartDescriptor() -> AXChartDescriptor {
        let xAxis = AXCategoricalDataAxisDescriptor(
            title: "Week", categoryOrder: chart.points.map(\.weekLabel))
        let yAxis = AXNumericDataAxisDescriptor(
            title: "Cycle days", range: CycleChart.yDomain, gridlinePositions: []
        ) { value in "\(Int(value.rounded())) days" }
        let points = chart.points.compactMap { point in
            point.days.map { AXDataPoint(x: point.weekLabel, y: Double($0)) }
        }
        let series = AXDataSeriesDescriptor(name: "Cycle days", isContinuous: false, dataPoints: points)
        return AXChartDescriptor(
            title: chart.title, summary: chart.accessibilityText,
            xAxis: xAxis, yAxis: yAxis, additionalAxes: [], series: [series])
    }
}
