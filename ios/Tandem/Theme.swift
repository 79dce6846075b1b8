import SwiftUI

/// Colours and small styles shared by the screens. Chart fills differ in
/// lightness as well as hue (as in the core's SVG charts), so the moves stay
/// apart for people who do not see the hues and in greyscale.
enum Theme {
    /// Pursued: the darkest fill.
    static let pursued = Color(red: 0.12, green: 0.23, blue: 0.45)
    /// Withdrew: a mid fill.
    static let withdrew = Color(red: 0.36, green: 0.56, blue: 0.80)
    /// Both: a warm mid-light fill.
    static let both = Color(red: 0.85, green: 0.55, blue: 0.25)
    /// Neither: light grey.
    static let neither = Color(red: 0.80, green: 0.81, blue: 0.84)
    /// Unknown (partner only): the lightest fill.
    static let unknown = Color(red: 0.93, green: 0.93, blue: 0.95)
    /// The mood line and cycle bars.
    static let line = Color.accentColor
    /// The trend line.
    static let trend = Color(red: 0.80, green: 0.30, blue: 0.25)
}

/// A card-like group on the week screen.
struct Card<Content: View>: View {
    @ViewBuilder var content: Content

    var body: some View {
        VStack(alignment: .leading, spacing: 12) {
            content
        }
        .frame(maxWidth: .infinity, alignment: .leading)
        .padding()
        .background(.background.secondary, in: RoundedRectangle(cornerRadius: 12))
    }
}

/// The one line an error leaves on a screen, read out by VoiceOver.
struct ErrorLine: View {
    let message: String?

    var body: some View {
        if let message {
            Label(message, systemImage: "exclamationmark.circle")
                .font(.callout)
                .foregroundStyle(.red)
                .fixedSize(horizontal: false, vertical: true)
                .accessibilityLabel(message)
        }
    }
}

/// What a screen shows when its content couldn't be loaded: what failed,
/// the sentence, and "Try again", which runs `retry`.
struct LoadFailedView: View {
    let title: String
    let message: String
    let retry: @MainActor () async -> Void

    var body: some View {
        ContentUnavailableView {
            Label(title, systemImage: "exclamationmark.triangle")
        } description: {
            Text(message)
        } actions: {
            Button("Try again") { Task { await retry() } }
        }
    }
}
