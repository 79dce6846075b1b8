import SwiftUI
import TandemKit

/// Every week with an entry, newest first: the week's heading, a row per
/// check-in (day, what I did, mood) that opens the day for editing, and the
/// week's reflection when there is one. Sections come from TandemKit's
/// `History`.
struct HistoryView: View {
    @Environment(AppModel.self) private var model
    @State private var sections: [HistorySection]?
    @State private var message: String?

    var body: some View {
        Group {
            if let sections, sections.isEmpty {
                ContentUnavailableView(
                    "No entries yet",
                    systemImage: "calendar",
                    description: Text("Your check-ins will appear here, week by week."))
            } else if let sections {
                list(sections)
            } else if let message {
                LoadFailedView(title: "Couldn't show the history", message: message, retry: load)
            } else {
                ProgressView()
            }
        }
        .navigationTitle("History")
        .journalRoutes()
        .task(id: model.changes) { await load() }
        .refreshable { await load() }
    }

    private func list(_ sections: [HistorySection]) -> some View {
        List {
            ForEach(sections) { section in
                SwiftUI.Section {
                    ForEach(section.rows) { row in
                        NavigationLink(value: Route.checkIn(row.date)) {
                            HistoryRowView(row: row)
                        }
                    }
                    NavigationLink(value: Route.reflection(section.firstDay)) {
                        Label(
                            section.reflection == nil ? "Reflect on this week" : "Weekly reflection",
                            systemImage: section.reflection == nil ? "plus.bubble" : "text.bubble")
                    }
                } header: {
                    Text(section.title)
                }
            }
        }
    }

    private func load() async {
        do {
            sections = try await model.store.history(from: nil, to: nil)
            message = nil
        } catch {
            message = Messages.message(for: error)
        }
    }
}

/// One check-in row: the day, my move, the mood.
private struct HistoryRowView: View {
    let row: HistoryRow

    var body: some View {
        ViewThatFits(in: .horizontal) {
            HStack(alignment: .firstTextBaseline) {
                Text(row.dayLabel)
                    .font(.body.weight(.semibold))
                Text(row.moveLabel)
                    .foregroundStyle(.secondary)
                    .lineLimit(2)
                Spacer(minLength: 8)
                mood
            }
            VStack(alignment: .leading, spacing: 4) {
                Text(row.dayLabel)
                    .font(.body.weight(.semibold))
                Text(row.moveLabel)
                    .foregroundStyle(.secondary)
                mood
            }
        }
        .accessibilityElement(children: .ignore)
        .accessibilityLabel("\(row.dayLabel). \(row.moveLabel). Mood \(row.mood) of 5.")
        .accessibilityHint("Opens the check-in to edit it.")
    }

    private var mood: some View {
        Text("Mood \(row.mood)")
            .font(.callout.monospacedDigit())
    }
}
