import SwiftUI
import WebKit

/// Web views that show the core's summary HTML and can reach nothing.
///
/// The HTML is self-contained (inline CSS and SVG, no script, no URL), and
/// the web view is built so that holds even if it did not: JavaScript off,
/// no persistent website data, HTML loaded with a nil base URL (so the page is
/// `about:blank`), a content rule list that blocks every network, file, data
/// and blob load, and a navigation delegate that refuses any navigation whose
/// scheme is not `about`.
@MainActor
enum OfflineWeb {
    private static let ruleListIdentifier = "app.tandem.block-all-loads"
    private static let rules = """
    [
      {"trigger": {"url-filter": "^https?:"}, "action": {"type": "block"}},
      {"trigger": {"url-filter": "^wss?:"}, "action": {"type": "block"}},
      {"trigger": {"url-filter": "^ftp:"}, "action": {"type": "block"}},
      {"trigger": {"url-filter": "^file:"}, "action": {"type": "block"}},
      {"trigger": {"url-filter": "^data:"}, "action": {"type": "block"}},
      {"trigger": {"url-filter": "^blob:"}, "action": {"type": "block"}}
    ]
    """
    private static var compiled: WKContentRuleList?

    /// The compiled block-everything list (compiled once, then cached). If
    /// WebKit cannot compile it, the navigation policy and the absence of any
    /// URL in the page still keep the view offline.
    static func ruleList() async -> WKContentRuleList? {
        if let compiled { return compiled }
        let list: WKContentRuleList? = await withCheckedContinuation { continuation in
            guard let store = WKContentRuleListStore.default() else {
                continuation.resume(returning: nil)
                return
            }
            store.compileContentRuleList(
                forIdentifier: ruleListIdentifier, encodedContentRuleList: rules
            ) { list, _ in
                continuation.resume(returning: list)
            }
        }
        compiled = list
        return list
    }

    /// A web view set up as described above, `width` points wide.
    static func makeWebView(width: CGFloat, rules: WKContentRuleList?) -> WKWebView {
        let configuration = WKWebViewConfiguration()
        configuration.websiteDataStore = .nonPersistent()
        configuration.defaultWebpagePreferences.allowsContentJavaScript = false
        configuration.preferences.javaScriptCanOpenWindowsAutomatically = false
        configuration.dataDetectorTypes = []
        configuration.allowsInlineMediaPlayback = false
        configuration.mediaTypesRequiringUserActionForPlayback = .all
        if let rules {
            configuration.userContentController.add(rules)
        }
        let webView = WKWebView(frame: CGRect(x: 0, y: 0, width: width, height: 800), configuration: configuration)
        webView.allowsLinkPreview = false
        webView.allowsBackForwardNavigationGestures = false
        return webView
    }

    /// Whether a navigation may go ahead: only the `about:` page the HTML
    /// string is loaded into.
    nonisolated static func allows(_ url: URL?) -> Bool {
        guard let scheme = url?.scheme?.lowercased() else { return false }
        return scheme == "about"
    }
}

/// Shows summary HTML inside the app (the preview before sharing). Links,
/// if there ever were any, do nothing.
struct SummaryPreview: UIViewRepresentable {
    let html: String
    let rules: WKContentRuleList?

    func makeCoordinator() -> Coordinator { Coordinator() }

    func makeUIView(context: Context) -> WKWebView {
        let webView = OfflineWeb.makeWebView(width: 390, rules: rules)
        webView.navigationDelegate = context.coordinator
        webView.isOpaque = false
        webView.accessibilityLabel = "Summary preview"
        return webView
    }

    func updateUIView(_ webView: WKWebView, context: Context) {
        guard context.coordinator.loaded != html else { return }
        context.coordinator.loaded = html
        webView.loadHTMLString(html, baseURL: nil)
    }

    static func dismantleUIView(_ webView: WKWebView, coordinator: Coordinator) {
        webView.stopLoading()
        webView.navigationDelegate = nil
        coordinator.loaded = nil
    }

    @MainActor
    final class Coordinator: NSObject, WKNavigationDelegate {
        var loaded: String?

        func webView(
            _ webView: WKWebView,
            decidePolicyFor navigationAction: WKNavigationAction,
            decisionHandler: @escaping @MainActor @Sendable (WKNavigationActionPolicy) -> Void
        ) {
            decisionHandler(OfflineWeb.allows(navigationAction.request.url) ? .allow : .cancel)
        }
    }
}
