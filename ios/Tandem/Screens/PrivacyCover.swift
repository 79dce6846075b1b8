import SwiftUI

/// What the app switcher and anyone glancing at an inactive app see: the
/// name and a lock, over everything. Shown whenever the scene is not active.
struct PrivacyCover: View {
    var body: some View {
        ZStack {
            Rectangle()
                .fill(.background)
                .ignoresSafeArea()
            VStack(spacing: 12) {
                Image(systemName: "lock.fill")
                    .font(.largeTitle)
                    .foregroundStyle(.tint)
                    .accessibilityHidden(true)
                Text("Tandem")
                    .font(.title.weight(.semibold))
            }
        }
        .accessibilityElement(children: .combine)
        .accessibilityLabel("Tandem is hidden")
    }
}
