import SwiftUI
import UIKit

/// A window above everything the app shows (sheets, the share sheet, the
/// file picker and alerts included) holding the privacy cover, so the app
/// switcher's snapshot and a glance at an inactive app show nothing of the
/// journal. A view overlay alone would leave presented sheets uncovered.
@MainActor
final class PrivacyShield {
    private var window: UIWindow?

    /// Whether the cover is up.
    var isShown: Bool { window != nil }

    /// Puts the cover up over the app's scene.
    func show() {
        guard window == nil, let scene = Self.activeScene() else { return }
        let cover = UIWindow(windowScene: scene)
        cover.windowLevel = .alert + 1
        let host = UIHostingController(rootView: PrivacyCover())
        host.view.backgroundColor = .systemBackground
        cover.rootViewController = host
        cover.isHidden = false
        window = cover
    }

    /// Takes the cover down.
    func hide() {
        window?.isHidden = true
        window = nil
    }

    /// The app's window scene (the app has one; foreground scenes first).
    private static func activeScene() -> UIWindowScene? {
        let scenes = UIApplication.shared.connectedScenes.compactMap { $0 as? UIWindowScene }
        return scenes.first { $0.activationState == .foregroundActive }
            ?? scenes.first { $0.activationState == .foregroundInactive }
            ?? scenes.first
    }
}
