import Foundation
import WebKit

/// Prints the core's summary HTML to PDF with `WKWebView.createPDF` in an
/// offscreen, offline web view (see `OfflineWeb`), and writes it to a
/// scratch file for the share sheet.
@MainActor
final class SummaryPDF: NSObject, WKNavigationDelegate {
    enum Failure: Error {
        case loadFailed
        case emptyPDF
    }

    /// Wide enough for the summary's widest layout (46rem of text plus
    /// padding at 16px), so its tables never scroll inside their boxes and
    /// nothing is cut off. The PDF is one page of this width and the full
    /// height of the document.
    static let pageWidth: CGFloat = 794

    private var loaded: CheckedContinuation<Void, Error>?

    /// The PDF bytes of `html`.
    static func render(html: String) async throws -> Data {
        let rules = await OfflineWeb.ruleList()
        let printer = SummaryPDF()
        let webView = OfflineWeb.makeWebView(width: pageWidth, rules: rules)
        webView.navigationDelegate = printer
        defer {
            webView.navigationDelegate = nil
            webView.stopLoading()
        }
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, Error>) in
            printer.loaded = continuation
            webView.loadHTMLString(html, baseURL: nil)
        }
        let data: Data = try await withCheckedThrowingContinuation { continuation in
            webView.createPDF(configuration: WKPDFConfiguration()) { result in
                continuation.resume(with: result)
            }
        }
        guard !data.isEmpty else { throw Failure.emptyPDF }
        return data
    }

    /// Renders `html` and writes it to a new scratch file named for the
    /// range ("Tandem summary 2026-09-01 to 2026-11-24.pdf"), readable only
    /// while the phone is unlocked. The caller removes it after sharing with
    /// `JournalFiles.discard`.
    static func file(html: String, from: String, to: String) async throws -> URL {
        let data = try await render(html: html)
        let folder = try JournalFiles.scratchFolder()
        let url = folder.appendingPathComponent("Tandem summary \(from) to \(to).pdf", isDirectory: false)
        try data.write(to: url, options: [.atomic, .completeFileProtection])
        return url
    }

    // MARK: WKNavigationDelegate

    func webView(
        _ webView: WKWebView,
        decidePolicyFor navigationAction: WKNavigationAction,
        decisionHandler: @escaping @MainActor @Sendable (WKNavigationActionPolicy) -> Void
    ) {
        decisionHandler(OfflineWeb.allows(navigationAction.request.url) ? .allow : .cancel)
    }

    func webView(_ webView: WKWebView, didFinish navigation: WKNavigation!) {
        finish(with: nil)
    }

    func webView(_ webView: WKWebView, didFail navigation: WKNavigation!, withError error: Error) {
        finish(with: Failure.loadFailed)
    }

    func webView(_ webView: WKWebView, didFailProvisionalNavigation navigation: WKNavigation!, withError error: Error) {
        finish(with: Failure.loadFailed)
    }

    func webViewWebContentProcessDidTerminate(_ webView: WKWebView) {
        finish(with: Failure.loadFailed)
    }

    private func finish(with error: Error?) {
        guard let continuation = loaded else { return }
        loaded = nil
        if let error {
            continuation.resume(throwing: error)
        } else {
            continuation.resume()
        }
    }
}
