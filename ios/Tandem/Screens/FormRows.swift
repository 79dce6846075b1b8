import SwiftUI
import TandemKit

/// A row that ticks a choice on or off (behaviours, feelings, skills,
/// closeness words). VoiceOver hears the label and "selected".
struct TickRow: View {
    let label: String
    let isOn: Bool
    let action: () -> Void

    var body: some View {
        Button(action: action) {
            HStack(alignment: .firstTextBaseline) {
                Text(label)
                    .foregroundStyle(.primary)
                    .frame(maxWidth: .infinity, alignment: .leading)
                    .fixedSize(horizontal: false, vertical: true)
                Image(systemName: isOn ? "checkmark.circle.fill" : "circle")
                    .foregroundStyle(isOn ? AnyShapeStyle(.tint) : AnyShapeStyle(.secondary))
                    .accessibilityHidden(true)
            }
            .contentShape(Rectangle())
        }
        .accessibilityAddTraits(isOn ? [.isSelected] : [])
    }
}

/// A row that picks one answer among several (moves, repair, who); the
/// caller decides whether picking it again clears it.
struct ChoiceRow: View {
    let label: String
    let isOn: Bool
    let action: () -> Void

    var body: some View {
        Button(action: action) {
            HStack(alignment: .firstTextBaseline) {
                Text(label)
                    .foregroundStyle(.primary)
                    .frame(maxWidth: .infinity, alignment: .leading)
                    .fixedSize(horizontal: false, vertical: true)
                if isOn {
                    Image(systemName: "checkmark")
                        .foregroundStyle(.tint)
                        .accessibilityHidden(true)
                }
            }
            .contentShape(Rectangle())
        }
        .accessibilityAddTraits(isOn ? [.isSelected] : [])
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
