import SwiftUI
import TandemKit

/// A row that ticks a choice on or off (behaviours, feelings, skills,
/// closeness words). VoiceOver hears the label and "selected".
struct TickRow: View {
    let label: String
    let isOn: Bool
    let action: () -> Void

    var body: some View {
        SelectableRow(label: label, isOn: isOn, action: action) {
            Image(systemName: isOn ? "checkmark.circle.fill" : "circle")
                .foregroundStyle(isOn ? AnyShapeStyle(.tint) : AnyShapeStyle(.secondary))
                .accessibilityHidden(true)
        }
    }
}

/// A row that picks one answer among several (moves, repair, who); the
/// caller decides whether picking it again clears it.
struct ChoiceRow: View {
    let label: String
    let isOn: Bool
    let action: () -> Void

    var body: some View {
        SelectableRow(label: label, isOn: isOn, action: action) {
            if isOn {
                Image(systemName: "checkmark")
                    .foregroundStyle(.tint)
                    .accessibilityHidden(true)
            }
        }
    }
}

/// What both kinds of row are: the label across the row and a `mark` at its
/// end (hidden from VoiceOver, which hears "selected" instead), the whole
/// row the target.
private struct SelectableRow<Mark: View>: View {
    let label: String
    let isOn: Bool
    let action: () -> Void
    @ViewBuilder var mark: Mark

    var body: some View {
        Button(action: action) {
            HStack(alignment: .firstTextBaseline) {
                Text(label)
                    .foregroundStyle(.primary)
                    .frame(maxWidth: .infinity, alignment: .leading)
                    .fixedSize(horizontal: false, vertical: true)
                mark
            }
            .contentShape(Rectangle())
        }
        .accessibilityAddTraits(isOn ? [.isSelected] : [])
    }
}

/// A field for the user's own words: grows from 3 to 12 lines, and is
/// marked privacy-sensitive for the system to redact.
struct WordsField: View {
    let prompt: String
    @Binding var text: String

    var body: some View {
        TextField(prompt, text: $text, axis: .vertical)
            .lineLimit(3...12)
            .privacySensitive()
    }
}

/// The end of an entry form (check-in, reflection): why it can't be saved
/// yet, the refused save's sentence or "Saved.", the save button with its
/// progress, and, once the entry is saved, its delete button.
struct SaveSection: View {
    /// The entry, for the buttons' words: "check-in", "reflection".
    let entry: String
    /// Why the entry can't be saved yet; nil when it can.
    var notReady: String? = nil
    let savedBefore: Bool
    let saving: Bool
    let message: String?
    let savedNote: String?
    let save: () -> Void
    let delete: () -> Void

    var body: some View {
        SwiftUI.Section {
            if let notReady {
                Text(notReady)
                    .foregroundStyle(.secondary)
            }
            ErrorLine(message: message)
            if let savedNote {
                Label(savedNote, systemImage: "checkmark.circle")
                    .foregroundStyle(.green)
            }
            Button(action: save) {
                HStack {
                    if saving { ProgressView() }
                    Text(savedBefore ? "Save changes" : "Save \(entry)")
                        .bold()
                }
                .frame(maxWidth: .infinity)
            }
            .disabled(notReady != nil || saving)
            if savedBefore {
                Button("Delete this \(entry)", role: .destructive, action: delete)
            }
        }
    }
}

/// A 1–5 (or 0–10) scale as a row of buttons that wraps at large text
/// sizes, with words for its two ends. Tapping the chosen value again
/// clears it when `clearable`.
struct ScalePicker: View {
    let title: String
    let range: ClosedRange<UInt8>
    let lowWord: String
    let highWord: String
    @Binding var value: UInt8?
    var clearable = true

    @ScaledMetric(relativeTo: .body) private var cellWidth: CGFloat = 56

    var body: some View {
        VStack(alignment: .leading, spacing: 8) {
            ViewThatFits(in: .horizontal) {
                HStack(spacing: 6) { buttons }
                LazyVGrid(columns: [GridItem(.adaptive(minimum: cellWidth), spacing: 6)], spacing: 6) { buttons }
            }
            HStack {
                Text("\(range.lowerBound) \(lowWord)")
                Spacer(minLength: 12)
                Text("\(range.upperBound) \(highWord)")
                    .multilineTextAlignment(.trailing)
            }
            .font(.caption)
            .foregroundStyle(.secondary)
            .accessibilityHidden(true)
        }
        .accessibilityElement(children: .contain)
        .accessibilityLabel(title)
    }

    @ViewBuilder
    private var buttons: some View {
        ForEach(Array(range), id: \.self) { n in
            let chosen = value == n
            Button {
                value = (chosen && clearable) ? nil : n
            } label: {
                Text("\(n)")
                    .font(.body.monospacedDigit().weight(chosen ? .bold : .regular))
                    .frame(maxWidth: .infinity, minHeight: 44)
            }
            .buttonStyle(.bordered)
            .tint(chosen ? Color.accentColor : Color.secondary)
            .accessibilityLabel("\(n) of \(range.upperBound)")
            .accessibilityHint(n == range.lowerBound ? lowWord : (n == range.upperBound ? highWord : ""))
            .accessibilityAddTraits(chosen ? [.isSelected] : [])
        }
    }
}

/// The sides of the cycle, as the core groups choices, for headings that
/// follow a colon ("What you did: pulling back"); the Android app's words.
enum SideTitle {
    static func of(_ side: Side?) -> String {
        switch side {
        case .pursuing: "reaching for connection"
        case .withdrawing: "pulling back"
        case nil: "other"
        }
    }
}
