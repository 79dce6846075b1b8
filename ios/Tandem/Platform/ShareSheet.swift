import SwiftUI
import UIKit

/// The system share sheet for one file the app made (the summary PDF).
/// `onDone` runs when the sheet closes, shared or not, so the caller can
/// remove the file.
struct ShareSheet: UIViewControllerRepresentable {
    let url: URL
    let onDone: () -> Void

    func makeUIViewController(context: Context) -> UIActivityViewController {
        let controller = UIActivityViewController(activityItems: [url], applicationActivities: nil)
        // Nothing of the journal goes to places that keep it for others to see.
        controller.excludedActivityTypes = [.addToReadingList, .assignToContact, .postToFacebook, .postToTwitter, .postToWeibo, .postToTencentWeibo, .postToVimeo, .postToFlickr]
        controller.completionWithItemsHandler = { _, _, _, _ in
            onDone()
        }
        return controller
    }

    func updateUIViewController(_ controller: UIActivityViewController, context: Context) {}
}
