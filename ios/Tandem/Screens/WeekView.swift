import SwiftUI
import TandemKit

/// One week in numbers, the three charts over the twelve weeks up to it,
/// and what stands out, all from TandemKit's `WeekView` model. (The screen
/// is `WeekScreen` because `WeekView` is the model's name.)
struct WeekScreen: View {
    @Environment(AppModel.self) private var model
    /// Any day of the week shown; nil for this week.
    @State private var day: NaiveDate?
    @State private var week: TandemKit.WeekView?
    @State private var today: NaiveDate?
    @State private var message: String?

    private struct LoadKey: Equatable {
        let day: NaiveDate?
        let changes: Int
    }

    var body: some View {
        ScrollView {
            VStack(alignment: .leading, spacing: 16) {
                if let week {
                    header(week)
                    numbers(week.week)
                    NavigationLink(value: Route.reflection(week.weekStart)) {
                        Label("Reflect on this week", systemImage: "text.bubble")
                            .frame(maxWidth: .infinity, alignment: .leading)
                    }
                    .buttonStyle(.bordered)
                    findings(week.findings)
                    let labels = week.mood.points.map(\.weekLabel)
                    Card { MovesChartView(chart: week.moves, weekLabels: labels) }
                    Card { MoodChartView(chart: week.mood, weekLabels: labels) }
                    Card { CycleChartView(chart: week.cycle, weekLabels: labels) }
                } else if let message {
                    ContentUnavailableView {
                        Label("Couldn't show the week", systemImage: "exclamationmark.triangle")
                    } description: {
                        Text(message)
                    }
                } else {
                    ProgressView()
                        .frame(maxWidth: .infinity)
                }
            }
            .padding()
        }
        .navigationTitle("Your week")
        .journalRoutes()
        .task(id: LoadKey(day: day, changes: model.changes)) {
            await load()
        }
        .refreshable { await load() }
    }

    private func load() async {
        do {
            let now = try await model.store.today()
            today = now
            week = try await model.store.weekView(day: day ?? now)
            message = nil
        } catch {
            message = Messages.message(for: error)
        }
    }

    // MARK: Parts

    @ViewBuilder
    private func header(_ week: TandemKit.WeekView) -> some View {
        let title = DateLabels.range(week.weekStart, lastDay(of: week))
        let previous = Day.adding(-7, to: week.weekStart)
        let next = Day.adding(7, to: week.weekStart)
        let nextAllowed = next.map { start in today.map { start <= $0 } ?? false } ?? false
        ViewThatFits(in: .horizontal) {
            HStack {
                weekButton(previous, label: "Previous week", symbol: "chevron.left")
                Spacer()
                Text(title).font(.headline).multilineTextAlignment(.center)
                Spacer()
                weekButton(nextAllowed ? next : nil, label: "Next week", symbol: "chevron.right")
            }
            VStack(alignment: .leading, spacing: 8) {
                Text(title).font(.headline)
                HStack {
                    weekButton(previous, label: "Previous week", symbol: "chevron.left")
                    weekButton(nextAllowed ? next : nil, label: "Next week", symbol: "chevron.right")
                }
            }
        }
        .accessibilityElement(children: .contain)
    }

    private func weekButton(_ target: NaiveDate?, label: String, symbol: String) -> some View {
        Button {
            if let target { day = target }
        } label: {
            Label(label, systemImage: symbol)
                .labelStyle(.iconOnly)
                .frame(minWidth: 44, minHeight: 44)
        }
        .disabled(target == nil)
        .accessibilityLabel(label)
    }

    /// The week's last day: six days after its first.
    private func lastDay(of week: TandemKit.WeekView) -> NaiveDate {
        Day.adding(6, to: week.weekStart) ?? week.weekStart
    }

    @ViewBuilder
    private func numbers(_ summary: WeekSummary) -> some View {
        Card {
            Text("This week")
                .font(.headline)
            LabeledContent("Days logged", value: "\(summary.daysLogged) of 7")
            LabeledContent("Cycle days", value: "\(summary.cycleDays)")
            LabeledContent("Average mood", value: summary.moodAverage.map { Self.oneDecimal($0) + " of \(CheckInForm.moods.upperBound)" } ?? "–")
            LabeledContent("Average intensity", value: summary.intensityAverage.map { Self.oneDecimal($0) + " of \(CheckInForm.intensities.upperBound)" } ?? "–")
            LabeledContent("Hard moments", value: "\(summary.hardDays)")
            LabeledContent("Reconnected after hard moments", value: summary.repairRate.map(Self.percent) ?? "–")
        }
    }

    @ViewBuilder
    private func findings(_ findings: [Finding]) -> some View {
        Card {
            Text("What stands out")
                .font(.headline)
            if findings.isEmpty {
                Text("Nothing yet: findings need at least three days of check-ins.")
                    .foregroundStyle(.secondary)
            } else {
                ForEach(findings, id: \.text) { finding in
                    HStack(alignment: .firstTextBaseline, spacing: 8) {
                        Image(systemName: "circle.fill")
                            .font(.system(size: 6))
                            .accessibilityHidden(true)
                        Text(finding.text)
                            .fixedSize(horizontal: false, vertical: true)
                    }
                }
            }
        }
    }

    private static func oneDecimal(_ value: Double) -> String {
        value.formatted(.number.precision(.fractionLength(1)))
    }

    private static func percent(_ value: Double) -> String {
        value.formatted(.percent.precision(.fractionLength(0)))
    }
}
