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

/// The chart's frame height, growing with the text size so axis labels keep room.
private struct ChartHeight: ViewModifier {
    @ScaledMetric(relativeTo: .caption) private var height: CGFloat = 220

    func body(content: Content) -> some View {
        content.frame(height: height)
    }
}

/// Stacked bars per week: my moves and my partner's side by side.
struct MovesChartView: View {
    let chart: MovesChart
    let weekLabels: [String]

    var body: some View {
        VStack(alignment: .leading, spacing: 8) {
            Text(chart.title)
                .font(.headline)
                .accessibilityHidden(true)
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
            .chartXScale(domain: weekLabels)
            .chartYScale(domain: MovesChart.yDomain)
            .chartXAxis {
                AxisMarks(values: axisLabels(weekLabels))
            }
            .chartYAxis {
                AxisMarks(values: [0.0, 1, 2, 3, 4, 5, 6, 7])
            }
            .chartLegend(position: .bottom, alignment: .leading)
            .modifier(ChartHeight())
            Text("For each week, the left bar is you and the right bar is your partner, as you saw them. Heights are days.")
                .font(.caption)
                .foregroundStyle(.secondary)
                .accessibilityHidden(true)
        }
        .accessibilityElement(children: .ignore)
        .accessibilityLabel(chart.title)
        .accessibilityValue(chart.accessibilityText)
        .accessibilityChartDescriptor(MovesDescriptor(chart: chart, weekLabels: weekLabels))
    }
}

/// The mean mood per week, broken where a week has no check-ins.
struct MoodChartView: View {
    let chart: MoodChart
    let weekLabels: [String]

    var body: some View {
        VStack(alignment: .leading, spacing: 8) {
            Text(chart.title)
                .font(.headline)
                .accessibilityHidden(true)
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
            .chartXScale(domain: weekLabels)
            .chartYScale(domain: MoodChart.yDomain)
            .chartXAxis {
                AxisMarks(values: axisLabels(weekLabels))
            }
            .chartYAxis {
                AxisMarks(values: [1.0, 2, 3, 4, 5])
            }
            .modifier(ChartHeight())
        }
        .accessibilityElement(children: .ignore)
        .accessibilityLabel(chart.title)
        .accessibilityValue(chart.accessibilityText)
        .accessibilityChartDescriptor(MoodDescriptor(chart: chart))
    }
}

/// Cycle days per week as bars, with the core's trend line.
struct CycleChartView: View {
    let chart: CycleChart
    let weekLabels: [String]

    var body: some View {
        VStack(alignment: .leading, spacing: 8) {
            Text(chart.title)
                .font(.headline)
                .accessibilityHidden(true)
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
            .chartXScale(domain: weekLabels)
            .chartYScale(domain: CycleChart.yDomain)
            .chartXAxis {
                AxisMarks(values: axisLabels(weekLabels))
            }
            .chartYAxis {
                AxisMarks(values: [0.0, 1, 2, 3, 4, 5, 6, 7])
            }
            .modifier(ChartHeight())
            if !chart.trend.isEmpty {
                Label("Dashed line: the trend", systemImage: "line.diagonal")
                    .font(.caption)
                    .foregroundStyle(.secondary)
                    .accessibilityHidden(true)
            }
        }
        .accessibilityElement(children: .ignore)
        .accessibilityLabel(chart.title)
        .accessibilityValue(chart.accessibilityText)
        .accessibilityChartDescriptor(CycleDescriptor(chart: chart))
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
        ) { value in String(format: "%.1f of 5", value) }
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
